package org.touming.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.touming.internal.Folders;

/**
 * Writes a build into a staging folder beside the output and swaps it in at the end, so that a
 * build that fails leaves the previous site exactly as it was.
 */
public final class Output implements Sink.Hashed {
  public static final String MANIFEST = "SHA256SUMS";
  private final Path target;
  private final Path staging;
  private static final int PIECE = 64 * 1024;
  private final Map<String, String> hashes = new ConcurrentHashMap<>();

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
    Output out = new Output(target, staging);
    Runtime.getRuntime().addShutdownHook(out.stopped);
    return out;
  }

  // A build stopped part-way (Ctrl-C, a TERM) moves its staging folder aside at once, among the
  // leftovers the next build deletes: unlinking a city's files would hold up the stop for seconds.
  private final Thread stopped = new Thread(this::moveAside, "touming-stopped");

  private void moveAside() {
    try {
      Files.move(staging, leftover(target), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // The hidden staging folder stays; the output is untouched either way.
    }
  }

  private static Path leftover(Path target) {
    return target.resolveSibling("." + target.getFileName() + LEFTOVER + System.nanoTime());
  }

  private static final String LEFTOVER = ".previous-";

  /**
   * What earlier builds into {@code target} left beside it for deleting: a previous output whose
   * deletion was stopped or is still under way, or the staging folder of a stopped build.
   */
  static List<Path> leftovers(Path target) {
    Path parent = target.toAbsolutePath().getParent();
    String prefix = "." + target.getFileName() + LEFTOVER;
    try (Stream<Path> s = Files.list(parent)) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private void keepOnStop() {
    try {
      Runtime.getRuntime().removeShutdownHook(stopped);
    } catch (IllegalStateException stopping) {
      // the JVM is stopping: the hook moves the staging folder aside
    }
  }

  public Path dir() {
    return staging;
  }

  @Override
  public void write(String rel, List<byte[]> parts, String hash) throws IOException {
    Path p = staging.resolve(rel);
    Folders.createBelow(staging, p.getParent());
    writeFile(p, parts);
    hashes.put(staging.relativize(p).toString().replace('\\', '/'), hash);
  }

  /**
   * Writes the parts to a file in pieces of at most 64 KB: NIO copies each write through a direct
   * buffer of its size and keeps that buffer per thread, so one 150 MB write would pin 150 MB.
   */
  public static void writeFile(Path file, List<byte[]> parts) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      for (byte[] part : parts) {
        for (int at = 0; at < part.length; at += PIECE) {
          out.write(part, at, Math.min(PIECE, part.length - at));
        }
      }
    }
  }

  /** The SHA-256 of every file written so far, by path. */
  Map<String, String> hashes() {
    return hashes;
  }

  /** Puts the finished build in place of the previous one, and deletes that. */
  public void commit() throws IOException {
    Path previous = swap();
    if (previous != null) {
      Folders.delete(previous);
    }
  }

  /**
   * Puts the finished build in place of the previous one, which is left beside it (hidden) for the
   * caller to delete ({@link Folders}); null when there was none.
   */
  Path swap() throws IOException {
    keepOnStop();
    Path previous = null;
    if (Files.exists(target)) {
      previous = leftover(target);
      Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
    }
    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    return previous;
  }

  public void abort() {
    keepOnStop();
    try {
      Folders.delete(staging);
    } catch (IOException ignored) {
      // Best effort: a leftover staging folder is hidden and harmless; the output is untouched.
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
