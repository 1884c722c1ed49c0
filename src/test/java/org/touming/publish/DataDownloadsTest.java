package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open data as a reader downloads it: a disclosure's JSON on one line (indentation was a
 * quarter of its bytes), the data package's descriptor indented for reading and describing every
 * table there is and no other.
 */
class DataDownloadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aDisclosuresJsonIsOneLineAndTheDataPackageIsIndentedAndComplete(@TempDir Path dir)
      throws Exception {
    Path site = BuiltSite.build(Path.of("").toAbsolutePath(), dir.resolve("public"));
    List<Path> disclosures = BuiltSite.files(site.resolve("data/disclosures"), ".json");
    assertFalse(disclosures.isEmpty());
    for (Path file : disclosures) {
      String text = Files.readString(file);
      assertFalse(text.contains("\n"), file + " is not on one line");
      assertTrue(JSON.readTree(text).at("/disclosure/year").isInt(), file + " has no year");
    }
    String descriptor = Files.readString(site.resolve("data/datapackage.json"));
    assertTrue(descriptor.contains("\n  \"resources\""), "the data package is not indented");
    Set<String> described = new TreeSet<>();
    for (JsonNode r : JSON.readTree(descriptor).get("resources")) {
      described.add(r.get("path").asText());
    }
    Set<String> tables = new TreeSet<>();
    for (Path csv : BuiltSite.files(site.resolve("data"), ".csv")) {
      tables.add(site.resolve("data").relativize(csv).toString());
    }
    assertFalse(tables.isEmpty());
    assertEquals(tables, described);
  }
}
