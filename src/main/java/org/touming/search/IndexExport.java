package org.touming.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;
import org.touming.content.Department;
import org.touming.content.Kind;
import org.touming.content.Region;
import org.touming.publish.Catalog;
import org.touming.publish.Sink;

/**
 * Writes the index for the browser, read from Lucene's own segment so that every statistic is the
 * one IndexSearcher scores with. Each file is a script that hands its data to {@code toumingSearch}
 * when loaded, so the same files work over http and from disk:
 *
 * <ul>
 *   <li>{@code search/meta.js}: per field the document count and total term count (BM25's avgdl),
 *       Lucene's norm decoding table, the first term of each term chunk, and the filter values of
 *       every run of documents from one page;
 *   <li>{@code search/t/N.js}: terms in UTF-16 order, and per term and field its postings: document
 *       gaps and frequencies as varints, each with the document's one-byte norm for that field;
 *   <li>{@code search/d/N.js}: URL with anchor, title and the start of the text (for snippets) of
 *       each document.
 * </ul>
 *
 * A query loads the meta, the term chunks of its characters, and the document chunks of the results
 * it shows.
 */
public final class IndexExport {
  static final int TERM_CHUNK_BYTES = 16 * 1024;
  static final int DOCS_PER_CHUNK = 4;
  static final int SNIPPET_SOURCE = 600;

  private static final ObjectMapper JSON = new ObjectMapper();

  private IndexExport() {}

