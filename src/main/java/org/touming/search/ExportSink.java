package org.touming.search;

import java.io.IOException;

/**
 * Where the search export's files go. Declared here, not taken from publish, so that search comes
 * before publish in the pipeline and not both ways; the build passes its own output.
 */
@FunctionalInterface
public interface ExportSink {
  void write(String path, byte[] bytes) throws IOException;
}
