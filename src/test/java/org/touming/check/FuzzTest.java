package org.touming.check;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.content.Diagnostic;
import org.touming.content.Severity;
import org.touming.testing.FixtureSite;

/**
 * Thousands of mutated files through {@code check}: truncated, re-indented, wrong types, random
 * bytes, huge values, alias bombs, deep nesting. Each must end in diagnostics that name a file and
 * a line, never in an exception and never in an internal error. The seed is fixed so that a failure
 * can be replayed; the message carries the mutated text.
 */
class FuzzTest {
  private static final String[] SCALARS = {
    "abc",
    "[1, 2]",
    "{a: 1}",
    "~",
    "true",
    "\"\"",
    "-",
    "1e309",
    "-1e-400",
    "0x1F",
    ".inf",
    ".nan",
    "123456789012345678901234567890.123",
    "99999999999999999999999999999999999999",
    "\"涉密\"",
    "涉密",
    "!!binary aGVsbG8=",
    "&a [*a]",
    "*undefined",
    "\"\\u0000\"",
    "'",
    "\"",
    "|",
    ">",
    "? x",
    "!custom 1",
    "2019-01-01",
    "null",
    "0.1.2",
    "１２３",
    "𠀀𠀁",
    "<script>alert(1)</script>",
    "=cmd|' /C calc'!A0"
  };

  private final Random random = new Random(20261122L);
  private final java.util.Set<String> seen = new java.util.TreeSet<>();

  @Test
  void mutatedDisclosuresEndInDiagnostics(@TempDir Path dir) {
    FixtureSite site = FixtureSite.copy("valid", dir);
    String original = site.read(FixtureSite.DISCLOSURE);
    fuzz(site, FixtureSite.DISCLOSURE, original, 2500);
    // The mutations must reach every layer, or this test proves nothing.
    for (String rule :
        List.of(
            "yaml.syntax",
            "yaml.duplicate-key",
            "schema.type",
            "schema.pattern",
            "schema.range",
            "schema.unknown-field",
            "schema.required",
            "file.encoding")) {
      assertTrue(seen.contains(rule), "no mutation produced " + rule + "; seen " + seen);
    }
  }

  @Test
  void mutatedIndexFilesEndInDiagnostics(@TempDir Path dir) {
    FixtureSite site = FixtureSite.copy("valid", dir);
    for (String file :
        List.of(
            "content/regions.yml",
            "content/131003/260/department.yml",
            "site-config.yml",
            "content/131003/260/2019-budget.md")) {
      String original = site.read(file);
      fuzz(site, file, original, 250);
      site.write(file, original);
    }
  }

  private void fuzz(FixtureSite site, String file, String original, int rounds) {
    Checker checker = new Checker();
    for (int i = 0; i < rounds; i++) {
      byte[] mutated = mutate(original);
      site.writeBytes(file, mutated);
      List<Diagnostic> found;
      try {
        found = checker.run(site.root()).diagnostics().sorted();
      } catch (Throwable t) {
        fail("round " + i + " threw " + t + " on:\n" + preview(mutated), t);
        return;
      }
      found.forEach(d -> seen.add(d.rule()));
      for (Diagnostic d : found) {
        assertTrue(
            !d.rule().startsWith("internal."),
            () -> "round: internal error " + d.format() + " on:\n" + preview(mutated));
        assertTrue(
            d.line() >= 1 && d.column() >= 1 && !d.file().isEmpty(),
            () -> "unlocated: " + d.format());
        assertTrue(d.severity() == Severity.ERROR || d.severity() == Severity.WARNING);
      }
    }
  }

  private byte[] mutate(String text) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int n = 1 + random.nextInt(3);
    byte[] extraBytes = null;
    for (int k = 0; k < n; k++) {
      int line = random.nextInt(lines.size());
      switch (random.nextInt(11)) {
        case 0 -> { // truncate
          String joined = String.join("\n", lines);
          return joined
              .substring(0, random.nextInt(joined.length() + 1))
              .getBytes(StandardCharsets.UTF_8);
        }
        case 1 -> lines.set(line, " ".repeat(random.nextInt(7)) + lines.get(line).stripLeading());
        case 2 ->
            lines.set(line, replaceValue(lines.get(line), SCALARS[random.nextInt(SCALARS.length)]));
        case 3 -> extraBytes = randomBytes();
        case 4 -> lines.remove(line);
        case 5 -> lines.add(line, lines.get(line));
        case 6 -> {
          int other = random.nextInt(lines.size());
          String t = lines.get(line);
          lines.set(line, lines.get(other));
          lines.set(other, t);
        }
        case 7 ->
            lines.set(
                line,
                replaceValue(
                    lines.get(line),
                    "9".repeat(1 + random.nextInt(5000))
                        + (random.nextBoolean() ? "." + "1".repeat(random.nextInt(50)) : "")));
        case 8 ->
            lines.set(
                line,
                replaceValue(lines.get(line), "\"" + "长".repeat(random.nextInt(200_000)) + "\""));
        case 9 -> lines.add(line, "x: " + "[".repeat(200 + random.nextInt(2000)));
        default ->
            lines.add(
                0,
                "a: &a [\"x\",\"x\",\"x\",\"x\"]\nb: &b [*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c]");
      }
    }
    byte[] body = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    if (extraBytes == null) {
      return body;
    }
    int at = random.nextInt(body.length + 1);
    byte[] out = new byte[body.length + extraBytes.length];
    System.arraycopy(body, 0, out, 0, at);
    System.arraycopy(extraBytes, 0, out, at, extraBytes.length);
    System.arraycopy(body, at, out, at + extraBytes.length, body.length - at);
    return out;
  }

  private static String replaceValue(String line, String value) {
    int colon = line.indexOf(": ");
    if (colon >= 0) {
      return line.substring(0, colon + 2) + value;
    }
    int dash = line.indexOf("- ");
    return dash >= 0 ? line.substring(0, dash + 2) + value : value;
  }

  private byte[] randomBytes() {
    byte[] b = new byte[1 + random.nextInt(16)];
    random.nextBytes(b);
    return b;
  }

  private static String preview(byte[] bytes) {
    String s = new String(bytes, StandardCharsets.UTF_8);
    return s.length() > 3000 ? s.substring(0, 3000) + "…" : s;
  }
}
