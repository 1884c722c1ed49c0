package org.touming.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.touming.content.yaml.SourceMap;

class LoadedTest {
  private static Loaded<Disclosure> loaded(String file) {
    JsonNode tree = JsonNodeFactory.instance.objectNode().put("title", file);
    return new Loaded<>(file, null, tree, new SourceMap(), null);
  }

  @Test
  void releasingTheCatalogsTreesReachesEveryCopyOfEachLoadedFile() {
    Loaded<Disclosure> a = loaded("a.yml");
    Loaded<Disclosure> b = loaded("b.yml");
    // The catalog holds the copies made without a source map; the checker held the originals.
    Loaded<Disclosure> kept = a.withoutSourceMap();
    Catalog catalog = new Catalog(null, List.of(kept, b), Map.of(), Map.of(), Map.of());
    assertEquals("a.yml", a.tree().get("title").asText());
    assertSame(a.tree(), kept.tree());

    catalog.releaseTrees();

    for (Loaded<Disclosure> l : List.of(a, kept, b)) {
      IllegalStateException e = assertThrows(IllegalStateException.class, l::tree);
      assertEquals("the tree was let go before its last reader", e.getMessage());
    }
    assertEquals("b.yml", b.file());
  }

  @Test
  void aTreeNobodyReleasedStaysReadable() {
    Loaded<Disclosure> a = loaded("a.yml");
    new Catalog(null, List.of(loaded("other.yml")), Map.of(), Map.of(), Map.of()).releaseTrees();
    assertEquals("a.yml", a.tree().get("title").asText());
  }
}
