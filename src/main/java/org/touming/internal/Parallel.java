package org.touming.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Work spread over every core one item at a time. A parallel stream cuts its items into four pieces
 * per thread of the common pool before it starts, and the common pool of a two-core machine has one
 * thread: four pieces of 125 disclosures each, so the last piece to finish ran alone for a quarter
 * of a second at the end of loading and again at the end of the pages of the 500-disclosure sample,
 * with the other core idle. Here each thread takes the next item when it is done with one, and the
 * threads end within one item of each other.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * The pool work started here spreads over, as a parallel stream's would: the one this thread
   * works for, or the common pool. serve indexes an edit in a one-thread pool of its own, so that
   * the next edit's pages have the other cores.
   */
  public static ForkJoinPool pool() {
    return ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool() : ForkJoinPool.commonPool();
  }

  /** How many of the pool's threads join this one: all of them, or the others when it is one. */
  public static int helpers(ForkJoinPool pool) {
    return ForkJoinTask.inForkJoinPool() ? pool.getParallelism() - 1 : pool.getParallelism();
  }

  /**
   * Calls {@code work} with every index from 0 to {@code count - 1}, on this thread and the threads
   * of {@link #pool()}, and returns once every call has returned. After a call throws, no further
   * index is handed out; the first thrown is rethrown once the others have stopped.
   */
  public static void forEachIndex(int count, IntConsumer work) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> first = new AtomicReference<>();
    Runnable items =
        () -> {
          for (int i; first.get() == null && (i = next.getAndIncrement()) < count; ) {
            try {
              work.accept(i);
            } catch (Throwable e) {
              first.compareAndSet(null, e);
            }
          }
        };
    ForkJoinPool pool = pool();
    int helpers = Math.max(0, Math.min(helpers(pool), count - 1));
    CountDownLatch helped = new CountDownLatch(helpers);
    List<Helper> asked = new ArrayList<>(helpers);
    try {
      for (int h = 0; h < helpers; h++) {
        Helper helper = new Helper(items, helped);
        asked.add(helper);
        pool.submit(helper);
      }
    } finally {
      items.run();
      for (Helper helper : asked) {
        helper.claimUnstarted();
      }
      for (int h = asked.size(); h < helpers; h++) {
        helped.countDown();
      }
      Background.await(helped);
    }
    rethrow(first.get());
  }

  /** Work on one index that reads or writes files. */
  @FunctionalInterface
  public interface FileWork {
    void accept(int index) throws IOException;
  }

  /**
   * {@link #forEachIndex} for work on files: the first {@link IOException} thrown (or {@link
   * UncheckedIOException}'s cause) is rethrown as it was.
   */
  public static void forEachIndexOnFiles(int count, FileWork work) throws IOException {
    try {
      forEachIndex(
          count,
          i -> {
            try {
              work.accept(i);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Takes items beside the caller, if it starts before the caller has finished. The caller waits
   * for helpers that started, never for the pool's own record of a task: out of memory, a worker of
   * the common pool died and the task the build joined was never marked done, so the build waited
   * with no CPU used, for good. {@code bench/out-of-memory} hung so in 7 of 48 builds when the
   * caller joined the pool's tasks, and in none of 80 since; tasks that only caught what they threw
   * still hung in 3 of about 260 builds of the same sample. A helper that has not started when the
   * items run out is done without running; one that started counts down in a {@code finally}, which
   * allocates nothing.
   */
  private static final class Helper implements Runnable {
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final Runnable items;
    private final CountDownLatch helped;

    Helper(Runnable items, CountDownLatch helped) {
      this.items = items;
      this.helped = helped;
    }

    @Override
    public void run() {
      if (claimed.compareAndSet(false, true)) {
        try {
          items.run();
        } finally {
          helped.countDown();
        }
      }
    }

    void claimUnstarted() {
      if (claimed.compareAndSet(false, true)) {
        helped.countDown();
      }
    }
  }

  /** Throws {@code e} as it is, if there is one: unchecked, or wrapped when checked. */
  static void rethrow(Throwable e) {
    if (e instanceof RuntimeException r) {
      throw r;
    } else if (e instanceof Error err) {
      throw err;
    } else if (e != null) {
      // Only a sneaky rethrow gets a checked exception here: still the caller's to see.
      throw new UndeclaredThrowableException(e);
    }
  }
}
