package org.touming.content.yaml;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One String per distinct key and per distinct short value across all loaded files. A city's
 * disclosures repeat the same few hundred keys and the same short values (财政拨款, 正科级, 0) millions of
 * times; held once, 5,000 disclosures need about a fifth less memory. Bounded, so that a site of
 * unusual files cannot grow it without end.
 */
final class Canonical {
  private static final int LIMIT = 200_000;
  private static final int SHORT = 24;
  // Sized for its limit up front: resizing under many loading threads is what it would cost most.
  private static final Map<String, String> SEEN = new ConcurrentHashMap<>(2 * LIMIT);

  private Canonical() {}

  static String of(String s) {
    if (s == null) {
      return null;
    }
    String known = SEEN.get(s);
    if (known != null) {
      return known;
    }
    if (SEEN.size() >= LIMIT) {
      return s;
    }
    known = SEEN.putIfAbsent(s, s);
    return known == null ? s : known;
  }

  static String ofShort(String s) {
    return s == null || s.length() > SHORT ? s : of(s);
  }
}
