package org.touming.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.touming.internal.Folders;

/**
 * The site's Lucene index, one document per {@link SearchDocument} in the given order (document ids
 * follow it): the heading as the title and the text, analysed into words by SmartChineseAnalyzer,
 * and heading, department and text again as bigrams ({@link Grams}); ranked by Lucene's BM25. Only
 * document and term frequencies are indexed: the queries are term queries, and positions would only
 * grow the export.
 */
public final class SearchIndex implements AutoCloseable {
  public static final String TITLE = "title";
  public static final String TEXT = "text";
  public static final String BIGRAMS = "bigrams";
  public static final List<String> FIELDS = List.of(TITLE, TEXT, BIGRAMS);

  /** Per document, its page's place in its batch (high 32 bits) and its slot (low 32 bits). */
  static final String PLACE = "place";

  private static final FieldType ANALYSED = analysed();
  private static final int BATCH = 4096;

  private final Directory directory;
  private final Path temporary;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final List<Path> parts;

  private SearchIndex(Directory directory, Path temporary, List<Path> parts) throws IOException {
    this.directory = directory;
    this.temporary = temporary;
    this.parts = parts;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
  }

  private static FieldType analysed() {
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.setTokenized(true);
    type.freeze();
    return type;
  }

  /** Indexes the documents in their given order. */
  public static SearchIndex build(List<SearchDocument> documents) {
    return build(
        SearchPage.grouped(documents.iterator()),
        new Analysis(),
        done -> {},
        p -> {},
        () -> false,
        null,
        BATCH);
  }

  /**
   * As {@link #build(List)}, reusing what the analysis already cut in earlier builds and the
   * batches kept in {@code store} (when given) whose documents are the same; stops with a {@link
   * java.util.concurrent.CancellationException} soon after {@code stop} turns true. {@code indexed}
   * receives the pages in id order (those with documents).
   */
  public static SearchIndex build(
      Iterator<SearchPage> pages,
      Analysis analysis,
      IntConsumer progress,
      Consumer<SearchPage> indexed,
      BooleanSupplier stop,
      PartStore store) {
    return build(pages, analysis, progress, indexed, stop, store, BATCH);
  }

  /** As above, in batches of about {@code batch} documents. */
  static SearchIndex build(
      Iterator<SearchPage> pages,
      Analysis analysis,
      IntConsumer progress,
      Consumer<SearchPage> indexed,
      BooleanSupplier stop,
      PartStore store,
      int batch) {
    Path folder = null;
    boolean built = false;
    try {
      // On disk, not on the heap: a city's index runs to hundreds of megabytes. Read through
      // buffers, not memory-mapped: the export reads it once from end to end, and mapped pages
      // would count against the build's memory.
      folder = Files.createTempDirectory("touming-index");
      List<Path> parts =
          new IndexParts(pages, analysis, progress, indexed, stop, folder, batch, store).run();
      // The parts' segments side by side in their order, not merged: document ids stay in order,
      // every statistic the export and the searcher read sums over them, and a part that an edit
      // left alone keeps its segment's bytes. The files are links to the parts', not copies.
      Directory dir = new LinkedCopies(folder.resolve("index"));
      try (IndexWriter writer =
          new IndexWriter(dir, config(16).setMergePolicy(NoMergePolicy.INSTANCE))) {
        List<Directory> open = new ArrayList<>();
        try {
          for (Path part : parts) {
            open.add(new NIOFSDirectory(part));
          }
          stopIf(stop);
          writer.addIndexes(open.toArray(Directory[]::new));
        } finally {
          IOUtils.close(open);
        }
      }
      List<Path> kept = new ArrayList<>();
      for (Path part : parts) {
        if (part.startsWith(folder)) {
          Folders.deleteQuietly(part);
        } else {
          kept.add(part);
        }
      }
      SearchIndex index =
          new SearchIndex(dir, folder, kept.size() == parts.size() ? parts : List.of());
      built = true;
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (!built) {
        Folders.deleteQuietly(folder);
      }
    }
  }

  static IndexWriterConfig config(int bufferMegabytes) {
    LogDocMergePolicy merges = new LogDocMergePolicy();
    merges.setNoCFSRatio(0);
    // Every field arrives already cut (Analysis), so the writer's own analyzer never runs.
    return new IndexWriterConfig()
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        .setUseCompoundFile(false)
        .setMergePolicy(merges)
        .setRAMBufferSizeMB(bufferMegabytes);
  }

