package org.touming.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.check.Checker;
import org.touming.content.Diagnostic;
import org.touming.content.Severity;

class SampleGeneratorTest {
  @Test
  void sameSeedSameBytes(@TempDir Path dir) throws IOException {
    new SampleGenerator().write(40, 11, dir.resolve("a"));
    new SampleGenerator().write(40, 11, dir.resolve("b"));
    List<Path> a = files(dir.resolve("a"));
    List<Path> b = files(dir.resolve("b"));
    assertEquals(
        a.stream().map(p -> dir.resolve("a").relativize(p)).toList(),
        b.stream().map(p -> dir.resolve("b").relativize(p)).toList());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(
          Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
    }
  }

  @Test
  void everyContentFileSaysItIsSynthetic(@TempDir Path dir) throws IOException {
    new SampleGenerator().write(25, 5, dir);
    for (Path p : files(dir)) {
      String name = p.getFileName().toString();
      if (name.endsWith(".yml") || name.endsWith(".md")) {
        assertTrue(Files.readString(p).contains("合成数据"), p.toString());
      }
    }
  }

  @Test
  void exactCountSeveralYearsSeveralRegionsAndNoErrors(@TempDir Path dir) throws IOException {
    new SampleGenerator().write(200, 42, dir);
    Checker.Result result = new Checker().run(dir);
    List<Diagnostic> errors =
        result.diagnostics().sorted().stream().filter(d -> d.severity() == Severity.ERROR).toList();
    assertEquals(List.of(), errors);
    assertEquals(200, result.disclosures());
    var site = result.site().orElseThrow();
    assertTrue(site.regions().stream().filter(r -> "county".equals(r.level())).count() >= 2);
    long departments = site.departments().size();
    assertTrue(departments < 200 / 2, "several years per department: " + departments);
    // Like the real ones, a few synthetic disclosures do not add up, and the checker finds them.
    long warnings = result.diagnostics().count(Severity.WARNING);
    assertTrue(warnings > 0 && warnings < 200, "warnings: " + warnings);
  }

  @Test
  void disclosuresWeighWhatTheSeedsWeigh(@TempDir Path dir) throws IOException {
    new SampleGenerator().write(100, 9, dir);
    long bytes = 0;
    for (Path p : files(dir.resolve("content"))) {
      if (!p.getFileName().toString().equals("department.yml")
          && !p.getFileName().toString().equals("regions.yml")) {
        bytes += Files.size(p);
      }
    }
    long perDisclosure = bytes / 100;
    // The seeds are 10 KB to 133 KB of text each; YAML keys and quoting add to that.
    assertTrue(
        perDisclosure > 15_000 && perDisclosure < 250_000,
        "bytes per disclosure: " + perDisclosure);
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
