package org.touming.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * A file's size, modification time and identity on disk when they were looked at, so that a process
 * that reads the file again later can tell it unchanged without reading it. As in Git's index, a
 * stamp taken within {@link #SETTLE_NANOS} of the file's modification time is not trusted: a second
 * write in the same tick of the file system's clock would leave the same time.
 */
public record FileStamp(long size, long modifiedNanos, Object fileKey, long takenNanos) {
  static final long SETTLE_NANOS = 2_000_000_000L;

  /** No file was named. */
  public static final FileStamp NONE = new FileStamp(-1, 0, null, Long.MAX_VALUE);

  /** A named file that was not there, or could not be looked at. */
  public static final FileStamp MISSING = new FileStamp(-2, 0, null, Long.MAX_VALUE);

  /** The stamp of {@code file} now; {@link #NONE} for null. */
  public static FileStamp of(Path file) {
    if (file == null) {
      return NONE;
    }
    long taken = System.currentTimeMillis() * 1_000_000L;
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        return MISSING;
      }
      return new FileStamp(
          a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.fileKey(), taken);
    } catch (IOException | RuntimeException e) {
      return MISSING;
    }
  }

  /**
   * Whether the file stamped {@code now} is the very file this stamp was taken of: same size, time
   * and identity. Enough for a file only Touming writes, and always by renaming a new file over it
   * (a new identity each time); a file others edit needs {@link #trusted}.
   */
  public boolean same(FileStamp now) {
    return now != null
        && fileKey != null
        && size == now.size
        && modifiedNanos == now.modifiedNanos
        && fileKey.equals(now.fileKey);
  }

  /**
   * Whether the file stamped {@code now} is, as far as its stamps tell, the file this stamp was
   * taken of: same size, time and identity, and this stamp taken long enough after the time.
   */
  public boolean trusted(FileStamp now) {
    if (now == null) {
      return false;
    }
    if (this.equals(NONE) || this.equals(MISSING)) {
      return this.equals(now);
    }
    return same(now) && takenNanos - modifiedNanos >= SETTLE_NANOS;
  }
}
