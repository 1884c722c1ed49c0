package org.touming.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.TreeSet;
import org.touming.publish.Progress;
import org.touming.publish.SiteBuild;

/**
 * {@code touming build --watch}: builds the site into its output, then watches the sources and
 * builds again after each edit, in this process. Each build is the one {@code touming build} runs,
 * with the same output byte for byte; staying in one process is what makes it fast, since every
 * disclosure, the last build's state and the parts made from unchanged disclosures are still in
 * memory ({@link SiteBuild#resident}), and only the files that changed on disk are read again.
 */
public final class WatchBuild implements AutoCloseable {
  private final Path root;
  private final Path output;
  private final boolean strict;
  private final SiteBuild build;
  private final Watcher watcher;
  private final PrintWriter out;
  private final Thread loop;
  private volatile boolean running = true;
  private volatile int builds;

  /** Watches {@code root}; nothing is built before {@link #start}. */
  public WatchBuild(Path root, Path output, boolean strict, SiteBuild build, PrintWriter out)
      throws IOException {
    this.root = root;
    this.output = output;
    this.strict = strict;
    this.build = build.resident();
    this.watcher = new Watcher(root);
    this.out = out;
    this.loop = new Thread(this::watch, "touming-watch");
    loop.setDaemon(true);
  }

  /** Builds once, reports it, and starts watching; returns that first build's result. */
  public SiteBuild.Result start() {
    SiteBuild.Result first = build.run(root, output, strict);
    builds++;
    build.progress(Progress.NONE); // a rebuild is over before a progress line would show
    loop.start();
    return first;
  }

  /** How many builds have finished and been reported, the first included (for tests). */
  int builds() {
    return builds;
  }

  private void watch() {
    while (running) {
      try {
        TreeSet<String> changed = watcher.next(500);
        if (!changed.isEmpty()) {
          long seen = watcher.firstEvent();
          SiteBuild.Result result = build.run(root, output, strict);
          report(result, seen);
          // Counted once reported: a reader of builds() finds the report in the log.
          builds++;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        synchronized (out) {
          out.println("touming build --watch: " + e.getMessage());
          out.flush();
        }
      }
    }
  }

  /**
   * Errors in full; warnings counted, so that a large site's known findings do not drown an edit.
   */
  private void report(SiteBuild.Result r, long seen) {
    long millis = (System.nanoTime() - seen) / 1_000_000;
    synchronized (out) {
      String found = Serve.printErrors(r.diagnostics().sorted(), out);
      if (!r.written()) {
        out.printf("未更新输出：内容有错误%s；改正后自动重建（%d ms）%n", found, millis);
      } else if (r.upToDate()) {
        out.printf("输出已是最新%s（%d ms）%n", found, millis);
      } else {
        out.printf(
            "已更新 %s：%d 个文件中 %d 个改动%s（改动后 %d ms）%n",
            r.output(), r.files(), r.files() - r.reused(), found, millis);
        out.println(r.stagesLine());
      }
      out.flush();
    }
  }

  /**
   * Stops watching, and waits until the last build's state is saved: the next {@code touming build}
   * finds it.
   */
  @Override
  public void close() throws IOException {
    running = false;
    loop.interrupt();
    try {
      loop.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    watcher.close();
    build.close();
  }
}
