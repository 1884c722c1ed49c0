package org.touming.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * What the browser tests need: Node, Debian's chromium and the npm packages in package.json ({@code
 * npm ci}); .ci/run installs them. Elsewhere a test without them is skipped with a message; in CI a
 * missing tool fails it.
 */
public final class BrowserTools {
  public static final String CHROMIUM =
      System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

  private BrowserTools() {}

  /** Node alone, for tests that run the theme's scripts outside a browser. */
  public static void requireNode() {
    boolean ready;
    try {
      ready = new ProcessBuilder("node", "--version").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      ready = false;
    }
    require(ready, "this test needs node on the PATH");
  }

  public static void requireBrowser() {
    require(
        Files.isExecutable(Path.of(CHROMIUM))
            && Files.isDirectory(Path.of("node_modules/playwright-core"))
            && Files.isDirectory(Path.of("node_modules/axe-core")),
        "browser tests need " + CHROMIUM + " (apt-get install chromium) and node_modules (npm ci)");
  }

  private static void require(boolean ready, String why) {
    if (System.getenv("CI") != null) {
      assertTrue(ready, why);
    }
    Assumptions.assumeTrue(ready, why);
  }
}
