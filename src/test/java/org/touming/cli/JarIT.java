package org.touming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.publish.Manifest;

/** The shaded jar as a user runs it: {@code java -jar target/touming.jar …}. */
class JarIT {
  private static final Path JAR = Path.of("target", "touming.jar");
  // The longest run here takes seconds.
  private static final Duration LIMIT = Duration.ofMinutes(5);

  record Run(int exit, String output) {}

  static Run java(Path workDir, String... args) throws IOException, InterruptedException {
    return javaWith(workDir, List.of(), args);
  }

  static Run javaWith(Path workDir, List<String> jvm, String... args)
      throws IOException, InterruptedException {
    return javaWith(workDir, jvm, java.util.Map.of(), args);
  }

  static Run javaWith(
      Path workDir, List<String> jvm, java.util.Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvm);
    command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("touming-jar-", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(env);
      int exit = finish(builder.start(), command);
      return new Run(exit, Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  /**
   * Waits for a run of the jar, at most {@link #LIMIT}. One that hangs fails its test with the
   * threads of every JVM it started, instead of holding up the whole suite until CI gives up.
   */
  static int finish(Process p, List<String> command) throws IOException, InterruptedException {
    if (p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
      return p.exitValue();
    }
    StringBuilder threads = new StringBuilder();
    List<ProcessHandle> all = new ArrayList<>(List.of(p.toHandle()));
    p.descendants().forEach(all::add);
    for (ProcessHandle h : all) {
      Process dump =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(h.pid()),
                  "Thread.print")
              .redirectErrorStream(true)
              .start();
      threads.append(new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
      dump.waitFor(30, TimeUnit.SECONDS);
    }
    all.forEach(ProcessHandle::destroyForcibly);
    return fail("still running after " + LIMIT + ": " + command + "\n" + threads);
  }

  /** A sample site of {@code disclosures} (seed 3) in {@code dir}/site. */
  private static Path sample(Path dir, int disclosures) throws Exception {
    Path site = dir.resolve("site");
    String n = String.valueOf(disclosures);
    assertEquals(
        0,
        java(dir, "sample", "--disclosures", n, "--seed", "3", "--into", site.toString()).exit());
    return site;
  }

  /** The command line of {@code java -jar touming.jar ARGS}, for a run to start by hand. */
  private static List<String> jar(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toAbsolutePath().toString());
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void checksTheBundledSiteFromItsFolder() throws Exception {
    Run r = java(Path.of("").toAbsolutePath(), "check");
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("0 个错误"), r.output());
  }

  @Test
  void buildingIntoAPipeShowsNoProgressLine(@TempDir Path dir) throws Exception {
    Run r = java(Path.of("").toAbsolutePath(), "build", "--output", dir.resolve("out").toString());
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("阶段：载入与检查"), r.output());
    assertFalse(r.output().contains("\r") || r.output().contains("\u001b["), r.output());
  }

  @Test
  void twoBuildsInSeparateJvmsAreByteIdentical(@TempDir Path dir) throws Exception {
    // Within one JVM this held already; Lucene wrote its segment diagnostics in an order that
    // changes from one JVM to the next, so search/lucene/_0.si differed between two runs.
    Path here = Path.of("").toAbsolutePath();
    for (String out : List.of("a", "b")) {
      Run r = java(here, "build", "--output", dir.resolve(out).toString());
      assertEquals(0, r.exit(), r.output());
    }
    String a = Files.readString(dir.resolve("a/SHA256SUMS"));
    assertTrue(a.contains("search/lucene/_0.si"), a);
    assertEquals(a, Files.readString(dir.resolve("b/SHA256SUMS")));
  }

