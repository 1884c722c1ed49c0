package org.touming.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.touming.importer.Blocks.Row;

/**
 * The rows above a table's header that say whose table it is and in what unit: {@code 912廊坊市广阳区九州镇
 * | 单位：万元}, {@code 编制部门：260廊坊市广阳区委}, {@code [263001]中国共产党…}.
 */
final class Labels {
  private static final Pattern UNIT = Pattern.compile("^(?:金额)?单位[：:]\\s*(万元|元)$");
  private static final Pattern CODE_NAME =
      Pattern.compile("^[\\[［【]?([0-9]{3,6})[\\]］】]?\\s*([^0-9\\s].*)$");
  private static final Pattern KEY_VALUE = Pattern.compile("^(编制部门|编制单位|截止时间|截止日期)[：:]\\s*(.+)$");

  record Unit(String code, String name) {}

  private Labels() {}

  /** Reads a label row; empty when the row is not one. */
  static Optional<Map<String, String>> read(Row row) {
    Map<String, String> found = new LinkedHashMap<>();
    for (var cell : row.cells()) {
      String t = cell.text().strip();
      if (t.isEmpty()) {
        continue;
      }
      Matcher m;
      if ((m = UNIT.matcher(t)).matches()) {
        found.put("unit", m.group(1));
      } else if ((m = KEY_VALUE.matcher(t)).matches()) {
        found.put(m.group(1).startsWith("编制") ? "prepared-by" : "as-of", m.group(2).strip());
      } else if (row.filled() <= 2 && CODE_NAME.matcher(t).matches() && !t.contains("、")) {
        found.put("table-label", t);
      } else {
        return Optional.empty();
      }
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(found);
  }

  /** The unit code and name in a label such as 260廊坊市广阳区委 or [263001]中国共产党…. */
  static Optional<Unit> unit(String label) {
    Matcher m = CODE_NAME.matcher(label.strip());
    return m.matches() ? Optional.of(new Unit(m.group(1), m.group(2).strip())) : Optional.empty();
  }
}
