package org.touming.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The two ways text is cut into terms. Words, by SmartChineseAnalyzer, rank well but miss
 * substrings that cross its word boundaries (务接待 inside 公务|接待|费); overlapping CJK bigrams find any
 * substring of two characters or more. Both are indexed; a query uses both.
 */
public final class Analyzers {
  public static final String TITLE = "title";
  public static final String TEXT = "text";
  public static final String BIGRAMS = "bigrams";

  private Analyzers() {}

  public static Analyzer words() {
    return new SmartChineseAnalyzer();
  }

  /** Latin and digits as words; every pair of adjacent CJK characters as one term. */
  public static Analyzer bigrams() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream);
        return new TokenStreamComponents(source, stream);
      }
    };
  }
}
