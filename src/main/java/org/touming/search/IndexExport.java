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
import java.util.TreeMap;
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
 * one IndexSearcher scores with. The browser numbers a document by its page (the page's place among
 * the pages with documents) and its slot in the page ({@link SearchDocument#slot}), which an edit
 * to another page, or to another part of its page, leaves alone. Each file is a script that hands
 * its data to {@code toumingSearch} when loaded, so the same files work over http and from disk:
 *
 * <ul>
 *   <li>{@code search/meta.js}: per field the document count and total term count (BM25's avgdl),
 *       Lucene's norm decoding table, the first term of each term chunk, each page's slot span and
 *       the filter values of every run of pages with the same;
 *   <li>{@code search/t/C-N.js}: terms in code point order, and per term and field its postings:
 *       page gaps, frequencies and slots as varints, each with the document's one-byte norm for
 *       that field ({@link TermChunks}: C is the hexadecimal first code point of the chunk's first
 *       term, N its place among the chunks whose first terms begin with it);
 *   <li>{@code search/d/P-K.js}: URL with anchor, title and the start of the text (for snippets) of
 *       up to {@link #DOCS_PER_CHUNK} documents of page P that are neighbours in one of its slot
 *       lists ({@link #chunk}), so that a page that gains or loses a document writes only its own
 *       chunks again.
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
    meta.put("version", 4);
    // The parameters of the similarity IndexSearcher ranks with (its default, BM25).
    BM25Similarity bm25 = new BM25Similarity();
    meta.put("k1", bm25.getK1());
    meta.put("b", bm25.getB());
    meta.put("titleBoost", QueryPlan.TITLE_BOOST);
    meta.put("maxWord", QueryPlan.MAX_WORD);
    meta.put("maxQuery", QueryPlan.MAX_QUERY);
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
    Numbering numbering = docs.numbering(reader);
    meta.put("docs", numbering.span());
    TermChunks chunks = new TermChunks(reader, out, numbering.pageOf(), numbering.slotOf());
    Set<BytesRef> touched = docs.aligned() ? touched(index.parts(), docs.previous, batches) : null;
    if (touched == null) {
      chunks.writeAll();
    } else {
      chunks.update(docs.previous, touched);
    }
    meta.put("termChunks", String.join(" ", chunks.starts()));
    meta.put("docsPerChunk", DOCS_PER_CHUNK);
    meta.put("lists", SearchDocument.LISTS);
    docs.describe(meta, numbering);
    out.write("search/meta.js", script("m", meta));
    if (docs.state == null) {
      return null;
    }
    Map<String, ExportState.Page> pages = new HashMap<>();
    for (int i = 0; i < docs.pages.size(); i++) {
      SearchPage p = docs.pages.get(i);
      pages.put(
          p.url(), new ExportState.Page(p.count(), p.digest(), i, docs.chunkHashes.get(p.url())));
    }
    return new ExportState(batches, pages, chunks.starts(), chunks.hashes()).write(docs.state);
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

  /**
   * The document chunk of a slot: neighbours in one of the page's lists share one, so that the
   * chunks of a page are nearly full whichever parts it has.
   */
  static int chunk(int slot) {
    int list = slot % SearchDocument.LISTS;
    int index = slot / SearchDocument.LISTS;
    return index / DOCS_PER_CHUNK * SearchDocument.LISTS + list;
  }

  /** The place of a slot's document in its {@link #chunk}. */
  static int placeInChunk(int slot) {
    return slot / SearchDocument.LISTS % DOCS_PER_CHUNK;
  }

  /** Each document's page and slot, and each page's slot span (its greatest slot plus one). */
  record Numbering(int[] pageOf, int[] slotOf, int[] spans) {
    int span() {
      int sum = 0;
      for (int s : spans) {
        sum += s;
      }
      return sum;
    }
  }

  static byte[] script(String call, Object... args) throws JsonProcessingException {
    StringBuilder sb = new StringBuilder("toumingSearch.").append(call).append('(');
    for (int i = 0; i < args.length; i++) {
      sb.append(i == 0 ? "" : ",").append(JSON.writeValueAsString(args[i]));
    }
    return sb.append(");\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Receives the pages in document id order: writes each page's documents in its chunks ({@link
   * #chunk}), and keeps the page's document count (to number the documents by page) and the filter
   * values per run of pages with the same: first page (as a gap), region, department (0 for none,
   * else its index + 1), year (0 for none) and kind (see {@link #kindCode}). A page's chunks that
   * the previous build wrote from the same documents under the same page number are kept without
   * making them.
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
    private int[] pageCounts = new int[64];
    private final Map<String, Map<Integer, String>> chunkHashes = new HashMap<>();
    private final List<SearchPage> pages = new ArrayList<>();
    private String previousKey;
    private int previousStart;
    private int groupCount;
    private int pageCount;

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
      int number = pageCount++;
      int n = p.count();
      if (number == pageCounts.length) {
        pageCounts = Arrays.copyOf(pageCounts, number * 2);
      }
      pageCounts[number] = n;
      String key = p.region() + "/" + p.department() + "/" + p.year() + "/" + p.kind();
      if (!key.equals(previousKey)) {
        groups
            .add(number - previousStart)
            .add(regionIndex.get(p.region()))
            .add(departmentIndex.getOrDefault(p.region() + "/" + p.department(), 0))
            .add(p.year())
            .add(kindCode(p.kind()));
        previousKey = key;
        previousStart = number;
        groupCount++;
      }
      // A page's documents are its disclosure's (or its region's or department's, which only a
      // change that rebuilds everything changes), so an unchanged page under the same number has
      // the same chunks.
      ExportState.Page before = previous == null ? null : previous.pages().get(p.url());
      Map<Integer, String> kept =
          before != null
                  && !changedPages.contains(p.url())
                  && before.number() == number
                  && before.count() == n
              ? before.chunks()
              : Map.of();
      Map<Integer, String> hashes = new TreeMap<>();
      try {
        for (Map.Entry<Integer, String> e : kept.entrySet()) {
          if (out.keep(path(number, e.getKey()), e.getValue())) {
            hashes.put(e.getKey(), e.getValue());
          }
        }
        if (kept.isEmpty() || hashes.size() < kept.size()) {
          write(number, p.documents(), hashes);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      chunkHashes.put(p.url(), hashes);
    }

    private static String path(int page, int chunk) {
      return "search/d/" + page + "-" + chunk + ".js";
    }

    /** Writes the chunks of a page's documents that {@code hashes} does not hold, adding them. */
    private void write(int number, List<SearchDocument> made, Map<Integer, String> hashes)
        throws IOException {
      Map<Integer, List<Object>> chunks = new TreeMap<>();
      for (SearchDocument d : made) {
        int at = placeInChunk(d.slot());
        List<Object> docs = chunks.computeIfAbsent(chunk(d.slot()), k -> new ArrayList<>());
        while (docs.size() < at) {
          docs.add(null); // a slot of the chunk that the page does not use
        }
        String text = d.text();
        if (text.codePointCount(0, text.length()) > SNIPPET_SOURCE) {
          text = text.substring(0, text.offsetByCodePoints(0, SNIPPET_SOURCE));
        }
        docs.add(List.of(d.url(), d.title(), text));
      }
      for (Map.Entry<Integer, List<Object>> e : chunks.entrySet()) {
        if (hashes.containsKey(e.getKey())) {
          continue;
        }
        byte[] bytes = script("d", number + "-" + e.getKey(), e.getValue());
        String hash = Sha256.hex(bytes);
        out.write(path(number, e.getKey()), bytes, hash);
        hashes.put(e.getKey(), hash);
      }
    }

    /** Whether the pages are numbered as in the previous build. */
    boolean aligned() {
      return previous != null && previous.pages().size() == pageCount;
    }

    /**
     * Each document's page and slot, the pages in the order they came with their counts, the slots
     * from the index (a page known by its count alone did not make its documents).
     */
    Numbering numbering(IndexReader reader) throws IOException {
      int[] pageOf = new int[reader.maxDoc()];
      int[] slotOf = new int[reader.maxDoc()];
      int[] spans = new int[pageCount];
      long[] places = SearchIndex.places(reader);
      int doc = 0;
      for (int page = 0; page < pageCount; page++) {
        for (int i = 0; i < pageCounts[page]; i++, doc++) {
          pageOf[doc] = page;
          slotOf[doc] = (int) places[doc];
          spans[page] = slotOf[doc] + 1;
        }
      }
      if (doc != pageOf.length) {
        throw new IllegalStateException(pageOf.length + " documents indexed, " + doc + " counted");
      }
      return new Numbering(pageOf, slotOf, spans);
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

    void describe(Map<String, Object> meta, Numbering numbering) {
      meta.put("regions", regions);
      meta.put("departments", departments);
      meta.put("kinds", Arrays.stream(Kind.values()).map(Kind::label).toList());
      meta.put("groupCount", groupCount);
      meta.put("groups", groups.base64());
      meta.put("pageCount", pageCount);
      Varints spans = new Varints();
      for (int span : numbering.spans()) {
        spans.add(span);
      }
      meta.put("pages", spans.base64());
    }
  }
}
