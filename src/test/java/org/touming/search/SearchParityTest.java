package org.touming.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.publish.SiteBuild;
import org.touming.sample.SampleGenerator;
import org.touming.testing.BrowserTools;

/**
 * The browser's search (assets/search.js, run in Node and in headless Chromium from disk) against
 * Lucene's IndexSearcher on the index written into the same site: the same top ten in the same
 * order, and every substring of a section finds that section.
 */
class SearchParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static List<Path> sites = new ArrayList<>();

  @BeforeAll
  static void build() throws IOException {
    new SampleGenerator().write(80, 6, dir.resolve("sample"));
    sites.add(site(dir.resolve("sample"), dir.resolve("sample-public")));
    sites.add(site(Path.of("").toAbsolutePath(), dir.resolve("bundled-public")));
  }

  private static Path site(Path source, Path output) {
    SiteBuild.Result r = new SiteBuild().run(source, output, false);
    assertTrue(r.written(), () -> "build failed: " + r.diagnostics().sorted());
    return output;
  }

  static SearchIndex lucene(Path site) throws IOException {
    return SearchIndex.open(site.resolve(LuceneFiles.FOLDER));
  }

  @Test
  void theIndexInTheSiteIsAValidLuceneIndex() throws Exception {
    for (Path site : sites) {
      try (FSDirectory d = FSDirectory.open(site.resolve(LuceneFiles.FOLDER));
          CheckIndex check = new CheckIndex(d)) {
        assertTrue(check.checkIndex().clean, "CheckIndex on " + site);
      }
    }
  }

  @Test
  void nodeRanksAsLuceneDoes() throws Exception {
    BrowserTools.requireNode();
    compare("search-node.mjs");
  }

  @Test
  void chromiumFromDiskRanksAsLuceneDoes() throws Exception {
    BrowserTools.requireBrowser();
    JsonNode ui = compare("search-browser.mjs");
    Path site = sites.get(sites.size() - 1);
    assertEquals("[]", ui.get("errors").toString(), "no script errors");
    assertEquals("[]", ui.get("offsite").toString(), "nothing requested from another host");
    assertEquals(ui.get("query").asText(), ui.get("input").asText(), "?q= fills the box");
    assertTrue(ui.get("status").asText().matches("找到 [0-9,]+ 条结果"), ui.toString());
    JsonNode links = ui.get("links");
    assertTrue(links.size() > 0 && links.size() <= 10, ui.toString());
    for (JsonNode link : links) {
      String href = link.asText();
      String file = href.substring(0, href.indexOf('#'));
      String anchor = href.substring(href.indexOf('#') + 1);
      Path page = site.resolve("search").resolve(file).normalize();
      assertTrue(Files.isRegularFile(page), href);
      assertTrue(
          Files.readString(page).contains("id=\"" + anchor + "\""), href + " has its anchor");
    }
    assertTrue(ui.get("marks").asInt() >= links.size(), "every result highlights the query");
    assertEquals(links.get(0).asText(), ui.get("focus1").asText(), "↓ from the box");
    assertEquals(links.get(1).asText(), ui.get("focus2").asText(), "↓ again");
    assertEquals("search-q", ui.get("focusBack").asText(), "Esc returns to the box");
    String label = ui.get("filterLabel").asText();
    String count = label.substring(label.lastIndexOf('(') + 1, label.length() - 1);
    assertEquals(
        "找到 " + count + " 条结果", ui.get("filteredStatus").asText(), "a filter narrows to its count");
    assertTrue(ui.get("none").asText().contains("没有找到与“鲸鱼潜艇飞碟”相关的内容"), ui.toString());
    assertEquals(
        "?q=%E9%B2%B8%E9%B1%BC%E6%BD%9C%E8%89%87%E9%A3%9E%E7%A2%9F", ui.get("location").asText());
  }

  /** Runs the script on each site's queries; returns the UI facts of the last run, if any. */
  private JsonNode compare(String script) throws Exception {
    int queries = 0;
    int same = 0;
    List<String> differences = new ArrayList<>();
    JsonNode ui = null;
    for (Path site : sites) {
      try (SearchIndex index = lucene(site)) {
        List<String> qs = Queries.of(index, 6, 14);
        List<String> places = Places.of(index);
        JsonNode browser = run(script, site, qs, 10);
        for (int i = 0; i < qs.size(); i++) {
          String q = qs.get(i);
          List<String> expected =
              Places.of(places, index.search(q, 10).stream().map(SearchIndex.Hit::doc).toList());
          JsonNode got = browser.get("results").get(i);
          assertEquals(q, got.get("q").asText());
          List<String> actual = Places.strings(got.get("places"));
          if (got.has("urls")) {
            for (int k = 0; k < actual.size(); k++) {
              assertEquals(
                  index.stored(places.indexOf(actual.get(k))).get("url"),
                  got.get("urls").get(k).asText(),
                  q + ": the document chunk of document " + actual.get(k));
            }
          }
          queries++;
          if (expected.equals(actual) && index.count(q) == got.get("total").asInt()) {
            same++;
          } else {
            differences.add(
                q
                    + ": lucene "
                    + expected
                    + " / "
                    + index.count(q)
                    + ", browser "
                    + actual
                    + " / "
                    + got.get("total"));
          }
        }
        if (browser.has("ui")) {
          ui = browser.get("ui");
        }
      }
    }
    assertTrue(queries >= 200, "at least 200 queries, had " + queries);
    assertTrue(
        same * 100 >= queries * 98,
        same + " of " + queries + " queries ranked alike; differences: " + differences);
    System.out.println(script + ": " + same + " of " + queries + " queries give Lucene's top 10");
    return ui;
  }

  @Test
  void everyRandomChineseSubstringFindsItsSection() throws Exception {
    BrowserTools.requireNode();
    int tried = 0;
    for (Path site : sites) {
      try (SearchIndex index = lucene(site)) {
        List<String> places = Places.of(index);
        Random random = new Random(1000 + tried);
        List<String> qs = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        int target = tried == 0 ? 700 : 300;
        while (qs.size() < target) {
          int doc = random.nextInt(index.size());
          String text = index.stored(doc).get(SearchIndex.TEXT);
          int length = 2 + random.nextInt(5);
          if (text.length() < length) {
            continue;
          }
          int at = random.nextInt(text.length() - length + 1);
          String q = text.substring(at, at + length);
          if (q.codePoints()
              .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            qs.add(q);
            owners.add(doc);
          }
        }
        JsonNode results = run("search-node.mjs", site, qs, 0).get("results");
        for (int i = 0; i < qs.size(); i++) {
          List<String> found = Places.strings(results.get(i).get("places"));
          assertTrue(
              found.contains(places.get(owners.get(i))),
              "substring " + qs.get(i) + " of document " + owners.get(i) + " not found");
          int owner = owners.get(i);
          assertTrue(
              index.search(qs.get(i), index.size()).stream().anyMatch(h -> h.doc() == owner),
              "Lucene misses " + qs.get(i));
        }
        tried += qs.size();
      }
    }
    assertEquals(1000, tried);
  }

  static JsonNode run(String script, Path site, List<String> queries, int limit) throws Exception {
    Path in = Files.createTempFile(dir, "queries", ".json");
    Path out = Files.createTempFile(dir, "results", ".json");
    JSON.writeValue(in.toFile(), queries);
    Process p =
        new ProcessBuilder(
                "node",
                "src/test/js/" + script,
                site.toString(),
                in.toString(),
                out.toString(),
                Integer.toString(limit))
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), script + " timed out");
    assertEquals(0, p.exitValue(), output);
    JsonNode r = JSON.readTree(out.toFile());
    return r.isArray() ? JSON.createObjectNode().set("results", r) : r;
  }
}
