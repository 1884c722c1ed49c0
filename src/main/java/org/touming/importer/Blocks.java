package org.touming.importer;

import java.util.List;

/** A flattened Word document: paragraphs and tables, each remembering its source lines. */
final class Blocks {
  private Blocks() {}

  sealed interface Block permits Paragraph, Table {
    int line();
  }

  record Paragraph(int line, String text) implements Block {}

  record Cell(int line, String text) {
    boolean isEmpty() {
      return text.isBlank();
    }
  }

  record Row(int line, List<Cell> cells) {
    Row {
      cells = List.copyOf(cells);
    }

    String cell(int i) {
      return i < cells.size() ? cells.get(i).text().strip() : "";
    }

    boolean isEmpty() {
      return cells.stream().allMatch(Cell::isEmpty);
    }

    long filled() {
      return cells.stream().filter(c -> !c.isEmpty()).count();
    }

    /** The cells' text joined, for recognising header rows whatever their layout. */
    String joined() {
      StringBuilder sb = new StringBuilder();
      cells.forEach(c -> sb.append(c.text().replaceAll("\\s", "")).append('|'));
      return sb.toString();
    }
  }

  record Table(int line, List<Row> rows) implements Block {
    Table {
      rows = List.copyOf(rows);
    }

    String head(int n) {
      StringBuilder sb = new StringBuilder();
      rows.stream().limit(n).forEach(r -> sb.append(r.joined()));
      return sb.toString();
    }
  }
}