  /** Returns the paths written. */
  public static List<String> write(
      SearchIndex index, List<SearchDocument> docs, Catalog catalog, Sink out) throws IOException {
    List<String> written = new ArrayList<>();
    LeafReader leaf = index.leaf();
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("version", 1);
    meta.put("k1", 1.2);
    meta.put("b", 0.75);
    meta.put("titleBoost", QueryPlan.TITLE_BOOST);
    meta.put("maxWord", QueryPlan.MAX_WORD);
    meta.put("maxQuery", QueryPlan.MAX_QUERY);
    meta.put("docs", docs.size());
    Map<String, Object> fields = new LinkedHashMap<>();
    for (String f : SearchIndex.FIELDS) {
      Terms terms = leaf == null ? null : leaf.terms(f);
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
    meta.put("termChunks", String.join(" ", termChunks(leaf, out, written)));
    docChunks(docs, out, written);
    meta.put("docsPerChunk", DOCS_PER_CHUNK);
    groups(docs, catalog, meta);
    out.write("search/meta.js", script("m", meta));
    written.add("search/meta.js");
    return written;
  }

  private static byte[] script(String call, Object... args) throws JsonProcessingException {
    StringBuilder sb = new StringBuilder("toumingSearch.").append(call).append('(');
    for (int i = 0; i < args.length; i++) {
      sb.append(i == 0 ? "" : ",").append(JSON.writeValueAsString(args[i]));
    }
    return sb.append(");\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> termChunks(LeafReader leaf, Sink out, List<String> written)
      throws IOException {
    TreeMap<String, byte[][]> postings = new TreeMap<>();
    List<String> fields = SearchIndex.FIELDS;
    for (int f = 0; f < fields.size(); f++) {
      Terms terms = leaf == null ? null : leaf.terms(fields.get(f));
      if (terms == null) {
        continue;
      }
      byte[] norms = norms(leaf, fields.get(f));
      TermsEnum te = terms.iterator();
      PostingsEnum pe = null;
      for (BytesRef term = te.next(); term != null; term = te.next()) {
        pe = te.postings(pe, PostingsEnum.FREQS);
        Varints v = new Varints().add(te.docFreq());
        int previous = 0;
        for (int doc = pe.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = pe.nextDoc()) {
          int freq = pe.freq();
          v.add(((long) (doc - previous) << 1) | (freq == 1 ? 1 : 0));
          if (freq != 1) {
            v.add(freq);
          }
          v.addByte(norms[doc]);
          previous = doc;
        }
        postings.computeIfAbsent(term.utf8ToString(), k -> new byte[fields.size()][])[f] =
            v.bytes();
      }
    }
    List<String> starts = new ArrayList<>();
    List<String> terms = new ArrayList<>();
    Varints data = new Varints();
    int size = 0;
    for (Map.Entry<String, byte[][]> e : postings.entrySet()) {
      if (!terms.isEmpty() && size >= TERM_CHUNK_BYTES) {
        flushTerms(starts, terms, data, out, written);
        data = new Varints();
        size = 0;
      }
      terms.add(e.getKey());
      int mask = 0;
      for (int f = 0; f < fields.size(); f++) {
        mask |= e.getValue()[f] == null ? 0 : 1 << f;
      }
      data.addByte(mask);
      for (byte[] p : e.getValue()) {
        if (p != null) {
          data.addAll(p);
        }
      }
      size = data.size() * 4 / 3 + terms.size() * 7;
    }
    if (!terms.isEmpty()) {
      flushTerms(starts, terms, data, out, written);
    }
    return starts;
  }

  private static void flushTerms(
      List<String> starts, List<String> terms, Varints data, Sink out, List<String> written)
      throws IOException {
    String path = "search/t/" + starts.size() + ".js";
    out.write(path, script("t", starts.size(), String.join(" ", terms), data.base64()));
    written.add(path);
    starts.add(terms.get(0));
    terms.clear();
  }

  private static byte[] norms(LeafReader leaf, String field) throws IOException {
    byte[] norms = new byte[leaf.maxDoc()];
    NumericDocValues values = leaf.getNormValues(field);
    if (values != null) {
      for (int doc = values.nextDoc();
          doc != NumericDocValues.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        norms[doc] = (byte) values.longValue();
      }
    }
    return norms;
  }

  /** Fixed-size chunks, so that a document's chunk is its id divided by the size: no table. */
  private static void docChunks(List<SearchDocument> docs, Sink out, List<String> written)
      throws IOException {
    for (int first = 0; first < docs.size(); first += DOCS_PER_CHUNK) {
      List<List<String>> chunk = new ArrayList<>();
      for (SearchDocument d : docs.subList(first, Math.min(docs.size(), first + DOCS_PER_CHUNK))) {
        String text = d.text();
        if (text.codePointCount(0, text.length()) > SNIPPET_SOURCE) {
          text = text.substring(0, text.offsetByCodePoints(0, SNIPPET_SOURCE));
        }
        chunk.add(List.of(d.url(), d.title(), text));
      }
      String path = "search/d/" + first / DOCS_PER_CHUNK + ".js";
      out.write(path, script("d", first / DOCS_PER_CHUNK, chunk));
      written.add(path);
    }
  }

  /**
   * Filter values per run of documents from one page: first document (as a gap), region, department
   * (0 for none, else its index + 1), year (0 for none) and kind (0 none, 1 budget, 2 final).
   */
  private static void groups(List<SearchDocument> docs, Catalog catalog, Map<String, Object> meta) {
    List<String> regionCodes = new ArrayList<>(catalog.regions().keySet());
    List<List<String>> regions = new ArrayList<>();
    for (Region r : catalog.regions().values()) {
      regions.add(List.of(r.code(), r.name()));
    }
    Map<String, Integer> regionIndex = new HashMap<>();
    regionCodes.forEach(code -> regionIndex.put(code, regionIndex.size()));
    Map<String, Integer> departmentIndex = new HashMap<>();
    List<List<Object>> departments = new ArrayList<>();
    for (Department d : catalog.departments().values()) {
      departmentIndex.put(d.region() + "/" + d.code(), departmentIndex.size() + 1);
      departments.add(List.of(regionIndex.get(d.region()), d.code(), d.name()));
    }
    Varints v = new Varints();
    String previous = null;
    int previousStart = 0;
    int count = 0;
    for (int i = 0; i < docs.size(); i++) {
      SearchDocument d = docs.get(i);
      String key = d.region() + "/" + d.department() + "/" + d.year() + "/" + d.kind();
      if (key.equals(previous)) {
        continue;
      }
      previous = key;
      int kind = d.kind().equals(Kind.BUDGET.key()) ? 1 : d.kind().equals(Kind.FINAL.key()) ? 2 : 0;
      v.add(i - previousStart)
          .add(regionIndex.get(d.region()))
          .add(departmentIndex.getOrDefault(d.region() + "/" + d.department(), 0))
          .add(d.year())
          .add(kind);
      previousStart = i;
      count++;
    }
    meta.put("regions", regions);
    meta.put("departments", departments);
    meta.put("kinds", List.of(Kind.BUDGET.label(), Kind.FINAL.label()));
    meta.put("groupCount", count);
    meta.put("groups", v.base64());
  }
}
