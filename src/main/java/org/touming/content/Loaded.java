package org.touming.content;

import com.fasterxml.jackson.databind.JsonNode;
import org.touming.content.yaml.Schema;
import org.touming.content.yaml.SourceMap;

/**
 * A value read from a file, with the validated tree it came from and where each of its values was
 * written: what a rule needs to point an author at a line.
 */
public record Loaded<T>(String file, T value, Tree held, SourceMap sourceMap, Schema schema) {
  public Loaded(String file, T value, JsonNode tree, SourceMap sourceMap, Schema schema) {
    this(file, value, new Tree(tree), sourceMap, schema);
  }

  /** The validated tree; throws once a build has let it go ({@link Catalog#releaseTrees}). */
  public JsonNode tree() {
    return held.get();
  }

  public Mark mark(String pointer) {
    return sourceMap.mark(pointer);
  }

  /**
   * The same value without its source map: once checked, nothing needs to know where each value was
   * written, and for large documents the map is the biggest part of what is kept. A value that has
   * none already is returned as it is: a build that runs again keeps its identity, by which the
   * parts made from it are known.
   */
  public Loaded<T> withoutSourceMap() {
    return sourceMap.isEmpty() ? this : new Loaded<>(file, value, held, new SourceMap(), schema);
  }

  /**
   * The tree, which a one-off build lets go before its last stage: the search index reads only the
   * bound values, and a city's trees are a third of what the build holds while it runs.
   */
  public static final class Tree {
    private volatile JsonNode node;

    Tree(JsonNode node) {
      this.node = node;
    }

    JsonNode get() {
      JsonNode n = node;
      if (n == null) {
        throw new IllegalStateException("the tree was let go before its last reader");
      }
      return n;
    }

    void release() {
      node = null;
    }
  }
}
