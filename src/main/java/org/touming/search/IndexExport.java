package org.touming.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;
import org.touming.content.Catalog;
import org.touming.content.Department;
import org.touming.content.Kind;
import org.touming.content.Region;

/**
 * Writes the index for the browser, read from Lucene's own segments so that every statistic is the
 * one IndexSearcher scores with. Each file is a script that hands its data to {@code toumingSearch}
 * when loaded, so the same files work over http and from disk:
 *
 * <ul>
 *   <li>{@code search/meta.js}: per field the document count and total term count (BM25's avgdl),
 *       Lucene's norm decoding table, the first term of each term chunk, and the filter values of
 *       every run of documents from one page;
 *   <li>{@code search/t/N.js}: terms in code point order, and per term and field its postings:
 *       document gaps and frequencies as varints, each with the document's one-byte norm for that
 *       field;
 *   <li>{@code search/d/N.js}: URL with anchor, title and the start of the text (for snippets) of
 *       each document.
 * </ul>
 *
 * A query loads the meta, the term chunks that would hold its candidate words and bigrams, and the
 * document chunks of the results it shows.
 */
public final class IndexExport {
  /**
   * Target size of a term chunk; a system property lets tests cut many chunks from a small site.
   */
  static final int TERM_CHUNK_BYTES =
      Integer.getInteger("touming.search.term-chunk-bytes", 16 * 1024);

  static final int DOCS_PER_CHUNK = 4;
  static final int SNIPPET_SOURCE = 600;

  private static final ObjectMapper JSON = new ObjectMapper();

  private IndexExport() {}

  /** The document chunks and filter values, written as the documents stream past the index. */
  public static Documents documents(Catalog catalog, ExportSink out) {
    return new Documents(catalog, out);
  }

