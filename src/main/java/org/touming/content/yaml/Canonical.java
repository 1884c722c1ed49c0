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
  // What each loading thread met last, by hash: a file repeats its keys and short values hundreds
  // of times, and a look-up in a few KB that stay in the core's cache costs much less than one in
  // the shared table of megabytes (that look-up was a sixth of loading a disclosure).
  private static final int RECENT = 1 << 12;
  private static final ThreadLocal<String[]> RECENTLY_SEEN =
      ThreadLocal.withInitial(() -> new String[RECENT]);

  private Canonical() {}

  static String of(String s) {
    if (s == null) {
      return null;
    }
    String[] recent = RECENTLY_SEEN.get();
    int h = s.hashCode();
    int slot = (h ^ (h >>> 16)) & (RECENT - 1);
    String met = recent[slot];
    if (met != null && met.equals(s)) {
      return met;
    }
    String known = shared(s);
    recent[slot] = known;
    return known;
  }

  private static String shared(String s) {
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
