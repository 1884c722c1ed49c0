package org.touming.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.NIOFSDirectory;
import org.touming.internal.Parallel;

/**
 * Cuts and indexes the documents batch by batch on every core, each batch into an index of its own
 * (a folder {@code part-N}), for {@link SearchIndex} to join in batch order: an IndexWriter fed
 * from one thread was half of a build after an edit, once the words came from {@link WordStore}.
 * The batches are fixed runs of documents in the given order, so the parts, and the index joined
 * from them, are the same whichever thread made which.
 */
final class IndexParts {
  private final Iterator<SearchPage> pages;
  private final Analysis analysis;
  private final IntConsumer progress;
  private final Consumer<SearchPage> indexed;
  private final BooleanSupplier stop;
  private final Path folder;
  private final int size;
  private final PartStore store;

  // Guarded by this: the documents are read, and handed to `indexed`, one batch at a time.
  private final TreeMap<Integer, Path> parts = new TreeMap<>();
  private int batches;
  private int running;
  private int done;
  private boolean exhausted;
  private SearchPage pending;
  private volatile Throwable failure;

  IndexParts(
      Iterator<SearchPage> pages,
      Analysis analysis,
      IntConsumer progress,
      Consumer<SearchPage> indexed,
      BooleanSupplier stop,
      Path folder,
      int size,
      PartStore store) {
    this.pages = pages;
    this.analysis = analysis;
    this.progress = progress;
    this.indexed = indexed;
    this.stop = stop;
    this.folder = folder;
    this.size = size;
    this.store = store;
  }

  /** Every batch's index folder, in batch order. */
  List<Path> run() throws IOException {
    ForkJoinPool pool = Parallel.pool();
    int helpers = Parallel.helpers(pool);
    for (int i = 0; i < helpers; i++) {
      pool.execute(this::work);
    }
    work();
    synchronized (this) {
      while (running > 0 || (!exhausted && failure == null)) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CancellationException();
        }
      }
      if (failure instanceof IOException io) {
        throw io;
      }
      if (failure instanceof RuntimeException r) {
        throw r;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return new ArrayList<>(parts.values());
    }
  }

  private void work() {
    while (true) {
      List<SearchPage> batch;
      int number;
      synchronized (this) {
        if (exhausted || failure != null) {
          return;
        }
        try {
          batch = next();
          batch.forEach(indexed);
        } catch (Throwable t) { // handed to the thread that waits in run()
          fail(t);
          return;
        }
        if (batch.isEmpty()) {
          exhausted = true;
          notifyAll();
          return;
        }
        number = batches++;
        running++;
      }
      try {
        Path part = index(batch, number);
        synchronized (this) {
          parts.put(number, part);
          done += documents(batch);
          progress.accept(done);
        }
      } catch (Throwable t) {
        synchronized (this) {
          fail(t);
        }
      } finally {
        batch.forEach(SearchPage::release);
        synchronized (this) {
          running--;
          notifyAll();
        }
      }
    }
  }

  private void fail(Throwable t) {
    if (failure == null) {
      failure = t;
    }
    notifyAll();
  }

  /**
   * The next batch: whole pages, ending where a page whose address hashes to a multiple of 8 begins
   * once the batch holds a quarter of {@code size} documents, or at the first page boundary past
   * {@code size}. Where batches end depends on the pages, not on counts from the start, so an edit
   * that adds or removes documents changes its own batch and not every batch after it. Pages
   * without documents are left out.
   */
  private List<SearchPage> next() {
    List<SearchPage> batch = new ArrayList<>();
    int documents = 0;
    while (pending != null || pages.hasNext()) {
      SearchIndex.stopIf(stop);
      SearchPage p = pending != null ? pending : pages.next();
      pending = null;
      int count = p.count();
      if (count == 0) {
        p.release();
        continue;
      }
      if (!batch.isEmpty()) {
        boolean cut =
            Math.floorMod(p.url().hashCode(), 8) == 0 && documents >= Math.max(1, size / 4);
        if (cut || documents >= size) {
          pending = p;
          return batch;
        }
      }
      batch.add(p);
      documents += count;
    }
    return batch;
  }

  private static int documents(List<SearchPage> batch) {
    return batch.stream().mapToInt(SearchPage::count).sum();
  }

  private Path index(List<SearchPage> batch, int number) throws IOException {
    String key = null;
    if (store != null) {
      key = store.key(batch);
      Path kept = store.rehearses(batch) ? null : store.find(key);
      if (kept != null) {
        return kept;
      }
    }
    analysis.trim();
    Path part = store != null ? store.fresh() : folder.resolve("part-" + number);
    try (NIOFSDirectory dir = new NIOFSDirectory(part);
        IndexWriter writer = new IndexWriter(dir, SearchIndex.config(64))) {
      for (int i = 0; i < batch.size(); i++) {
        SearchPage p = batch.get(i);
        for (SearchDocument d : p.hold()) {
          if (failure != null) {
            throw new CancellationException();
          }
          SearchIndex.stopIf(stop);
          writer.addDocument(SearchIndex.document(d, analysis.terms(d), i));
        }
        p.release();
      }
    }
    return store != null ? store.keep(part, key) : part;
  }
}
