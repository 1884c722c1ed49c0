package org.touming.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.touming.importer.Blocks.Row;
import org.touming.importer.Blocks.Table;

/**
 * The common part of reading a table: label rows above the header, the header rows (which a table
 * split across pages repeats, and which are then skipped), empty placeholder rows, and the data
 * rows that remain.
 */
final class TableReading {
  final Map<String, Object> out = new LinkedHashMap<>();
  final List<Row> data = new ArrayList<>();

  TableReading(Table table, String caption, Predicate<Row> isHeader) {
    this(table, caption, isHeader, false);
  }

  /** {@code joinBroken}: the table has one fixed width, so short row pairs are page breaks. */
  TableReading(Table table, String caption, Predicate<Row> isHeader, boolean joinBroken) {
    if (caption != null) {
      out.put("caption", caption);
    }
    List<String> headers = new ArrayList<>();
    for (Row row : joinBroken ? joinBrokenRows(table.rows()) : table.rows()) {
      if (row.isEmpty()) {
        continue;
      }
      var labels = Labels.read(row);
      if (labels.isPresent()) {
        // The first of each label counts; a table continued on a new page repeats them.
        labels.get().forEach(out::putIfAbsent);
        continue;
      }
      if (headers.contains(row.joined()) || isHeader.test(row)) {
        headers.add(row.joined());
        continue;
      }
      data.add(row);
    }
  }

  /**
   * A row broken across a page comes out as two short rows whose cells add up to the table's width
   * (the row length most rows have): join them again.
   */
  static List<Row> joinBrokenRows(List<Row> rows) {
    java.util.Map<Integer, Long> sizes = new java.util.HashMap<>();
    rows.stream()
        .filter(r -> r.cells().size() > 1)
        .forEach(r -> sizes.merge(r.cells().size(), 1L, Long::sum));
    int width =
        sizes.entrySet().stream()
            .max(
                java.util.Map.Entry.<Integer, Long>comparingByValue()
                    .thenComparing(java.util.Map.Entry.comparingByKey()))
            .map(java.util.Map.Entry::getKey)
            .orElse(0);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      int n = row.cells().size();
      boolean isLabel = Labels.read(row).isPresent();
      if (!isLabel
          && n > 1
          && n < width
          && i + 1 < rows.size()
          && rows.get(i + 1).cells().size() == width - n) {
        List<Blocks.Cell> cells = new ArrayList<>(row.cells());
        cells.addAll(rows.get(i + 1).cells());
        out.add(new Row(row.line(), cells));
        i++;
      } else {
        out.add(row);
      }
    }
    return out;
  }

  static void putText(Map<String, Object> map, String key, String value) {
    if (value != null && !value.isBlank()) {
      map.put(key, value.strip());
    }
  }
}
