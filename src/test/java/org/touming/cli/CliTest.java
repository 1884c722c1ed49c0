package org.touming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.testing.FixtureSite;

class CliTest {
  record Run(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void noCommandIsWrongUsage() {
    Run r = run();
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("缺少命令"), r.err());
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"check", "build", "sample"}) {
      Run r = run(command, "--help");
      assertEquals(0, r.exit(), command);
      assertTrue(r.out().contains("Usage: touming " + command), r.out());
    }
    assertEquals(0, run("--help").exit());
    assertEquals(0, run("help", "check").exit());
  }

  @Test
  void unknownOptionOrFormatIsWrongUsage(@TempDir Path dir) {
    assertEquals(2, run("check", "--frobnicate").exit());
    assertEquals(2, run("check", "--format", "xml", "--source", dir.toString()).exit());
    assertEquals(
        2, run("sample", "--disclosures", "0", "--into", dir.resolve("x").toString()).exit());
  }

  @Test
  void servingOnAPortInUseSaysSoWithoutAStackTrace(@TempDir Path dir) throws Exception {
    FixtureSite site = FixtureSite.copy("valid", dir);
    java.util.Set<String> before = previewFolders();
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Run r =
          run(
              "serve",
              "--source",
              site.root().toString(),
              "--port",
              Integer.toString(taken.getLocalPort()));
      assertEquals(2, r.exit(), r.all());
      assertTrue(r.err().contains("已被占用") && r.err().contains("--port 0"), r.err());
      assertFalse(r.all().contains("Exception"), r.all());
    }
    java.util.Set<String> left = previewFolders();
    left.removeAll(before);
    assertEquals(java.util.Set.of(), left, "no temporary preview folder left behind");
  }

  private static java.util.Set<String> previewFolders() throws java.io.IOException {
    try (var list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("touming-serve-"))
          .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }
  }

  @Test
  void cleanSiteExitsZero(@TempDir Path dir) {
    FixtureSite site = FixtureSite.copy("valid", dir);
    Run r = run("check", "--source", site.root().toString());
    assertEquals(0, r.exit(), r.all());
    assertEquals("检查了 2 个公开文件：0 个错误，0 个警告\n", r.out());
  }

  @Test
  void warningsFailOnlyWhenStrict(@TempDir Path dir) {
    FixtureSite site =
        FixtureSite.copy("valid", dir)
            .edit(FixtureSite.DISCLOSURE, "  vehicles: 48.13", "  vehicles: 0");
    assertEquals(0, run("check", "--source", site.root().toString()).exit());
    assertEquals(1, run("check", "--strict", "--source", site.root().toString()).exit());
  }

  @Test
  void errorsExitOneWithoutStackTrace(@TempDir Path dir) {
    FixtureSite site =
        FixtureSite.copy("valid", dir).edit(FixtureSite.DISCLOSURE, "year: 2019", "year: [");
    for (String command : new String[] {"check", "build"}) {
      Run r = run(command, "--source", site.root().toString());
      assertEquals(1, r.exit(), r.all());
      assertTrue(r.out().contains(FixtureSite.DISCLOSURE + ":"), r.out());
      assertFalse(r.all().contains("Exception") || r.all().contains("\tat "), r.all());
    }
  }

  @Test
  void notASiteExitsOne(@TempDir Path dir) {
    Run r = run("check", "--source", dir.toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("[site.not-a-site]"), r.out());
  }

  @Test
  void jsonCarriesTheSameDiagnostics(@TempDir Path dir) throws Exception {
    FixtureSite site =
        FixtureSite.copy("valid", dir)
            .edit(FixtureSite.DISCLOSURE, "  vehicles: 48.13", "  vehicles: 0");
    Run text = run("check", "--source", site.root().toString());
    Run json = run("check", "--format", "json", "--source", site.root().toString());
    JsonNode tree = new ObjectMapper().readTree(json.out());
    assertEquals(2, tree.get("disclosures").asInt());
    assertEquals(0, tree.get("errors").asInt());
    int warnings = tree.get("warnings").asInt();
    assertEquals(warnings, tree.get("diagnostics").size());
    JsonNode first = tree.get("diagnostics").get(0);
    String line =
        first.get("file").asText()
            + ":"
            + first.get("line").asInt()
            + ":"
            + first.get("column").asInt()
            + ": "
            + first.get("severity").asText()
            + " ["
            + first.get("rule").asText()
            + "] "
            + first.get("message").asText();
    assertTrue(text.out().startsWith(line + "\n"), text.out());
  }

  @Test
  void sampleThenCheck(@TempDir Path dir) throws Exception {
    Path into = dir.resolve("site");
    Run s = run("sample", "--disclosures", "30", "--seed", "3", "--into", into.toString());
    assertEquals(0, s.exit(), s.all());
    Run c = run("check", "--source", into.toString());
    assertEquals(0, c.exit(), c.all());
    assertTrue(c.out().contains("检查了 30 个公开文件：0 个错误"), c.out());
    assertEquals(
        2,
        run("sample", "--disclosures", "5", "--into", into.toString()).exit(),
        "refuses a non-empty folder");
    assertTrue(Files.exists(into.resolve("site-config.yml")));
  }

  @Test
  void buildWritesTheSiteAndVerifyChecksIt(@TempDir Path dir) throws Exception {
    FixtureSite site = FixtureSite.copy("valid", dir);
    Run r = run("build", "--source", site.root().toString());
    assertEquals(0, r.exit(), r.all());
    assertTrue(
        r.out()
            .matches(
                "(?s).*已生成 [0-9]+ 个页面、[0-9]+ 个文件到 .*public（[0-9]+ ms）\n阶段：载入与检查 [0-9]+ ms；.*图表与对比 [0-9]+ ms；.*\n"),
        r.out());
    Path out = site.root().resolve("public");
    assertEquals(0, run("verify", out.toString()).exit());
    Files.writeString(out.resolve("robots.txt"), "changed");
    Run v = run("verify", out.toString());
    assertEquals(1, v.exit());
    assertTrue(v.out().contains("改动 robots.txt"), v.out());
    assertEquals(1, run("verify", dir.resolve("nowhere").toString()).exit());
  }
}
