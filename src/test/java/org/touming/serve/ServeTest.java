package org.touming.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.sample.SampleGenerator;
import org.touming.testing.FixtureSite;

/** serve: an edit shows up in the browser, an error shows in the page, a fix brings it back. */
class ServeTest {
  private static final String PAGE = "departments/131003-260/2019-budget/index.html";
  private final HttpClient client = HttpClient.newHttpClient();

  private HttpResponse<String> get(Serve serve, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + serve.port() + "/" + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void awaitNewVersion(Serve serve, long after) throws InterruptedException {
    for (int i = 0; i < 200 && serve.version() <= after; i++) {
      Thread.sleep(50);
    }
    assertTrue(serve.version() > after, "the preview rebuilt");
  }

  @Test
  void editsErrorsAndFixesReachTheBrowser(@TempDir Path dir) throws Exception {
    FixtureSite site = FixtureSite.copy("valid", dir.resolve("site"));
    StringWriter log = new StringWriter();
    try (Serve serve = new Serve(site.root(), 0, new PrintWriter(log, true))) {
      serve.start();
      HttpResponse<String> first = get(serve, PAGE);
      assertEquals(200, first.statusCode());
      assertTrue(
          first.body().contains("<script src=\"/__touming/reload.js\"></script>"),
          "live reload script injected");
      assertTrue(get(serve, "__touming/reload.js").body().contains("location.reload()"));

      long v = serve.version();
      site.edit(FixtureSite.DISCLOSURE, "title: 廊坊市广阳区委2019年部门预算信息公开", "title: 改过的标题");
      awaitNewVersion(serve, v);
      assertTrue(get(serve, PAGE).body().contains("<h1>改过的标题</h1>"));
      assertTrue(
          get(serve, "departments/131003-260/index.html").body().contains("2019年预算"),
          "the department page is rebuilt too");

      v = serve.version();
      site.edit(FixtureSite.DISCLOSURE, "year: 2019", "year: [");
      awaitNewVersion(serve, v);
      HttpResponse<String> broken = get(serve, "index.html");
      assertEquals(500, broken.statusCode());
      assertTrue(
          broken.body().contains(FixtureSite.DISCLOSURE + ":4:5: error [yaml.syntax]"),
          broken.body());
      assertTrue(log.toString().contains("error [yaml.syntax]"), "the terminal shows it too");

      v = serve.version();
      site.edit(FixtureSite.DISCLOSURE, "year: [", "year: 2019");
      awaitNewVersion(serve, v);
      assertEquals(200, get(serve, PAGE).statusCode());
      assertTrue(log.toString().contains("增量重建"), log.toString());
    }
  }

  @Test
  void afterAnEditTheTablesEqualAFullBuilds(@TempDir Path dir) throws Exception {
    FixtureSite site = FixtureSite.copy("valid", dir.resolve("site"));
    try (Serve serve = new Serve(site.root(), 0, new PrintWriter(new StringWriter(), true))) {
      serve.start();
      long v = serve.version();
      site.edit(FixtureSite.DISCLOSURE, "  amount: 13.19", "  amount: 13.20");
      awaitNewVersion(serve, v);
      var full = new org.touming.publish.SiteBuild().run(site.root(), dir.resolve("full"), false);
      assertTrue(full.written());
      for (String csv :
          List.of(
              "summary",
              "three_public",
              "procurement",
              "indicators",
              "assets",
              "units",
              "site_totals")) {
        String path = "data/" + csv + ".csv";
        byte[] served =
            client
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + serve.port() + "/" + path))
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray())
                .body();
        assertArrayEquals(
            java.nio.file.Files.readAllBytes(dir.resolve("full").resolve(path)), served, path);
      }
      assertTrue(
          java.nio.file.Files.readString(dir.resolve("full/data/summary.csv")).contains("13.20"));
    }
  }

  /**
   * The scoping of an incremental rebuild, checked against its definition: after an edit to a
   * figure that region, department, ranking and site pages all show, every file the preview holds
   * (search index included, once it has caught up) equals the full build's byte for byte.
   */
  @Test
  void anIndexStoppedByTheNextEditLeavesItsChangesToTheNextIndex(@TempDir Path dir)
      throws Exception {
    Path root = dir.resolve("site");
    new SampleGenerator().write(30, 5, root);
    List<String> all;
    try (Stream<Path> walk = Files.walk(root.resolve("content"))) {
      all =
          walk.map(p -> root.relativize(p).toString().replace('\\', '/'))
              .filter(p -> p.endsWith("-budget.yml") || p.endsWith("-final.yml"))
              .sorted()
              .toList();
    }
    List<Long> searched = new ArrayList<>();
    try (Preview preview = new Preview(root)) {
      preview.onSearched((millis, sinceEdit) -> searched.add(sinceEdit));
      assertFalse(preview.rebuildAll().broken());
      preview.settle();
      CountDownLatch held = new CountDownLatch(1);
      preview.holdSearches(held);
      // The first edit's index never runs: the second edit came before it started.
      for (String yaml : List.of(all.get(1), all.get(20))) {
        String markdown = yaml.replace(".yml", ".md");
        Path p = root.resolve(markdown);
        Files.writeString(p, Files.readString(p) + "\n新增的一段说明：采购鲸鱼潜艇一艘。\n");
        assertFalse(preview.changed(Set.of(markdown)).broken());
      }
      held.countDown();
      preview.settle();
      assertEquals(2, searched.size(), "the first build's index and the second edit's");
      var full =
          new org.touming.publish.SiteBuild().full(true).run(root, dir.resolve("full"), false);
      assertTrue(full.written());
      Map<String, byte[]> built = files(dir.resolve("full"));
      Map<String, byte[]> served = preview.files();
      List<String> differ =
          built.keySet().stream()
              .filter(f -> f.startsWith("search/"))
              .filter(f -> !Arrays.equals(built.get(f), served.get(f)))
              .sorted()
              .toList();
      assertEquals(List.of(), differ, "search files that differ from a full build");
    }
  }

  @Test
  void afterAnEditEveryFileEqualsAFullBuilds(@TempDir Path dir) throws Exception {
    Path root = dir.resolve("site");
    Path edited = sampleWithTotal(root);
    String yaml = Files.readString(edited);
    String before = TOTAL;
    try (Serve serve = new Serve(root, 0, new PrintWriter(new StringWriter(), true))) {
      serve.start();
      long v = serve.version();
      Files.writeString(edited, yaml.replace(before, "expenditure:\n  total: 26128.8\n"));
      awaitNewVersion(serve, v);
      serve.settle();
      var full = new org.touming.publish.SiteBuild().run(root, dir.resolve("full"), false);
      assertTrue(full.written());
      Map<String, byte[]> built = files(dir.resolve("full"));
      Map<String, byte[]> served = serve.files();
      built.remove(org.touming.publish.Output.MANIFEST);
      assertEquals(new TreeSet<>(built.keySet()), new TreeSet<>(served.keySet()));
      List<String> differ =
          built.keySet().stream()
              .filter(f -> !Arrays.equals(built.get(f), served.get(f)))
              .sorted()
              .toList();
      assertEquals(List.of(), differ, "files that differ from a full build");
      // 16,128.8 + 40,728.23 before the edit: the county's and the city's sums both moved.
      assertTrue(page(served, "regions/990101/index.html").contains("26,128.8"));
      assertTrue(page(served, "regions/990100/index.html").contains("66,857.03"));
      // The province ranks every department: its rows of untouched departments are kept from the
      // first build, the edited one's are made again.
      assertTrue(page(served, "compare/regions/990000/index.html").contains("26,128.8"));
    }
  }

  /** The total expenditure of {@link #sampleWithTotal}'s disclosure, as its YAML states it. */
  static final String TOTAL = "expenditure:\n  total: 16128.8\n";

  /**
   * Writes the 40-disclosure sample into {@code root}; returns the disclosure with {@link #TOTAL}.
   */
  static Path sampleWithTotal(Path root) throws java.io.IOException {
    new SampleGenerator().write(40, 3, root);
    Path edited = root.resolve("content/990101/101/2018-budget.yml");
    assertTrue(
        Files.readString(edited).contains(TOTAL), "the sample still has the figure the tests edit");
    return edited;
  }

  private static String page(Map<String, byte[]> files, String path) {
    return new String(files.get(path), StandardCharsets.UTF_8);
  }

  private static Map<String, byte[]> files(Path dir) throws Exception {
    Map<String, byte[]> files = new HashMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return files;
  }

  @Test
  void theLiveReloadPolicyIsOnlyInThePreview() {
    byte[] page =
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'\"></head><body>x</body>"
            .getBytes();
    String served = new String(PreviewServer.withReload(page));
    assertTrue(
        served.contains("script-src 'self'")
            && served.endsWith("<script src=\"/__touming/reload.js\"></script>\n</body>"),
        served);
    assertTrue(
        Watcher.isSource("content/1/2/2019-budget.yml")
            && !Watcher.isSource("content/1/2/sedAb12Cd")
            && !Watcher.isSource("content/a.yml~"));
  }
}
