package org.touming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as a user runs it: {@code java -jar target/touming.jar …}. */
class JarIT {
  private static final Path JAR = Path.of("target", "touming.jar");

  record Run(int exit, String output) {}

  static Run java(Path workDir, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out);
  }

  @Test
  void checksTheBundledSiteFromItsFolder() throws Exception {
    Run r = java(Path.of("").toAbsolutePath(), "check");
    assertEquals(0, r.exit(), r.output());
    assertTrue(r.output().contains("0 个错误"), r.output());
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
