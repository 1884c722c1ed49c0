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
 * Until the first edit it rehearses ({@link #REHEARSALS}), so that the first edits are not the ones
 * to wait for the state to be read back and the code of a rebuild to be compiled.
 */
public final class WatchBuild implements AutoCloseable {
  /**
   * Rehearsals ({@link SiteBuild#rehearse}) after the first build, until an edit comes. On the
   * 5,000-disclosure sample the first eight rebuilds took 8.6, then 1.5 to 3.2 s while the JIT
   * compiled a rebuild's code, the later ones 0.7 to 1.1 s.
   */
  static final int REHEARSALS = 8;

  private final Path root;
  private final Path output;
  private final boolean strict;
  private final SiteBuild build;
  private final Rehearsal rehearsal;
  private final Watcher watcher;
  private final PrintWriter out;
  private final Thread loop;
  private final int rehearsals;
  private volatile boolean running = true;
  private volatile int builds;
  // Written by the watch loop alone; read by tests.
  private volatile int rehearsalsLeft;

  /** Watches {@code root}; nothing is built before {@link #start}. */
  public WatchBuild(Path root, Path output, boolean strict, SiteBuild build, PrintWriter out)
      throws IOException {
    this(root, output, strict, build, out, REHEARSALS);
  }

  WatchBuild(
      Path root, Path output, boolean strict, SiteBuild build, PrintWriter out, int rehearsals)
      throws IOException {
    this(root, output, strict, build, out, rehearsals, null);
  }

  /** One rehearsal of a build; a test's may fail where a real one seldom does. */
  interface Rehearsal {
    SiteBuild.Result run(Path root, Path output, boolean strict);
  }

  /** As above, rehearsing with {@code rehearsal} instead of the build's own (when not null). */
  WatchBuild(
      Path root,
      Path output,
      boolean strict,
      SiteBuild build,
      PrintWriter out,
      int rehearsals,
      Rehearsal rehearsal)
      throws IOException {
    this.rehearsals = rehearsals;
    this.rehearsalsLeft = rehearsals;
    this.root = root;
    this.output = output;
    this.strict = strict;
    this.build = build.resident();
    this.rehearsal = rehearsal != null ? rehearsal : this.build::rehearse;
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

  /** Whether the rehearsals are over, run to the end or cut short by an edit (for tests). */
  boolean rehearsed() {
    return rehearsalsLeft == 0;
  }

  private void watch() {
    long started = System.nanoTime();
    // When the last rehearsal began, while an edit heard next may have waited for it.
    long rehearsal = 0;
    while (running) {
      try {
        TreeSet<String> changed = watcher.next(rehearsalsLeft > 0 || rehearsal != 0 ? 0 : 500);
        if (!changed.isEmpty()) {
          // The edit came during the rehearsal, or after: its time counts from the rehearsal's
          // start.
          long seen = rehearsal != 0 ? rehearsal : watcher.firstEvent();
          rehearsalsLeft = 0;
          rehearsal = 0;
          SiteBuild.Result result = build.run(root, output, strict);
          report(result, seen);
          // Counted once reported: a reader of builds() finds the report in the log.
          builds++;
        } else if (rehearsalsLeft > 0) {
          rehearsal = System.nanoTime();
          boolean built = rehearse();
          if (built && rehearsalsLeft == 1) {
            reportRehearsed(started);
          }
          // Lowered once reported: a test that sees the rehearsals over finds the report.
          rehearsalsLeft = built ? rehearsalsLeft - 1 : 0;
        } else {
          rehearsal = 0;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        say("touming build --watch: " + e.getMessage());
      }
    }
  }

  /**
   * One rehearsal; false when there is nothing to rehearse: content with errors is built again only
   * once edited. A rehearsal that fails ends the rehearsals, and says so as a rehearsal's: it wrote
   * nothing, and the next edit is built as usual.
   */
  private boolean rehearse() {
    try {
      return rehearsal.run(root, output, strict).written();
    } catch (RuntimeException e) {
      say("touming build --watch: 演练重建失败，输出未改动；此后照常在修改后重建：" + e.getMessage());
      return false;
    }
  }

  private void reportRehearsed(long started) {
    say(
        String.format(
            "已预热：在内存中演练重建 %d 次，输出未改动（%d ms）；此后每次修改只重建受影响的部分",
            rehearsals, (System.nanoTime() - started) / 1_000_000));
  }

  /** One line of the watch's own, not torn by another thread's. */
  private void say(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
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
