package org.touming.cli;

import java.io.PrintStream;
import org.touming.publish.Progress;

/**
 * One line on the terminal, rewritten at most five times a second: stage, count and the time the
 * stage still needs at its pace so far. Used only when the output is a terminal and CI is not set,
 * so logs and redirected output stay clean.
 */
final class TerminalProgress implements Progress {
  private final PrintStream out;
  private String stage = "";
  private long stageStart;
  private long lastShown;
  private boolean shown;

  TerminalProgress(PrintStream out) {
    this.out = out;
  }

  static Progress forTerminal() {
    boolean terminal = System.console() != null && System.getenv("CI") == null;
    return terminal ? new TerminalProgress(System.err) : Progress.NONE;
  }

  @Override
  public synchronized void update(String stage, long done, long total) {
    long now = System.nanoTime();
    if (!stage.equals(this.stage)) {
      this.stage = stage;
      stageStart = now;
    }
    if (now - lastShown < 200_000_000L && (total <= 0 || done < total)) {
      return;
    }
    lastShown = now;
    String left = "";
    if (done > 0 && done < total) {
      long seconds = Math.round((now - stageStart) / 1e9 * (total - done) / done);
      left = " · 约剩 " + seconds + " 秒";
    }
    out.print("\r\033[K" + stage + " " + done + (total > 0 ? "/" + total : "") + left);
    out.flush();
    shown = true;
  }

  /** Clears the line before the build's own report is printed. */
  synchronized void finish() {
    if (shown) {
      out.print("\r\033[K");
      out.flush();
    }
  }
}
