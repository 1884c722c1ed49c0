package org.touming.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.content.Catalog;
import org.touming.internal.Sha256;
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
  void cuttingIntoSentencesAndClausesFirstGivesSmartcnsOwnWords(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    new org.touming.sample.SampleGenerator().write(10, 2, dir);
    List<SearchDocument> docs =
        new java.util.ArrayList<>(Sections.of(catalog(Path.of("").toAbsolutePath())));
    docs.addAll(Sections.of(catalog(dir)));
    Analysis analysis = new Analysis();
    var smartcn = new org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer();
    List<String> edges =
        List.of(
            "一、部门职责：负责全区财政收支，、统筹预算；",
            "2024年支出1,234.56万元，比上年增加12.3%，主要是：人员增加、设备购置。",
            "：开头的冒号，，两个逗号；；以及结尾的顿号、",
            "导出CSV、JSON和Excel，供下载：https://example.org/a,b；完。",
            "（一）机关运行经费：2.00万元，（二）政府采购：0万元，其中货物0万元、工程0万元。");
    for (String text : edges) {
      assertEquals(List.of(Analysis.terms(smartcn, text)), List.of(analysis.words(text)), text);
    }
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

  /** The export of the index of {@code catalog}, built in batches of {@code batch} documents. */
  private static Map<String, String> export(Catalog catalog, int batch) throws Exception {
    return export(Sections.of(catalog), catalog, batch, null);
  }

  private static Map<String, String> export(
      List<SearchDocument> docs, Catalog catalog, int batch, PartStore store) throws Exception {
    Map<String, String> files = new TreeMap<>();
    ExportSink sink = (path, bytes) -> files.put(path, Sha256.hex(bytes));
    IndexExport.Documents documents = IndexExport.documents(catalog, sink);
    try (SearchIndex index =
        SearchIndex.build(
            SearchPage.grouped(docs.iterator()),
            new Analysis(),
            done -> {},
            documents,
            () -> false,
            store,
            batch)) {
      IndexExport.write(index, documents, sink);
      LuceneFiles.write(index.directory(), sink);
    }
    return files;
  }

  @Test
  void anIndexJoinedFromManyPartsIsTheSameAsOneBuiltWhole(@TempDir Path dir) throws Exception {
    new org.touming.sample.SampleGenerator().write(12, 3, dir);
    Catalog catalog = catalog(dir);
    int documents = Sections.of(catalog).size();
    assertTrue(documents > 100, "documents: " + documents);
    Map<String, String> whole = export(catalog, documents + 1);
    for (int batch : new int[] {7, 64}) {
      Map<String, String> parts = export(catalog, batch);
      // What the browser reads is the same; Lucene's own files hold a segment per batch.
      assertEquals(browserFiles(whole.keySet()), browserFiles(parts.keySet()));
      assertEquals(
          List.of(),
          whole.keySet().stream()
              .filter(f -> !f.startsWith("search/lucene/") && !whole.get(f).equals(parts.get(f)))
              .toList(),
          "files that differ in batches of " + batch);
      assertEquals(parts, export(catalog, batch), "the same batches give the same bytes");
    }
    try (SearchIndex one = SearchIndex.build(Sections.of(catalog))) {
      try (SearchIndex parts =
          SearchIndex.build(
              Sections.pages(catalog).iterator(),
              new Analysis(),
              d -> {},
              d -> {},
              () -> false,
              null,
              5)) {
        assertEquals(one.size(), parts.size());
        for (int doc = 0; doc < one.size(); doc++) {
          assertEquals(one.stored(doc).get("url"), parts.stored(doc).get("url"));
        }
        for (String q : List.of("三公经费", "公务接待费", "政府采购", "绩效目标", "2019年")) {
          assertEquals(one.search(q, 20), parts.search(q, 20), q);
        }
      }
    }
  }

  private static List<String> browserFiles(java.util.Set<String> files) {
    return files.stream().filter(f -> !f.startsWith("search/lucene/")).sorted().toList();
  }

  @Test
  void keptBatchesAreTakenAndGiveTheBytesOfAFreshBuild(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site");
    new org.touming.sample.SampleGenerator().write(12, 3, site);
    Catalog catalog = catalog(site);
    List<SearchDocument> docs = new java.util.ArrayList<>(Sections.of(catalog));
    Path kept = dir.resolve("parts");
    int[] cuts = new int[1];
    PartStore first = new PartStore(kept, true, () -> cuts[0]++);
    Map<String, String> fresh = export(docs, catalog, 16, null);
    assertEquals(fresh, export(docs, catalog, 16, first));
    assertTrue(first.made() > 5, "batches: " + first.made());
    assertEquals(0, first.reused());

    PartStore again = new PartStore(kept, true, () -> cuts[0]++);
    assertEquals(fresh, export(docs, catalog, 16, again), "every batch taken");
    assertEquals(first.made(), again.reused());
    assertEquals(0, again.made());
    assertEquals(1, cuts[0], "nothing cut the second time");

    // A rehearsal makes the batch holding its page again, and keeps the one it had.
    PartStore rehearsal =
        new PartStore(kept, true, () -> cuts[0]++)
            .rehearsing(java.util.Set.of(docs.get(docs.size() / 2).page()));
    assertEquals(fresh, export(docs, catalog, 16, rehearsal), "a rehearsal changes no byte");
    assertEquals(1, rehearsal.made(), "batches made again");
    assertEquals(first.made() - 1, rehearsal.reused());
    try (var left = java.nio.file.Files.list(kept)) {
      assertEquals(first.made(), left.count(), "nothing left of the batch made again");
    }

    // An edit that adds a document: its own batch is made again, and the rest are taken.
    int at = docs.size() / 2;
    SearchDocument d = docs.get(at);
    Edits.insert(docs, at, "新增", "鲸鱼潜艇采购");
    PartStore edited = new PartStore(kept, true, () -> cuts[0]++);
    Map<String, String> after = export(docs, catalog, 16, edited);
    assertEquals(export(docs, catalog, 16, null), after);
    assertTrue(edited.made() <= PartStore.CUT_UNAIDED, "made again: " + edited.made());
    assertEquals(1, cuts[0], "a batch or two are cut without reading what earlier builds cut");
    // Lucene's files of the batches taken are byte for byte as before (the next build links them).
    long perSegment =
        fresh.keySet().stream().filter(f -> f.matches("search/lucene/_0[._].*")).count();
    List<String> changed =
        after.keySet().stream()
            .filter(f -> f.startsWith("search/lucene/") && !after.get(f).equals(fresh.get(f)))
            .toList();
    assertTrue(perSegment >= 5, "files per segment: " + perSegment);
    assertTrue(changed.size() <= 2 * perSegment + 1, "Lucene files changed: " + changed);
    assertTrue(edited.reused() >= first.made() - 2, "taken: " + edited.reused());
    edited.prune();
    try (var left = java.nio.file.Files.list(kept)) {
      assertEquals(edited.made() + edited.reused(), left.count(), "the unused batches are gone");
    }

    PartStore notTaken = new PartStore(kept, false, () -> {});
    export(docs, catalog, 16, notTaken);
    assertEquals(0, notTaken.reused(), "a full build takes nothing");
  }
}
