package org.touming.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.publish.SiteBuild;
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
    for (String file : List.of("search/meta.js", "search/t/0.js", "search/d/0.js")) {
      assertEquals(Files.readString(on.resolve(file)), Files.readString(off.resolve(file)), file);
    }
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
