package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.internal.Sha256;

class InPlaceTest {
  @TempDir Path dir;

  private Path output() throws Exception {
    Path out = dir.resolve("out");
    Files.createDirectories(out.resolve("b"));
    Files.writeString(out.resolve("a.txt"), "a");
    Files.writeString(out.resolve("b/c.txt"), "c");
    Files.writeString(out.resolve("d.txt"), "d");
    return out;
  }

  private static String sha(String s) {
    return Sha256.hex(s.getBytes(StandardCharsets.UTF_8));
  }

  private List<Path> beside() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }

  @Test
  void onlyFilesWithOtherBytesAreWrittenAndFilesNoLongerMadeAreDeleted() throws Exception {
    Path out = output();
    Object sameFile = Files.readAttributes(out.resolve("d.txt"), "unix:ino").get("ino");
    InPlace up =
        InPlace.begin(
            out, Map.of("a.txt", sha("a"), "b/c.txt", sha("c"), "d.txt", sha("d")), p -> true);
    up.write("a.txt", "A".getBytes(StandardCharsets.UTF_8));
    up.write("d.txt", "d".getBytes(StandardCharsets.UTF_8));
    up.write("e/f.txt", "f".getBytes(StandardCharsets.UTF_8));
    assertEquals(Set.of("a.txt", "e/f.txt"), up.staged());
    assertEquals("a", Files.readString(out.resolve("a.txt")), "nothing changes before the commit");

    Set<String> files =
        up.commit(ManifestText.of(up.hashes(), null), null, Set.of("a.txt", "b/c.txt", "d.txt"));

    assertEquals(Set.of("a.txt", "d.txt", "e/f.txt", Output.MANIFEST), files);
    assertEquals(Set.of("a.txt", "e/f.txt", Output.MANIFEST), up.staged());
    assertEquals("A", Files.readString(out.resolve("a.txt")));
    assertEquals("f", Files.readString(out.resolve("e/f.txt")));
    assertFalse(Files.exists(out.resolve("b")), "a folder left empty goes");
    assertEquals(sameFile, Files.readAttributes(out.resolve("d.txt"), "unix:ino").get("ino"));
    assertTrue(Manifest.verify(out).ok(), "the manifest lists the files as they are");
    assertEquals(List.of(), beside(), "nothing left beside the output");
  }

  @Test
  void aFileNoLongerAsTheBuildLeftItIsWrittenAgain() throws Exception {
    Path out = output();
    InPlace up = InPlace.begin(out, Map.of("a.txt", sha("a")), p -> false);
    assertFalse(up.keep("a.txt", sha("a")));
    up.write("a.txt", "a".getBytes(StandardCharsets.UTF_8));
    assertEquals(Set.of("a.txt"), up.staged());
    up.abort();
    assertEquals(List.of(), beside());
  }

  @Test
  void anUpdateStoppedWhileApplyingIsFinishedAndOneStoppedBeforeItsJournalIsDropped()
      throws Exception {
    Path out = output();
    // Stopped after moving a.txt in: the journal still lists it, b/c.txt and the manifest.
    Path applying = Files.createDirectories(dir.resolve(".out.update-1"));
    Files.writeString(out.resolve("a.txt"), "A");
    Files.writeString(
        applying.resolve(Output.MANIFEST), sha("A") + "  a.txt\n" + sha("d") + "  d.txt\n");
    Files.writeString(
        applying.resolve(".journal"), "move a.txt\ndelete b/c.txt\nmove " + Output.MANIFEST + "\n");
    // Stopped while writing: no journal, so the output never saw it.
    Path writing = Files.createDirectories(dir.resolve(".out.update-2"));
    Files.writeString(writing.resolve("d.txt"), "D");

    InPlace.recover(out);

    assertEquals("A", Files.readString(out.resolve("a.txt")));
    assertEquals("d", Files.readString(out.resolve("d.txt")));
    assertFalse(Files.exists(out.resolve("b")));
    assertTrue(Manifest.verify(out).ok());
    assertEquals(List.of(), beside());
  }
}
