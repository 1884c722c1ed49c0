package org.touming.content;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The Markdown parts of a disclosure, by section. */
public record Narrative(Map<Section, String> sections) {
  public static final Narrative EMPTY = new Narrative(Map.of());

  public Narrative {
    EnumMap<Section, String> copy = new EnumMap<>(Section.class);
    copy.putAll(sections);
    sections = Collections.unmodifiableMap(copy);
  }

  public Optional<String> get(Section section) {
    return Optional.ofNullable(sections.get(section));
  }
}