  public static void write(SearchIndex index, Documents docs, ExportSink out) throws IOException {
    docs.finish();
    IndexReader reader = index.reader();
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("version", 1);
    // The parameters of the similarity IndexSearcher ranks with (its default, BM25).
    BM25Similarity bm25 = new BM25Similarity();
    meta.put("k1", bm25.getK1());
    meta.put("b", bm25.getB());
    meta.put("titleBoost", QueryPlan.TITLE_BOOST);
    meta.put("maxWord", QueryPlan.MAX_WORD);
    meta.put("maxQuery", QueryPlan.MAX_QUERY);
    meta.put("docs", docs.count);
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String f : SearchIndex.FIELDS) {
      Terms terms = MultiTerms.getTerms(reader, f);
      fields.put(
          f,
          List.of(
              terms == null ? 0 : terms.getDocCount(),
              terms == null ? 0 : terms.getSumTotalTermFreq()));
    }
    meta.put("fields", fields);
    List<Integer> lengths = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      lengths.add(SmallFloat.byte4ToInt((byte) i));
    }
    meta.put("lengths", lengths);
    meta.put("termChunks", String.join(" ", termChunks(reader, out)));
    meta.put("docsPerChunk", DOCS_PER_CHUNK);
    docs.describe(meta);
    out.write("search/meta.js", script("m", meta));
  }

  private static byte[] script(String call, Object... args) throws JsonProcessingException {
    StringBuilder sb = new StringBuilder("toumingSearch.").append(call).append('(');
    for (int i = 0; i < args.length; i++) {
      sb.append(i == 0 ? "" : ",").append(JSON.writeValueAsString(args[i]));
    }
    return sb.append(");\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Terms of all fields merged in Lucene's order (UTF-8 bytes, which is code point order; the
   * browser compares the same way), cut into chunks as they stream: no term list is held.
   */
  private static List<String> termChunks(IndexReader reader, ExportSink out) throws IOException {
    List<String> fields = SearchIndex.FIELDS;
    TermsEnum[] enums = new TermsEnum[fields.size()];
    BytesRef[] current = new BytesRef[fields.size()];
    byte[][] norms = new byte[fields.size()][];
    for (int f = 0; f < fields.size(); f++) {
      Terms terms = MultiTerms.getTerms(reader, fields.get(f));
      if (terms != null) {
        enums[f] = terms.iterator();
        current[f] = enums[f].next();
        norms[f] = norms(reader, fields.get(f));
      }
    }
    List<String> starts = new ArrayList<>();
    List<String> chunkTerms = new ArrayList<>();
    Varints data = new Varints();
    PostingsEnum pe = null;
    while (true) {
      BytesRef least = null;
      for (BytesRef t : current) {
        if (t != null && (least == null || t.compareTo(least) < 0)) {
          least = t;
        }
      }
      if (least == null) {
        break;
      }
      if (!chunkTerms.isEmpty()
          && data.size() * 4 / 3 + chunkTerms.size() * 7 >= TERM_CHUNK_BYTES) {
        flushTerms(starts, chunkTerms, data, out);
        data = new Varints();
      }
      BytesRef term = BytesRef.deepCopyOf(least);
      chunkTerms.add(term.utf8ToString());
      int mask = 0;
      for (int f = 0; f < fields.size(); f++) {
        mask |= current[f] != null && current[f].bytesEquals(term) ? 1 << f : 0;
      }
      data.addByte(mask);
      for (int f = 0; f < fields.size(); f++) {
        if ((mask & (1 << f)) == 0) {
          continue;
        }
        pe = enums[f].postings(pe, PostingsEnum.FREQS);
        data.add(enums[f].docFreq());
        int previous = 0;
        for (int doc = pe.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = pe.nextDoc()) {
          int freq = pe.freq();
          data.add(((long) (doc - previous) << 1) | (freq == 1 ? 1 : 0));
          if (freq != 1) {
            data.add(freq);
          }
          data.addByte(norms[f][doc]);
          previous = doc;
        }
        current[f] = enums[f].next();
      }
    }
    if (!chunkTerms.isEmpty()) {
      flushTerms(starts, chunkTerms, data, out);
    }
    return starts;
  }

  private static void flushTerms(
      List<String> starts, List<String> terms, Varints data, ExportSink out) throws IOException {
    out.write(
        "search/t/" + starts.size() + ".js",
        script("t", starts.size(), String.join(" ", terms), data.base64()));
    starts.add(terms.get(0));
    terms.clear();
  }

  private static byte[] norms(IndexReader reader, String field) throws IOException {
    byte[] norms = new byte[reader.maxDoc()];
    NumericDocValues values = MultiDocValues.getNormValues(reader, field);
    if (values != null) {
      for (int doc = values.nextDoc();
          doc != NumericDocValues.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        norms[doc] = (byte) values.longValue();
      }
    }
    return norms;
  }

  /**
   * Receives the documents in id order: writes them in fixed-size chunks (a document's chunk is its
   * id divided by the size, so no table is needed), and keeps the filter values per run of
   * documents from one page: first document (as a gap), region, department (0 for none, else its
   * index + 1), year (0 for none) and kind (see {@link #kindCode}).
   */
  public static final class Documents implements Consumer<SearchDocument> {
    private final ExportSink out;
    private final List<List<String>> regions = new ArrayList<>();
    private final Map<String, Integer> regionIndex = new HashMap<>();
    private final List<List<Object>> departments = new ArrayList<>();
    private final Map<String, Integer> departmentIndex = new HashMap<>();
    private final Varints groups = new Varints();
    private List<List<String>> chunk = new ArrayList<>();
    private String previousKey;
    private int previousStart;
    private int groupCount;
    private int count;

    private Documents(Catalog catalog, ExportSink out) {
      this.out = out;
      for (Region r : catalog.regions().values()) {
        regionIndex.put(r.code(), regions.size());
        regions.add(List.of(r.code(), r.name()));
      }
      for (Department d : catalog.departments().values()) {
        departmentIndex.put(d.region() + "/" + d.code(), departmentIndex.size() + 1);
        departments.add(List.of(regionIndex.get(d.region()), d.code(), d.name()));
      }
    }

    @Override
    public void accept(SearchDocument d) {
      String text = d.text();
      if (text.codePointCount(0, text.length()) > SNIPPET_SOURCE) {
        text = text.substring(0, text.offsetByCodePoints(0, SNIPPET_SOURCE));
      }
      chunk.add(List.of(d.url(), d.title(), text));
      String key = d.region() + "/" + d.department() + "/" + d.year() + "/" + d.kind();
      if (!key.equals(previousKey)) {
        groups
            .add(count - previousStart)
            .add(regionIndex.get(d.region()))
            .add(departmentIndex.getOrDefault(d.region() + "/" + d.department(), 0))
            .add(d.year())
            .add(kindCode(d.kind()));
        previousKey = key;
        previousStart = count;
        groupCount++;
      }
      count++;
      if (chunk.size() == DOCS_PER_CHUNK) {
        flush();
      }
    }

    /** 0 for a page that is no disclosure, else the kind's position in {@code kinds} plus one. */
    private static int kindCode(String key) {
      Kind[] kinds = Kind.values();
      for (int i = 0; i < kinds.length; i++) {
        if (kinds[i].key().equals(key)) {
          return i + 1;
        }
      }
      return 0;
    }

    private void flush() {
      if (chunk.isEmpty()) {
        return;
      }
      int n = (count - 1) / DOCS_PER_CHUNK;
      try {
        out.write("search/d/" + n + ".js", script("d", n, chunk));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      chunk = new ArrayList<>();
    }

    void finish() {
      flush();
    }

    void describe(Map<String, Object> meta) {
      meta.put("regions", regions);
      meta.put("departments", departments);
      meta.put("kinds", Arrays.stream(Kind.values()).map(Kind::label).toList());
      meta.put("groupCount", groupCount);
      meta.put("groups", groups.base64());
    }
  }
}
