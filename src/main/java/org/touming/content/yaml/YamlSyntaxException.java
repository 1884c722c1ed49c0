package org.touming.content.yaml;

import org.touming.content.Mark;

/** Malformed YAML, located. */
public final class YamlSyntaxException extends Exception {
  private final Mark mark;

  public YamlSyntaxException(Mark mark, String message) {
    super(message);
    this.mark = mark;
  }

  public Mark mark() {
    return mark;
  }
}
