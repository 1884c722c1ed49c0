package org.touming.check;

import com.fasterxml.jackson.databind.JsonNode;
import org.touming.content.Diagnostics;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;

/** What a rule sees of one disclosure, and where it reports. */
record Findings(Loaded<Disclosure> disclosure, Diagnostics diagnostics) {
  JsonNode tree() {
    return disclosure.tree();
  }

  void warn(String pointer, String rule, String message) {
    diagnostics.warning(disclosure.file(), disclosure.mark(pointer), rule, message);
  }

  void error(String pointer, String rule, String message) {
    diagnostics.error(disclosure.file(), disclosure.mark(pointer), rule, message);
  }

  /**
   * The Chinese name of a field. A change's amount is named by the change it belongs to (收支总额增减,
   * not 增减额).
   */
  String title(String pointer) {
    String p =
        pointer.endsWith("/amount") && pointer.contains("change")
            ? pointer.substring(0, pointer.length() - "/amount".length())
            : pointer;
    String title = disclosure.schema().titleAt(p);
    String row = rowName(p);
    return row.isEmpty() ? title : row + "·" + title;
  }

  /**
   * The name of the row a field belongs to (资产总额, 计算机设备及软件), so that sums over table rows read
   * well: the field's own object if it is named, else the innermost list item it is in.
   */
  private String rowName(String pointer) {
    String[] parts = pointer.split("/");
    String own =
        nameOf(
            tree().at(String.join("/", java.util.Arrays.copyOfRange(parts, 0, parts.length - 1))));
    if (!own.isEmpty()) {
      return own;
    }
    for (int end = parts.length - 1; end > 0; end--) {
      if (parts[end].matches("[0-9]+")) {
        String name =
            nameOf(tree().at(String.join("/", java.util.Arrays.copyOfRange(parts, 0, end + 1))));
        return name.isEmpty() ? "第 " + (Integer.parseInt(parts[end]) + 1) + " 行" : name;
      }
    }
    return "";
  }

  private static String nameOf(JsonNode row) {
    for (String field : new String[] {"name", "item", "project"}) {
      if (row.path(field).isTextual()) {
        return row.path(field).asText();
      }
    }
    return "";
  }
}
