package org.touming.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a build into a staging folder beside the output and swaps it in at the end, so that a
 * build that fails leaves the previous site exactly as it was.
 */
public final class Output implements Sink {
  public static final String MANIFEST = "SHA256SUMS";
  private final Path target;
  private final Path staging;

  private Output(Path target, Path staging) {
    this.target = target;
    this.staging = staging;
  }

  /**
   * Starts a build into {@code target}. Refuses a target that holds files but is not a previous
   * Touming output (no SHA256SUMS), so that a mistyped path never deletes someone's folder.
   */
  public static Output begin(Path target) throws IOException {
    if (Files.exists(target)
        && !Files.isRegularFile(target.resolve(MANIFEST))
        && !isEmpty(target)) {
      throw new IOException(
          "输出目录 " + target + " 已存在、不为空且不是 Touming 的输出（没有 " + MANIFEST + "）；为免误删，拒绝替换");
    }
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path staging =
        Files.createTempDirectory(
            target.toAbsolutePath().getParent(), "." + target.getFileName() + ".building-");
    return new Output(target, staging);
  }

  public Path dir() {
    return staging;
  }

  @Override
  public void write(String rel, byte[] bytes) throws IOException {
    Path p = staging.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
  }

  /** Puts the finished build in place of the previous one. */
  public void commit() throws IOException {
    Path previous = null;
    if (Files.exists(target)) {
      previous =
          target.resolveSibling("." + target.getFileName() + ".previous-" + System.nanoTime());
      Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    if (previous != null) {
      delete(previous);
    }
  }

  public void abort() {
    try {
      delete(staging);
    } catch (IOException ignored) {
      // Best effort: a leftover staging folder is hidden and harmless; the output is untouched.
    }
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }
}
