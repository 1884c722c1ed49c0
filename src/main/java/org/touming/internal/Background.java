package org.touming.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Work on a thread of its own, beside the build, which {@link #join} waits for. A {@code
 * CompletableFuture} records what its work threw in objects it allocates then; when that allocation
 * ran out of memory as well, the future was never completed and its caller waited for good. Here
 * the thread keeps what was thrown in a field and counts down, neither of which allocates.
 */
public final class Background {
  private static final Background DONE = new Background();

  private final CountDownLatch done = new CountDownLatch(1);
  private final AtomicReference<Throwable> thrown = new AtomicReference<>();

  static {
    DONE.done.countDown();
  }

  private Background() {}

  /** Starts {@code work} on a daemon thread named {@code name}. */
  public static Background start(String name, Runnable work) {
    Background b = new Background();
    Thread t =
        new Thread(
            () -> {
              try {
                work.run();
              } catch (Throwable e) {
                b.thrown.set(e);
              } finally {
                b.done.countDown();
              }
            },
            name);
    t.setDaemon(true);
    t.start();
    return b;
  }

  /** Work there was no need to start. */
  public static Background none() {
    return DONE;
  }

  /** Waits for the work to end, and rethrows what it threw. */
  public void join() {
    await(done);
    Parallel.rethrow(thrown.get());
  }

  /**
   * Waits for the latch to reach zero. An interrupt cannot call back work already started; it is
   * kept for the caller to see.
   */
  static void await(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
