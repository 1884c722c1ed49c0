package org.touming.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldersTest {
  @TempDir Path dir;

  @Test
  void deletesEveryFileAndFolder() throws Exception {
    Path old = tree("old");
    Folders.delete(old);
    assertFalse(Files.exists(old));
    assertTrue(Files.exists(dir.resolve("kept.txt")), "nothing beside it");
  }

  @Test
  void aFolderDeletedInTheBackgroundIsSoonGoneAndNothingBesideIt() throws Exception {
    assumeTrue(File.separatorChar == '/', "rm is for Unix-like systems");
    // A name with a space, and one that rm would take for its options were it not a path.
    for (String name : new String[] {".public.previous-1 with a space", "-rf"}) {
      Path old = tree(name);
      assertTrue(Folders.deleteInBackground(old));
      for (int i = 0; i < 600 && Files.exists(old); i++) {
        Thread.sleep(50);
      }
      assertFalse(Files.exists(old), name);
      assertTrue(Files.exists(dir.resolve("kept.txt")), "nothing beside it");
    }
  }

  private Path tree(String name) throws Exception {
    Files.writeString(dir.resolve("kept.txt"), "kept");
    Path root = dir.resolve(name);
    for (int i = 0; i < 20; i++) {
      Path sub = Files.createDirectories(root.resolve("d" + i).resolve("x"));
      Files.writeString(sub.resolve("index.html"), "<p>" + i);
    }
    return root;
  }
}
