package org.touming.serve;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.touming.publish.Sink;

/** The served site, held in memory: path → bytes. */
final class MemorySink implements Sink {
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();

  @Override
  public void write(String path, byte[] bytes) {
    files.put(path, bytes);
  }

  byte[] get(String path) {
    return files.get(path);
  }

  int size() {
    return files.size();
  }
}
