package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.check.Checker;
import org.touming.content.Diagnostic;
import org.touming.internal.Sha256;
import org.touming.sample.SampleGenerator;

/**
 * A build after an edit takes what the edit did not affect from the previous output and reads
 * unchanged disclosures back from {@code .touming/}; whatever it reuses, its output must be byte
 * for byte what a full build of the same content writes, and its diagnostics what a fresh check
 * finds.
 */
class IncrementalBuildTest {
  @TempDir Path dir;
  private Path site;
  private Path out;

  @BeforeEach
  void firstBuild() throws IOException {
    site = dir.resolve("site");
    out = dir.resolve("out");
    new SampleGenerator().write(30, 17, site);
    SiteBuild.Result first = new SiteBuild().search(false).run(site, out, false);
    assertTrue(first.written());
    assertEquals(0, first.reused(), "the first build has nothing to reuse");
  }

  @Test
  void anEditedDisclosureIsRenderedAndEverythingElseTaken() throws IOException {
    Map<String, Object> before = identities(out);
    String edited = disclosures().get(3);
    String other = disclosures().get(20);
    edit(edited, "title: ", "title: 改过的标题 ");
    edit(edited.replace(".yml", ".md"), "\n", "\n新增的一段说明。\n\n");
    SiteBuild.Result r = new SiteBuild().search(false).run(site, out, false);
    assertTrue(r.written());
    assertTrue(r.reused() > 100, "reused " + r.reused());
    assertSameAsFullBuild();
    Map<String, Object> after = identities(out);
    String editedPage = pageOf(edited);
    assertNotEquals(before.get(editedPage), after.get(editedPage), "the edited page is new");
    assertEquals(
        before.get(pageOf(other)), after.get(pageOf(other)), "another page is the same file");
    // The home page is made again, with the same bytes: it is the previous output's file, linked.
    assertEquals(before.get("index.html"), after.get("index.html"), "an unchanged site page");
  }

  @Test
  void aSitePageChangedByHandIsWrittenAgainNotLinked() throws IOException {
    Path home = out.resolve("index.html");
    String original = Files.readString(home, StandardCharsets.UTF_8);
    Files.writeString(home, original.replace("</body>", "<!-- by hand --></body>"));
    Object byHand = identities(out).get("index.html");
    edit(disclosures().get(3), "title: ", "title: 改过的标题 ");
    assertTrue(new SiteBuild().search(false).run(site, out, false).written());
    assertEquals(original, Files.readString(home, StandardCharsets.UTF_8));
    assertNotEquals(byHand, identities(out).get("index.html"), "a file of its own");
    assertSameAsFullBuild();
  }

  @Test
  void aWarningIntroducedByAnEditIsReportedAsAFreshCheckReportsIt() throws IOException {
    String edited = disclosures().get(5);
    edit(edited, "  basic: ", "  basic: 1");
    SiteBuild.Result r = new SiteBuild().search(false).run(site, out, false);
    assertTrue(r.written());
    List<String> fresh =
        new Checker().run(site).diagnostics().sorted().stream().map(Diagnostic::format).toList();
    assertEquals(fresh, r.diagnostics().sorted().stream().map(Diagnostic::format).toList());
    assertTrue(fresh.stream().anyMatch(d -> d.startsWith(edited)), "the edit gives a warning");
    assertSameAsFullBuild();
  }

  @Test
  void aDisclosureThatMovesToAnotherYearMovesItsPages() throws IOException {
    String edited = disclosures().get(9);
    String year = edited.substring(edited.lastIndexOf('/') + 1, edited.lastIndexOf('/') + 5);
    edit(edited, "year: " + year, "year: 2031");
    SiteBuild.Result r = new SiteBuild().search(false).run(site, out, false);
    assertTrue(r.written(), () -> r.diagnostics().sorted().toString());
    assertTrue(r.reused() > 100);
    assertFalse(Files.exists(out.resolve(pageOf(edited))), "the old page is gone");
    assertSameAsFullBuild();
  }

