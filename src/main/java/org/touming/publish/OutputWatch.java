package org.touming.publish;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.touming.internal.Background;

/**
 * Which files of its output a build that runs again in the same process must look at on disk: the
 * file system reports every file created, changed or deleted in the output's folders, so the others
 * are still as the last build left them. Looking at each of a city's 70,000 files took 230 to 270
 * ms of one core, a quarter of the CPU of a build after an edit.
 *
 * <p>The folders are watched from after a build; the build after that still looks at every file,
 * and only the ones after it trust the events. Before each build, a file written into the state
 * folder, watched by the same service, marks the end of what happened before: its event comes after
 * every earlier one, so every change made before the build is counted once it is seen. A folder
 * deleted or renamed, an output folder replaced, lost events, or a service that only polls make the
 * next build look at every file again, and the folders are watched afresh.
 */
final class OutputWatch implements AutoCloseable {
  private static final long BARRIER_MILLIS = 2_000;
  private static final WatchEvent.Kind<?>[] KINDS = {
    StandardWatchEventKinds.ENTRY_CREATE,
    StandardWatchEventKinds.ENTRY_MODIFY,
    StandardWatchEventKinds.ENTRY_DELETE
  };

  /** The files a build must look at: all of them, or those named. */
  record Changes(boolean all, Set<String> paths) {
    static final Changes ALL = new Changes(true, Set.of());

    boolean mayHaveChanged(String path) {
      return all || paths.contains(path);
    }
  }

  // The folders watched, and what they hold; replaced whole when the watch starts again.
  private record Watched(
      WatchService service,
      Path target,
      Object targetKey,
      Path barrierFolder,
      WatchKey barrierKey,
      Map<WatchKey, String> folders,
      Set<String> folderPaths) {}

  private Watched watched;
  private Background starting = Background.none();
  private volatile Watched started;
  private volatile boolean disabled;
  private final Set<String> changed = new HashSet<>();
  private boolean unknown = true;

  /** The files of {@code target} that may have changed since the last build {@link #finished}. */
  synchronized Changes since(Path target) {
    Watched w = awaitStart();
    if (w == null || !w.target().equals(target)) {
      return Changes.ALL;
    }
    try {
      if (!w.targetKey().equals(key(target)) || !drain(w)) {
        stop();
        return Changes.ALL;
      }
    } catch (IOException | RuntimeException e) {
      stop();
      return Changes.ALL;
    }
    return unknown ? Changes.ALL : new Changes(false, Set.copyOf(changed));
  }

  /**
   * Notes that a build into {@code target} finished, having looked at the files {@code looked}
   * named; {@code replaced} when it put a new folder in the output's place. The next builds trust
   * the events from here on.
   */
  synchronized void finished(Path target, Path stateFolder, Changes looked, boolean replaced) {
    Watched w = awaitStart();
    if (w != null && w.target().equals(target) && !replaced) {
      // Nothing was taken from the events since the build began.
      if (looked.all()) {
        unknown = false;
        changed.clear();
      } else {
        changed.removeAll(looked.paths());
      }
      return;
    }
    stop();
    if (!disabled) {
      // Watching 7,000 folders takes a moment: while the next edit is awaited.
      starting =
          Background.start("touming-output-watch", () -> started = start(target, stateFolder));
    }
  }

  /** The folders watched, once a start begun after the last build has finished. */
  private Watched awaitStart() {
    Background s = starting;
    starting = Background.none();
    if (s != Background.none()) {
      try {
        s.join();
        watched = started;
      } catch (RuntimeException e) {
        watched = null;
      }
      started = null;
      unknown = true;
      changed.clear();
    }
    return watched;
  }

