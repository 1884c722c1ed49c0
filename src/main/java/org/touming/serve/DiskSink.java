package org.touming.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.touming.publish.Output;
import org.touming.publish.Sink;

/**
 * The served site, in a private temporary folder: a large site's output does not fit in memory
 * beside the content it is built from. Each file is written beside its place and moved in, so a
 * request never reads half a file.
 */
final class DiskSink implements Sink {
  private final Path dir;
  private final AtomicLong counter = new AtomicLong();

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
    Files.createDirectories(target.getParent());
    Path temp = target.resolveSibling(".writing-" + counter.incrementAndGet());
    Output.writeFile(temp, parts);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The file's bytes, or null when there is none (or the path leads out of the folder). */
  byte[] get(String path) {
    Path p = resolve(path);
    if (p == null || !Files.isRegularFile(p)) {
      return null;
    }
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      return null; // replaced or removed by a rebuild since the check: as if never there
    }
  }

  private Path resolve(String path) {
    Path p = dir.resolve(path).normalize();
    return p.startsWith(dir) && !p.equals(dir) ? p : null;
  }
}
