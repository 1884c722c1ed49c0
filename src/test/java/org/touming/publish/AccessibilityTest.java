package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.testing.BrowserTools;

/**
 * axe-core in headless Chromium on one page of each kind: no serious or critical violation ({@link
 * BrowserTools} says what it needs).
 */
class AccessibilityTest {
  @Test
  void onePageOfEachKindHasNoSeriousViolation(@TempDir Path dir) throws Exception {
    BrowserTools.requireBrowser();
    Path site = BuiltSite.build(Path.of("").toAbsolutePath(), dir.resolve("public"));
    List<String> pages =
        List.of(
            "index.html",
            "regions/131003/index.html",
            "departments/131003-912/index.html",
            "departments/131003-912/2019-budget/index.html",
            "departments/130303-286001/2021-budget/index.html",
            "glossary/index.html",
            "data/index.html",
            "search/index.html",
            "search/index.html?q=%E5%85%AC%E5%8A%A1%E6%8E%A5%E5%BE%85",
            "404.html");
    // A page with known faults goes first: the audit must find them, or this test proves nothing.
    Path faulty = dir.resolve("faulty.html");
    Files.writeString(
        faulty,
        "<!DOCTYPE html><html><head><title>x</title></head><body><img src=\"a.png\"></body></html>");
    List<String> command =
        new ArrayList<>(List.of("node", "src/test/js/axe-check.mjs", faulty.toString()));
    pages.forEach(p -> command.add(site.resolve(p).toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "axe finished");
    assertEquals(0, process.exitValue(), output);
    List<String> serious = new ArrayList<>();
    int audited = 0;
    for (String line : output.split("\n")) {
      if (!line.startsWith("{")) {
        continue;
      }
      JsonNode result = new ObjectMapper().readTree(line);
      if (result.get("page").asText().equals(faulty.toString())) {
        assertTrue(
            result.get("violations").toString().contains("\"impact\":\"critical\""),
            "axe reports the faulty page: " + line);
        continue;
      }
      audited++;
      for (JsonNode v : result.get("violations")) {
        String impact = v.get("impact").asText();
        if (impact.equals("serious") || impact.equals("critical")) {
          serious.add(
              site.relativize(Path.of(result.get("page").asText()))
                  + ": "
                  + impact
                  + " "
                  + v.get("id").asText()
                  + " — "
                  + v.get("help").asText()
                  + " ("
                  + v.get("nodes").asInt()
                  + " elements)");
        }
      }
    }
    assertEquals(pages.size(), audited, output);
    assertEquals(List.of(), serious);
  }
}
