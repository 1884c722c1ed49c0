package org.touming.importer;

import java.util.Map;
import java.util.Optional;
import org.touming.content.Section;

/**
 * Recognises the headings of both disclosure templates by their words, not their position, so that
 * sections in another order, or missing, are read all the same.
 */
final class Headings {
  enum Kind {
    SECTION,
    GLOSSARY,
    /** A heading that only introduces what follows (第一部分, 绩效预算信息, a table's lead-in). */
    MARKER
  }

  record Heading(Kind kind, Section section) {}

  private static final Map<String, Heading> EXTRA =
      Map.ofEntries(
          Map.entry("部门职责及机构设置情况", new Heading(Kind.SECTION, Section.DUTIES)),
          Map.entry("部门职责及机构设置", new Heading(Kind.SECTION, Section.DUTIES)),
          Map.entry("部门预算安排总体情况", new Heading(Kind.SECTION, Section.OVERVIEW)),
          Map.entry("部门决算安排的总体情况", new Heading(Kind.SECTION, Section.OVERVIEW)),
          Map.entry("机关运行经费支出情况", new Heading(Kind.SECTION, Section.OPERATING_COSTS)),
          Map.entry("绩效预算信息", new Heading(Kind.SECTION, Section.PERFORMANCE_OVERALL)),
          Map.entry("预算绩效信息", new Heading(Kind.SECTION, Section.PERFORMANCE_OVERALL)),
          Map.entry("部门职责及工作活动绩效目标指标", new Heading(Kind.MARKER, Section.PERFORMANCE_DUTIES)),
          Map.entry("政府采购情况", new Heading(Kind.SECTION, Section.PROCUREMENT)),
          Map.entry("政府采购支出情况", new Heading(Kind.SECTION, Section.PROCUREMENT)),
          Map.entry("国有资产占用情况", new Heading(Kind.SECTION, Section.ASSETS)),
          Map.entry("名词解释", new Heading(Kind.GLOSSARY, null)),
          Map.entry("第一部分", new Heading(Kind.MARKER, null)),
          Map.entry("第二部分", new Heading(Kind.MARKER, null)),
          Map.entry("第三部分", new Heading(Kind.MARKER, null)));

  private Headings() {}

  static Optional<Heading> of(String line) {
    String text = line.strip();
    if (text.isEmpty() || text.length() > 40 || text.endsWith("。")) {
      return Optional.empty();
    }
    String key = normalize(text);
    Heading extra = EXTRA.get(key);
    if (extra != null) {
      return Optional.of(extra);
    }
    if (key.contains("三公")
        && key.contains("经费")
        && key.length() <= 30
        && !key.matches(".*[0-9].*")) {
      return Optional.of(new Heading(Kind.SECTION, Section.THREE_PUBLIC));
    }
    return Section.byHeading(key).map(s -> new Heading(Kind.SECTION, s));
  }

  /** Drops numbering (一、 1、 （一） 1.), a trailing colon, quotes and spaces. */
  static String normalize(String text) {
    return text.strip()
        .replaceAll("^(第[一二三四五六七八九十]+部分)\\s*$", "$1")
        .replaceAll("^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[、.．])", "")
        .replaceAll("[：:]$", "")
        .replaceAll("[\\s“”\"‘’'　]", "");
  }
}
