package org.touming.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
