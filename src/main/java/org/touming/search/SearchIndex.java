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
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.BytesRef;

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

  private static final FieldType ANALYSED = analysed();
  private static final int BATCH = 2048;

  private final Directory directory;
  private final Path temporary;
  private final DirectoryReader reader;
  private final LeafReader leaf;
  private final IndexSearcher searcher;

  private SearchIndex(Directory directory, Path temporary) throws IOException {
    this.directory = directory;
    this.temporary = temporary;
    this.reader = DirectoryReader.open(directory);
    this.leaf = reader.leaves().isEmpty() ? null : reader.leaves().get(0).reader();
    this.searcher = new IndexSearcher(reader);
  }

  private static FieldType analysed() {
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    type.setTokenized(true);
    type.freeze();
    return type;
  }

  /** Indexes the documents as one segment, in their given order. */
  public static SearchIndex build(List<SearchDocument> documents) {
    return build(documents.iterator(), new Analysis(), done -> {}, d -> {}, () -> false);
  }

  /**
   * As {@link #build(List)}, reusing what the analysis already cut in earlier builds; stops with a
   * {@link java.util.concurrent.CancellationException} soon after {@code stop} turns true.
   */
  public static SearchIndex build(
      Iterator<SearchDocument> documents,
      Analysis analysis,
      IntConsumer progress,
      Consumer<SearchDocument> indexed,
      BooleanSupplier stop) {
    Path folder = null;
    boolean built = false;
    try {
      // On disk, not on the heap: a city's index runs to hundreds of megabytes. Read through
      // buffers, not memory-mapped: the export reads it once from end to end, and mapped pages
      // would count against the build's memory.
      folder = Files.createTempDirectory("touming-index");
      Directory dir = new NIOFSDirectory(folder);
      LogDocMergePolicy merges = new LogDocMergePolicy();
      merges.setNoCFSRatio(0);
      // Every field arrives already cut (Analysis), so the writer's own analyzer never runs.
      IndexWriterConfig config =
          new IndexWriterConfig()
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
              .setUseCompoundFile(false)
              .setMergePolicy(merges)
              .setRAMBufferSizeMB(128);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        int done = 0;
        List<SearchDocument> batch = next(documents, stop);
        Analysis.Batch cutting = batch.isEmpty() ? null : analysis.start(batch, stop);
        while (cutting != null) {
          List<Analysis.Terms> terms = cutting.terms();
          // The next batch is cut on the other cores while this one is indexed here.
          List<SearchDocument> following = next(documents, stop);
          cutting = following.isEmpty() ? null : analysis.start(following, stop);
          for (int i = 0; i < batch.size(); i++) {
            stopIf(stop);
            writer.addDocument(document(batch.get(i), terms.get(i)));
            indexed.accept(batch.get(i));
          }
          done += batch.size();
          progress.accept(done);
          batch = following;
        }
        stopIf(stop);
        writer.forceMerge(1);
      }
      SearchIndex index = new SearchIndex(dir, folder);
      built = true;
      return index;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (!built) {
        delete(folder);
      }
    }
  }

  private static List<SearchDocument> next(
      Iterator<SearchDocument> documents, BooleanSupplier stop) {
    List<SearchDocument> batch = new ArrayList<>(BATCH);
    while (documents.hasNext() && batch.size() < BATCH) {
      stopIf(stop);
      batch.add(documents.next());
    }
    return batch;
  }

  private static void stopIf(BooleanSupplier stop) {
    if (stop.getAsBoolean()) {
      throw new CancellationException();
    }
  }

  private static void delete(Path folder) {
    if (folder == null) {
      return;
    }
    try (var files = Files.list(folder)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      // A temporary folder left behind is not worth failing the build for.
    }
  }

  /** Opens an index written into a site ({@link LuceneFiles#FOLDER}). */
  public static SearchIndex open(Path folder) throws IOException {
    return new SearchIndex(FSDirectory.open(folder), null);
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

  private static Document document(SearchDocument d, Analysis.Terms terms) {
    Document doc = new Document();
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

  public Directory directory() {
    return directory;
  }

  /** The single segment's reader; null for an index without documents. */
  LeafReader leaf() {
    return leaf;
  }

  /** Whether SmartChineseAnalyzer produced this word in any title or text. */
  public boolean isWord(String word) {
    return has(TITLE, word) || has(TEXT, word);
  }

  private boolean has(String field, String term) {
    try {
      Terms terms = leaf == null ? null : leaf.terms(field);
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
    delete(temporary);
  }
}
