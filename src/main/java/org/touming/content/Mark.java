package org.touming.content;

/** A position in a source file: 1-based line and column. */
public record Mark(int line, int column) {
  public static final Mark START = new Mark(1, 1);
}