  @Test
  void nothingChangedLeavesTheOutputAlone() throws IOException {
    Map<String, Object> before = identities(out);
    SiteBuild.Result r = new SiteBuild().search(false).run(site, out, false);
    assertTrue(r.upToDate());
    assertEquals(before, identities(out));
  }

  @Test
  void nothingChangedButASitePageEditedByHandIsWrittenAgain() throws IOException {
    // No disclosure changed, so every disclosure, department and region is reused; the home
    // page belongs to none of them and must still be looked at before the output is up to date.
    Path home = out.resolve("index.html");
    String original = Files.readString(home, StandardCharsets.UTF_8);
    Files.writeString(home, original.replace("</body>", "<!-- by hand --></body>"));
    SiteBuild.Result r = new SiteBuild().search(false).run(site, out, false);
    assertFalse(r.upToDate());
    assertEquals(original, Files.readString(home, StandardCharsets.UTF_8));
    assertSameAsFullBuild();
  }

  @Test
  void aChangeEveryPageDependsOnRebuildsEverything() throws IOException {
    Path department;
    try (Stream<Path> walk = Files.walk(site.resolve("content"))) {
      department =
          walk.filter(p -> p.endsWith("department.yml")).sorted().findFirst().orElseThrow();
    }
    String text = Files.readString(department);
    Files.writeString(department, text.replaceFirst("name: ", "name: 新"));
    SiteBuild.Result r = new SiteBuild().search(false).run(site, out, false);
    assertTrue(r.written());
    assertEquals(0, r.reused());
    assertSameAsFullBuild();
  }

  @Test
  void aPreviousOutputChangedByHandIsNotReused() throws IOException {
    String other = disclosures().get(7);
    Files.writeString(out.resolve(pageOf(other)), "edited on the server");
    edit(disclosures().get(2), "title: ", "title: 又 ");
    SiteBuild.Result r = new SiteBuild().search(false).run(site, out, false);
    assertEquals(0, r.reused());
    assertSameAsFullBuild();
  }

  @Test
  void aSiteTableChangedByHandIsMadeAgainInFull() throws IOException {
    Path table = out.resolve("data/summary.csv");
    byte[] bytes = Files.readAllBytes(table);
    bytes[bytes.length - 3] = (byte) 'X'; // same length, other bytes
    Files.write(table, bytes);
    edit(disclosures().get(6), "title: ", "title: 表 ");
    SiteBuild.Result r = new SiteBuild().search(false).run(site, out, false);
    assertTrue(r.reused() > 100, "the pages are still reused");
    assertSameAsFullBuild();
  }

