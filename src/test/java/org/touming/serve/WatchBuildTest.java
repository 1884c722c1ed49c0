package org.touming.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.publish.BuiltSite;
import org.touming.publish.SiteBuild;

/**
 * build --watch: an edit reaches the output on its own, the output is then a full build's, an error
 * leaves it as it was and says so, and a fix brings the edit in; the rehearsals before the first
 * edit make what an edit makes and write nothing.
 */
class WatchBuildTest {
  private static void awaitBuilds(WatchBuild watch, int count) throws InterruptedException {
    for (int i = 0; i < 400 && watch.builds() < count; i++) {
      Thread.sleep(50);
    }
    assertTrue(watch.builds() >= count, "built " + watch.builds() + " times, not " + count);
  }

  @Test
  void editsErrorsAndFixesReachTheOutput(@TempDir Path dir) throws Exception {
    Path root = dir.resolve("site");
    Path out = dir.resolve("out");
    Path edited = ServeTest.sampleWithTotal(root);
    String yaml = Files.readString(edited);
    String before = ServeTest.TOTAL;
    StringWriter log = new StringWriter();
    try (WatchBuild watch =
        new WatchBuild(root, out, false, new SiteBuild(), new PrintWriter(log, true))) {
      assertTrue(watch.start().written());

      Files.writeString(edited, yaml.replace(before, "expenditure:\n  total: 26128.8\n"));
      awaitBuilds(watch, 2);
      assertTrue(log.toString().contains("已更新 " + out), log.toString());
      assertSameAsFullBuild(root, out, dir.resolve("full-1"));
      String manifest = Files.readString(out.resolve("SHA256SUMS"));

      Files.writeString(edited, yaml.replace(before, "expenditure:\n  total: [26128.8]\n"));
      awaitBuilds(watch, 3);
      assertTrue(log.toString().contains("未更新输出：内容有错误"), log.toString());
      assertTrue(log.toString().contains("content/990101/101/2018-budget.yml:"), log.toString());
      assertTrue(manifest.equals(Files.readString(out.resolve("SHA256SUMS"))), "output untouched");

      Files.writeString(edited, yaml.replace(before, "expenditure:\n  total: 36128.8\n"));
      awaitBuilds(watch, 4);
      assertSameAsFullBuild(root, out, dir.resolve("full-2"));
    }
  }

  @Test
  void aRehearsalMakesWhatAnEditMakesAndWritesNothing(@TempDir Path dir) throws Exception {
    Path root = dir.resolve("site");
    Path out = dir.resolve("out");
    ServeTest.sampleWithTotal(root);
    SiteBuild build = new SiteBuild().resident();
    assertTrue(build.run(root, out, false).written());
    Map<String, String> before = files(out);

    SiteBuild.Result first = build.rehearse(root, out, false);
    SiteBuild.Result second = build.rehearse(root, out, false);

    for (SiteBuild.Result r : new SiteBuild.Result[] {first, second}) {
      assertFalse(r.upToDate(), "rehearsed as an edit, not found up to date");
      assertTrue(r.pages() > 0, "pages made again: " + r.pages());
      assertEquals(0, r.files() - r.reused(), "files written");
    }
    assertUntouched(before, out);
  }

  @Test
  void theWatchRehearsesThenBuildsTheFirstEdit(@TempDir Path dir) throws Exception {
    Built site = built(dir);
    Path root = site.root();
    Path out = site.out();
    Map<String, String> before = files(out);
    StringWriter log = new StringWriter();
    try (WatchBuild watch =
        new WatchBuild(root, out, false, new SiteBuild(), new PrintWriter(log, true), 2)) {
      assertTrue(watch.start().upToDate());
      awaitRehearsals(watch);
      assertTrue(log.toString().contains("已预热：在内存中演练重建 2 次"), log.toString());
      assertUntouched(before, out);

      anEditIsBuilt(watch, site.edited(), log, root, out, dir.resolve("full"));
    }
  }

  /**
   * A rehearsal that throws (a full disk, a bug) ends the rehearsals with a line of its own: the
   * output is as it was, nothing is retried, and the next edit is built as usual.
   */
  @Test
  void aRehearsalThatFailsEndsTheRehearsalsAndTheNextEditIsBuilt(@TempDir Path dir)
      throws Exception {
    Built site = built(dir);
    Path root = site.root();
    Path out = site.out();
    Map<String, String> before = files(out);
    StringWriter log = new StringWriter();
    AtomicInteger tried = new AtomicInteger();
    WatchBuild.Rehearsal failing =
        (r, o, strict) -> {
          tried.incrementAndGet();
          throw new IllegalStateException("磁盘已满");
        };
    try (WatchBuild watch =
        new WatchBuild(root, out, false, new SiteBuild(), new PrintWriter(log, true), 4, failing)) {
      assertTrue(watch.start().upToDate());
      awaitRehearsals(watch);
      assertTrue(watch.rehearsed(), "the rehearsals end");
      assertTrue(log.toString().contains("演练重建失败，输出未改动；此后照常在修改后重建：磁盘已满"), log.toString());
      assertFalse(log.toString().contains("已预热"), log.toString());
      Thread.sleep(600);
      assertEquals(1, tried.get(), "a failed rehearsal is not tried again");
      assertUntouched(before, out);

      anEditIsBuilt(watch, site.edited(), log, root, out, dir.resolve("full"));
    }
  }

  /** The sample with a total to edit, built once into {@code out}. */
  private record Built(Path root, Path out, Path edited) {}

  private static Built built(Path dir) throws Exception {
    Path root = dir.resolve("site");
    Path out = dir.resolve("out");
    Path edited = ServeTest.sampleWithTotal(root);
    assertTrue(new SiteBuild().run(root, out, false).written());
    return new Built(root, out, edited);
  }

  private static void awaitRehearsals(WatchBuild watch) throws InterruptedException {
    for (int i = 0; i < 400 && !watch.rehearsed(); i++) {
      Thread.sleep(50);
    }
  }

  /** Edits the sample's total: the watch's next build gives the output a full build gives. */
  private static void anEditIsBuilt(
      WatchBuild watch, Path edited, StringWriter log, Path root, Path out, Path full)
      throws Exception {
    String yaml = Files.readString(edited);
    Files.writeString(edited, yaml.replace(ServeTest.TOTAL, "expenditure:\n  total: 26128.8\n"));
    awaitBuilds(watch, 2);
    assertTrue(log.toString().contains("已更新 " + out), log.toString());
    assertSameAsFullBuild(root, out, full);
  }

  private static void assertUntouched(Map<String, String> before, Path out) throws IOException {
    Map<String, String> after = files(out);
    TreeMap<String, String> differ = new TreeMap<>();
    before.forEach(
        (k, v) -> differ.put(k, v.equals(after.get(k)) ? null : v + " -> " + after.get(k)));
    after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(k -> differ.put(k, "new"));
    differ.values().removeIf(v -> v == null);
    assertEquals(Map.of(), differ, "files written");
  }

  /** Each file of the output with its inode and time: a file written again, even alike, differs. */
  private static Map<String, String> files(Path out) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        files.put(out.relativize(p).toString(), a.fileKey() + " " + a.lastModifiedTime());
      }
    }
    return files;
  }

  private static void assertSameAsFullBuild(Path root, Path out, Path fresh) throws Exception {
    assertTrue(new SiteBuild().full(true).run(root, fresh, false).written());
    BuiltSite.assertSameFiles(fresh, out);
  }
}
