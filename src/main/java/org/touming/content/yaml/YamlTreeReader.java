package org.touming.content.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.touming.content.Mark;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads one YAML document into a {@link Node} tree with positions. Scalars keep their published
 * text, so 551.697964 is never routed through a double. The common subset that content is written
 * in is read directly ({@link YamlSubset}); anything else, errors included, by SnakeYAML through
 * Jackson, which gives the same tree where both read a file. Thread-safe.
 */
public final class YamlTreeReader {
  private static final int MAX_DEPTH = 64;
  private final YAMLFactory factory;

  public YamlTreeReader() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // reported by us, with both lines
    options.setMaxAliasesForCollections(50);
    options.setCodePointLimit(64 * 1024 * 1024);
    options.setNestingDepthLimit(MAX_DEPTH);
    factory =
        YAMLFactory.builder()
            .loaderOptions(options)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxNumberLength(64)
                    .build())
            .build();
  }

  /**
   * @param duplicateKey told about every key written twice in one mapping (second occurrence)
   * @return the root, or {@code null} for an empty document
   */
  public Node read(String text, BiConsumer<Mark, String> duplicateKey) throws YamlSyntaxException {
    var subset = YamlSubset.read(text);
    if (subset.isPresent()) {
      subset.get().duplicates().forEach(d -> duplicateKey.accept(d.mark(), d.message()));
      return subset.get().root();
    }
    return readFully(text, duplicateKey);
  }

  /** As {@link #read}, always through SnakeYAML: what the subset reader must agree with. */
  Node readFully(String text, BiConsumer<Mark, String> duplicateKey) throws YamlSyntaxException {
    try (JsonParser parser = factory.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      Node root = readValue(parser, duplicateKey);
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw new YamlSyntaxException(
            mark(parser.currentTokenLocation()), "一个文件只能有一个 YAML 文档（发现第二个文档）");
      }
      return root;
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        throw new YamlSyntaxException(
            new Mark(m.getProblemMark().getLine() + 1, m.getProblemMark().getColumn() + 1),
            describe(m));
      }
      throw new YamlSyntaxException(mark(e.getLocation()), cleanMessage(e));
    } catch (IOException e) {
      throw new YamlSyntaxException(Mark.START, "无法读取 YAML：" + e.getMessage());
    } catch (RuntimeException e) {
      // SnakeYAML reports some scanner failures (bad escapes, limits) as unchecked exceptions.
      throw new YamlSyntaxException(Mark.START, "YAML 格式错误：" + firstLine(e.getMessage()));
    }
  }

  private Node readValue(JsonParser p, BiConsumer<Mark, String> duplicateKey) throws IOException {
    Mark mark = mark(p.currentTokenLocation());
    JsonToken token = p.currentToken();
    switch (token) {
      case START_OBJECT:
        {
          Map<String, Node.Field> fields = new LinkedHashMap<>();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = Canonical.of(p.currentName());
            Mark keyMark = mark(p.currentTokenLocation());
            p.nextToken();
            Node value = readValue(p, duplicateKey);
            Node.Field previous = fields.get(name);
            if (previous != null) {
              duplicateKey.accept(keyMark, duplicate(name, previous));
            } else {
              fields.put(name, new Node.Field(name, keyMark, value));
            }
          }
          return new Node.MapNode(mark, fields);
        }
      case START_ARRAY:
        {
          List<Node> items = new ArrayList<>();
          while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(p, duplicateKey));
          }
          return new Node.ListNode(mark, items);
        }
      case VALUE_STRING:
        return new Node.ScalarNode(mark, Canonical.ofShort(p.getText()), Node.ScalarType.STRING);
      case VALUE_NUMBER_INT:
        return new Node.ScalarNode(mark, p.getText(), Node.ScalarType.INTEGER);
      case VALUE_NUMBER_FLOAT:
        return new Node.ScalarNode(mark, p.getText(), Node.ScalarType.DECIMAL);
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new Node.ScalarNode(mark, p.getText(), Node.ScalarType.BOOLEAN);
      case VALUE_NULL:
        return new Node.ScalarNode(mark, "", Node.ScalarType.NULL);
      default:
        // Tags that Jackson exposes as embedded objects (e.g. !!binary) are not content we hold.
        return new Node.ScalarNode(
            mark, p.getText() == null ? "" : p.getText(), Node.ScalarType.STRING);
    }
  }

  /** The message for a key written twice in one mapping. */
  static String duplicate(String name, Node.Field first) {
    return "字段 “" + name + "” 重复（第一次在第 " + first.keyMark().line() + " 行）";
  }

  private static Mark mark(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return Mark.START;
    }
    return new Mark(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /** SnakeYAML's problem, with its context, and a hint for the mistakes authors make most. */
  private static String describe(MarkedYAMLException m) {
    String problem = firstLine(m.getProblem());
    String context = m.getContext() == null ? "" : "（" + firstLine(m.getContext()) + "）";
    String hint = problem.contains("TAB") ? "；YAML 不能用 Tab 缩进，请改用空格" : "";
    return "YAML 格式错误：" + problem + context + hint;
  }

  private static String cleanMessage(JsonProcessingException e) {
    String original = e.getOriginalMessage();
    return "YAML 格式错误：" + firstLine(original);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "无法解析";
    }
    String line = s.strip();
    int nl = line.indexOf('\n');
    return nl < 0 ? line : line.substring(0, nl).strip();
  }
}
