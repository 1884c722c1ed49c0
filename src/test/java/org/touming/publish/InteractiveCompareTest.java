package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.testing.BrowserTools;

/**
 * The interactive compare page in headless Chromium over file://: a selection from the URL renders
 * the expected values, a change updates the URL, and a reload restores it.
 */
class InteractiveCompareTest {
  @Test
  void aSelectionRendersAndSurvivesAReloadFromDisk(@TempDir Path dir) throws Exception {
    BrowserTools.requireBrowser();
    Path site = BuiltSite.build(Path.of("").toAbsolutePath(), dir.resolve("public"));
    Process p =
        new ProcessBuilder(
                "node",
                "src/test/js/compare-check.mjs",
                site.resolve("compare/interactive/index.html").toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
    JsonNode r =
        new ObjectMapper()
            .readTree(
                output
                    .lines()
                    .filter(l -> l.startsWith("{"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(output)));
    assertEquals(List.of(), list(r.get("errors")), "no script errors");
    assertEquals(List.of(), list(r.get("offsite")), "nothing loaded from another host");
    // 广阳区 = 廊坊市广阳区委 8058.96 + 九州镇 5176.58; 三河市 = 燕郊 95531.43, each with the departments it covers.
    assertEquals(
        "[[\"广阳区\",\"13,235.54（2）\"],[\"三河市\",\"95,531.43（1）\"]]", r.get("first").toString());
    assertEquals(
        "#figure=expenditure-total&kind=budget&s=r%3A131003,r%3A131082,131003-260",
        r.get("hash").asText());
    assertEquals(
        "[[\"广阳区\",\"\",\"13,235.54（2）\"],[\"三河市\",\"\",\"95,531.43（1）\"],[\"廊坊市广阳区委\",\"6,911.37（推算）\",\"8,058.96\"]]",
        r.get("reloaded").toString());
    assertEquals("[\"r:131003\",\"r:131082\",\"131003-260\"]", r.get("checked").toString());
    assertEquals(
        "[[\"广阳区\",\"\",\"128.5（2）\"],[\"三河市\",\"\",\"265.41（1）\"],[\"廊坊市广阳区委\",\"130.6（推算）\",\"124.13\"]]",
        r.get("threePublic").toString());
  }

  private static List<String> list(JsonNode array) {
    return array == null
        ? List.of()
        : java.util.stream.StreamSupport.stream(array.spliterator(), false)
            .map(JsonNode::asText)
            .toList();
  }
}
