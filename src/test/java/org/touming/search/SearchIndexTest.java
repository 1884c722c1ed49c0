package org.touming.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.touming.content.Catalog;
import org.touming.publish.SiteBuild;

class SearchIndexTest {
  static Catalog catalog(Path root) {
    return new SiteBuild().prepare(root, false).catalog();
  }

  @Test
  void substringsAcrossSmartcnWordBoundariesAreFound() throws Exception {
    List<SearchDocument> docs = Sections.of(catalog(Path.of("").toAbsolutePath()));
    try (SearchIndex index = SearchIndex.build(docs)) {
      // SmartChineseAnalyzer cuts 公务接待费 into 公务|接待|费: 务接待 and 待费 are no words of it.
      for (String q : List.of("务接待", "待费", "公务接待费")) {
        List<SearchIndex.Hit> hits = index.search(q, 10);
        assertTrue(
            hits.stream()
                .anyMatch(
                    h ->
                        h.url()
                            .equals("departments/131003-260/2019-budget/index.html#three-public")),
            q + " → " + hits);
      }
      assertEquals(
          List.of(), index.search("鲸鱼潜艇", 10), "no result for words the site does not hold");
      assertTrue(
          index.stored(index.search("九州镇", 3).get(0).doc()).get(SearchIndex.TITLE).contains("九州镇"),
          "a department name ranks its own pages first");
    }
  }

  @Test
  void cuttingIntoSentencesFirstGivesSmartcnsOwnWords(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    new org.touming.sample.SampleGenerator().write(10, 2, dir);
    List<SearchDocument> docs =
        new java.util.ArrayList<>(Sections.of(catalog(Path.of("").toAbsolutePath())));
    docs.addAll(Sections.of(catalog(dir)));
    Analysis analysis = new Analysis();
    var smartcn = new org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer();
    int compared = 0;
    for (SearchDocument d : docs) {
      for (String text : List.of(d.heading(), d.text())) {
        compared += text.length() < 1024 ? 1 : 0;
        // Past 1,024 characters SmartChineseAnalyzer's own buffer may cut a word in two (规|定);
        // sentence by sentence it does not, so only shorter texts must agree word for word.
        if (text.length() < 1024) {
          assertEquals(List.of(Analysis.terms(smartcn, text)), List.of(analysis.words(text)), text);
        }
      }
    }
    assertTrue(compared > 300, "compared " + compared);
  }
}
