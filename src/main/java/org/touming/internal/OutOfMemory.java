package org.touming.internal;

/**
 * Whether a failure is the heap running out. Parallel streams can hand the JVM's shared
 * OutOfMemoryError to several threads, and the attempt to add it to itself as a suppressed error
 * then surfaces as an IllegalArgumentException ("Self-suppression not permitted") caused by it.
 */
public final class OutOfMemory {
  private OutOfMemory() {}

  public static boolean causes(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /** What to tell a user: the heap limit and how to raise it. */
  public static String advice(String command) {
    return "内存不足（Java 堆上限 "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " MB）；请给 Java 更多内存重试，例如 java -Xmx8g -jar touming.jar "
        + command;
  }
}
