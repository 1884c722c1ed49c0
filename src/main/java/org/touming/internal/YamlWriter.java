package org.touming.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes a tree of maps, lists and scalars as block YAML for authors to read and edit. A string is
 * written plain when YAML reads it back as the same string, and double-quoted otherwise, so that no
 * author text can turn into a number, a boolean, a null or YAML syntax.
 */
public final class YamlWriter {
  private static final Pattern PLAIN_UNSAFE =
      Pattern.compile(
          "^[\\s\\-?:,\\[\\]{}#&*!|>'\"%@`~=]|\\s$|: |:$| #|[\\x00-\\x1f\\x7f\\u0085\\u2028\\u2029\\ufeff]");
  private static final Pattern LOOKS_TYPED =
      Pattern.compile(
          "(?i)^([-+]?[0-9][0-9_,.:eE+\\-]*|[-+]?\\.?(inf|nan)|~|null|true|false|yes|no|on|off|y|n|0x.*|0o.*)$");

  // What the loader reads a plain scalar as: anything but text ("0b101", ".5") is quoted.
  private static final Resolver RESOLVER = new Resolver();

  private YamlWriter() {}

  public static String emit(String header, Map<String, Object> root) {
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
    if (value instanceof Map<?, ?> m && m.isEmpty()) {
      out.append(" {}\n");
    } else if (value instanceof Map<?, ?> m) {
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
      Object cell = row.get(i);
      // Flow context forbids plain , [ ] { } in scalars: always quote text there.
      sb.append(i == 0 ? "" : ", ").append(cell instanceof String t ? quote(t) : scalar(cell));
    }
    return sb.append(']').toString();
  }

  public static String scalar(Object value) {
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    String s = value.toString();
    boolean plain =
        !s.isEmpty()
            && !PLAIN_UNSAFE.matcher(s).find()
            && !LOOKS_TYPED.matcher(s).matches()
            && RESOLVER.resolve(NodeId.scalar, s, true) == Tag.STR;
    return plain ? s : quote(s);
  }

  public static String quote(String s) {
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
