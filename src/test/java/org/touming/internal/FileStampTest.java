package org.touming.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStampTest {
  @TempDir Path dir;

  private Path file(String name, String text, long ageMillis) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - ageMillis));
    return p;
  }

  @Test
  void anOldFileLeftAloneIsTrusted() throws IOException {
    Path p = file("a.yml", "title: 甲", 60_000);
    FileStamp before = FileStamp.of(p);
    assertTrue(before.trusted(FileStamp.of(p)));
  }

  @Test
  void aFileStampedSoonAfterItsLastWriteIsNotTrusted() throws IOException {
    // A second write in the same tick of the file system's clock would leave everything the same.
    Path p = file("a.yml", "title: 甲", 0);
    FileStamp before = FileStamp.of(p);
    assertTrue(before.same(FileStamp.of(p)));
    assertFalse(before.trusted(FileStamp.of(p)));
  }

  @Test
  void anotherSizeTimeOrFileIsNotTrusted() throws IOException {
    Path p = file("a.yml", "title: 甲", 60_000);
    FileStamp before = FileStamp.of(p);
    Files.writeString(p, "title: 乙乙");
    Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    assertFalse(before.trusted(FileStamp.of(p)), "size");

    FileStamp sized = FileStamp.of(p);
    Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - 30_000));
    assertFalse(sized.trusted(FileStamp.of(p)), "time");

    FileStamp timed = FileStamp.of(p);
    Path other = file("b.yml", "title: 丙丙", 0);
    Files.setLastModifiedTime(other, Files.getLastModifiedTime(p));
    Files.move(other, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    assertFalse(timed.same(FileStamp.of(p)), "another file moved in its place");
  }

  @Test
  void noFileAndAMissingFileAreTheirOwnStamps() throws IOException {
    assertTrue(FileStamp.NONE.trusted(FileStamp.of(null)));
    Path gone = dir.resolve("gone.txt");
    assertTrue(FileStamp.of(gone).trusted(FileStamp.of(gone)));
    FileStamp missing = FileStamp.of(gone);
    file("gone.txt", "here now", 60_000);
    assertFalse(missing.trusted(FileStamp.of(gone)));
    assertFalse(FileStamp.NONE.trusted(FileStamp.of(gone)));
  }
}
