package org.touming.content.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact map of loaded trees behaves as a LinkedHashMap under random use. */
class FieldMapTest {
  @Test
  void randomOperationsMatchALinkedHashMap() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      Map<String, JsonNode> expected = new LinkedHashMap<>();
      Map<String, JsonNode> actual = new FieldMap(random.nextInt(4));
      for (int step = 0; step < 300; step++) {
        String key = "k" + random.nextInt(25);
        JsonNode value = IntNode.valueOf(random.nextInt(1000));
        switch (random.nextInt(6)) {
          case 0, 1 -> assertEquals(expected.put(key, value), actual.put(key, value));
          case 2 -> assertEquals(expected.remove(key), actual.remove(key));
          case 3 -> assertEquals(expected.get(key), actual.get(key));
          case 4 -> {
            Iterator<Map.Entry<String, JsonNode>> e = expected.entrySet().iterator();
            Iterator<Map.Entry<String, JsonNode>> a = actual.entrySet().iterator();
            while (e.hasNext()) {
              Map.Entry<String, JsonNode> x = e.next();
              Map.Entry<String, JsonNode> y = a.next();
              if (random.nextInt(4) == 0) {
                e.remove();
                a.remove();
              } else if (random.nextInt(4) == 0) {
                x.setValue(value);
                y.setValue(value);
              }
            }
          }
          default -> assertEquals(expected.containsKey(key), actual.containsKey(key));
        }
        assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(actual.entrySet()));
        assertEquals(expected, actual);
        assertEquals(expected.hashCode(), actual.hashCode());
      }
    }
  }

  @Test
  void keepsFileOrder() {
    Map<String, JsonNode> m = new FieldMap(1);
    for (String k : List.of("z", "a", "m", "b")) {
      m.put(k, IntNode.valueOf(1));
    }
    assertEquals(List.of("z", "a", "m", "b"), new ArrayList<>(m.keySet()));
  }
}
