package org.touming.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
    AtomicBoolean failed = new AtomicBoolean();
    Runnable worker =
        () -> {
          for (int i; !failed.get() && (i = next.getAndIncrement()) < count; ) {
            try {
              work.accept(i);
            } catch (RuntimeException | Error e) {
              failed.set(true);
              throw e;
            }
          }
        };
    ForkJoinPool pool = pool();
    int helpers = Math.min(helpers(pool), count - 1);
    List<ForkJoinTask<?>> started = new ArrayList<>();
    for (int h = 0; h < helpers; h++) {
      started.add(pool.submit(worker));
    }
    Throwable first = null;
    try {
      worker.run();
    } catch (RuntimeException | Error e) {
      first = e;
    }
    for (ForkJoinTask<?> task : started) {
      try {
        task.join();
      } catch (RuntimeException | Error e) {
        first = first == null ? e : first;
      }
    }
    if (first instanceof RuntimeException r) {
      throw r;
    } else if (first instanceof Error e) {
      throw e;
    }
  }
}
