package org.touming.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Cuts documents into terms, each distinct clause once: disclosures repeat whole paragraphs year
 * after year and the same set phrases across departments, and SmartChineseAnalyzer is the expensive
 * part of a build. It segments sentence by sentence (the JDK's sentence breaks), and within a
 * sentence its words never cross a comma or the like ({@link #CLAUSE_MARKS}), so cutting a text
 * into those clauses first gives the same words. One instance kept across builds ({@code serve})
 * re-cuts only the clauses an edit changed. Thread-safe: the index cuts on every core ({@link
 * SearchIndex}).
 */
public final class Analysis {
  /** Past this many remembered clauses the memory is dropped and starts again. */
  private static final int CACHE_LIMIT = 100_000;

  private final Analyzer words = new SmartChineseAnalyzer();
  private final Map<String, String[]> wordCache = new ConcurrentHashMap<>();
  private final Map<String, String> vocabulary = new ConcurrentHashMap<>();
  private final boolean bounded;
  private final AtomicInteger cut = new AtomicInteger();
  // Clauses an earlier build cut (WordStore), each moved to the cache when this build meets it.
  private volatile Map<String, String[]> earlier = Map.of();

  /** An analysis that forgets what it cut once it holds more than {@code serve} should keep. */
  public Analysis() {
    this(true);
  }

  /**
   * With {@code bounded} false, every clause cut stays remembered, so that {@link #clauses} holds a
   * whole build's (for {@link WordStore}).
   */
  public Analysis(boolean bounded) {
    this.bounded = bounded;
  }

  /** Takes the words of these clauses as an earlier build cut them, instead of cutting again. */
  public void remember(Map<String, String[]> clauses) {
    clauses.values().forEach(this::intern);
    earlier = clauses instanceof ConcurrentHashMap ? clauses : new ConcurrentHashMap<>(clauses);
  }

  /** Every clause met since the last reset, with its words. */
  public Map<String, String[]> clauses() {
    return wordCache;
  }

  /**
   * How many clauses SmartChineseAnalyzer has cut (not taken from the cache or an earlier build).
   */
  int cut() {
    return cut.get();
  }

  /** The terms of one document: title words, text words, and the bigrams of both. */
  record Terms(String[] title, String[] text, String[] grams) {}

  /** Forgets what was cut once a bounded analysis holds more than {@code serve} should keep. */
  void trim() {
    if (bounded && (wordCache.size() > CACHE_LIMIT || vocabulary.size() > 4 * CACHE_LIMIT)) {
      wordCache.clear();
      vocabulary.clear();
    }
  }

  /**
   * The title field holds the part's own heading, so that a department's name ranks its own page
   * first; the bigram field also holds the department's name, so that a query naming both a
   * department and a subject finds that department's part.
   */
  Terms terms(SearchDocument d) {
    // A line break separates runs, so the bigrams of the joined text are those of each part.
    return new Terms(
        words(d.heading()),
        words(d.text()),
        Grams.of(d.heading() + "\n" + d.context() + "\n" + d.text()));
  }

  private static final ThreadLocal<BreakIterator> SENTENCES =
      ThreadLocal.withInitial(() -> BreakIterator.getSentenceInstance(Locale.ROOT));

  /**
   * Where SmartChineseAnalyzer's segmentation of a sentence splits whatever the text around it:
   * each of these is a word of its own, so the best path through the sentence is the best path to
   * it followed by the best path on from it. A clause cut together with the marks on either side of
   * it therefore gets the words it gets inside the whole sentence (the marks are stop words and
   * give none), and a clause repeats far more often than a whole sentence: on the 5,000-disclosure
   * sample 36% less text is cut.
   */
  private static final String CLAUSE_MARKS = "，；、：";

  /** SmartChineseAnalyzer's words of a text, sentence by sentence and clause by clause. */
  String[] words(String text) {
    BreakIterator sentences = SENTENCES.get();
    sentences.setText(text);
    List<String> out = new ArrayList<>();
    for (int start = sentences.first(), end = sentences.next();
        end != BreakIterator.DONE;
        start = end, end = sentences.next()) {
      int from = start;
      for (int i = start; i < end - 1; i++) {
        if (CLAUSE_MARKS.indexOf(text.charAt(i)) >= 0) {
          clause(text.substring(from, i + 1), out);
          from = i;
        }
      }
      clause(text.substring(from, end), out);
    }
    return out.toArray(String[]::new);
  }

  private void clause(String clause, List<String> out) {
    String[] found = wordCache.get(clause);
    if (found == null) {
      found = earlier.isEmpty() ? null : earlier.remove(clause);
      if (found == null) {
        found = intern(terms(words, clause));
        cut.incrementAndGet();
      }
      wordCache.put(clause, found);
    }
    out.addAll(Arrays.asList(found));
  }

  /** One String per distinct word: the cache holds references, not copies of each token. */
  private String[] intern(String[] found) {
    for (int i = 0; i < found.length; i++) {
      String known = vocabulary.putIfAbsent(found[i], found[i]);
      found[i] = known == null ? found[i] : known;
    }
    return found;
  }

  static String[] terms(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(SearchIndex.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toArray(String[]::new);
  }

  /** Terms already cut, handed to the IndexWriter as they are. */
  static final class Canned extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final String[] tokens;
    private int next;

    Canned(String[] tokens) {
      this.tokens = tokens;
    }

    @Override
    public boolean incrementToken() {
      clearAttributes();
      if (next >= tokens.length) {
        return false;
      }
      term.setEmpty().append(tokens[next++]);
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      next = 0;
    }
  }
}
