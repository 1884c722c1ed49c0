package org.touming.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touming.content.Section;
import org.touming.importer.Blocks.Row;
import org.touming.importer.Blocks.Table;

/** A table the model has no shape for (收支总表 and the other standard tables): kept whole. */
final class OtherTable {
  private OtherTable() {}

  static Map<String, Object> read(Table table, String caption, Section section) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    for (Row row : table.rows()) {
      if (!row.isEmpty()) {
        rows.add(row.cells().stream().map(c -> c.text().strip()).toList());
      }
    }
    out.put("caption", caption == null ? "表" + table.line() : caption);
    out.put("section", section.key());
    if (!rows.isEmpty()) {
      out.put("header", List.of(rows.get(0)));
      out.put("rows", rows.subList(1, rows.size()));
    } else {
      out.put("rows", List.of());
    }
    return out;
  }
}
