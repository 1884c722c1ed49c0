package org.touming.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touming.content.ProcurementColumns;
import org.touming.importer.Blocks.Row;
import org.touming.importer.Blocks.Table;

/**
 * 部门政府采购预算. Three header rows span the columns; data rows carry fourteen cells: project, its
 * budget, item, catalogue number, quantity unit, quantity, unit price, then the amount and its
 * funding sources. The 合计 row has the same shape.
 */
final class ProcurementTable {
  private ProcurementTable() {}

  static Map<String, Object> read(Table table, String caption, Report report) {
    TableReading t =
        new TableReading(
            table,
            caption,
            r ->
                r.joined().contains("政府采购项目来源")
                    || r.joined().contains("项目名称|预算资金")
                    || r.joined().contains("一般公共预算拨款")
                    || r.joined().contains("当年部门预算安排资金"),
            true);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Row row : t.data) {
      int width = ProcurementColumns.TABLE.size();
      if (row.cells().size() > width) {
        for (int c = width; c < row.cells().size(); c++) {
          if (!row.cells().get(c).isEmpty()) {
            report.unplaced(row.cells().get(c).line(), row.cells().get(c).text(), "政府采购表多出的列");
          }
        }
      }
      String first = row.cell(0).replaceAll("[\\s　]", "");
      boolean total = first.equals("合计") || first.equals("总计");
      Map<String, Object> line = new LinkedHashMap<>();
      for (int c = 0; c < width; c++) {
        String column = ProcurementColumns.TABLE.get(c);
        if (ProcurementColumns.TEXT.contains(column)) {
          if (!total || c > 0) {
            TableReading.putText(line, column, row.cell(c));
          }
        } else {
          Object v = Numbers.amount(row, c, report);
          if (v != null) {
            line.put(column, v);
          }
        }
      }
      if (total) {
        if (!line.isEmpty()) {
          t.out.put("total", line);
        }
      } else {
        rows.add(line);
      }
    }
    t.out.put("rows", rows);
    return t.out;
  }
}
