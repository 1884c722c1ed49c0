package org.touming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LauncherTest {
  private static final Optional<String> JAVA = Optional.of("/usr/bin/java");

  @Test
  void aPlainJvmStartsASecondWithTheBuildsCollectorAndTheSameProperties() {
    List<String> command =
        Launcher.command(JAVA, List.of("-Dfile.encoding=UTF-8"), "touming.jar", "build", "--full")
            .orElseThrow();
    assertEquals(
        List.of(
            "/usr/bin/java",
            "-XX:+UseParallelGC",
            "-XX:GCTimeRatio=4",
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
          Launcher.command(JAVA, List.of("-Da=b", option), "touming.jar", "build"),
          option);
    }
  }

  @Test
  void theSecondJvmServeAndHelpRunHere() {
    assertEquals(
        Optional.empty(),
        Launcher.command(JAVA, List.of("-Dtouming.launched=true"), "touming.jar", "build"));
    for (String quick : List.of("--help", "-V", "help", "serve")) {
      assertEquals(Optional.empty(), Launcher.command(JAVA, List.of(), "touming.jar", quick));
    }
    assertEquals(Optional.empty(), Launcher.command(JAVA, List.of(), "touming.jar"));
    assertEquals(Optional.empty(), Launcher.command(Optional.empty(), List.of(), "t.jar", "build"));
    assertTrue(Launcher.command(JAVA, List.of(), "touming.jar", "check").isPresent());
  }
}
