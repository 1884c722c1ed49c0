package org.touming.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A fixed, seeded set of reader queries drawn from an index's own stored text: words as
 * SmartChineseAnalyzer cut them, phrases, substrings across word boundaries, digits with Chinese,
 * department and region names, several words, full-width and upper-case forms, and queries that
 * find nothing.
 */
final class Queries {
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");
  private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?[\\p{IsHan}]{1,3}");

  private Queries() {}

  static List<String> of(SearchIndex index, long seed, int perKind) {
    Random random = new Random(seed);
    Set<String> out = new LinkedHashSet<>();
    Analyzer analyzer = new SmartChineseAnalyzer();
    add(out, perKind * 3, () -> word(analyzer, text(index, random), random));
    add(out, perKind * 2, () -> han(text(index, random), random, 5, 12));
    add(out, perKind * 2, () -> han(text(index, random), random, 2, 6));
    add(out, perKind, () -> number(text(index, random), random));
    add(out, perKind, () -> names(index, random));
    add(
        out,
        perKind,
        () ->
            word(analyzer, text(index, random), random)
                + " "
                + word(analyzer, text(index, random), random));
    add(out, perKind / 2, () -> fullWidth(number(text(index, random), random)));
    add(out, perKind / 2, () -> "Budget " + word(analyzer, text(index, random), random));
    String[] nothing = {
      "鲸鱼潜艇", "xyzzy", "量子纠缠预算", "火星基地", "恐龙", "潜水艇经费", "zzq9", "麒麟瓢虫", "飞碟", "宇航"
    };
    for (int i = 0; i < perKind; i++) {
      out.add(nothing[i % nothing.length] + (i < nothing.length ? "" : " " + i));
    }
    out.add("");
    out.add("   ");
    out.add("，。！");
    return new ArrayList<>(out);
  }

  private interface Source {
    String next();
  }

  private static void add(Set<String> out, int count, Source source) {
    int target = out.size() + count;
    for (int tries = 0; out.size() < target && tries < count * 50; tries++) {
      String q = source.next();
      if (q != null && !q.isBlank()) {
        out.add(q);
      }
    }
  }

  private static String text(SearchIndex index, Random random) {
    var doc = index.stored(random.nextInt(index.size()));
    return doc.get(SearchIndex.TITLE) + " " + doc.get(SearchIndex.TEXT);
  }

  private static String word(Analyzer analyzer, String text, Random random) {
    List<String> words = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(SearchIndex.TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (term.length() >= 2) {
          words.add(term.toString());
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return words.isEmpty() ? null : words.get(random.nextInt(words.size()));
  }

  private static String han(String text, Random random, int min, int max) {
    List<String> runs = new ArrayList<>();
    Matcher m = HAN.matcher(text);
    while (m.find()) {
      if (m.group().length() >= min) {
        runs.add(m.group());
      }
    }
    if (runs.isEmpty()) {
      return null;
    }
    String run = runs.get(random.nextInt(runs.size()));
    int length = Math.min(run.length(), min + random.nextInt(max - min + 1));
    int at = random.nextInt(run.length() - length + 1);
    return run.substring(at, at + length);
  }

  private static String number(String text, Random random) {
    List<String> found = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found.isEmpty() ? null : found.get(random.nextInt(found.size()));
  }

  /** A department or region name: the title of a document without a year. */
  private static String names(SearchIndex index, Random random) {
    for (int tries = 0; tries < 200; tries++) {
      var doc = index.stored(random.nextInt(index.size()));
      if ("0".equals(doc.get("year"))) {
        return doc.get(SearchIndex.TITLE);
      }
    }
    return null;
  }

  private static String fullWidth(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(c -> sb.appendCodePoint(c >= '0' && c <= '9' ? c + 0xFEE0 : c));
    return sb.toString();
  }
}
