package org.touming.content.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touming.content.Mark;

/** A YAML value that remembers where it was written, so every diagnostic can name a line. */
public sealed interface Node {
  Mark mark();

  /** What a reader would call this kind of value, in the words of the messages. */
  String describe();

  record Field(String name, Mark keyMark, Node value) {}

  record MapNode(Mark mark, Map<String, Field> fields) implements Node {
    public MapNode {
      fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    @Override
    public String describe() {
      return "映射（mapping）";
    }
  }

  record ListNode(Mark mark, List<Node> items) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "列表（list）";
    }
  }

  enum ScalarType {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL
  }

  record ScalarNode(Mark mark, String text, ScalarType type) implements Node {
    @Override
    public String describe() {
      return switch (type) {
        case STRING -> "文本 “" + abbreviate(text) + "”";
        case INTEGER, DECIMAL -> "数字 " + abbreviate(text);
        case BOOLEAN -> "布尔值 " + text;
        case NULL -> "空值";
      };
    }

    private static String abbreviate(String s) {
      return s.length() <= 40 ? s : s.substring(0, 37) + "…";
    }
  }
}
