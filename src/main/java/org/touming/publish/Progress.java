package org.touming.publish;

/**
 * Where a long build reports how far it is: a stage, the items done and the items in it. The
 * command line shows it on a terminal only ({@code cli.TerminalProgress}); everything else gets
 * {@link #NONE}. Called from several threads.
 */
public interface Progress {
  Progress NONE = (stage, done, total) -> {};

  void update(String stage, long done, long total);
}
