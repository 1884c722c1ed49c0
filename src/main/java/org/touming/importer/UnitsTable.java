package org.touming.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touming.importer.Blocks.Row;
import org.touming.importer.Blocks.Table;

/** 部门机构设置情况: 单位名称, 单位性质, 单位规格, 经费保障形式; its 合计 row carries no figure. */
final class UnitsTable {
  private static final String[] KEYS = {"name", "nature", "rank", "funding"};

  private UnitsTable() {}

  static List<Map<String, Object>> read(Table table, Report report) {
    TableReading t = new TableReading(table, null, r -> r.joined().contains("单位名称"));
    List<Map<String, Object>> units = new ArrayList<>();
    for (Row row : t.data) {
      if (row.cell(0).replaceAll("[\\s　]", "").equals("合计") && row.filled() == 1) {
        continue;
      }
      Map<String, Object> unit = new LinkedHashMap<>();
      for (int c = 0; c < KEYS.length; c++) {
        TableReading.putText(unit, KEYS[c], row.cell(c));
      }
      for (int c = KEYS.length; c < row.cells().size(); c++) {
        if (!row.cells().get(c).isEmpty()) {
          report.unplaced(row.cells().get(c).line(), row.cells().get(c).text(), "机构设置表多出的列");
        }
      }
      if (!unit.containsKey("name")) {
        report.unplaced(row.line(), row.joined(), "机构设置表中没有单位名称的行");
        continue;
      }
      units.add(unit);
    }
    return units;
  }
}
