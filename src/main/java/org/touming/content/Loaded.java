package org.touming.content;

import com.fasterxml.jackson.databind.JsonNode;
import org.touming.content.yaml.Schema;
import org.touming.content.yaml.SourceMap;

/**
 * A value read from a file, with the validated tree it came from and where each of its values was
 * written: what a rule needs to point an author at a line.
 */
public record Loaded<T>(String file, T value, JsonNode tree, SourceMap sourceMap, Schema schema) {
  public Mark mark(String pointer) {
    return sourceMap.mark(pointer);
  }

  /**
   * The same value without its source map: once checked, nothing needs to know where each value was
   * written, and for large documents the map is the biggest part of what is kept.
   */
  public Loaded<T> withoutSourceMap() {
    return new Loaded<>(file, value, tree, new SourceMap(), schema);
  }
}
