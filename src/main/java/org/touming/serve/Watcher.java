package org.touming.serve;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches the site's sources (site-config.yml, content/, layouts/, assets/, i18n/, themes/) and
 * reports which files changed, a burst of events at a time: editors save in several steps.
 */
final class Watcher implements AutoCloseable {
  private static final String[] FOLDERS = {"content", "layouts", "assets", "i18n", "themes"};
  private final Path root;
  private final WatchService service;
  private final Map<WatchKey, Path> keys = new HashMap<>();
  private long firstEvent;

  Watcher(Path root) throws IOException {
    this.root = root;
    this.service = FileSystems.getDefault().newWatchService();
    keys.put(
        root.register(
            service,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE),
        root);
    for (String folder : FOLDERS) {
      Path dir = root.resolve(folder);
      if (Files.isDirectory(dir)) {
        registerTree(dir);
      }
    }
  }

  private void registerTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path d :
          walk.filter(Files::isDirectory)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .toList()) {
        keys.put(
            d.register(
                service,
                StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE),
            d);
      }
    }
  }

  /** The files that changed, relative to the site; empty after {@code timeoutMillis} of quiet. */
  TreeSet<String> next(long timeoutMillis) throws InterruptedException, IOException {
    TreeSet<String> changed = new TreeSet<>();
    WatchKey key = service.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    firstEvent = System.nanoTime();
    while (key != null) {
      Path dir = keys.get(key);
      for (WatchEvent<?> event : key.pollEvents()) {
        if (dir == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
          changed.add("*");
          continue;
        }
        Path child = dir.resolve((Path) event.context());
        String rel = root.relativize(child).toString().replace('\\', '/');
        if (child.getFileName().toString().startsWith(".")
            || (dir.equals(root) && !rel.equals("site-config.yml") && !isWatchedFolder(rel))) {
          continue;
        }
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(child)) {
          registerTree(child);
          changed.add("*");
        } else if (isSource(rel)) {
          changed.add(rel);
        }
      }
      key.reset();
      key = service.poll(60, TimeUnit.MILLISECONDS); // gather the rest of the burst
    }
    return changed;
  }

  /**
   * When {@link #next} heard the first event of the burst it returned ({@link System#nanoTime}):
   * what a rebuild's time counts from, the time gathering the rest of the burst included.
   */
  long firstEvent() {
    return firstEvent;
  }

  /**
   * Whether a changed file can affect the site: editors and tools such as sed write temporary files
   * (sedXXXX, 4913, file~) next to the one they save, which must not trigger rebuilds.
   */
  static boolean isSource(String rel) {
    String name = rel.substring(rel.lastIndexOf('/') + 1);
    if (name.endsWith("~") || !name.contains(".")) {
      return false;
    }
    String ext = name.substring(name.lastIndexOf('.') + 1);
    return switch (ext) {
      case "yml",
              "yaml",
              "md",
              "ftlh",
              "ftl",
              "css",
              "js",
              "svg",
              "png",
              "jpg",
              "ico",
              "woff2",
              "txt" ->
          true;
      default -> false;
    };
  }

  private static boolean isWatchedFolder(String rel) {
    for (String f : FOLDERS) {
      if (rel.equals(f)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}
