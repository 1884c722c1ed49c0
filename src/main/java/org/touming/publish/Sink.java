package org.touming.publish;

import java.io.IOException;

/** Where built files go: a staging folder on disk for {@code build}, memory for {@code serve}. */
public interface Sink {
  void write(String path, byte[] bytes) throws IOException;
}
