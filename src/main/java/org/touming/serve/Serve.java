package org.touming.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.touming.content.Diagnostic;
import org.touming.content.Severity;

/**
 * {@code touming serve}: builds the site into a temporary folder, serves it on loopback, watches
 * the sources, rebuilds what an edit affects and reloads the open browser; build errors show in the
 * page and in the terminal.
 */
public final class Serve implements AutoCloseable {
  private final Preview preview;
  private final PreviewServer server;
  private final Watcher watcher;
  private final PrintWriter out;
  private final Thread loop;
  private volatile boolean running = true;

  public Serve(Path root, int port, PrintWriter out) throws IOException {
    this.preview = new Preview(root);
    PreviewServer listening = null;
    try {
      listening = new PreviewServer(preview, port);
      this.watcher = new Watcher(root);
    } catch (IOException | RuntimeException e) {
      // Nothing is left behind: not the port, not the temporary folder already made.
      if (listening != null) {
        listening.stop();
      }
      preview.close();
      throw e;
    }
    this.server = listening;
    this.out = out;
    preview.onSearched(
        (millis, sinceEdit) -> {
          synchronized (out) {
            out.printf("搜索索引：%d ms（改动后 %d ms 可搜）%n", millis, sinceEdit);
            out.flush();
          }
        });
    this.loop = new Thread(this::watch, "touming-watch");
    loop.setDaemon(true);
  }

  public int port() {
    return server.port();
  }

  public long version() {
    return preview.version();
  }

  /** Waits until the search index of the last edit is written (for tests). */
  void settle() throws Exception {
    preview.settle();
  }

  /** Every file the preview serves, by path (for tests). */
  Map<String, byte[]> files() throws IOException {
    return preview.files();
  }

  public void start() {
    report(preview.rebuildAll());
    server.start();
    out.println("预览：http://127.0.0.1:" + port() + "/ （仅本机可访问；Ctrl+C 退出）");
    out.flush();
    loop.start();
  }

  private void watch() {
    while (running) {
      try {
        TreeSet<String> changed = watcher.next(500);
        if (!changed.isEmpty()) {
          report(changed.contains("*") ? preview.rebuildAll() : preview.changed(changed));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (IOException | RuntimeException e) {
        out.println("touming serve: " + e.getMessage());
        out.flush();
      }
    }
  }

  /**
   * Errors in full; warnings counted, so that a large site's known findings do not drown an edit.
   */
  private void report(Preview.Outcome o) {
    String warnings = printErrors(o.diagnostics(), out);
    out.printf(
        "%s：%d ms%s%s%n",
        o.incremental() ? "增量重建" : "完整构建", o.millis(), warnings, o.broken() ? "；有错误，浏览器中显示错误" : "");
    out.flush();
  }

  /**
   * Prints the errors in full and returns what to say of the warnings ("，N 个警告…", or nothing):
   * after an edit, a large site's known findings would drown the one the edit made.
   */
  static String printErrors(List<Diagnostic> diagnostics, PrintWriter out) {
    long warnings = 0;
    for (Diagnostic d : diagnostics) {
      if (d.severity() == Severity.ERROR) {
        out.println(d.format());
      } else {
        warnings++;
      }
    }
    return warnings > 0 ? "，" + warnings + " 个警告（touming check 列出）" : "";
  }

  /** {@link #close} for a shutdown hook, where nothing can be reported. */
  public void closeQuietly() {
    try {
      close();
    } catch (IOException | RuntimeException e) {
      // Shutting down: the temporary folder is left to the system's cleanup.
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    loop.interrupt();
    server.stop();
    watcher.close();
    preview.close();
  }
}
