package org.touming.content;

import java.util.Comparator;

/**
 * One finding about the content, located in a file. {@code file} is relative to the site folder and
 * always uses forward slashes so that output is the same on every machine.
 */
public record Diagnostic(
    String file, int line, int column, Severity severity, String rule, String message)
    implements Comparable<Diagnostic> {

  private static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::file)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::rule)
          .thenComparing(Diagnostic::message);

  public String format() {
    return file
        + ":"
        + line
        + ":"
        + column
        + ": "
        + severity.label()
        + " ["
        + rule
        + "] "
        + message;
  }

  @Override
  public int compareTo(Diagnostic other) {
    return ORDER.compare(this, other);
  }
}
