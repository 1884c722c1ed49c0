package org.touming.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.touming.publish.Output;
import org.touming.publish.Sink;

/**
 * The served site, in a private temporary folder: a large site's output does not fit in memory
 * beside the content it is built from. Each file is written beside its place and moved in, so a
 * request never reads half a file. A file written in parts (a site table) is the exception: it
 * stays in memory as those parts, which are the rows the writer keeps between rebuilds anyway;
 * writing a city's 170 MB of tables to disk again was half of every rebuild after an edit.
 */
final class DiskSink implements Sink {
  private final Path dir;
  private final AtomicLong counter = new AtomicLong();
  private final Map<Path, List<byte[]>> held = new ConcurrentHashMap<>();
  // The checksums the search export gave the files it wrote, for the next export to keep them, by
  // their paths as the writer names them: a city's export asks after some 40,000 files per edit.
  private final Map<String, String> hashes = new ConcurrentHashMap<>();

  DiskSink(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir).toRealPath();
  }

  Path dir() {
    return dir;
  }

  @Override
  public void write(String path, List<byte[]> parts) throws IOException {
    Path target = resolve(path);
    if (target == null) {
      throw new IOException("不在预览目录中的路径：" + path);
    }
    hashes.remove(name(target));
    if (parts.size() > 1) {
      held.put(target, List.copyOf(parts));
      Files.deleteIfExists(target);
      return;
    }
    Files.createDirectories(target.getParent());
    Path temp = target.resolveSibling(".writing-" + counter.incrementAndGet());
    Output.writeFile(temp, parts);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    held.remove(target);
  }

  @Override
  public void write(String path, byte[] bytes, String sha256) throws IOException {
    write(path, List.of(bytes));
    if (plain(path)) {
      hashes.put(path, sha256);
    }
  }

  /**
   * A file written earlier with this checksum is still here: the search export need not write it.
   */
  @Override
  public boolean keep(String path, String sha256) {
    // Nothing but this sink writes into its private folder, and every write of a path forgets its
    // checksum; so a recorded one is the file's.
    return sha256.equals(hashes.get(path));
  }

  /**
   * Whether the path is the file's own name in the folder ({@link #name}), spelled no other way.
   */
  private static boolean plain(String path) {
    return !path.isEmpty()
        && !path.startsWith("/")
        && !path.contains("\\")
        && !path.contains("//")
        && !("/" + path + "/").contains("/./")
        && !("/" + path + "/").contains("/../");
  }

  /** The file's parts, or null when there is none (or the path leads out of the folder). */
  List<byte[]> get(String path) {
    Path p = resolve(path);
    if (p == null) {
      return null;
    }
    List<byte[]> parts = held.get(p);
    if (parts != null) {
      return parts;
    }
    if (!Files.isRegularFile(p)) {
      return null;
    }
    try {
      return List.of(Files.readAllBytes(p));
    } catch (IOException e) {
      return null; // replaced or removed by a rebuild since the check: as if never there
    }
  }

  /** Every file by its path in the site, each joined into one array (for tests). */
  Map<String, byte[]> files() throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(name(p), Files.readAllBytes(p));
      }
    }
    held.forEach((p, parts) -> files.put(name(p), join(parts)));
    return files;
  }

  private String name(Path p) {
    return dir.relativize(p).toString().replace('\\', '/');
  }

  static byte[] join(List<byte[]> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    byte[] all = new byte[parts.stream().mapToInt(b -> b.length).sum()];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  private Path resolve(String path) {
    Path p = dir.resolve(path).normalize();
    return p.startsWith(dir) && !p.equals(dir) ? p : null;
  }
}
