package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built site crawled as a reader would: from disk (file://) and over http at a sub-path. Every
 * internal link and asset resolves, every #anchor exists, nothing points at another host.
 */
class CrawlTest {
  @TempDir static Path dir;
  static Path site;

  @BeforeAll
  static void build() {
    site = BuiltSite.build(Path.of("").toAbsolutePath(), dir.resolve("public"));
  }

  static List<String> references(Document doc) {
    List<String> refs = new ArrayList<>();
    for (Element e : doc.select("[href], [src], form[action]")) {
      refs.add(
          e.hasAttr("href") ? e.attr("href") : e.hasAttr("src") ? e.attr("src") : e.attr("action"));
    }
    return refs;
  }

  @Test
  void fromDiskEveryLinkResolvesToAFile() throws Exception {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : BuiltSite.files(site, ".html")) {
      Document doc = Jsoup.parse(page.toFile(), "UTF-8");
      for (String ref : references(doc)) {
        checked++;
        URI uri = URI.create(ref.replace(" ", "%20"));
        if (uri.getScheme() != null) {
          broken.add(site.relativize(page) + ": points at another host or scheme: " + ref);
          continue;
        }
        String path = uri.getPath();
        Path target = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
        if (!target.startsWith(site) || !Files.isRegularFile(target)) {
          broken.add(site.relativize(page) + ": " + ref + " does not resolve to a file");
          continue;
        }
        if (uri.getFragment() != null && target.toString().endsWith(".html")) {
          Document t = Jsoup.parse(target.toFile(), "UTF-8");
          if (t.getElementById(uri.getFragment()) == null) {
            broken.add(site.relativize(page) + ": " + ref + " has no element with that id");
          }
        }
      }
    }
    assertTrue(checked > 200, "links checked: " + checked);
    assertEquals(List.of(), broken);
  }

  @Test
  void overHttpAtASubPathEveryPageIsReachable() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String prefix = "/mirror/yjsgk/";
    server.createContext(
        prefix,
        exchange -> {
          Path file =
              site.resolve(exchange.getRequestURI().getPath().substring(prefix.length()))
                  .normalize();
          byte[] body =
              file.startsWith(site) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
          exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
          if (body != null) {
            exchange.getResponseBody().write(body);
          }
          exchange.close();
        });
    server.start();
    try {
      HttpClient client = HttpClient.newHttpClient();
      URI start =
          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + prefix + "index.html");
      Deque<URI> queue = new ArrayDeque<>(List.of(start));
      Set<URI> seen = new HashSet<>(queue);
      List<String> failures = new ArrayList<>();
      while (!queue.isEmpty() && seen.size() < 5000) {
        URI uri = queue.poll();
        HttpResponse<String> response =
            client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          failures.add(uri + " → " + response.statusCode());
          continue;
        }
        if (!uri.getPath().endsWith(".html")) {
          continue;
        }
        for (String ref : references(Jsoup.parse(response.body(), uri.toString()))) {
          URI next = uri.resolve(ref.replace(" ", "%20"));
          URI withoutFragment =
              new URI(next.getScheme(), next.getAuthority(), next.getPath(), null, null);
          if (!withoutFragment.getAuthority().equals(start.getAuthority())
              || !withoutFragment.getPath().startsWith(prefix)) {
            failures.add(uri + " links outside the site: " + ref);
          } else if (seen.add(withoutFragment)) {
            queue.add(withoutFragment);
          }
        }
      }
      assertEquals(List.of(), failures);
      long pages =
          BuiltSite.files(site, ".html").stream()
              .filter(p -> !p.getFileName().toString().equals("404.html"))
              .count();
      long reached = seen.stream().filter(u -> u.getPath().endsWith(".html")).count();
      assertEquals(pages, reached, "every page is reachable by links from the home page");
    } finally {
      server.stop(0);
    }
  }
}
