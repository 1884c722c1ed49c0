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
   * Calls {@code work} with every index from 0 to {@code count - 1}, on this thread and the common
   * pool's, and returns once every call has returned. After a call throws, no further index is
   * handed out; the first thrown is rethrown once the others have stopped.
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
    int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), count - 1);
    List<ForkJoinTask<?>> started = new ArrayList<>();
    for (int h = 0; h < helpers; h++) {
      started.add(ForkJoinPool.commonPool().submit(worker));
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
