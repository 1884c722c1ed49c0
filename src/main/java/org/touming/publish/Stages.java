package org.touming.publish;

import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time spent per build stage, so a build can say where its time went. Thread-safe. */
public final class Stages {
  private final Map<String, Long> nanos = new LinkedHashMap<>();

  /** Work that may throw, timed under a stage name. */
  public interface Work<T, E extends Exception> {
    T run() throws E;
  }

  public <T, E extends Exception> T time(String stage, Work<T, E> work) throws E {
    long start = System.nanoTime();
    try {
      return work.run();
    } finally {
      add(stage, System.nanoTime() - start);
    }
  }

  public synchronized void add(String stage, long elapsed) {
    nanos.merge(stage, elapsed, Long::sum);
  }

  /** Milliseconds per stage, in the order stages first ran. */
  public synchronized Map<String, Long> millis() {
    Map<String, Long> out = new LinkedHashMap<>();
    nanos.forEach((k, v) -> out.put(k, v / 1_000_000));
    return out;
  }
}
