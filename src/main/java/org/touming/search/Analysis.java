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
 * Cuts documents into terms, each distinct sentence once: disclosures repeat whole paragraphs year
 * after year and the same set phrases across departments, and SmartChineseAnalyzer is the expensive
 * part of a build. It segments sentence by sentence (the JDK's sentence breaks), so cutting a text
 * into those sentences first gives the same words. One instance kept across builds ({@code serve})
 * re-cuts only the sentences an edit changed. Thread-safe: the index cuts on every core ({@link
 * SearchIndex}).
 */
public final class Analysis {
  /** Past this many remembered sentences the memory is dropped and starts again. */
  private static final int CACHE_LIMIT = 100_000;

  private final Analyzer words = new SmartChineseAnalyzer();
  private final Map<String, String[]> wordCache = new ConcurrentHashMap<>();
  private final Map<String, String> vocabulary = new ConcurrentHashMap<>();
  private final boolean bounded;
  private final AtomicInteger cut = new AtomicInteger();
  // Sentences an earlier build cut (WordStore), each moved to the cache when this build meets it.
  private volatile Map<String, String[]> earlier = Map.of();

  /** An analysis that forgets what it cut once it holds more than {@code serve} should keep. */
  public Analysis() {
    this(true);
  }

  /**
   * With {@code bounded} false, every sentence cut stays remembered, so that {@link #sentences}
   * holds a whole build's (for {@link WordStore}).
   */
  public Analysis(boolean bounded) {
    this.bounded = bounded;
  }

  /** Takes the words of these sentences as an earlier build cut them, instead of cutting again. */
  public void remember(Map<String, String[]> sentences) {
    sentences.values().forEach(this::intern);
    earlier =
        sentences instanceof ConcurrentHashMap ? sentences : new ConcurrentHashMap<>(sentences);
  }

  /** Every sentence met since the last reset, with its words. */
  public Map<String, String[]> sentences() {
    return wordCache;
  }

  /**
   * How many sentences SmartChineseAnalyzer has cut (not taken from the cache or an earlier build).
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

  /** SmartChineseAnalyzer's words of a text, sentence by sentence from the cache. */
  String[] words(String text) {
    BreakIterator sentences = SENTENCES.get();
    sentences.setText(text);
    List<String> out = new ArrayList<>();
    for (int start = sentences.first(), end = sentences.next();
        end != BreakIterator.DONE;
        start = end, end = sentences.next()) {
      String sentence = text.substring(start, end);
      String[] found = wordCache.get(sentence);
      if (found == null) {
        found = earlier.isEmpty() ? null : earlier.remove(sentence);
        if (found == null) {
          found = intern(terms(words, sentence));
          cut.incrementAndGet();
        }
        wordCache.put(sentence, found);
      }
      out.addAll(Arrays.asList(found));
    }
    return out.toArray(String[]::new);
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
