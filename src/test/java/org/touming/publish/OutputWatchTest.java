package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resident build looks on disk only at the output files the watch names; any file changed, made
 * or deleted since the last build that finished must be among them, and whatever the events cannot
 * tell must make the build look at every file.
 */
class OutputWatchTest {
  @TempDir Path dir;
  private Path out;
  private Path state;
  private final OutputWatch watch = new OutputWatch();

  @BeforeEach
  void output() throws IOException {
    out = dir.resolve("public");
    state = dir.resolve(".touming");
    Files.createDirectories(out.resolve("sub"));
    Files.writeString(out.resolve("a.html"), "a");
    Files.writeString(out.resolve("sub/b.html"), "b");
  }

  @AfterEach
  void close() {
    watch.close();
  }

  /** As after the first two builds of a watch: the second looked at everything. */
  private void trusted() {
    watch.finished(out, state, OutputWatch.Changes.ALL, true);
    OutputWatch.Changes first = watch.since(out);
    assertTrue(first.all(), "the build after the watch starts looks at every file");
    watch.finished(out, state, first, false);
  }

  @Test
  void nothingChangedNamesNothing() {
    trusted();
    OutputWatch.Changes c = watch.since(out);
    assertFalse(c.all());
    assertEquals(Set.of(), c.paths());
    assertFalse(c.mayHaveChanged("a.html"));
  }

  @Test
  void filesChangedMadeAndDeletedAreNamed() throws IOException {
    trusted();
    Files.writeString(out.resolve("a.html"), "!", StandardOpenOption.APPEND);
    Files.writeString(out.resolve("sub/c.html"), "c");
    Files.delete(out.resolve("sub/b.html"));
    OutputWatch.Changes c = watch.since(out);
    assertFalse(c.all());
    assertEquals(Set.of("a.html", "sub/b.html", "sub/c.html"), c.paths());
    watch.finished(out, state, c, false);
    assertEquals(Set.of(), watch.since(out).paths(), "looked at once");
  }

  @Test
  void aNewFolderNamesItsFilesAndIsWatchedFromThen() throws IOException {
    trusted();
    Files.createDirectories(out.resolve("new/deeper"));
    Files.writeString(out.resolve("new/deeper/x.html"), "x");
    OutputWatch.Changes c = watch.since(out);
    assertFalse(c.all());
    assertTrue(c.mayHaveChanged("new/deeper/x.html"), c.paths().toString());
    watch.finished(out, state, c, false);
    Files.writeString(out.resolve("new/deeper/x.html"), "y");
    assertEquals(Set.of("new/deeper/x.html"), watch.since(out).paths());
  }

  @Test
  void whatABuildThatFailedWasToLookAtIsNamedAgain() throws IOException {
    trusted();
    Files.writeString(out.resolve("a.html"), "changed");
    assertEquals(Set.of("a.html"), watch.since(out).paths());
    Files.writeString(out.resolve("sub/b.html"), "changed");
    assertEquals(Set.of("a.html", "sub/b.html"), watch.since(out).paths());
  }

  @Test
  void aFolderDeletedMeansLookingAtEverything() throws IOException {
    trusted();
    Files.delete(out.resolve("sub/b.html"));
    Files.delete(out.resolve("sub"));
    assertTrue(watch.since(out).all());
  }

  @Test
  void anOutputFolderPutInPlaceMeansLookingAtEverything() throws IOException {
    trusted();
    Files.move(out, dir.resolve("old"));
    Files.createDirectories(out);
    Files.writeString(out.resolve("a.html"), "a");
    assertTrue(watch.since(out).all());
  }

  @Test
  void anotherOutputIsLookedAtInFull() {
    trusted();
    assertTrue(watch.since(dir.resolve("elsewhere")).all());
  }

  @Test
  void aClosedWatchLooksAtEverything() throws IOException {
    trusted();
    watch.close();
    watch.finished(out, state, OutputWatch.Changes.ALL, true);
    assertTrue(watch.since(out).all());
    watch.finished(out, state, OutputWatch.Changes.ALL, false);
    assertTrue(watch.since(out).all());
  }
}
