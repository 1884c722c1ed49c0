package org.touming.importer;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;
import org.touming.importer.Blocks.Cell;

/** Reads the figures of a disclosure as they are printed, keeping every published digit. */
final class Numbers {
  static final Pattern PLACEHOLDER = Pattern.compile("涉密|——|—|-|/|无");
  private static final Pattern PLAIN = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");
  private static final Pattern GROUPED = Pattern.compile("[-+]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?");

  private Numbers() {}

  /** 5176.58, 95,531.43, ５．７５ and 0.24万元 all read; anything else is not a number. */
  static Optional<BigDecimal> parse(String text) {
    String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s", "");
    s = s.replaceAll("(万元|元)$", "");
    if (GROUPED.matcher(s).matches()) {
      s = s.replace(",", "");
    }
    if (!PLAIN.matcher(s).matches()) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(s.startsWith("+") ? s.substring(1) : s));
  }

  /** A cell in an amount column: a number, a placeholder such as 涉密, or nothing. */
  static Object amount(Cell cell, Report report) {
    if (cell == null || cell.isEmpty()) {
      return null;
    }
    String text = cell.text().strip();
    if (PLACEHOLDER.matcher(text).matches()) {
      return text;
    }
    Optional<BigDecimal> n = parse(text);
    if (n.isEmpty()) {
      report.unplaced(cell.line(), text, "金额列中的内容不是数字");
      return null;
    }
    return n.get();
  }

  static Object amount(Blocks.Row row, int column, Report report) {
    return column < row.cells().size() ? amount(row.cells().get(column), report) : null;
  }
}
