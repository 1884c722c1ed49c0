package org.touming.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SmallFloat;
import org.touming.content.Catalog;
import org.touming.content.Department;
import org.touming.content.Kind;
import org.touming.content.Region;
import org.touming.internal.Sha256;

/**
 * Writes the index for the browser, read from Lucene's own segments so that every statistic is the
 * one IndexSearcher scores with. Each file is a script that hands its data to {@code toumingSearch}
 * when loaded, so the same files work over http and from disk:
 *
 * <ul>
 *   <li>{@code search/meta.js}: per field the document count and total term count (BM25's avgdl),
 *       Lucene's norm decoding table, the first term of each term chunk, and the filter values of
 *       every run of documents from one page;
 *   <li>{@code search/t/C-N.js}: terms in code point order, and per term and field its postings:
 *       document gaps and frequencies as varints, each with the document's one-byte norm for that
 *       field ({@link TermChunks}: C is the hexadecimal first code point of the chunk's first term,
 *       N its place among the chunks whose first terms begin with it);
 *   <li>{@code search/d/P-K.js}: URL with anchor, title and the start of the text (for snippets) of
 *       each document, {@link #DOCS_PER_CHUNK} of one page's documents a file (P is the page's
 *       place among the pages with documents, K the place of the chunk among the page's), so that a
 *       page that gains or loses a document writes only its own chunks again.
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
    return new Documents(catalog, out, null, null, null);
  }

  /**
   * As {@link #documents(Catalog, ExportSink)}, keeping in {@code state} what the next build needs
   * to write only what an edit changed. When {@code changedPages} is given (the pages of every
   * disclosure whose sources changed since the build that wrote {@code state} with the digest
   * {@code stateDigest}, whose output the sink offers), files that build wrote are taken as they
   * are where their inputs are the same, and its pages' documents are only made again where they
   * changed ({@link Documents#recalled}).
   */
  public static Documents documents(
      Catalog catalog, ExportSink out, Path state, Set<String> changedPages, String stateDigest) {
    ExportState previous = changedPages == null ? null : ExportState.read(state, stateDigest);
    return new Documents(catalog, out, state, previous, changedPages);
  }

  /**
   * Writes the export; returns the digest of the state kept for the next build (null when none is
   * kept).
   */
  public static String write(SearchIndex index, Documents docs, ExportSink out) throws IOException {
    IndexReader reader = index.reader();
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("version", 3);
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
    List<String> batches = index.parts().stream().map(p -> p.getFileName().toString()).toList();
    TermChunks chunks = new TermChunks(reader, out);
    Set<BytesRef> touched = docs.aligned() ? touched(index.parts(), docs.previous, batches) : null;
    if (touched == null) {
      chunks.writeAll();
    } else {
      chunks.update(docs.previous, touched);
    }
    meta.put("termChunks", String.join(" ", chunks.starts()));
    meta.put("docsPerChunk", DOCS_PER_CHUNK);
    docs.describe(meta);
    out.write("search/meta.js", script("m", meta));
    if (docs.state == null) {
      return null;
    }
    Map<String, ExportState.Page> pages = new HashMap<>();
    for (int i = 0; i < docs.pages.size(); i++) {
      SearchPage p = docs.pages.get(i);
      pages.put(
          p.url(),
          new ExportState.Page(
              docs.pageStarts.get(p.url()),
              p.count(),
              p.digest(),
              i,
              docs.chunkHashes.get(p.url())));
    }
    return new ExportState(batches, pages, docs.count, chunks.starts(), chunks.hashes())
        .write(docs.state);
  }

  /**
   * The terms whose postings differ from the previous export's, found by comparing each batch whose
   * key changed with the batch at its place in the previous build; null when that cannot tell
   * (batches moved, or a previous batch is no longer kept).
   */
  private static Set<BytesRef> touched(List<Path> parts, ExportState previous, List<String> batches)
      throws IOException {
    if (batches.size() != previous.batches().size()) {
      return null;
    }
    Set<BytesRef> touched = new HashSet<>();
    for (int i = 0; i < batches.size(); i++) {
      if (batches.get(i).equals(previous.batches().get(i))) {
        continue;
      }
      Path before = parts.get(i).resolveSibling(previous.batches().get(i));
      if (!Files.isDirectory(before) || !PartDiff.touched(before, parts.get(i), touched)) {
        return null;
      }
    }
    return touched;
  }

  static byte[] script(String call, Object... args) throws JsonProcessingException {
    StringBuilder sb = new StringBuilder("toumingSearch.").append(call).append('(');
    for (int i = 0; i < args.length; i++) {
      sb.append(i == 0 ? "" : ",").append(JSON.writeValueAsString(args[i]));
    }
    return sb.append(");\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Receives the pages in document id order: writes each page's documents in chunks of {@link
   * #DOCS_PER_CHUNK}, and keeps the page's document count (for the browser to find a document's
   * page and chunk) and the filter values per run of documents from one page: first document (as a
   * gap), region, department (0 for none, else its index + 1), year (0 for none) and kind (see
   * {@link #kindCode}). A page's chunks that the previous build wrote from the same documents under
   * the same page number are kept without making them.
   */
  public static final class Documents implements Consumer<SearchPage> {
    private final ExportSink out;
    private final Path state;
    private final ExportState previous;
    private final Set<String> changedPages;
    private final List<List<String>> regions = new ArrayList<>();
    private final Map<String, Integer> regionIndex = new HashMap<>();
    private final List<List<Object>> departments = new ArrayList<>();
    private final Map<String, Integer> departmentIndex = new HashMap<>();
    private final Varints groups = new Varints();
    private final Varints pageCounts = new Varints();
    private final Map<String, Integer> pageStarts = new HashMap<>();
    private final Map<String, List<String>> chunkHashes = new HashMap<>();
    private final List<SearchPage> pages = new ArrayList<>();
    private String previousKey;
    private int previousStart;
    private int groupCount;
    private int pageCount;
    private int count;

    private Documents(
        Catalog catalog,
        ExportSink out,
        Path state,
        ExportState previous,
        Set<String> changedPages) {
      this.out = out;
      this.state = state;
      this.previous = previous;
      this.changedPages = changedPages;
      for (Region r : catalog.regions().values()) {
        regionIndex.put(r.code(), regions.size());
        regions.add(List.of(r.code(), r.name()));
      }
      for (Department d : catalog.departments().values()) {
        departmentIndex.put(d.region() + "/" + d.code(), departmentIndex.size() + 1);
        departments.add(List.of(regionIndex.get(d.region()), d.code(), d.name()));
      }
    }

    /**
     * The pages, each taking the document count and digest the previous build found for it where no
     * edit has touched it since, so that its documents are not made to find them.
     */
    public Iterator<SearchPage> recalled(Iterator<SearchPage> pages) {
      if (previous == null) {
        return pages;
      }
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return pages.hasNext();
        }

        @Override
        public SearchPage next() {
          SearchPage p = pages.next();
          ExportState.Page before = previous.pages().get(p.url());
          if (before != null && !changedPages.contains(p.url())) {
            p.recall(before.count(), before.digest());
          }
          return p;
        }
      };
    }

    @Override
    public void accept(SearchPage p) {
      if (state != null) {
        pages.add(p); // for their counts and digests in the state
      }
      pageStarts.put(p.url(), count);
      int number = pageCount++;
      int n = p.count();
      pageCounts.add(n);
      String key = p.region() + "/" + p.department() + "/" + p.year() + "/" + p.kind();
      if (!key.equals(previousKey)) {
        groups
            .add(count - previousStart)
            .add(regionIndex.get(p.region()))
            .add(departmentIndex.getOrDefault(p.region() + "/" + p.department(), 0))
            .add(p.year())
            .add(kindCode(p.kind()));
        previousKey = key;
        previousStart = count;
        groupCount++;
      }
      // A page's documents are its disclosure's (or its region's or department's, which only a
      // change that rebuilds everything changes), so an unchanged page under the same number has
      // the same chunks.
      ExportState.Page before = previous == null ? null : previous.pages().get(p.url());
      List<String> kept =
          before != null
                  && !changedPages.contains(p.url())
                  && before.number() == number
                  && before.count() == n
              ? before.chunks()
              : List.of();
      List<String> hashes = new ArrayList<>();
      List<SearchDocument> made = null;
      try {
        for (int k = 0; k * DOCS_PER_CHUNK < n; k++) {
          String path = "search/d/" + number + "-" + k + ".js";
          if (k < kept.size() && out.keep(path, kept.get(k))) {
            hashes.add(kept.get(k));
            continue;
          }
          if (made == null) {
            made = p.documents();
          }
          List<List<String>> docs = new ArrayList<>();
          for (int i = k * DOCS_PER_CHUNK; i < Math.min(n, (k + 1) * DOCS_PER_CHUNK); i++) {
            SearchDocument d = made.get(i);
            String text = d.text();
            if (text.codePointCount(0, text.length()) > SNIPPET_SOURCE) {
              text = text.substring(0, text.offsetByCodePoints(0, SNIPPET_SOURCE));
            }
            docs.add(List.of(d.url(), d.title(), text));
          }
          byte[] bytes = script("d", number + "-" + k, docs);
          String hash = Sha256.hex(bytes);
          out.write(path, bytes, hash);
          hashes.add(hash);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      chunkHashes.put(p.url(), hashes);
      count += n;
    }

    /** Whether the documents are the previous build's, under the same numbers. */
    boolean aligned() {
      return previous != null && previous.docs() == count && previous.starts().equals(pageStarts);
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

    void describe(Map<String, Object> meta) {
      meta.put("regions", regions);
      meta.put("departments", departments);
      meta.put("kinds", Arrays.stream(Kind.values()).map(Kind::label).toList());
      meta.put("groupCount", groupCount);
      meta.put("groups", groups.base64());
      meta.put("pageCount", pageCount);
      meta.put("pages", pageCounts.base64());
    }
  }
}
