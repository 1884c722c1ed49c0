package org.touming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
  private static final Optional<String> JAVA = Optional.of("/usr/bin/java");
  private static final long HEAP = 6L << 30;
  private static final Supplier<OptionalInt> LARGE = OptionalInt::empty;
  private static final Supplier<Optional<ClassArchive>> NONE = Optional::empty;

  @Test
  void aPlainJvmStartsASecondWithTheBuildsCollectorAndTheSameProperties() {
    List<String> command =
        Launcher.command(
                JAVA,
                List.of("-Dfile.encoding=UTF-8"),
                "touming.jar",
                HEAP,
                false,
                LARGE,
                NONE,
                "build",
                "--full")
            .orElseThrow();
    assertEquals(
        List.of(
            "/usr/bin/java",
            "-XX:+UseParallelGC",
            "-XX:GCTimeRatio=4",
            "-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:Tier4CompileThreshold=150000",
            "-XX:Tier4BackEdgeThreshold=400000",
            "-XX:MaxNewSize=320m",
            "-Dfile.encoding=UTF-8",
            "-Dtouming.launched=true",
            "-cp",
            "touming.jar",
            "org.touming.cli.Main",
            "build",
            "--full"),
        command);
  }

  @Test
  void theYoungGenerationIsCappedOnlyWhereTheHeapIsLargerThanThreeCaps() {
    long limit = 3 * Launcher.YOUNG_CAP_MB << 20;
    for (long heap : List.of(256L << 20, limit, limit + 1, HEAP)) {
      List<String> command =
          Launcher.command(JAVA, List.of(), "touming.jar", heap, false, LARGE, NONE, "build")
              .orElseThrow();
      assertEquals(heap > limit, command.contains("-XX:MaxNewSize=320m"), "heap " + heap);
    }
  }

  @Test
  void aSmallSitesYoungGenerationHasASmallerCap() {
    long limit = 3 * Launcher.SMALL_SITE_YOUNG_CAP_MB << 20;
    for (long heap : List.of(256L << 20, limit, limit + 1, HEAP)) {
      List<String> command =
          Launcher.command(JAVA, List.of(), "touming.jar", heap, false, sized(500), NONE, "build")
              .orElseThrow();
      assertEquals(heap > limit, command.contains("-XX:MaxNewSize=128m"), "heap " + heap);
      assertFalse(command.contains("-XX:MaxNewSize=320m"), "heap " + heap);
    }
  }

  @Test
  void onlyASmallSitePromotesWhatOutlivesOneCollection() {
    for (OptionalInt count :
        List.of(OptionalInt.of(500), OptionalInt.of(5000), OptionalInt.empty())) {
      List<String> command =
          Launcher.command(JAVA, List.of(), "touming.jar", HEAP, false, () -> count, NONE, "build")
              .orElseThrow();
      assertEquals(
          count.isPresent() && count.getAsInt() < Launcher.SMALL_SITE,
          command.contains("-XX:MaxTenuringThreshold=1"),
          count.toString());
    }
  }

  @Test
  void theHeapAsksForHugePagesOnlyWhereTheKernelGivesThemOnRequest(@TempDir Path dir)
      throws Exception {
    List<String> command =
        Launcher.command(JAVA, List.of("-Dx=y"), "touming.jar", HEAP, true, LARGE, NONE, "build")
            .orElseThrow();
    int options = Launcher.OPTIONS.size() + Launcher.COMPILERS.size();
    assertEquals(
        List.of("-XX:+UseTransparentHugePages", "-Dx=y"),
        command.subList(2 + options, 4 + options));
    Path setting = dir.resolve("enabled");
    for (String chosen :
        List.of(
            "always [madvise] never\n", "[always] madvise never\n", "always madvise [never]\n")) {
      Files.writeString(setting, chosen);
      assertEquals(!chosen.contains("[never]"), Launcher.hugePages(setting), chosen);
    }
    assertFalse(Launcher.hugePages(dir.resolve("missing")));
    assertFalse(Launcher.hugePages(dir));
  }

  @Test
  void theUsersOwnJvmOptionsAreKeptByRunningInThisJvm() {
    for (String option :
        List.of(
            "-Xmx1600m",
            "-XX:+UseG1GC",
            "-XX:MaxRAM=6g",
            "-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
            "-XX:StartFlightRecording=filename=build.jfr")) {
      assertEquals(
          Optional.empty(),
          Launcher.command(
              JAVA, List.of("-Da=b", option), "touming.jar", HEAP, true, LARGE, NONE, "build"),
          option);
    }
  }

  @Test
  void theSecondJvmServeAndHelpRunHere() {
    assertEquals(
        Optional.empty(),
        Launcher.command(
            JAVA,
            List.of("-Dtouming.launched=true"),
            "touming.jar",
            HEAP,
            true,
            LARGE,
            NONE,
            "build"));
    for (String quick : List.of("--help", "-V", "help", "serve")) {
      assertEquals(
          Optional.empty(),
          Launcher.command(JAVA, List.of(), "touming.jar", HEAP, true, LARGE, NONE, quick));
    }
    // A build that stays to build again after each edit is a resident process, as serve is.
    for (String watch : List.of("--watch", "-w")) {
      assertEquals(
          Optional.empty(),
          Launcher.command(
              JAVA, List.of(), "touming.jar", HEAP, true, LARGE, NONE, "build", watch));
    }
    assertEquals(
        Optional.empty(),
        Launcher.command(JAVA, List.of(), "touming.jar", HEAP, true, LARGE, NONE));
    assertEquals(
        Optional.empty(),
        Launcher.command(Optional.empty(), List.of(), "t.jar", HEAP, true, LARGE, NONE, "build"));
    assertTrue(
        Launcher.command(JAVA, List.of(), "touming.jar", HEAP, false, LARGE, NONE, "check")
            .isPresent());
  }

  @Test
  void aSmallSiteIsBuiltWithTheQuickCompilerAlone() {
    List<String> command =
        Launcher.command(JAVA, List.of(), "touming.jar", HEAP, false, sized(999), NONE, "build")
            .orElseThrow();
    assertTrue(command.contains("-XX:TieredStopAtLevel=1"), command.toString());
    assertTrue(command.contains("-XX:CICompilerCount=1"), command.toString());
    assertTrue(command.contains("-Dtouming.sha256=unrolled"), command.toString());
    assertFalse(command.stream().anyMatch(o -> o.startsWith("-XX:Tier4")), command.toString());
    assertFalse(command.stream().anyMatch(o -> o.startsWith("-Xms")), command.toString());
    assertTrue(command.contains("-XX:+UseParallelGC"));
  }

  @Test
  void aLargeSitesHeapStartsAtItsSizeWithinHalfTheLimitAndTwoGigabytes() {
    assertEquals(Optional.of("-Xms312m"), initialHeap(HEAP, 1000));
    assertEquals(Optional.of("-Xms1562m"), initialHeap(HEAP, 5000));
    assertEquals(Optional.of("-Xms2048m"), initialHeap(HEAP, Launcher.COUNT_UP_TO));
    assertEquals(Optional.of("-Xms1024m"), initialHeap(2L << 30, 5000), "half a 2 GB limit");
    assertEquals(Optional.empty(), initialHeap(HEAP, 999), "a small site");
    assertEquals(
        Optional.empty(),
        Launcher.command(JAVA, List.of(), "t.jar", HEAP, false, LARGE, NONE, "build").stream()
            .flatMap(List::stream)
            .filter(o -> o.startsWith("-Xms"))
            .findFirst(),
        "a site of unknown size");
  }

  private static Optional<String> initialHeap(long maxHeap, int disclosures) {
    return Launcher.command(
            JAVA, List.of(), "t.jar", maxHeap, false, sized(disclosures), NONE, "build")
        .orElseThrow()
        .stream()
        .filter(o -> o.startsWith("-Xms"))
        .findFirst();
  }

  private static Supplier<OptionalInt> sized(int disclosures) {
    return () -> OptionalInt.of(disclosures);
  }

  @Test
  void theSiteIsSmallBelowAThousandDisclosures(@TempDir Path dir) throws Exception {
    Path content = dir.resolve("content/990101/101");
    Files.createDirectories(content);
    Files.writeString(dir.resolve("content/regions.yml"), "");
    Files.writeString(content.resolve("department.yml"), "");
    for (int i = 0; i < Launcher.SMALL_SITE - 1; i++) {
      Files.writeString(content.resolve(i + "-budget.yml"), "");
      Files.writeString(content.resolve(i + "-budget.md"), "");
    }
    assertEquals(
        OptionalInt.of(999),
        Launcher.disclosures(dir),
        "999 disclosures; departments, regions and Markdown aside");
    Files.writeString(content.resolve("last-budget.yml"), "");
    assertEquals(OptionalInt.of(1000), Launcher.disclosures(dir));
    assertEquals(
        OptionalInt.empty(),
        Launcher.disclosures(dir.resolve("missing")),
        "no content: a large site's compilers");
    Path linked = dir.resolve("linked");
    Files.createDirectories(linked);
    Files.createSymbolicLink(linked.resolve("content"), dir.resolve("content"));
    assertEquals(OptionalInt.of(1000), Launcher.disclosures(linked), "counted through a link");
  }

  @Test
  void theSiteFolderIsTheSourceOption() {
    assertEquals(Path.of("."), Launcher.source("build", "--full"));
    assertEquals(Path.of("a"), Launcher.source("build", "-s", "a"));
    assertEquals(Path.of("b"), Launcher.source("check", "--source", "b", "--strict"));
    assertEquals(Path.of("c"), Launcher.source("build", "--strict", "--source=c"));
    assertEquals(Path.of("d"), Launcher.source("build", "-s=d"));
    assertEquals(Path.of("e"), Launcher.source("build", "-se"));
    assertEquals(Path.of("."), Launcher.source("build", "-s"));
  }

  @Test
  void aBuildWritesTheClassArchiveThatLaterCommandsMap(@TempDir Path dir) throws Exception {
    Path jar = Files.writeString(dir.resolve("touming.jar"), "jar");
    Optional<ClassArchive> archive =
        ClassArchive.locate("17.0.15", "/jdk", jar.toString(), dir.resolve("xdg").toString(), null);
    Path file = archive.orElseThrow().file();
    assertEquals(dir.resolve("xdg/touming"), file.getParent());
    assertTrue(
        file.getFileName().toString().matches("classes-[0-9a-f]{16}\\.jsa"), file.toString());

    List<String> check =
        Launcher.command(JAVA, List.of(), "t.jar", HEAP, false, LARGE, () -> archive, "check")
            .orElseThrow();
    assertFalse(check.stream().anyMatch(o -> o.contains("Archive")), "only build writes it");
    List<String> help =
        Launcher.command(
                JAVA, List.of(), "t.jar", HEAP, false, LARGE, () -> archive, "build", "--help")
            .orElseThrow();
    assertFalse(help.stream().anyMatch(o -> o.contains("Archive")), "nor its help");
    List<String> build =
        Launcher.command(JAVA, List.of(), "t.jar", HEAP, false, LARGE, () -> archive, "build")
            .orElseThrow();
    String dump =
        build.stream().filter(o -> o.startsWith(ClassArchive.DUMP)).findFirst().orElseThrow();
    assertTrue(build.contains(ClassArchive.QUIET));
    Path pending = Path.of(dump.substring(ClassArchive.DUMP.length()));
    assertEquals(file.getParent(), pending.getParent());

    // A failed build's archive is dropped; a successful one's takes the place of older ones.
    Files.writeString(pending, "classes");
    ClassArchive.settle(build, 1);
    assertFalse(Files.exists(pending) || Files.exists(file));
    Path older = Files.writeString(file.resolveSibling("classes-0000000000000000.jsa"), "old");
    long alive = ProcessHandle.current().pid();
    Path another = Files.writeString(file.resolveSibling("classes-1.jsa.pending-" + alive), "x");
    long gone = Long.MAX_VALUE;
    Path stopped = Files.writeString(file.resolveSibling("classes-2.jsa.pending-" + gone), "x");
    Files.writeString(pending, "classes");
    ClassArchive.settle(build, 0);
    assertEquals("classes", Files.readString(file));
    assertFalse(Files.exists(pending) || Files.exists(older));
    assertTrue(Files.exists(another), "another build's archive in the making is left alone");
    assertFalse(Files.exists(stopped), "one whose build was stopped is removed");

    for (String command : List.of("build", "check", "sample")) {
      List<String> later =
          Launcher.command(JAVA, List.of(), "t.jar", HEAP, false, LARGE, () -> archive, command)
              .orElseThrow();
      assertTrue(later.contains(ClassArchive.USE + file), later.toString());
      assertFalse(later.stream().anyMatch(o -> o.startsWith(ClassArchive.DUMP)));
    }
  }

  @Test
  void anotherJarOrJavaHasAnotherArchive(@TempDir Path dir) throws Exception {
    Path jar = Files.writeString(dir.resolve("touming.jar"), "jar");
    String cache = dir.resolve("xdg").toString();
    Path a =
        ClassArchive.locate("17.0.15", "/jdk", jar.toString(), cache, null).orElseThrow().file();
    assertEquals(
        a,
        ClassArchive.locate("17.0.15", "/jdk", jar.toString(), cache, null).orElseThrow().file());
    assertFalse(
        a.equals(
            ClassArchive.locate("17.0.16", "/jdk", jar.toString(), cache, null)
                .orElseThrow()
                .file()));
    Files.writeString(jar, "a newer jar");
    assertFalse(
        a.equals(
            ClassArchive.locate("17.0.15", "/jdk", jar.toString(), cache, null)
                .orElseThrow()
                .file()));
    assertEquals(
        dir.resolve("home/.cache/touming"),
        ClassArchive.locate("17", "/jdk", jar.toString(), "", dir.resolve("home").toString())
            .orElseThrow()
            .file()
            .getParent());
    assertEquals(
        Optional.empty(), ClassArchive.locate("17", "/jdk", jar.toString(), null, "relative"));
    assertEquals(
        Optional.empty(),
        ClassArchive.locate("17", "/jdk", dir.resolve("missing.jar").toString(), cache, null));
  }
}
