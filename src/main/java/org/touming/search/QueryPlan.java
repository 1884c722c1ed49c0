package org.touming.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What a reader's query asks of the index, worked out the same way here and in the browser
 * (assets/search.js, {@code plan}): every bigram of the query must be in the bigram field, which
 * finds any substring of two characters or more; the query's words, cut by longest match against
 * the index's own word vocabulary with a single-character fallback, rank the matches through the
 * title (boosted) and the text. SmartChineseAnalyzer cannot run in a browser; cutting the query by
 * the words it produced at build time is what keeps both sides agreeing.
 *
 * @param grams required terms of the bigram field
 * @param words optional terms of the title and text fields
 */
public record QueryPlan(List<String> grams, List<String> words) {
  /**
   * Longer words than this are not looked up; SmartChineseAnalyzer's dictionary words are shorter.
   */
  public static final int MAX_WORD = 8;

  /** Queries are cut to this many code points, so a pasted page cannot stall the browser. */
  public static final int MAX_QUERY = 64;

  public static final float TITLE_BOOST = 2f;

  public static QueryPlan of(String query, Predicate<String> isWord) {
    Set<String> grams = new LinkedHashSet<>();
    Set<String> words = new LinkedHashSet<>();
    String q =
        query.codePointCount(0, query.length()) > MAX_QUERY
            ? query.substring(0, query.offsetByCodePoints(0, MAX_QUERY))
            : query;
    for (Grams.Run run : Grams.runs(q)) {
      if (run.kind() == Grams.Kind.OTHER) {
        continue;
      }
      if (run.kind() == Grams.Kind.ALNUM || run.chars().size() > 1) {
        Grams.grams(run, grams::add);
      }
      if (run.kind() == Grams.Kind.ALNUM) {
        words.add(run.text());
        continue;
      }
      List<String> c = run.chars();
      for (int i = 0; i < c.size(); ) {
        int length = Math.min(MAX_WORD, c.size() - i);
        while (length > 1 && !isWord.test(String.join("", c.subList(i, i + length)))) {
          length--;
        }
        words.add(String.join("", c.subList(i, i + length)));
        i += length;
      }
    }
    return new QueryPlan(List.copyOf(grams), List.copyOf(words));
  }

  public boolean isEmpty() {
    return grams.isEmpty() && words.isEmpty();
  }

  /** The Lucene query: the grams as MUST clauses, then per word title^2 and text as SHOULD. */
  public Query toLucene() {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String g : grams) {
      b.add(new TermQuery(new Term(SearchIndex.BIGRAMS, g)), Occur.MUST);
    }
    for (String w : words) {
      b.add(
          new BoostQuery(new TermQuery(new Term(SearchIndex.TITLE, w)), TITLE_BOOST), Occur.SHOULD);
      b.add(new TermQuery(new Term(SearchIndex.TEXT, w)), Occur.SHOULD);
    }
    return b.build();
  }
}
