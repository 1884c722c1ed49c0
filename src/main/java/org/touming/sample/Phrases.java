package org.touming.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The phrase lists in {@code phrases.txt}, by kind. */
final class Phrases {
  private final Map<String, List<String>> lists = new HashMap<>();

  Phrases() {
    try (var in = Phrases.class.getResourceAsStream("phrases.txt");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      List<String> current = null;
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (line.startsWith("[") && line.endsWith("]")) {
          current =
              lists.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
        } else if (current != null) {
          current.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> all(String kind) {
    return lists.getOrDefault(kind, List.of());
  }

  String pick(String kind, Random random) {
    List<String> l = all(kind);
    return l.get(random.nextInt(l.size()));
  }
}