  /** Watches every folder of {@code target}; null where the file system cannot tell. */
  private Watched start(Path target, Path stateFolder) {
    WatchService service = null;
    try {
      service = FileSystems.getDefault().newWatchService();
      if (service.getClass().getName().contains("Polling")) {
        // Events seconds late: each build would wait for its mark, then look at every file anyway.
        service.close();
        disabled = true;
        return null;
      }
      Files.createDirectories(stateFolder);
      Map<WatchKey, String> folders = new HashMap<>();
      Set<String> folderPaths = new HashSet<>();
      Object targetKey = key(target);
      registerTree(service, target, target, folders, folderPaths, null);
      WatchKey barrierKey = stateFolder.register(service, StandardWatchEventKinds.ENTRY_CREATE);
      return new Watched(service, target, targetKey, stateFolder, barrierKey, folders, folderPaths);
    } catch (IOException | RuntimeException e) {
      // Too many folders for the system's limit, or no events at all: look at every file.
      closeQuietly(service);
      return null;
    }
  }

  /**
   * Watches {@code folder} and every folder below it, each before listing it, so that a file made
   * there meanwhile is either listed or reported; adds the files listed to {@code files} when
   * given.
   */
  private static void registerTree(
      WatchService service,
      Path target,
      Path folder,
      Map<WatchKey, String> folders,
      Set<String> folderPaths,
      Set<String> files)
      throws IOException {
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            String rel = relative(target, dir);
            folders.put(dir.register(service, KINDS), rel);
            folderPaths.add(rel);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (files != null) {
              files.add(relative(target, file));
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * Takes every event up to a mark made now into {@link #changed}; false when the events cannot
   * tell (lost, a folder gone, no mark seen in time).
   */
  private boolean drain(Watched w) throws IOException {
    Path mark = Files.createTempFile(w.barrierFolder(), ".output-watch-", "");
    try {
      String name = mark.getFileName().toString();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BARRIER_MILLIS);
      boolean seen = false;
      while (!seen) {
        long left = deadline - System.nanoTime();
        WatchKey key = left <= 0 ? null : w.service().poll(left, TimeUnit.NANOSECONDS);
        if (key == null) {
          return false;
        }
        Boolean took = take(w, key, name);
        if (took == null) {
          return false;
        }
        seen = took;
      }
      // Keys handed back while the mark was awaited may queue behind it.
      for (WatchKey key = w.service().poll(); key != null; key = w.service().poll()) {
        if (take(w, key, name) == null) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      Files.deleteIfExists(mark);
    }
  }

  /** The events of one key: whether the mark was among them; null when they cannot tell. */
  private Boolean take(Watched w, WatchKey key, String mark) throws IOException {
    boolean seen = false;
    boolean known = true;
    String folder = w.folders().get(key);
    for (WatchEvent<?> event : key.pollEvents()) {
      if (key == w.barrierKey()) {
        seen |= event.context() != null && event.context().toString().equals(mark);
        continue;
      }
      if (folder == null || event.kind() == StandardWatchEventKinds.OVERFLOW) {
        known = false;
        continue;
      }
      String rel = folder.isEmpty() ? event.context().toString() : folder + "/" + event.context();
      Path path = w.target().resolve(rel);
      if (w.folderPaths().contains(rel)) {
        known = false; // a watched folder deleted, renamed or made again
      } else if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
          && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        registerTree(w.service(), w.target(), path, w.folders(), w.folderPaths(), changed);
      } else {
        changed.add(rel);
      }
    }
    if (!key.reset()) {
      known = false;
    }
    return known ? seen : null;
  }

  private static String relative(Path target, Path p) {
    return target.relativize(p).toString().replace('\\', '/');
  }

  private static Object key(Path target) throws IOException {
    Object key =
        Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
            .fileKey();
    if (key == null) {
      throw new IOException("no file key: " + target);
    }
    return key;
  }

  private void stop() {
    awaitStart();
    if (watched != null) {
      closeQuietly(watched.service());
      watched = null;
    }
    unknown = true;
    changed.clear();
  }

  private static void closeQuietly(WatchService service) {
    if (service == null) {
      return;
    }
    try {
      service.close();
    } catch (IOException e) {
      // Nothing more is read from it.
    }
  }

  /** Stops watching for good: the builds after look at every file. */
  @Override
  public synchronized void close() {
    disabled = true;
    stop();
  }
}