  @Test
  void aDamagedCacheIsIgnored() throws IOException {
    try (Stream<Path> walk = Files.walk(SiteBuild.stateFolder(site))) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Files.writeString(p, "{\"key\": \"not json");
      }
    }
    edit(disclosures().get(1), "title: ", "title: 再 ");
    SiteBuild.Result r = new SiteBuild().search(false).run(site, out, false);
    assertTrue(r.written());
    assertSameAsFullBuild();
  }

  @Test
  void aBuildAfterAnEditThatFailsLeavesTheOutputAsItWas() throws IOException {
    // A layout of the site's own that fails for one title: in place before the first build, so
    // that the build after the edit takes the rest from the previous output.
    Path layouts = Files.createDirectories(site.resolve("layouts"));
    String page =
        new String(
            getClass()
                .getResourceAsStream("/org/touming/themes/default/layouts/disclosure.ftlh")
                .readAllBytes(),
            StandardCharsets.UTF_8);
    Files.writeString(
        layouts.resolve("disclosure.ftlh"),
        "<#if view.title()?contains(\"炸\")>${noSuchValue}</#if>" + page,
        StandardCharsets.UTF_8);
    assertTrue(new SiteBuild().search(false).run(site, out, false).written());
    Map<String, Object> before = identities(out);
    String manifest = Files.readString(out.resolve(Output.MANIFEST));
    edit(disclosures().get(3), "title: ", "title: 炸 ");

    SiteBuild.Result r = new SiteBuild().search(false).run(site, out, false);

    assertFalse(r.written());
    assertTrue(r.diagnostics().hasErrors());
    assertEquals(before, identities(out), "every file is the one it was");
    assertEquals(manifest, Files.readString(out.resolve(Output.MANIFEST)));
    try (Stream<Path> beside = Files.list(dir)) {
      assertEquals(
          List.of(),
          beside.filter(p -> p.getFileName().toString().startsWith(".out.")).toList(),
          "no update left beside the output");
    }
  }

  @Test
  void withSearchTheIndexIsRebuiltToTheSameBytes() throws IOException {
    assertTrue(new SiteBuild().run(site, out, false).written());
    edit(disclosures().get(4), "title: ", "title: 搜索 ");
    Path markdown = site.resolve(disclosures().get(4).replace(".yml", ".md"));
    Files.writeString(markdown, Files.readString(markdown) + "\n新增的一段说明：采购鲸鱼潜艇一艘。\n");
    SiteBuild.Result r = new SiteBuild().run(site, out, false);
    assertTrue(r.reused() > 100);
    // The build recorded the digest of the search state it left, which the next build must be
    // given to read it: without it every page's documents would be made again.
    BuildState state = BuildState.read(BuildState.file(site, out));
    byte[] export = Files.readAllBytes(site.resolve(".touming/search/export"));
    assertEquals(Sha256.hex(export), state.search);
    Path fresh = dir.resolve("fresh-search");
    assertTrue(new SiteBuild().full(true).run(site, fresh, false).written());
    BuiltSite.assertSameFiles(fresh, out);
  }

  @Test
  void twoBuildsOfOneOutputAtOnceTakeTurns() throws Exception {
    // build --watch running while someone runs touming build: each plans from the state the other
    // may be replacing, so the second waits for the first (OutputLock).
    for (int round = 0; round < 3; round++) {
      edit(disclosures().get(3 + round), "title: ", "title: 同时" + round + " ");
      ExecutorService two = Executors.newFixedThreadPool(2);
      try {
        Callable<SiteBuild.Result> build =
            () -> new SiteBuild().search(false).run(site, out, false);
        for (Future<SiteBuild.Result> f : two.invokeAll(List.of(build, build))) {
          assertTrue(f.get().written(), () -> "a build failed");
        }
      } finally {
        two.shutdownNow();
      }
      assertSameAsFullBuild();
    }
  }

  private void assertSameAsFullBuild() throws IOException {
    Path fresh = dir.resolve("fresh");
    if (Files.exists(fresh)) {
      org.touming.internal.Folders.delete(fresh);
    }
    assertTrue(new SiteBuild().search(false).full(true).run(site, fresh, false).written());
    BuiltSite.assertSameFiles(fresh, out);
  }

  private List<String> disclosures() throws IOException {
    return BuiltSite.disclosures(site);
  }

  /** The page of a disclosure file content/REGION/CODE/YEAR-KIND.yml. */
  private static String pageOf(String yaml) {
    String[] parts = yaml.split("/");
    return "departments/"
        + parts[1]
        + "-"
        + parts[2]
        + "/"
        + parts[3].replace(".yml", "")
        + "/index.html";
  }

  private void edit(String file, String find, String replace) throws IOException {
    BuiltSite.edit(site, file, find, replace);
  }

  /** Each file's identity on disk (device and inode): a file taken as it was keeps its own. */
  private static Map<String, Object> identities(Path root) throws IOException {
    Map<String, Object> ids = new HashMap<>();
    for (Path p : BuiltSite.files(root, "")) {
      Object key = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
      ids.put(root.relativize(p).toString().replace('\\', '/'), key);
    }
    assertFalse(ids.isEmpty());
    return ids;
  }
}
