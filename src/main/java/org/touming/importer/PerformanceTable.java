package org.touming.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.touming.importer.Blocks.Row;
import org.touming.importer.Blocks.Table;

/**
 * 部门职责-工作活动绩效目标: responsibility rows (一、…), activity rows indented with full-width spaces (　　1、…),
 * and rows with an empty first cell that add an indicator to the row above. Columns: 职责活动, 年度预算数,
 * 内容描述, 绩效目标, 绩效指标, 优, 良, 中, 差.
 */
final class PerformanceTable {
  private static final Pattern RESPONSIBILITY =
      Pattern.compile("^([一二三四五六七八九十百]+)[、.．]\\s*(.+)$", Pattern.DOTALL);
  private static final Pattern ACTIVITY =
      Pattern.compile("^[\\s　]*([0-9]+)[、.．]\\s*(.+)$", Pattern.DOTALL);
  private static final String[] STANDARDS = {"excellent", "good", "fair", "poor"};

  private PerformanceTable() {}

  static Map<String, Object> read(Table table, String caption, Report report) {
    TableReading t =
        new TableReading(
            table,
            caption,
            r -> r.joined().contains("职责活动") || r.joined().matches(".*\\|优\\|良\\|中\\|差\\|.*"),
            true);
    List<Map<String, Object>> responsibilities = new ArrayList<>();
    Map<String, Object> responsibility = null;
    Map<String, Object> target = null;
    for (Row row : t.data) {
      String first = row.cells().get(0).text();
      Matcher r = RESPONSIBILITY.matcher(first.strip());
      Matcher a = ACTIVITY.matcher(first);
      if (r.matches() && !first.startsWith("　")) {
        responsibility = item(r.group(1), r.group(2), row, report);
        responsibility.put("activities", new ArrayList<Map<String, Object>>());
        responsibilities.add(responsibility);
        target = responsibility;
      } else if (a.matches() || (!first.isBlank() && first.startsWith("　"))) {
        if (responsibility == null) {
          responsibility = new LinkedHashMap<>();
          responsibility.put("name", "");
          responsibility.put("activities", new ArrayList<Map<String, Object>>());
          responsibilities.add(responsibility);
        }
        target =
            a.matches()
                ? item(a.group(1), a.group(2), row, report)
                : item(null, first.strip(), row, report);
        activities(responsibility).add(target);
      } else if (!first.isBlank()) {
        responsibility = item(null, first.strip(), row, report);
        responsibility.put("activities", new ArrayList<Map<String, Object>>());
        responsibilities.add(responsibility);
        target = responsibility;
      } else if (target == null) {
        report.unplaced(row.line(), row.joined(), "绩效表中此行之前没有职责或活动");
        continue;
      } else {
        appendText(target, "description", row.cell(2));
        appendText(target, "goal", row.cell(3));
        if (!row.cell(1).isEmpty() && target.get("budget") == null) {
          target.put("budget", Numbers.amount(row, 1, report));
        }
      }
      Map<String, Object> owner = target;
      indicator(row).ifPresent(ind -> indicators(owner).add(ind));
    }
    for (Map<String, Object> item : responsibilities) {
      if (activities(item).isEmpty()) {
        item.remove("activities");
      }
    }
    t.out.put("responsibilities", responsibilities);
    return t.out;
  }

  private static Map<String, Object> item(String no, String name, Row row, Report report) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (no != null) {
      m.put("no", no);
    }
    m.put("name", name.strip());
    Object budget = Numbers.amount(row, 1, report);
    if (budget != null) {
      m.put("budget", budget);
    }
    TableReading.putText(m, "description", row.cell(2));
    TableReading.putText(m, "goal", row.cell(3));
    return m;
  }

  private static java.util.Optional<Map<String, Object>> indicator(Row row) {
    boolean any = false;
    for (int c = 4; c <= 8; c++) {
      any |= !row.cell(c).isEmpty();
    }
    if (!any) {
      return java.util.Optional.empty();
    }
    Map<String, Object> ind = new LinkedHashMap<>();
    ind.put("name", row.cell(4));
    for (int s = 0; s < STANDARDS.length; s++) {
      TableReading.putText(ind, STANDARDS[s], row.cell(5 + s));
    }
    return java.util.Optional.of(ind);
  }

  private static void appendText(Map<String, Object> m, String key, String text) {
    if (text.isBlank()) {
      return;
    }
    Object before = m.get(key);
    m.put(key, before == null ? text : before + "\n" + text);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> activities(Map<String, Object> m) {
    return (List<Map<String, Object>>)
        m.computeIfAbsent("activities", k -> new ArrayList<Map<String, Object>>());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> indicators(Map<String, Object> m) {
    return (List<Map<String, Object>>)
        m.computeIfAbsent("indicators", k -> new ArrayList<Map<String, Object>>());
  }
}
