package org.touming.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolVersionTest {
  @TempDir Path dir;

  @Test
  void aJarIsKnownByItsEntriesContentNotByWhenItWasPacked() throws IOException {
    String first = ToolVersion.jar(jar("a.jar", Map.of("t/a.ftlh", "<p>a</p>", "b.class", "b"), 1));
    String repacked =
        ToolVersion.jar(jar("b.jar", Map.of("t/a.ftlh", "<p>a</p>", "b.class", "b"), 999_999));
    assertEquals(first, repacked);
  }

  @Test
  void anyChangedRenamedOrAddedEntryGivesAnotherId() throws IOException {
    String first = ToolVersion.jar(jar("a.jar", Map.of("t/a.ftlh", "<p>a</p>", "b.class", "b"), 1));
    assertNotEquals(
        first, ToolVersion.jar(jar("c.jar", Map.of("t/a.ftlh", "<p>A</p>", "b.class", "b"), 1)));
    assertNotEquals(
        first, ToolVersion.jar(jar("d.jar", Map.of("t/b.ftlh", "<p>a</p>", "b.class", "b"), 1)));
    assertNotEquals(
        first,
        ToolVersion.jar(
            jar("e.jar", Map.of("t/a.ftlh", "<p>a</p>", "b.class", "b", "c.class", ""), 1)));
  }

  @Test
  void theRunningCodeHasOneStableId() {
    String id = ToolVersion.id();
    assertTrue(id.matches("[0-9a-f]{64}"), id);
    assertEquals(id, ToolVersion.id());
  }

  private Path jar(String name, Map<String, String> entries, long time) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (var e : new TreeMap<>(entries).entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTime(time);
        zip.putNextEntry(entry);
        zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
