package org.touming.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the preview serves: files on disk, and site tables kept as the parts they were made of. */
class DiskSinkTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aFileWrittenInPartsIsServedFromThemAndAWholeOneFromDisk(@TempDir Path dir) throws Exception {
    DiskSink sink = new DiskSink(dir.resolve("site"));
    sink.write("data/a.csv", List.of(utf8("h\n"), utf8("1\n"), utf8("2\n")));
    sink.write("index.html", utf8("<p>页</p>"));
    Path table = sink.dir().resolve("data/a.csv");
    assertFalse(Files.exists(table), "a table is not written to disk again");
    assertArrayEquals(utf8("h\n1\n2\n"), DiskSink.join(sink.get("data/a.csv")));
    assertArrayEquals(utf8("<p>页</p>"), Files.readAllBytes(sink.dir().resolve("index.html")));
    assertEquals(List.of("data/a.csv", "index.html"), List.copyOf(sink.files().keySet()));

    // Written whole later, the file is the one on disk; in parts again, the parts.
    sink.write("data/a.csv", utf8("h\n3\n"));
    assertArrayEquals(utf8("h\n3\n"), DiskSink.join(sink.get("data/a.csv")));
    assertTrue(Files.exists(table));
    sink.write("data/a.csv", List.of(utf8("h\n"), utf8("4\n")));
    assertFalse(Files.exists(table), "no stale copy left on disk");
    assertArrayEquals(utf8("h\n4\n"), sink.files().get("data/a.csv"));

    assertNull(sink.get("../outside"));
    assertNull(sink.get("missing.html"));
  }
}
