package org.touming.content.yaml;

import java.util.HashMap;
import java.util.Map;
import org.touming.content.Mark;

/** Where each value of a YAML file was written, by JSON pointer ("/three-public/vehicles"). */
public final class SourceMap {
  private final Map<String, Mark> marks = new HashMap<>();

  void put(String pointer, Mark mark) {
    marks.put(pointer, mark);
  }

  /** The mark of the value at {@code pointer}, or of its nearest written ancestor. */
  public Mark mark(String pointer) {
    String p = pointer;
    while (true) {
      Mark m = marks.get(p);
      if (m != null) {
        return m;
      }
      if (p.isEmpty()) {
        return Mark.START;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }

  public boolean has(String pointer) {
    return marks.containsKey(pointer);
  }
}
