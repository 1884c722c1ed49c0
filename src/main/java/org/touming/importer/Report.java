package org.touming.importer;

import java.util.ArrayList;
import java.util.List;

/** What an import could not place, by source line: nothing is dropped silently. */
public final class Report {
  /** A source line (1-based) and why it could not be placed. */
  public record Unplaced(int line, String text, String why) {}

  private final List<Unplaced> unplaced = new ArrayList<>();

  void unplaced(int line, String text, String why) {
    unplaced.add(new Unplaced(line, text, why));
  }

  List<Unplaced> unplaced() {
    return List.copyOf(unplaced);
  }
}
