package org.touming.search;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rule for the bigram field, kept small enough that the browser applies it identically
 * (assets/search.js, {@code runs} and {@code grams}): full-width Latin and digits fold to ASCII,
 * ASCII letters to lower case; a run of Han characters gives its overlapping pairs (a lone
 * character gives itself); a run of ASCII letters and digits gives itself; anything else separates.
 */
public final class Grams {
  enum Kind {
    HAN,
    ALNUM,
    OTHER
  }

  /** A maximal run of one kind, as code points already folded. */
  record Run(Kind kind, List<String> chars) {
    String text() {
      return String.join("", chars);
    }
  }

  private Grams() {}

  static int fold(int c) {
    if ((c >= 0xFF10 && c <= 0xFF19)
        || (c >= 0xFF21 && c <= 0xFF3A)
        || (c >= 0xFF41 && c <= 0xFF5A)) {
      c -= 0xFEE0;
    }
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
  }

  static Kind kind(int c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      return Kind.ALNUM;
    }
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? Kind.HAN : Kind.OTHER;
  }

  static List<Run> runs(String text) {
    List<Run> runs = new ArrayList<>();
    Kind current = Kind.OTHER;
    List<String> chars = new ArrayList<>();
    for (int i = 0; i < text.length(); ) {
      int c = fold(text.codePointAt(i));
      i += Character.charCount(text.codePointAt(i));
      Kind k = kind(c);
      if (k != current && !chars.isEmpty()) {
        runs.add(new Run(current, chars));
        chars = new ArrayList<>();
      }
      current = k;
      if (k != Kind.OTHER) {
        chars.add(new String(Character.toChars(c)));
      }
    }
    if (!chars.isEmpty()) {
      runs.add(new Run(current, chars));
    }
    return runs;
  }

  static void grams(Run run, Consumer<String> out) {
    List<String> c = run.chars();
    if (run.kind() == Kind.ALNUM || c.size() == 1) {
      out.accept(run.text());
      return;
    }
    for (int i = 0; i + 1 < c.size(); i++) {
      out.accept(c.get(i) + c.get(i + 1));
    }
  }

  /** The terms of the bigram field for a text. */
  static String[] of(String text) {
    List<String> out = new ArrayList<>();
    for (Run run : runs(text)) {
      if (run.kind() != Kind.OTHER) {
        grams(run, out::add);
      }
    }
    return out.toArray(String[]::new);
  }
}
