package org.touming.content;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The narrative parts of a disclosure, in document order. In the Markdown file each part is a
 * level-2 heading with one of these titles; text before the first heading is the preface.
 */
public enum Section {
  PREFACE("preface", "前言"),
  DUTIES("duties", "部门职责"),
  ORGANIZATION("organization", "机构设置"),
  OVERVIEW("overview", "预算安排总体情况", "部门预算安排的总体情况", "部门决算总体情况"),
  INCOME("income", "收入说明"),
  EXPENDITURE("expenditure", "支出说明"),
  CHANGE("change", "比上年增减情况", "比上年增减变化情况"),
  OPERATING_COSTS("operating-costs", "机关运行经费", "机关运行经费安排情况"),
  THREE_PUBLIC("three-public", "三公经费", "财政拨款三公经费预算情况及增减变化原因"),
  PERFORMANCE_OVERALL("performance-overall", "总体绩效目标", "部门整体绩效目标"),
  PERFORMANCE_DUTIES("performance-duties", "职责分类绩效目标", "分项绩效目标"),
  PERFORMANCE_MEASURES("performance-measures", "工作保障措施"),
  PERFORMANCE_PROJECTS("performance-projects", "项目绩效目标", "资金绩效目标"),
  PROCUREMENT("procurement", "政府采购", "政府采购预算情况"),
  ASSETS("assets", "国有资产", "国有资产信息"),
  OTHER("other", "其他需要说明的事项", "其它需要说明的事项", "其他需要说明的情况");

  private final String key;
  private final String title;
  private final List<String> aliases;

  Section(String key, String title, String... aliases) {
    this.key = key;
    this.title = title;
    this.aliases = List.of(aliases);
  }

  public String key() {
    return key;
  }

  public String title() {
    return title;
  }

  private static final Pattern NUMBERING = Pattern.compile("^[一二三四五六七八九十]+、|^[0-9]+[、.．]");
  private static final Pattern IGNORED = Pattern.compile("[\\s“”\"‘’'　]");
  // Every title and alias, normalized, in declaration order: the first section to claim one wins.
  private static final Map<String, Section> HEADINGS = new HashMap<>();

  static {
    for (Section s : values()) {
      if (s != PREFACE) {
        HEADINGS.putIfAbsent(normalize(s.title), s);
        s.aliases.forEach(a -> HEADINGS.putIfAbsent(normalize(a), s));
      }
    }
  }

  /** Finds a section by its heading, ignoring quotes, spaces and the Word numbering (一、). */
  public static Optional<Section> byHeading(String heading) {
    return Optional.ofNullable(HEADINGS.get(normalize(heading)));
  }

  static String normalize(String heading) {
    return IGNORED.matcher(NUMBERING.matcher(heading).replaceAll("")).replaceAll("");
  }
}
