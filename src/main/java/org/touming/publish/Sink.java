package org.touming.publish;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.List;
import org.touming.internal.Sha256;

/** Where built files go: a staging folder for {@code build}, a preview folder for {@code serve}. */
public interface Sink {
  /**
   * A file made of parts, in order. A site table runs to 150 MB: it is written from its rows'
   * parts, never joined into one array.
   */
  void write(String path, List<byte[]> parts) throws IOException;

  default void write(String path, byte[] bytes) throws IOException {
    write(path, List.of(bytes));
  }

  /**
   * A file whose SHA-256 the caller already knows ({@link org.touming.internal.FileDigests}): a
   * sink that keeps checksums takes it rather than hashing the bytes again.
   */
  default void write(String path, byte[] bytes, String sha256) throws IOException {
    write(path, bytes);
  }

  /**
   * Takes the previous output's file at {@code path} as this build's, when that output has one with
   * this SHA-256 that is still as that build left it; false when this sink cannot (the caller then
   * writes the file).
   */
  default boolean keep(String path, String sha256) throws IOException {
    return false;
  }

  /**
   * A sink that keeps each file's checksum: it digests what it is given without one, on the thread
   * that made the file, so that the manifest need not read the file back.
   */
  interface Hashed extends Sink {
    void write(String path, List<byte[]> parts, String sha256) throws IOException;

    @Override
    default void write(String path, List<byte[]> parts) throws IOException {
      MessageDigest digest = Sha256.digest();
      parts.forEach(digest::update);
      write(path, parts, Sha256.hex(digest));
    }

    @Override
    default void write(String path, byte[] bytes, String sha256) throws IOException {
      write(path, List.of(bytes), sha256);
    }
  }
}
