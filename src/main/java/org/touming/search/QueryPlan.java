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
 * (assets/search.js, {@code plan}). Every bigram of the query must be in the bigram field, which
 * finds any substring of two characters or more. The query's words, cut by longest match against
 * the index's own word vocabulary, rank the matches: all of them in the title (boosted), and in the
 * text those that say more than a bigram already does (three characters or more, or a lone
 * character). A single character left over inside a longer run is no clause at all: its bigrams
 * already require it, and as a word it would only bring the longest postings lists of the index.
 * SmartChineseAnalyzer cannot run in a browser; cutting the query by the words it produced at build
 * time is what keeps both sides agreeing.
 *
 * @param grams required terms of the bigram field
 * @param titleWords optional terms of the title field
 * @param textWords optional terms of the text field
 */
public record QueryPlan(List<String> grams, List<String> titleWords, List<String> textWords) {
  /**
   * Longer words than this are not looked up; SmartChineseAnalyzer's dictionary words are shorter.
   */
  public static final int MAX_WORD = 8;

  /** Queries are cut to this many code points, so a pasted page cannot stall the browser. */
  public static final int MAX_QUERY = 64;

  public static final float TITLE_BOOST = 2f;

  public static QueryPlan of(String query, Predicate<String> isWord) {
    Set<String> grams = new LinkedHashSet<>();
    Set<String> title = new LinkedHashSet<>();
    Set<String> text = new LinkedHashSet<>();
    String q =
        query.codePointCount(0, query.length()) > MAX_QUERY
            ? query.substring(0, query.offsetByCodePoints(0, MAX_QUERY))
            : query;
    for (Grams.Run run : Grams.runs(q)) {
      List<String> c = run.chars();
      if (run.kind() == Grams.Kind.ALNUM) {
        grams.add(run.text());
        title.add(run.text());
      } else if (c.size() == 1) {
        title.add(run.text());
        text.add(run.text());
      } else {
        Grams.grams(run, grams::add);
        for (int i = 0; i < c.size(); ) {
          int length = Math.min(MAX_WORD, c.size() - i);
          while (length > 1 && !isWord.test(String.join("", c.subList(i, i + length)))) {
            length--;
          }
          if (length > 1) {
            String word = String.join("", c.subList(i, i + length));
            title.add(word);
            if (length > 2) {
              text.add(word);
            }
          }
          i += length;
        }
      }
    }
    return new QueryPlan(List.copyOf(grams), List.copyOf(title), List.copyOf(text));
  }

  public boolean isEmpty() {
    return grams.isEmpty() && titleWords.isEmpty() && textWords.isEmpty();
  }

  /** The Lucene query: the grams as MUST clauses, the words as SHOULD clauses. */
  public Query toLucene() {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String g : grams) {
      b.add(new TermQuery(new Term(SearchIndex.BIGRAMS, g)), Occur.MUST);
    }
    for (String w : titleWords) {
      b.add(
          new BoostQuery(new TermQuery(new Term(SearchIndex.TITLE, w)), TITLE_BOOST), Occur.SHOULD);
    }
    for (String w : textWords) {
      b.add(new TermQuery(new Term(SearchIndex.TEXT, w)), Occur.SHOULD);
    }
    return b.build();
  }
}
