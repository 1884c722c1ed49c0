package org.touming.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Deleting a folder and everything in it. */
public final class Folders {
  private Folders() {}

  /**
   * Deletes a folder and everything in it, the files on every core: a city's output is tens of
   * thousands of files in thousands of folders, and one thread unlinking them took seconds.
   */
  public static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    List<Path> all;
    try (Stream<Path> walk = Files.walk(dir)) {
      all = walk.toList();
    }
    Parallel.forEachIndexOnFiles(
        all.size(),
        i -> {
          Path p = all.get(i);
          if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(p);
          }
        });
    for (Path p : all.stream().sorted(Comparator.reverseOrder()).toList()) {
      Files.deleteIfExists(p);
    }
  }

  /**
   * Makes {@code dir} and the folders between it and {@code root}, but never {@code root} itself or
   * anything above it: a build stopped part-way moves its staging folder aside while its threads
   * are still writing, and {@link Files#createDirectories} would make the folder again at its old
   * place, to be left there.
   */
  public static void createBelow(Path root, Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    Path at = root;
    for (Path part : root.relativize(dir)) {
      at = at.resolve(part);
      try {
        Files.createDirectory(at);
      } catch (FileAlreadyExistsException e) {
        // made by another thread, or already there
      }
    }
  }

  /**
   * Starts deleting a folder in a process of its own ({@code rm -rf}) that goes on after this JVM
   * exits, so that a command need not wait for it: deleting the previous output of the
   * 5,000-disclosure sample (70,000 files, 2 GB) took 17 to 23 s of a 100 s build. Returns false
   * where no such process could be started (no {@code rm}, as on Windows): the caller deletes it.
   * What such a process leaves (stopped with its terminal) is hidden, and the next build deletes
   * it.
   */
  public static boolean deleteInBackground(Path dir) {
    if (File.separatorChar != '/') {
      return false;
    }
    try {
      new ProcessBuilder("rm", "-rf", "--", dir.toAbsolutePath().toString())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * As {@link #delete}, for what is only left over (a temporary folder, a replaced output): a
   * failure leaves what could not be deleted and is not worth failing for.
   */
  public static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try {
      delete(dir);
    } catch (IOException | UncheckedIOException e) {
      // left for the system's temporary cleanup, or the next build
    }
  }
}
