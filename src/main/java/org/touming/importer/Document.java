package org.touming.importer;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.touming.content.Kind;
import org.touming.content.Section;

/**
 * A source document read into the model's shape: its figures and tables as a YAML tree, its
 * narrative by section, what it says about who published it and when, and what could not be placed.
 */
public record Document(
    String title,
    Map<String, Object> figures,
    Map<Section, List<String>> narrative,
    Facts facts,
    List<Report.Unplaced> unplaced,
    String encoding) {

  public Document {
    EnumMap<Section, List<String>> copy = new EnumMap<>(Section.class);
    narrative.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    narrative = copy;
    unplaced = List.copyOf(unplaced);
  }

  /**
   * What the document states about itself. Any of these may be null when the document does not say
   * it; {@code names} are the organisation names it prints, for matching regions.
   */
  public record Facts(
      Integer year,
      Kind kind,
      String unitCode,
      String departmentName,
      String regionCode,
      List<String> names) {}
}
