package org.touming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
  private static final Optional<String> JAVA = Optional.of("/usr/bin/java");
  private static final long HEAP = 6L << 30;

  @Test
  void aPlainJvmStartsASecondWithTheBuildsCollectorAndTheSameProperties() {
    List<String> command =
        Launcher.command(
                JAVA,
                List.of("-Dfile.encoding=UTF-8"),
                "touming.jar",
                HEAP,
                false,
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
          Launcher.command(JAVA, List.of(), "touming.jar", heap, false, "build").orElseThrow();
      assertEquals(heap > limit, command.contains("-XX:MaxNewSize=320m"), "heap " + heap);
    }
  }

  @Test
  void theHeapAsksForHugePagesOnlyWhereTheKernelGivesThemOnRequest(@TempDir Path dir)
      throws Exception {
    List<String> command =
        Launcher.command(JAVA, List.of("-Dx=y"), "touming.jar", HEAP, true, "build").orElseThrow();
    int options = Launcher.OPTIONS.size();
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
          Launcher.command(JAVA, List.of("-Da=b", option), "touming.jar", HEAP, true, "build"),
          option);
    }
  }

  @Test
  void theSecondJvmServeAndHelpRunHere() {
    assertEquals(
        Optional.empty(),
        Launcher.command(
            JAVA, List.of("-Dtouming.launched=true"), "touming.jar", HEAP, true, "build"));
    for (String quick : List.of("--help", "-V", "help", "serve")) {
      assertEquals(
          Optional.empty(), Launcher.command(JAVA, List.of(), "touming.jar", HEAP, true, quick));
    }
    assertEquals(Optional.empty(), Launcher.command(JAVA, List.of(), "touming.jar", HEAP, true));
    assertEquals(
        Optional.empty(),
        Launcher.command(Optional.empty(), List.of(), "t.jar", HEAP, true, "build"));
    assertTrue(Launcher.command(JAVA, List.of(), "touming.jar", HEAP, false, "check").isPresent());
  }
}
