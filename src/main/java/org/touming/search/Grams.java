package org.touming.search;

import java.util.ArrayList;
import java.util.BitSet;
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
    return isHan(c) ? Kind.HAN : Kind.OTHER;
  }

  // Every character of every document passes through here; the script lookup is a binary search.
  private static final BitSet HAN_BMP = hanBmp();

  private static BitSet hanBmp() {
    BitSet han = new BitSet(0x10000);
    for (int c = 0; c < 0x10000; c++) {
      if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
        han.set(c);
      }
    }
    return han;
  }

  private static boolean isHan(int c) {
    return c < 0x10000
        ? HAN_BMP.get(c)
        : Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
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

  /**
   * The terms of the bigram field for a text: what {@link #runs} and {@link #grams} give for each
   * run that is not {@code OTHER}, in one pass without a string per character (run by run, it was
   * about a tenth of serve's search after an edit).
   */
  static String[] of(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder alnum = new StringBuilder();
    char[] pair = new char[4];
    int previous = -1; // the last character of the current Han run
    boolean lone = false; // whether that run has one character so far
    for (int i = 0; i < text.length(); ) {
      int raw = text.codePointAt(i);
      i += Character.charCount(raw);
      int c = fold(raw);
      Kind k = kind(c);
      if (k != Kind.HAN && previous >= 0) {
        if (lone) {
          out.add(new String(Character.toChars(previous)));
        }
        previous = -1;
      }
      if (k != Kind.ALNUM && alnum.length() > 0) {
        out.add(alnum.toString());
        alnum.setLength(0);
      }
      if (k == Kind.ALNUM) {
        alnum.appendCodePoint(c);
      } else if (k == Kind.HAN) {
        if (previous >= 0) {
          int n = Character.toChars(previous, pair, 0);
          n += Character.toChars(c, pair, n);
          out.add(new String(pair, 0, n));
        }
        lone = previous < 0;
        previous = c;
      }
    }
    if (previous >= 0 && lone) {
      out.add(new String(Character.toChars(previous)));
    }
    if (alnum.length() > 0) {
      out.add(alnum.toString());
    }
    return out.toArray(String[]::new);
  }
}
