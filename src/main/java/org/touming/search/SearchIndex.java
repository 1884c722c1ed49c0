package org.touming.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The site's Lucene index: title and text analysed as words (SmartChineseAnalyzer), and both again
 * as CJK bigrams. A query asks for its words in the title (boost 2) and the text, and for its
 * bigrams as a phrase, so that a substring across word boundaries is still found; documents are
 * ranked by Lucene's BM25. The browser will run the same query on the exported index.
 */
public final class SearchIndex implements AutoCloseable {
  static final float TITLE_BOOST = 2f;
  private final Analyzer words = Analyzers.words();
  private final Analyzer bigrams = Analyzers.bigrams();
  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  private SearchIndex(Directory directory) throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
  }

  /** Indexes the documents in memory, in their given order (document ids follow it). */
  public static SearchIndex build(List<SearchDocument> documents) {
    try {
      Directory dir = new ByteBuffersDirectory();
      Analyzer analyzer =
          new PerFieldAnalyzerWrapper(
              Analyzers.words(), Map.of(Analyzers.BIGRAMS, Analyzers.bigrams()));
      IndexWriterConfig config =
          new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE);
      try (IndexWriter writer = new IndexWriter(dir, config)) {
        for (SearchDocument d : documents) {
          Document doc = new Document();
          doc.add(new StringField("url", d.url(), Field.Store.YES));
          doc.add(new TextField(Analyzers.TITLE, d.title(), Field.Store.YES));
          doc.add(new TextField(Analyzers.TEXT, d.text(), Field.Store.NO));
          doc.add(new TextField(Analyzers.BIGRAMS, d.title() + "\n" + d.text(), Field.Store.NO));
          doc.add(new StringField("region", d.region(), Field.Store.YES));
          doc.add(new StringField("department", d.department(), Field.Store.YES));
          doc.add(new IntPoint("year", d.year()));
          doc.add(new StoredField("year", d.year()));
          doc.add(new StringField("kind", d.kind(), Field.Store.YES));
          writer.addDocument(doc);
        }
      }
      return new SearchIndex(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The query for what a reader typed: the same clauses the browser will build. */
  public Query query(String text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String term : terms(words, Analyzers.TEXT, text)) {
      b.add(
          new BoostQuery(new TermQuery(new Term(Analyzers.TITLE, term)), TITLE_BOOST),
          BooleanClause.Occur.SHOULD);
      b.add(new TermQuery(new Term(Analyzers.TEXT, term)), BooleanClause.Occur.SHOULD);
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    int position = -1;
    int count = 0;
    try (TokenStream ts = bigrams.tokenStream(Analyzers.BIGRAMS, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        position += inc.getPositionIncrement();
        phrase.add(new Term(Analyzers.BIGRAMS, term.toString()), position);
        count++;
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (count > 0) {
      b.add(phrase.build(), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /** One hit: the stored URL and title, and the BM25 score. */
  public record Hit(String url, String title, float score) {}

  public List<Hit> search(String text, int limit) {
    try {
      List<Hit> hits = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(query(text), limit).scoreDocs) {
        Document doc = searcher.storedFields().document(sd.doc);
        hits.add(new Hit(doc.get("url"), doc.get(Analyzers.TITLE), sd.score));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> terms(Analyzer analyzer, String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
