package org.touming.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {
  @Test
  void workOnFilesThrowsItsOwnIOException() {
    IOException thrown = new IOException("gone");
    IOException caught =
        assertThrows(
            IOException.class,
            () ->
                Parallel.forEachIndexOnFiles(
                    100,
                    i -> {
                      if (i == 37) {
                        throw thrown;
                      }
                    }));
    assertSame(thrown, caught);
    IOException cause = new IOException("walk");
    assertSame(
        cause,
        assertThrows(
            IOException.class,
            () ->
                Parallel.forEachIndexOnFiles(
                    3,
                    i -> {
                      throw new UncheckedIOException(cause);
                    })));
  }

  @Test
  void everyIndexIsHandedOutOnce() {
    for (int count : new int[] {0, 1, 2, 7, 1000}) {
      AtomicIntegerArray seen = new AtomicIntegerArray(count);
      Parallel.forEachIndex(count, seen::incrementAndGet);
      for (int i = 0; i < count; i++) {
        assertEquals(1, seen.get(i), "index " + i + " of " + count);
      }
    }
  }

  @Test
  void anItemThatWaitsForAllTheOthersDoesNotHoldThemUp() throws Exception {
    // Cut into fixed pieces, the items in the first one's piece would wait behind it; handed out
    // one at a time, the other thread takes every other item while the first one waits.
    int count = 41;
    CountDownLatch others = new CountDownLatch(count - 1);
    AtomicBoolean waitedInVain = new AtomicBoolean();
    Parallel.forEachIndex(
        count,
        i -> {
          if (i == 0) {
            try {
              waitedInVain.set(!others.await(20, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          } else {
            others.countDown();
          }
        });
    assertFalse(waitedInVain.get(), "the other items waited behind the first");
  }

  @Test
  void workStartedInAPoolOfItsOwnStaysInThatPool() throws Exception {
    // serve indexes an edit on a one-thread pool so that the next edit's pages have the others.
    ForkJoinPool own = new ForkJoinPool(1);
    try {
      Set<String> threads = ConcurrentHashMap.newKeySet();
      own.submit(
              () ->
                  Parallel.forEachIndex(
                      50,
                      i -> {
                        threads.add(Thread.currentThread().getName());
                        sleep(1);
                      }))
          .get(20, TimeUnit.SECONDS);
      assertEquals(1, threads.size(), threads.toString());
      assertFalse(threads.iterator().next().contains("commonPool"), threads.toString());
    } finally {
      own.shutdown();
    }
  }

  @Test
  void aFailureStopsHandingOutAndIsRethrownOnceAllHaveStopped() {
    IllegalStateException thrown = new IllegalStateException("item 3");
    AtomicInteger running = new AtomicInteger();
    AtomicInteger after = new AtomicInteger();
    IllegalStateException caught =
        assertThrows(
            IllegalStateException.class,
            () ->
                Parallel.forEachIndex(
                    10_000,
                    i -> {
                      running.incrementAndGet();
                      try {
                        if (i == 3) {
                          throw thrown;
                        }
                        sleep(1);
                        if (i > 3) {
                          after.incrementAndGet();
                        }
                      } finally {
                        running.decrementAndGet();
                      }
                    }));
    assertEquals(0, running.get(), "a call still running when the failure was rethrown");
    assertTrue(after.get() < 100, after.get() + " items after the failure");
    assertSame(thrown, caught);
  }

  @Test
  void anErrorOnAHelperThreadIsRethrownAsItselfNotAsTheTasksException() throws Exception {
    // A task that threw had the pool record the exception, which allocates: out of memory, that
    // failed too and the task was never marked done, so the caller waited for it for good. Tasks
    // now end normally and hand the error over themselves; the pool's copy would be a new error
    // made by reflection with the original as its cause.
    ForkJoinPool own = new ForkJoinPool(2);
    try {
      AssertionError thrown = new AssertionError("on a helper");
      Throwable caught =
          own.submit(
                  () -> {
                    Thread caller = Thread.currentThread();
                    try {
                      Parallel.forEachIndex(
                          1000,
                          i -> {
                            if (Thread.currentThread() != caller) {
                              throw thrown;
                            }
                            sleep(1);
                          });
                      return null;
                    } catch (AssertionError e) {
                      return e;
                    }
                  })
              .get(20, TimeUnit.SECONDS);
      assertSame(thrown, caught);
    } finally {
      own.shutdown();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