  @Test
  void theFirstBuildLeavesAClassArchiveThatLaterBuildsMap(@TempDir Path dir) throws Exception {
    Path here = Path.of("").toAbsolutePath();
    java.util.Map<String, String> env = java.util.Map.of("XDG_CACHE_HOME", dir.toString());
    List<String> debug = List.of("-Dtouming.debug=true");
    List<String> said = new ArrayList<>();
    for (String out : List.of("a", "b", "c")) {
      Run r = javaWith(here, debug, env, "build", "--output", dir.resolve(out).toString());
      assertEquals(0, r.exit(), r.output());
      assertFalse(r.output().contains("cds"), r.output());
      said.add(
          r.output().lines().filter(l -> l.startsWith("touming: Java")).findFirst().orElse(""));
      try (var files = Files.list(dir.resolve("touming"))) {
        List<String> names = files.map(p -> p.getFileName().toString()).toList();
        assertEquals(1, names.size(), names.toString());
        assertTrue(names.get(0).matches("classes-[0-9a-f]{16}\\.jsa"), names.toString());
      }
    }
    assertTrue(said.get(0).endsWith("退出时写类归档"), said.toString());
    assertTrue(said.get(1).endsWith("类从归档映射"), said.toString());
    assertTrue(said.get(2).endsWith("类从归档映射"), said.toString());
    for (String out : List.of("b", "c")) {
      assertEquals(
          Files.readString(dir.resolve("a/SHA256SUMS")),
          Files.readString(dir.resolve(out + "/SHA256SUMS")));
    }
  }

  @Test
  void badFolderGivesAMessageNotAStackTrace(@TempDir Path dir) throws Exception {
    Run r = java(dir, "build");
    assertEquals(1, r.exit(), r.output());
    assertTrue(r.output().contains("[site.not-a-site]"), r.output());
    assertFalse(r.output().contains("Exception"), r.output());
  }

  @Test
  void wrongUsageExitsTwo(@TempDir Path dir) throws Exception {
    assertEquals(2, java(dir, "check", "--no-such-option").exit());
  }

  @Test
  void runsInAJvmWithTheParallelCollectorUnlessTheUserChoseOptions() throws Exception {
    Path here = Path.of("").toAbsolutePath();
    Run chosen = javaWith(here, List.of("-Dtouming.debug=true"), "check");
    assertEquals(0, chosen.exit(), chosen.output());
    assertTrue(chosen.output().contains("PS Scavenge"), chosen.output());
    assertTrue(chosen.output().contains("0 个错误"), chosen.output());
    Run own = javaWith(here, List.of("-Dtouming.debug=true", "-Xmx300m"), "check");
    assertEquals(0, own.exit(), own.output());
    assertTrue(own.output().contains("G1") && own.output().contains("堆上限 300 MB"), own.output());
    assertEquals(1, java(Path.of(System.getProperty("java.io.tmpdir")), "check").exit());
  }

  @Test
  void aStoppedBuildLeavesTheOutputAndTheNextBuildClearsWhatItLeft(@TempDir Path dir)
      throws Exception {
    Path site = sample(dir, 200);
    Path out = dir.resolve("out");
    assertEquals(
        0, java(dir, "build", "--source", site.toString(), "--output", out.toString()).exit());
    String manifest = Files.readString(out.resolve("SHA256SUMS"));
    List<String> command =
        jar("build", "--full", "--source", site.toString(), "--output", out.toString());
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    for (int i = 0; i < 600 && leftovers(dir, ".out.building-").isEmpty(); i++) {
      Thread.sleep(50);
    }
    assertEquals(1, leftovers(dir, ".out.building-").size(), "a build under way");
    p.destroy(); // TERM to the first JVM, passed on to the second
    assertEquals(143, finish(p, command));
    assertEquals(List.of(), leftovers(dir, ".out.building-"), "no staging folder left");
    assertEquals(manifest, Files.readString(out.resolve("SHA256SUMS")));
    assertEquals(1, leftovers(dir, ".out.previous-").size(), "moved aside for the next build");
    assertEquals(
        0, java(dir, "build", "--source", site.toString(), "--output", out.toString()).exit());
    // Deleted by a process of its own, which may outlast the build by a moment.
    for (int i = 0; i < 600 && !leftovers(dir, ".out.").isEmpty(); i++) {
      Thread.sleep(50);
    }
    assertEquals(List.of(), leftovers(dir, ".out."), "the next build deleted it");
  }

