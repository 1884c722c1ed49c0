package org.touming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
  private static final Optional<String> JAVA = Optional.of("/usr/bin/java");
  private static final long HEAP = 6L << 30;
  private static final BooleanSupplier LARGE = () -> false;

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
    long limit = Launcher.YOUNG_CAP_FROM;
    for (long heap : List.of(256L << 20, limit, limit + 1, HEAP)) {
      List<String> command =
          Launcher.command(JAVA, List.of(), "touming.jar", heap, false, LARGE, "build")
              .orElseThrow();
      assertEquals(heap > limit, command.contains("-XX:MaxNewSize=320m"), "heap " + heap);
    }
  }

  @Test
  void theHeapAsksForHugePagesOnlyWhereTheKernelGivesThemOnRequest(@TempDir Path dir)
      throws Exception {
    List<String> command =
        Launcher.command(JAVA, List.of("-Dx=y"), "touming.jar", HEAP, true, LARGE, "build")
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
              JAVA, List.of("-Da=b", option), "touming.jar", HEAP, true, LARGE, "build"),
          option);
    }
  }

  @Test
  void theSecondJvmServeAndHelpRunHere() {
    assertEquals(
        Optional.empty(),
        Launcher.command(
            JAVA, List.of("-Dtouming.launched=true"), "touming.jar", HEAP, true, LARGE, "build"));
    for (String quick : List.of("--help", "-V", "help", "serve")) {
      assertEquals(
          Optional.empty(),
          Launcher.command(JAVA, List.of(), "touming.jar", HEAP, true, LARGE, quick));
    }
    assertEquals(
        Optional.empty(), Launcher.command(JAVA, List.of(), "touming.jar", HEAP, true, LARGE));
    assertEquals(
        Optional.empty(),
        Launcher.command(Optional.empty(), List.of(), "t.jar", HEAP, true, LARGE, "build"));
    assertTrue(
        Launcher.command(JAVA, List.of(), "touming.jar", HEAP, false, LARGE, "check").isPresent());
  }

  @Test
  void aSmallSiteIsBuiltWithTheQuickCompilerAlone() {
    List<String> command =
        Launcher.command(JAVA, List.of(), "touming.jar", HEAP, false, () -> true, "build")
            .orElseThrow();
    assertTrue(command.contains("-XX:TieredStopAtLevel=1"), command.toString());
    assertFalse(command.stream().anyMatch(o -> o.startsWith("-XX:Tier4")), command.toString());
    assertTrue(command.contains("-XX:+UseParallelGC"));
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
    assertTrue(Launcher.smallSite(dir), "999 disclosures; departments, regions and Markdown aside");
    Files.writeString(content.resolve("last-budget.yml"), "");
    assertFalse(Launcher.smallSite(dir), "1,000 disclosures");
    assertFalse(Launcher.smallSite(dir.resolve("missing")), "no content: the usual compilers");
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
}
