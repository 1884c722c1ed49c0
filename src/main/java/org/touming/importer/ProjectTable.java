package org.touming.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touming.importer.Blocks.Row;
import org.touming.importer.Blocks.Table;

/**
 * 项目支出绩效目标表 of the newer template: rows keyed by their first cell (项目编码, 预算及资金用途, 资金支出计划, 绩效目标) and
 * then the indicator rows under 一级指标/二级指标/三级指标. A merged 一级指标 cell is printed once; the rows below
 * it inherit it.
 */
final class ProjectTable {
  private ProjectTable() {}

  static Map<String, Object> read(Table table, String caption, Report report) {
    TableReading t = new TableReading(table, caption, r -> false);
    Map<String, Object> out = t.out;
    Map<String, Object> funds = new LinkedHashMap<>();
    List<Map<String, Object>> schedule = new ArrayList<>();
    List<Map<String, Object>> indicators = new ArrayList<>();
    boolean inIndicators = false;
    String expect = "";
    String level1 = "";
    for (Row row : t.data) {
      String key = row.cell(0).replaceAll("[\\s　]", "");
      if (key.equals("一级指标")) {
        inIndicators = true;
        continue;
      }
      if (inIndicators) {
        level1 = row.cell(0).isEmpty() ? level1 : row.cell(0);
        Map<String, Object> ind = new LinkedHashMap<>();
        TableReading.putText(ind, "level1", level1);
        String[] keys = {null, "level2", "level3", "description", "value", "basis"};
        for (int c = 1; c < keys.length; c++) {
          TableReading.putText(ind, keys[c], row.cell(c));
        }
        indicators.add(ind);
        continue;
      }
      if (row.joined().contains("项目编码") || row.joined().contains("项目名称")) {
        for (int c = 0; c + 1 < row.cells().size(); c++) {
          String label = row.cell(c).replaceAll("\\s", "");
          if (label.equals("项目编码")) {
            out.put("code", row.cell(c + 1));
          } else if (label.equals("项目名称")) {
            out.put("name", row.cell(c + 1));
          }
        }
      } else if (key.startsWith("预算及资金用途") || row.joined().contains("预算数")) {
        for (int c = 0; c + 1 < row.cells().size(); c++) {
          String label = row.cell(c).replaceAll("\\s", "");
          String field =
              label.equals("预算数")
                  ? "total"
                  : label.contains("财政资金") ? "fiscal" : label.equals("其他资金") ? "other" : null;
          if (field != null) {
            Object v = Numbers.amount(row.cells().get(c + 1), report);
            if (v != null) {
              funds.put(field, v);
            }
          }
        }
        expect = "summary";
      } else if (key.startsWith("资金支出计划")) {
        for (int c = 1; c < row.cells().size(); c++) {
          Map<String, Object> step = new LinkedHashMap<>();
          step.put("period", row.cell(c));
          schedule.add(step);
        }
        expect = "shares";
      } else if (key.equals("绩效目标")) {
        TableReading.putText(out, "goal", row.cell(1));
      } else if (key.isEmpty() && expect.equals("summary")) {
        TableReading.putText(out, "summary", row.cell(1));
        expect = "";
      } else if (key.isEmpty() && expect.equals("shares")) {
        for (int c = 1; c < row.cells().size() && c - 1 < schedule.size(); c++) {
          TableReading.putText(schedule.get(c - 1), "share", row.cell(c));
        }
        expect = "";
      } else {
        report.unplaced(row.line(), row.joined(), "项目绩效目标表中无法识别的行");
      }
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String k : new String[] {"caption", "table-label", "unit", "code", "name"}) {
      if (out.containsKey(k)) {
        ordered.put(k, out.get(k));
      }
    }
    if (!ordered.containsKey("name")) {
      ordered.put("name", caption == null ? "" : caption);
    }
    if (!funds.isEmpty()) {
      ordered.put("funds", funds);
    }
    if (out.containsKey("summary")) {
      ordered.put("summary", out.get("summary"));
    }
    if (!schedule.isEmpty()) {
      ordered.put("schedule", schedule);
    }
    if (out.containsKey("goal")) {
      ordered.put("goal", out.get("goal"));
    }
    ordered.put("indicators", indicators);
    return ordered;
  }
}
