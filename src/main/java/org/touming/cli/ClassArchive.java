package org.touming.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The classes of Touming and its libraries as the JVM has already parsed and verified them (Java's
 * class data sharing), kept in the user's cache folder. Mapped rather than loaded from the jar,
 * they took the build of this repository's four disclosures from 1.35 to 1.14 s and the pages of
 * the 500-disclosure sample from 6.17 to 5.90 s (medians of five, interleaved). The first build
 * with a given jar and Java writes the archive (14 MB) as it exits, which adds about a second to
 * that build; later commands map it. One archive is kept: another jar or Java makes a new one and
 * the old one is removed.
 */
record ClassArchive(Path file) {
  static final String DUMP = "-XX:ArchiveClassesAtExit=";
  static final String USE = "-XX:SharedArchiveFile=";
  // The JVM reports on its archive (classes it cannot keep, an archive of another Java it skips):
  // nothing a user can act on.
  static final String QUIET = "-Xlog:cds=off,cds+dynamic=off";
  private static final String PREFIX = "classes-";
  private static final String SUFFIX = ".jsa";
  private static final String PENDING = ".pending-";

  /**
   * The archive for this Java and class path, in {@code $XDG_CACHE_HOME/touming} or {@code
   * ~/.cache/touming}; empty when there is no such folder to use or the class path cannot be read.
   */
  static Optional<ClassArchive> locate(
      String javaVersion, String javaHome, String classPath, String xdgCache, String home) {
    Path cache;
    if (xdgCache != null && !xdgCache.isBlank() && Path.of(xdgCache).isAbsolute()) {
      cache = Path.of(xdgCache);
    } else if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
      cache = Path.of(home, ".cache");
    } else {
      return Optional.empty();
    }
    StringBuilder key = new StringBuilder(javaVersion + "\n" + javaHome + "\n");
    try {
      for (String entry : classPath.split(java.io.File.pathSeparator)) {
        Path p = Path.of(entry).toAbsolutePath().normalize();
        key.append(p)
            .append('\n')
            .append(Files.size(p))
            .append('\n')
            .append(Files.getLastModifiedTime(p).toMillis())
            .append('\n');
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    // Two checksums rather than a digest: a name, not a proof (the JVM checks an archive against
    // the class path itself), and Java's digests cost the first JVM 30 ms to set up.
    byte[] bytes = key.toString().getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    CRC32C crcC = new CRC32C();
    crcC.update(bytes);
    String name =
        PREFIX + HexFormat.of().toHexDigits(crc.getValue() << 32 | crcC.getValue()) + SUFFIX;
    return Optional.of(new ClassArchive(cache.resolve("touming").resolve(name)));
  }

  static Optional<ClassArchive> locate(String classPath) {
    return locate(
        System.getProperty("java.vm.version", ""),
        System.getProperty("java.home", ""),
        classPath,
        System.getenv("XDG_CACHE_HOME"),
        System.getProperty("user.home"));
  }

  boolean ready() {
    return Files.isRegularFile(file);
  }

  /**
   * Where this process's second JVM writes the archive before it is moved into place, its folder
   * made; empty when the folder cannot be made.
   */
  Optional<Path> pending(long pid) {
    try {
      Files.createDirectories(file.getParent());
      return Optional.of(file.resolveSibling(file.getFileName() + PENDING + pid));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * After the second JVM has exited: an archive it wrote becomes the archive if the command
   * succeeded (a failed one may have stopped before loading most classes), and older archives go.
   * Never fails: without an archive the next command only starts more slowly.
   */
  static void settle(List<String> command, int exit) {
    for (String option : command) {
      if (option.startsWith(DUMP)) {
        settle(Path.of(option.substring(DUMP.length())), exit);
      }
    }
  }

  /** An archive in the making whose JVM is gone (stopped before it could move it into place). */
  private static boolean abandoned(String name) {
    int at = name.indexOf(PENDING);
    if (at < 0) {
      return false;
    }
    try {
      return ProcessHandle.of(Long.parseLong(name.substring(at + PENDING.length()))).isEmpty();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void settle(Path pending, int exit) {
    try {
      if (exit != 0 || !Files.isRegularFile(pending)) {
        Files.deleteIfExists(pending);
        return;
      }
      String name = pending.getFileName().toString();
      Path archive = pending.resolveSibling(name.substring(0, name.indexOf(PENDING)));
      try {
        Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(pending, archive, StandardCopyOption.REPLACE_EXISTING);
      }
      List<Path> older = new ArrayList<>();
      try (DirectoryStream<Path> all =
          Files.newDirectoryStream(archive.getParent(), PREFIX + "*")) {
        for (Path p : all) {
          String other = p.getFileName().toString();
          if (other.endsWith(SUFFIX) && !p.equals(archive) || abandoned(other)) {
            older.add(p);
          }
        }
      }
      for (Path p : older) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(pending);
      } catch (IOException | RuntimeException ignored) {
        // a stray file in a cache folder
      }
    }
  }
}
