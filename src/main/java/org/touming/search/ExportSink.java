package org.touming.search;

import java.io.IOException;

/**
 * Where the search export's files go. Declared here, not taken from publish, so that search comes
 * before publish in the pipeline and not both ways; the build passes its own output.
 */
@FunctionalInterface
public interface ExportSink {
  void write(String path, byte[] bytes) throws IOException;

  /** A file whose SHA-256 the export has already made (it keeps them for the next build). */
  default void write(String path, byte[] bytes, String sha256) throws IOException {
    write(path, bytes);
  }

  /**
   * Takes the previous output's file at {@code path} as this build's, when that output has one with
   * this SHA-256 and it is still as that build left it; false when it cannot (the caller then
   * writes the file).
   */
  default boolean keep(String path, String sha256) throws IOException {
    return false;
  }
}
