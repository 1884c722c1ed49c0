package org.touming.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** "Did you mean" for field names, enum values and headings. */
public final class Suggest {
  private Suggest() {}

  /**
   * The candidate closest to {@code input}, if close enough to be a likely typo. {@code titles}
   * maps a candidate to its human title, so that an author who typed the Chinese name of a field
   * (因公出国) is pointed at its key (overseas).
   */
  public static Optional<String> closest(
      String input, Collection<String> candidates, Map<String, String> titles) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d =
          distance(
              input.toLowerCase(java.util.Locale.ROOT),
              candidate.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    int allowed = Math.max(1, Math.min(3, input.length() / 3));
    if (best != null && bestDistance <= allowed) {
      return Optional.of(best);
    }
    for (String candidate : candidates) {
      String title = titles.getOrDefault(candidate, "");
      if (!title.isEmpty()
          && !input.isBlank()
          && (title.contains(input) || input.contains(stripDecoration(title)))) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static String stripDecoration(String title) {
    return title.replaceAll("[“”\"（）()]", "");
  }

  /** Levenshtein distance over code points. */
  public static int distance(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    int[] prev = new int[y.length + 1];
    int[] cur = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length; j++) {
        int cost = x[i - 1] == y[j - 1] ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length];
  }
}
