package org.touming.publish;

import java.io.IOException;
import java.util.List;

/** Where built files go: a staging folder for {@code build}, a preview folder for {@code serve}. */
public interface Sink {
  void write(String path, byte[] bytes) throws IOException;

  /**
   * A file made of parts, in order. A site table runs to 150 MB: sinks that write to disk stream
   * the parts instead of joining them into one array.
   */
  default void write(String path, List<byte[]> parts) throws IOException {
    long size = 0;
    for (byte[] part : parts) {
      size += part.length;
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new IOException(path + " 超过 2 GB，无法在内存中合成");
    }
    byte[] all = new byte[(int) size];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    write(path, all);
  }
}
