package org.touming.publish;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One build at a time per output: a build plans from the state the last one saved and updates the
 * output where it stands, and two at once ({@code build --watch} running while someone runs {@code
 * touming build}) would each update it from a plan the other made stale. A second build waits for
 * the first. Held across processes by a file lock, and within one by a semaphore (a JVM holds a
 * file's lock once); not tied to a thread, so that a resident build's state can be saved after it
 * returns and release the lock then. Where the lock file cannot be made (a read-only site) the
 * build goes on without it.
 */
final class OutputLock implements AutoCloseable {
  private static final Map<Path, Semaphore> IN_THIS_JVM = new ConcurrentHashMap<>();
  private final Semaphore permit;
  private final FileChannel channel;
  private final FileLock lock;
  private final AtomicBoolean released = new AtomicBoolean();

  private OutputLock(Semaphore permit, FileChannel channel, FileLock lock) {
    this.permit = permit;
    this.channel = channel;
    this.lock = lock;
  }

  /** Waits until no other build holds {@code file}, then holds it. */
  static OutputLock take(Path file) {
    Path key = file.toAbsolutePath().normalize();
    Semaphore permit = IN_THIS_JVM.computeIfAbsent(key, k -> new Semaphore(1));
    permit.acquireUninterruptibly();
    FileChannel channel = null;
    try {
      Files.createDirectories(key.getParent());
      channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new OutputLock(permit, channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      return new OutputLock(permit, null, null);
    }
  }

  /** Lets the next build go; once, whoever calls it. */
  @Override
  public void close() {
    if (!released.compareAndSet(false, true)) {
      return;
    }
    try {
      if (lock != null) {
        lock.release();
      }
    } catch (IOException ignored) {
      // released with the channel
    } finally {
      closeQuietly(channel);
      permit.release();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the lock goes with the process at the latest
      }
    }
  }
}
