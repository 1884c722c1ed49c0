package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A site built once per test class, and the files in it. */
public final class BuiltSite {
  private BuiltSite() {}

  /** A full build, as if no earlier build had left anything to reuse. */
  static Path build(Path site, Path output) {
    SiteBuild.Result r = new SiteBuild().full(true).run(site, output, false);
    assertTrue(r.written(), () -> "build failed: " + r.diagnostics().sorted());
    return output;
  }

  /** Fails unless both folders hold the same files with the same bytes. */
  public static void assertSameFiles(Path expected, Path actual) throws IOException {
    List<Path> a = files(expected, "");
    List<Path> b = files(actual, "");
    assertEquals(
        a.stream().map(expected::relativize).toList(), b.stream().map(actual::relativize).toList());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(
          Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
    }
  }

  static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(suffix))
          .sorted()
          .toList();
    }
  }

  /** The disclosure files of a site, relative to it, in path order. */
  public static List<String> disclosures(Path site) throws IOException {
    try (Stream<Path> walk = Files.walk(site.resolve("content"))) {
      return walk.filter(p -> p.toString().endsWith(".yml"))
          .filter(p -> !p.endsWith("department.yml") && !p.endsWith("regions.yml"))
          .map(p -> site.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /** Replaces the first {@code find} in a file of the site, which must have it. */
  public static void edit(Path site, String file, String find, String replace) throws IOException {
    Path p = site.resolve(file);
    String text = Files.readString(p, StandardCharsets.UTF_8);
    assertTrue(text.contains(find), file + " has no " + find);
    Files.writeString(p, text.replaceFirst(Pattern.quote(find), Matcher.quoteReplacement(replace)));
  }
}
