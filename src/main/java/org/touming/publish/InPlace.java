package org.touming.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.touming.internal.AtomicFile;
import org.touming.internal.Folders;

/**
 * Updates the previous output where it stands, for a build after an edit: a file made with the
 * bytes the previous output already has at its path is left alone, and only the others are written,
 * into a hidden folder beside the output. Swapping in a whole new folder meant linking a city's
 * 70,000 unchanged files into it and making its 6,000 folders, seconds for an edit of one page.
 *
 * <p>Nothing in the output changes until {@link #commit}: a build that fails before it leaves the
 * output as it was. The commit first writes a journal of every file to move in and to delete, and
 * then applies it; a build stopped while applying is finished by the next one ({@link #recover})
 * before it looks at the output. The manifest is moved in last.
 */
final class InPlace implements Sink.Hashed {
  private static final String UPDATE = ".update-";
  private static final String JOURNAL = ".journal";
  private final Path target;
  private final Path staging;
  private final Map<String, String> before;
  private final Predicate<String> intact;
  private final Map<String, String> hashes = new ConcurrentHashMap<>();
  private final Set<String> staged = ConcurrentHashMap.newKeySet();
  private final Set<Path> folders = ConcurrentHashMap.newKeySet();

  private InPlace(Path target, Path staging, Map<String, String> before, Predicate<String> intact) {
    this.target = target;
    this.staging = staging;
    this.before = before;
    this.intact = intact;
  }

  /**
   * Starts an update of {@code target}, whose files have the checksums {@code before} where {@code
   * intact} says they are still as the build that noted them left them.
   */
  static InPlace begin(Path target, Map<String, String> before, Predicate<String> intact)
      throws IOException {
    Path staging =
        Files.createTempDirectory(
            target.toAbsolutePath().getParent(), "." + target.getFileName() + UPDATE);
    return new InPlace(target, staging, before, intact);
  }

  @Override
  public void write(String path, List<byte[]> parts, String sha256) throws IOException {
    if (keep(path, sha256)) {
      return;
    }
    Path p = staging.resolve(path).normalize();
    if (!p.startsWith(staging) || p.equals(staging)) {
      throw new IOException("不在输出目录中的路径：" + path);
    }
    if (folders.add(p.getParent())) {
      Folders.createBelow(staging, p.getParent());
    }
    Output.writeFile(p, parts);
    staged.add(path);
    hashes.put(path, sha256);
  }

  @Override
  public boolean keep(String path, String sha256) {
    if (!sha256.equals(before.get(path)) || !intact.test(path)) {
      return false;
    }
    hashes.put(path, sha256);
    return true;
  }

  /** The checksum of every file this build made, written or left as it was, by path. */
  Map<String, String> hashes() {
    return hashes;
  }

  /** The files this build wrote (moved into the output by the commit), the manifest included. */
  Set<String> staged() {
    return staged;
  }

  /**
   * Puts the update in place: the output then holds exactly the files {@code manifest} lists and
   * the manifest; every other file of {@code previous} is deleted. Where nothing was staged and
   * {@code manifest} is {@code before} (the output's) unchanged, nothing is touched. Returns every
   * file of the output, the manifest included.
   */
  Set<String> commit(ManifestText manifest, ManifestText before, Set<String> previous)
      throws IOException {
    Map<String, String> all = manifest.hashes();
    if (staged.isEmpty()
        && previous.stream().allMatch(p -> all.containsKey(p) || p.equals(Output.MANIFEST))
        && (manifest.unchangedFrom(before) || sameManifest(manifest))) {
      // Every file made again with its bytes, the manifest too: nothing to move.
      abort();
      return manifest.files();
    }
    Files.write(staging.resolve(Output.MANIFEST), manifest.bytes());
    staged.add(Output.MANIFEST);
    StringBuilder journal = new StringBuilder();
    for (String path : new TreeSet<>(staged)) {
      if (!path.equals(Output.MANIFEST)) {
        journal.append("move ").append(path).append('\n');
      }
    }
    previous.stream()
        .filter(path -> !all.containsKey(path) && !path.equals(Output.MANIFEST))
        .sorted()
        .forEach(path -> journal.append("delete ").append(path).append('\n'));
    journal.append("move ").append(Output.MANIFEST).append('\n');
    AtomicFile.write(staging.resolve(JOURNAL), journal.toString().getBytes(StandardCharsets.UTF_8));
    apply(target, staging);
    return manifest.files();
  }

  private boolean sameManifest(ManifestText manifest) throws IOException {
    Path file = target.resolve(Output.MANIFEST);
    byte[] bytes = manifest.bytes();
    return Files.isRegularFile(file)
        && Files.size(file) == bytes.length
        && Arrays.equals(Files.readAllBytes(file), bytes);
  }

  /** Leaves the output as it was and deletes what this update wrote. */
  void abort() {
    Folders.deleteQuietly(staging);
  }

  /**
   * Finishes every update of {@code target} whose journal was written, and deletes those stopped
   * before it; run before a build reads the output.
   */
  static void recover(Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(parent)) {
      return;
    }
    String prefix = "." + target.getFileName() + UPDATE;
    List<Path> updates;
    try (Stream<Path> s = Files.list(parent)) {
      updates = s.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    }
    for (Path update : updates) {
      if (Files.isRegularFile(update.resolve(JOURNAL))) {
        apply(target, update);
      } else {
        Folders.deleteQuietly(update);
      }
    }
  }

  /** Applies a journal; again after a stop, it moves what is left and deletes what is there. */
  private static void apply(Path target, Path staging) throws IOException {
    List<String> lines = Files.readAllLines(staging.resolve(JOURNAL), StandardCharsets.UTF_8);
    List<String> deleted = new ArrayList<>();
    Set<Path> made = new HashSet<>();
    for (String line : lines) {
      if (line.startsWith("move ")) {
        String path = line.substring(5);
        Path from = staging.resolve(path);
        if (!Files.exists(from)) {
          continue; // moved in before the stop
        }
        Path to = target.resolve(path);
        if (made.add(to.getParent())) {
          Files.createDirectories(to.getParent());
        }
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else if (line.startsWith("delete ")) {
        String path = line.substring(7);
        Files.deleteIfExists(target.resolve(path));
        deleted.add(path);
      }
    }
    for (String path : deleted) {
      removeEmptyFolders(target, target.resolve(path).getParent());
    }
    Files.delete(staging.resolve(JOURNAL));
    Folders.delete(staging);
  }

  /** Removes {@code folder} and its parents below {@code target} while they are empty. */
  private static void removeEmptyFolders(Path target, Path folder) throws IOException {
    for (Path f = folder;
        f != null && f.startsWith(target) && !f.equals(target);
        f = f.getParent()) {
      try {
        Files.delete(f);
      } catch (DirectoryNotEmptyException | NoSuchFileException e) {
        return;
      }
    }
  }
}
