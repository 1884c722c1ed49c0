package org.touming.importer;

import java.util.ArrayList;
import java.util.List;
import org.touming.importer.Blocks.Block;
import org.touming.importer.Blocks.Cell;
import org.touming.importer.Blocks.Paragraph;
import org.touming.importer.Blocks.Row;
import org.touming.importer.Blocks.Table;

/**
 * Reads the plain-text export of a Word document: every table cell is a line that starts with a
 * tab, a blank line ends a row, and any other line is a paragraph. A paragraph line right after a
 * cell continues that cell (Word's line breaks inside a cell) unless it is a heading.
 */
final class FlatText {
  private FlatText() {}

  static List<Block> read(String text) {
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    List<Block> blocks = new ArrayList<>();
    List<Row> rows = null;
    List<Cell> cells = null;
    int tableLine = 0;
    int rowLine = 0;
    boolean afterCell = false;
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String raw = lines[i];
      if (raw.startsWith("\t")) {
        if (rows == null) {
          rows = new ArrayList<>();
          tableLine = number;
        }
        if (cells == null) {
          cells = new ArrayList<>();
          rowLine = number;
        }
        cells.add(new Cell(number, WordNoise.strip(raw.substring(1))));
        afterCell = true;
        continue;
      }
      String line = WordNoise.strip(raw);
      if (line.isBlank()) {
        if (cells != null) {
          rows.add(new Row(rowLine, cells));
          cells = null;
        }
        afterCell = false;
        continue;
      }
      if (afterCell && cells != null && Headings.of(line).isEmpty()) {
        Cell last = cells.remove(cells.size() - 1);
        cells.add(new Cell(last.line(), last.text() + "\n" + line.strip()));
        continue;
      }
      if (cells != null) {
        rows.add(new Row(rowLine, cells));
        cells = null;
      }
      if (rows != null) {
        blocks.add(new Table(tableLine, rows));
        rows = null;
      }
      blocks.add(new Paragraph(number, line.strip()));
      afterCell = false;
    }
    if (cells != null) {
      rows.add(new Row(rowLine, cells));
    }
    if (rows != null) {
      blocks.add(new Table(tableLine, rows));
    }
    return blocks;
  }
}
