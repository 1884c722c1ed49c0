package org.touming.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.publish.SiteBuild;
import org.touming.testing.BrowserTools;
import org.touming.testing.FixtureSite;

/** What the build writes for search, and the site-config switch for the raw Lucene index. */
class SearchOutputTest {
  @Test
  void theLuceneIndexIsWrittenAndCheckedUnlessTurnedOff(@TempDir Path dir) throws Exception {
    FixtureSite site = FixtureSite.copy("valid", dir.resolve("site"));
    Path on = build(site.root(), dir.resolve("on"));
    assertTrue(Files.isRegularFile(on.resolve("search/lucene/segments_1")));
    assertTrue(Files.readString(on.resolve("SHA256SUMS")).contains("search/lucene/segments_1"));
    try (SearchIndex index = SearchIndex.open(on.resolve(LuceneFiles.FOLDER))) {
      assertTrue(index.size() > 10, "sections of the fixture disclosures are indexed");
      assertFalse(index.search("公务接待", 10).isEmpty());
    }

    site.write(
        "site-config.yml", site.read("site-config.yml") + "search:\n  lucene-index: false\n");
    Path off = build(site.root(), dir.resolve("off"));
    assertFalse(Files.exists(off.resolve("search/lucene")));
    assertTrue(Files.isRegularFile(off.resolve("search/meta.js")), "the browser index stays");
    assertFalse(Files.readString(off.resolve("SHA256SUMS")).contains("search/lucene"));
    List<Path> browser;
    try (var files = Files.walk(on.resolve("search"))) {
      browser =
          files
              .filter(Files::isRegularFile)
              .filter(f -> !f.startsWith(on.resolve("search/lucene")))
              .toList();
    }
    assertTrue(browser.size() > 3, "meta, term and document chunks: " + browser);
    for (Path file : browser) {
      Path rel = on.relativize(file);
      assertEquals(Files.readString(file), Files.readString(off.resolve(rel)), rel.toString());
    }
  }

  @Test
  void charactersBeyondTheBasicPlaneAreFoundInTheBrowser(@TempDir Path dir) throws Exception {
    BrowserTools.requireNode();
    FixtureSite site = FixtureSite.copy("valid", dir.resolve("site"));
    // 𠮷 (U+20BB7) is a surrogate pair, 﨑 (U+FA11) sorts above every surrogate in UTF-16 but
    // below it in code point order, which is Lucene's: term chunks must be looked up the same way.
    site.edit("content/131003/260/2019-budget.md", "我部门无其他需要说明的事项。", "𠮷野家与﨑山的接待费用为零。");
    Path out = build(site.root(), dir.resolve("out"));
    long chunks;
    try (var files = Files.list(out.resolve("search/t"))) {
      chunks = files.count();
    }
    assertTrue(chunks > 10, "the tests run with small term chunks: " + chunks);
    Path queries = dir.resolve("q.json");
    Files.writeString(queries, "[\"𠮷野家\",\"﨑山\",\"𠮷野\"]");
    Process p =
        new ProcessBuilder(
                "node",
                "src/test/js/search-node.mjs",
                out.toString(),
                queries.toString(),
                dir.resolve("r.json").toString(),
                "10")
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
    var results = new ObjectMapper().readTree(dir.resolve("r.json").toFile());
    try (SearchIndex index = SearchIndex.open(out.resolve(LuceneFiles.FOLDER))) {
      for (var r : results) {
        String q = r.get("q").asText();
        List<String> lucene =
            Places.of(
                Places.of(index), index.search(q, 10).stream().map(SearchIndex.Hit::doc).toList());
        assertFalse(lucene.isEmpty(), q);
        assertEquals(lucene, Places.strings(r.get("places")), q);
      }
    }
  }

  @Test
  void theBrowserOrdersTermsAsLuceneDoes(@TempDir Path dir) throws Exception {
    BrowserTools.requireNode();
    String[] alphabet = {"a", "中", "\uFA11", "\uFF21", "𠮷", "𩸽", "\uE000", "\uD7FF"};
    java.util.Random random = new java.util.Random(7);
    java.util.TreeSet<String> terms =
        new java.util.TreeSet<>(
            (x, y) ->
                new org.apache.lucene.util.BytesRef(x)
                    .compareTo(new org.apache.lucene.util.BytesRef(y)));
    while (terms.size() < 500) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1 + random.nextInt(4); i > 0; i--) {
        sb.append(alphabet[random.nextInt(alphabet.length)]);
      }
      terms.add(sb.toString());
    }
    Path file = dir.resolve("terms.json");
    new ObjectMapper().writeValue(file.toFile(), new java.util.ArrayList<>(terms));
    String script =
        "const fs=require('fs');globalThis.toumingSearch={};"
            + "eval(fs.readFileSync('themes/default/assets/search.js','utf8'));"
            + "const t=JSON.parse(fs.readFileSync(process.argv[1],'utf8'));let bad=0;"
            + "for(let i=1;i<t.length;i++)if(!(toumingSearch.cmp(t[i-1],t[i])<0))bad++;"
            + "console.log('out of order: '+bad);process.exit(bad?1:0);";
    Process p =
        new ProcessBuilder("node", "-e", script, file.toString()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
  }

  @Test
  void aMistypedSearchOptionIsNamed(@TempDir Path dir) {
    FixtureSite site = FixtureSite.copy("valid", dir.resolve("site"));
    site.write("site-config.yml", site.read("site-config.yml") + "search:\n  lucene: no\n");
    SiteBuild.Result r = new SiteBuild().run(site.root(), dir.resolve("out"), false);
    assertFalse(r.written());
    var d = r.diagnostics().sorted().get(0);
    assertEquals("site-config.yml", d.file());
    assertEquals(6, d.line());
    assertTrue(d.message().contains("lucene-index"), d.message());
  }

  private static Path build(Path source, Path output) {
    SiteBuild.Result r = new SiteBuild().run(source, output, false);
    assertTrue(r.written(), () -> "build failed: " + r.diagnostics().sorted());
    return output;
  }
}
