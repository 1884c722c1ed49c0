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
 * 固定资产占用情况表: a caption row, 编制部门 and 截止时间, a header whose value column states the unit, the 资产总额
 * row, asset classes, and 其中 rows that detail the class above them.
 */
final class AssetsTable {
  private static final Pattern UNIT = Pattern.compile("金额单位[：:]\\s*(万元|元)");

  private AssetsTable() {}

  static Map<String, Object> read(Table table, String caption, Report report) {
    TableReading t =
        new TableReading(
            table,
            caption,
            r -> r.cell(0).replaceAll("\\s", "").equals("项目") && r.joined().contains("数量"));
    for (Row header : table.rows()) {
      Matcher m = UNIT.matcher(header.joined());
      if (m.find()) {
        t.out.put("unit", m.group(1));
        break;
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row row : t.data) {
      if (row.filled() == 1 && row.cell(0).contains("表") && !t.out.containsKey("caption")) {
        t.out.put("caption", row.cell(0));
        continue;
      }
      if (row.filled() == 1 && row.cell(0).contains("表")) {
        continue; // the caption again, where the table continues on a new page
      }
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("name", row.cell(0));
      put(line, "quantity", Numbers.amount(row, 1, report));
      put(line, "value", Numbers.amount(row, 2, report));
      if (row.cell(0).replaceAll("\\s", "").startsWith("资产总额")) {
        t.out.put("total", line);
      } else if (row.cell(0).startsWith("其中") && !rows.isEmpty()) {
        details(rows.get(rows.size() - 1)).add(line);
      } else {
        rows.add(line);
      }
    }
    // Keep the key order of the schema: caption first, then who and when.
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String key : new String[] {"caption", "prepared-by", "as-of", "unit", "total"}) {
      if (t.out.containsKey(key)) {
        ordered.put(key, t.out.get(key));
      }
    }
    if (t.out.containsKey("table-label")) {
      report.unplaced(table.line(), (String) t.out.get("table-label"), "资产表上方的单位标注");
    }
    ordered.put("rows", rows);
    return ordered;
  }

  private static void put(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> details(Map<String, Object> m) {
    return (List<Map<String, Object>>)
        m.computeIfAbsent("details", k -> new ArrayList<Map<String, Object>>());
  }
}