  @Test
  void watchingBuildsAgainAfterAnEditAndLeavesItsStateWhenStopped(@TempDir Path dir)
      throws Exception {
    Path site = sample(dir, 30);
    Path out = dir.resolve("out");
    Path log = dir.resolve("watch.log");
    List<String> command =
        jar("build", "--watch", "--source", site.toString(), "--output", out.toString());
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      awaitLine(log, "监视内容", 1);
      Path edited;
      try (Stream<Path> walk = Files.walk(site.resolve("content"))) {
        edited =
            walk.filter(f -> f.toString().endsWith("-budget.md"))
                .sorted()
                .findFirst()
                .orElseThrow();
      }
      Files.writeString(edited, Files.readString(edited) + "\n新增的一段说明：采购鲸鱼潜艇一艘。\n");
      awaitLine(log, "改动后", 1);
      assertTrue(Files.readString(log).contains("已更新 " + out), Files.readString(log));
    } finally {
      p.destroy(); // TERM: the hook waits for the state of the last build
    }
    assertEquals(143, finish(p, command));
    Run again = java(dir, "build", "--source", site.toString(), "--output", out.toString());
    assertEquals(0, again.exit());
    assertTrue(again.output().contains("输出已是最新"), again.output());
  }

  private static void awaitLine(Path log, String text, int count) throws Exception {
    for (int i = 0; i < 1200; i++) {
      String now = Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
      if (now.split(text, -1).length - 1 >= count) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no “" + text + "” in:\n" + Files.readString(log));
  }

  @Test
  void aBuildThatReplacesAnOutputLeavesNothingOfTheOldOneBehind(@TempDir Path dir)
      throws Exception {
    Path site = dir.resolve("site");
    assertEquals(0, java(dir, "sample", "--disclosures", "12", "--into", site.toString()).exit());
    Path out = dir.resolve("out");
    for (int build = 0; build < 2; build++) {
      assertEquals(
          0,
          java(dir, "build", "--full", "--source", site.toString(), "--output", out.toString())
              .exit());
      assertTrue(Manifest.verify(out).ok());
    }
    // The old output is deleted by a process of its own, which may outlast the build by a moment.
    for (int i = 0; i < 600 && !leftovers(dir, ".out.").isEmpty(); i++) {
      Thread.sleep(50);
    }
    assertEquals(List.of(), leftovers(dir, ".out."));
  }

  private static List<String> leftovers(Path dir, String prefix) throws IOException {
    try (var files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith(prefix)).toList();
    }
  }

  @Test
  void runningOutOfMemorySaysWhatToDo(@TempDir Path dir) throws Exception {
    assertEquals(
        0,
        java(
                dir,
                "sample",
                "--disclosures",
                "300",
                "--seed",
                "2",
                "--into",
                dir.resolve("site").toString())
            .exit());
    Run r =
        javaWith(
            dir,
            List.of("-Xmx40m"),
            "build",
            "--source",
            dir.resolve("site").toString(),
            "--output",
            dir.resolve("out").toString());
    assertEquals(70, r.exit(), r.output());
    assertTrue(r.output().contains("touming: 内存不足（Java 堆上限"), r.output());
    assertFalse(
        r.output().contains("\tat ") || r.output().contains("Exception in thread"), r.output());
    try (var files = Files.list(dir)) {
      assertEquals(
          List.of("site"),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no output or staging folder left");
    }
  }

  /** Shading must merge Lucene's service files, or codecs and smartcn vanish at run time. */
  @Test
  void luceneServiceFilesAreMerged() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      String codecs =
          new String(
              jar.getInputStream(jar.getEntry("META-INF/services/org.apache.lucene.codecs.Codec"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      assertTrue(codecs.contains("Lucene912Codec"), codecs);
      String tokenizers =
          new String(
              jar.getInputStream(
                      jar.getEntry("META-INF/services/org.apache.lucene.analysis.TokenizerFactory"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      assertTrue(tokenizers.contains("HMMChineseTokenizerFactory"), tokenizers);
      assertTrue(tokenizers.contains("StandardTokenizerFactory"), tokenizers);
    }
  }
}