  static void stopIf(BooleanSupplier stop) {
    if (stop.getAsBoolean()) {
      throw new CancellationException();
    }
  }

  /** Opens an index written into a site ({@link LuceneFiles#FOLDER}). */
  public static SearchIndex open(Path folder) throws IOException {
    return new SearchIndex(FSDirectory.open(folder), null, List.of());
  }

  /** The number of documents the query matches. */
  public int count(String query) {
    QueryPlan plan = plan(query);
    try {
      return plan.isEmpty() ? 0 : searcher.count(plan.toLucene());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The stored fields of a document: url, title, text, region, department, year, kind. */
  public Document stored(int doc) {
    try {
      return searcher.storedFields().document(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int size() {
    return reader.maxDoc();
  }

  /**
   * The Lucene document of {@code d}, the document of the {@code page}-th page of its batch: the
   * page and the slot go in {@link #PLACE}, for the export to number the document by them.
   */
  static Document document(SearchDocument d, Analysis.Terms terms, int page) {
    Document doc = new Document();
    doc.add(new NumericDocValuesField(PLACE, place(page, d.slot())));
    doc.add(new StoredField("url", d.url()));
    doc.add(new Field(TITLE, new Analysis.Canned(terms.title()), ANALYSED));
    doc.add(new Field(TEXT, new Analysis.Canned(terms.text()), ANALYSED));
    doc.add(new Field(BIGRAMS, new Analysis.Canned(terms.grams()), ANALYSED));
    doc.add(new StoredField(TITLE, d.title()));
    doc.add(new StoredField("heading", d.heading()));
    doc.add(new StoredField("context", d.context()));
    doc.add(new StoredField(TEXT, d.text()));
    doc.add(new StringField("region", d.region(), Field.Store.YES));
    doc.add(new StringField("department", d.department(), Field.Store.YES));
    doc.add(new StringField("year", Integer.toString(d.year()), Field.Store.YES));
    doc.add(new StringField("kind", d.kind(), Field.Store.YES));
    return doc;
  }

  static long place(int page, int slot) {
    return (long) page << 32 | slot;
  }

  /** The {@link #PLACE} of every document of the reader, by document id. */
  static long[] places(IndexReader reader) throws IOException {
    return values(reader, leaf -> leaf.getNumericDocValues(PLACE));
  }

  /** Where a leaf keeps one number per document: its doc values of a field, or its norms. */
  interface LeafValues {
    NumericDocValues of(LeafReader leaf) throws IOException;
  }

  /**
   * Every document's number, by document id (0 where it has none). Leaf by leaf, each into its
   * place: no merged view over a city's hundred-odd segments.
   */
  static long[] values(IndexReader reader, LeafValues source) throws IOException {
    long[] out = new long[reader.maxDoc()];
    for (LeafReaderContext leaf : reader.leaves()) {
      NumericDocValues values = source.of(leaf.reader());
      if (values == null) {
        continue;
      }
      for (int doc = values.nextDoc();
          doc != NumericDocValues.NO_MORE_DOCS;
          doc = values.nextDoc()) {
        out[leaf.docBase + doc] = values.longValue();
      }
    }
    return out;
  }

  public Directory directory() {
    return directory;
  }

  /**
   * The folders of the batch indexes this index was joined from, in order, named by their {@link
   * PartStore} keys; empty when they were not kept.
   */
  List<Path> parts() {
    return parts;
  }

  /** The reader over every segment (one per batch of documents). */
  IndexReader reader() {
    return reader;
  }

  /** Whether SmartChineseAnalyzer produced this word in any title or text. */
  public boolean isWord(String word) {
    return has(TITLE, word) || has(TEXT, word);
  }

  private boolean has(String field, String term) {
    try {
      Terms terms = MultiTerms.getTerms(reader, field);
      if (terms == null) {
        return false;
      }
      TermsEnum e = terms.iterator();
      return e.seekExact(new BytesRef(term));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public QueryPlan plan(String query) {
    return QueryPlan.of(query, this::isWord);
  }

  /** One hit: the document id, its stored URL, and the BM25 score. */
  public record Hit(int doc, String url, float score) {}

  public List<Hit> search(String query, int limit) {
    QueryPlan plan = plan(query);
    if (plan.isEmpty()) {
      return List.of();
    }
    try {
      List<Hit> hits = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(plan.toLucene(), Math.max(1, limit)).scoreDocs) {
        hits.add(new Hit(sd.doc, stored(sd.doc).get("url"), sd.score));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
    Folders.deleteQuietly(temporary);
  }
}
