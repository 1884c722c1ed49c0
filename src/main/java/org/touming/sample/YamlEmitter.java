package org.touming.sample;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists and scalars as block YAML. Strings are always double-quoted so that
 * no author text can turn into a number, a boolean or YAML syntax.
 */
final class YamlEmitter {
  private YamlEmitter() {}

  static String emit(String header, Map<String, Object> root) {
    StringBuilder out = new StringBuilder(header);
    map(root, 0, out);
    return out.toString();
  }

  private static void map(Map<String, Object> map, int indent, StringBuilder out) {
    for (Map.Entry<String, Object> e : map.entrySet()) {
      if (e.getValue() != null) {
        out.append(" ".repeat(indent));
        entry(e.getKey(), e.getValue(), indent, out);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void entry(String key, Object value, int indent, StringBuilder out) {
    out.append(key).append(':');
    if (value instanceof Map<?, ?> m) {
      out.append('\n');
      map((Map<String, Object>) m, indent + 2, out);
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append(" []\n");
        return;
      }
      out.append('\n');
      for (Object item : list) {
        out.append(" ".repeat(indent + 2)).append("- ");
        if (item instanceof Map<?, ?> m) {
          listMap((Map<String, Object>) m, indent + 4, out);
        } else if (item instanceof List<?> row) {
          out.append(flow(row)).append('\n');
        } else {
          out.append(scalar(item)).append('\n');
        }
      }
    } else {
      out.append(' ').append(scalar(value)).append('\n');
    }
  }

  private static void listMap(Map<String, Object> m, int indent, StringBuilder out) {
    boolean first = true;
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      if (!first) {
        out.append(" ".repeat(indent));
      }
      first = false;
      entry(e.getKey(), e.getValue(), indent, out);
    }
    if (first) {
      out.append("{}\n");
    }
  }

  private static String flow(List<?> row) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < row.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(scalar(row.get(i)));
    }
    return sb.append(']').toString();
  }

  static String scalar(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return quote(value.toString());
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\x%02X", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
