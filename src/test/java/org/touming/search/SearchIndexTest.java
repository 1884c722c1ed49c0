package org.touming.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.publish.Catalog;
import org.touming.publish.SiteBuild;
import org.touming.sample.SampleGenerator;

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
          index.search("九州镇", 3).get(0).title().contains("九州镇"),
          "a department name ranks its own pages first");
    }
  }

  @Test
  void everyRandomChineseSubstringFindsItsSection(@TempDir Path dir) throws Exception {
    new SampleGenerator().write(40, 6, dir);
    List<SearchDocument> docs = new ArrayList<>(Sections.of(catalog(Path.of("").toAbsolutePath())));
    docs.addAll(Sections.of(catalog(dir)));
    Random random = new Random(1000);
    int tried = 0;
    try (SearchIndex index = SearchIndex.build(docs)) {
      while (tried < 1000) {
        SearchDocument d = docs.get(random.nextInt(docs.size()));
        String text = d.text();
        int length = 2 + random.nextInt(5);
        if (text.length() < length) {
          continue;
        }
        int at = random.nextInt(text.length() - length + 1);
        String q = text.substring(at, at + length);
        if (!q.codePoints()
            .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
          continue;
        }
        tried++;
        List<SearchIndex.Hit> hits = index.search(q, docs.size());
        assertTrue(
            hits.stream().anyMatch(h -> h.url().equals(d.url()) && h.title().equals(d.title())),
            "substring " + q + " of " + d.url() + " not found");
      }
    }
    assertEquals(1000, tried);
  }
}
