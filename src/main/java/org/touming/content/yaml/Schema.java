package org.touming.content.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.touming.internal.Suggest;

/**
 * A JSON Schema as shipped in {@code schemas/}, interpreted here so that the loader validates
 * against exactly the file an author's editor uses. Only the keywords our schemas use are
 * supported; a schema using any other keyword is rejected when loaded, so it cannot be silently
 * ignored. Immutable and thread-safe.
 */
public final class Schema {
  private static final Set<String> KEYWORDS =
      Set.of(
          "$schema",
          "$id",
          "$ref",
          "$defs",
          "title",
          "description",
          "type",
          "properties",
          "required",
          "additionalProperties",
          "items",
          "enum",
          "pattern",
          "minimum",
          "maximum",
          "minLength",
          "maxLength",
          "examples",
          "default");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String name;
  private final JsonNode root;
  private final Map<String, Pattern> patterns = new LinkedHashMap<>();

  private Schema(String name, JsonNode root) {
    this.name = name;
    this.root = root;
    checkKeywords(root, "");
  }

  /** Loads {@code schemas/NAME.schema.json} from the classpath. */
  public static Schema load(String name) {
    String resource = "/org/touming/schemas/" + name + ".schema.json";
    try (InputStream in = Schema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema missing from the build: " + resource);
      }
      return new Schema(name, new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String name() {
    return name;
  }

  private void checkKeywords(JsonNode schema, String where) {
    if (!schema.isObject()) {
      return;
    }
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYWORDS.contains(key)) {
        throw new IllegalStateException(
            "schema " + name + " uses unsupported keyword " + key + " at " + where);
      }
    }
    if (schema.has("pattern")) {
      String p = schema.get("pattern").asText();
      patterns.computeIfAbsent(p, Pattern::compile);
    }
    for (String container : List.of("properties", "$defs")) {
      JsonNode c = schema.get(container);
      if (c != null) {
        c.fields().forEachRemaining(e -> checkKeywords(e.getValue(), where + "/" + e.getKey()));
      }
    }
    for (String child : List.of("items", "additionalProperties")) {
      JsonNode c = schema.get(child);
      if (c != null && c.isObject()) {
        checkKeywords(c, where + "/" + child);
      }
    }
  }

  /** The validated document and where its values were written. */
  public record Result(JsonNode value, SourceMap sourceMap, List<Violation> violations) {
    public boolean valid() {
      return violations.isEmpty();
    }
  }

  public Result validate(Node node) {
    SourceMap map = new SourceMap();
    List<Violation> out = new ArrayList<>();
    JsonNode value = walk(node, root, "", "", out, map);
    return new Result(value, map, List.copyOf(out));
  }

  /** The title of the field at a JSON pointer, e.g. "/three-public/vehicles" → 公务用车购置及运维费. */
  public String titleAt(String pointer) {
    JsonNode schema = root;
    String title = "";
    for (String part : pointer.substring(1).split("/")) {
      JsonNode s = deref(schema);
      if (part.matches("[0-9]+") && s.has("items")) {
        schema = s.get("items");
        continue;
      }
      JsonNode props = s.get("properties");
      if (props == null || !props.has(part)) {
        return part;
      }
      schema = props.get(part);
      title = fieldTitle(schema, part);
    }
    return title;
  }

  private JsonNode deref(JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref == null) {
      return schema;
    }
    String path = ref.asText();
    if (!path.startsWith("#/$defs/")) {
      throw new IllegalStateException("only local $defs references are supported: " + path);
    }
    JsonNode target = root.path("$defs").get(path.substring("#/$defs/".length()));
    if (target == null) {
      throw new IllegalStateException("schema " + name + ": unresolved " + path);
    }
    return deref(target);
  }

  /** A property's own title, else the title of what it references. */
  private String fieldTitle(JsonNode propertySchema, String fallback) {
    return propertySchema.has("title")
        ? propertySchema.get("title").asText()
        : titleOf(deref(propertySchema), fallback);
  }

  private static String titleOf(JsonNode schema, String fallback) {
    JsonNode t = schema.get("title");
    return t == null ? fallback : t.asText();
  }

  private JsonNode walk(
      Node node,
      JsonNode schemaRef,
      String pointer,
      String path,
      List<Violation> out,
      SourceMap map) {
    JsonNode schema = deref(schemaRef);
    String title = fieldTitle(schemaRef, "");
    String label = label(path, title);
    map.put(pointer, node.mark());
    Set<String> types = types(schema);
    String actual = jsonType(node);
    boolean typeOk =
        types.isEmpty()
            || types.contains(actual)
            || (actual.equals("integer") && types.contains("number"));
    if (!typeOk) {
      out.add(
          new Violation(
              node.mark(),
              "schema.type",
              label + " 应为" + describeTypes(types) + "，实为" + node.describe() + hint(node, types)));
      return null;
    }
    if (node instanceof Node.MapNode m) {
      return walkObject(m, schema, pointer, path, label, out, map);
    }
    if (node instanceof Node.ListNode l) {
      ArrayNode array = NODES.arrayNode();
      JsonNode items = schema.get("items");
      for (int i = 0; i < l.items().size(); i++) {
        JsonNode v =
            items == null
                ? null
                : walk(
                    l.items().get(i),
                    items,
                    pointer + "/" + i,
                    path + "[" + (i + 1) + "]",
                    out,
                    map);
        if (v != null) {
          array.add(v);
        }
      }
      return array;
    }
    return scalar((Node.ScalarNode) node, schema, label, out);
  }

  private JsonNode walkObject(
      Node.MapNode m,
      JsonNode schema,
      String pointer,
      String path,
      String label,
      List<Violation> out,
      SourceMap map) {
    ObjectNode object = new ObjectNode(NODES, new FieldMap(m.fields().size()));
    JsonNode props = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    for (Node.Field f : m.fields().values()) {
      String childPath = path.isEmpty() ? f.name() : path + "." + f.name();
      String childPointer = pointer + "/" + f.name().replace("~", "~0").replace("/", "~1");
      JsonNode childSchema = props.get(f.name());
      if (childSchema == null) {
        if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
          out.add(
              new Violation(
                  f.keyMark(), "schema.unknown-field", unknownField(f.name(), path, props)));
          continue;
        }
        childSchema =
            additional == null || additional.isBoolean() ? NODES.objectNode() : additional;
      }
      JsonNode v = walk(f.value(), childSchema, childPointer, childPath, out, map);
      if (v != null && !v.isNull()) {
        object.set(f.name(), v);
      }
    }
    for (JsonNode r : schema.path("required")) {
      String field = r.asText();
      Node.Field present = m.fields().get(field);
      if (present == null) {
        JsonNode fs = props.get(field);
        String t = fs == null ? "" : fieldTitle(fs, "");
        out.add(
            new Violation(
                m.mark(),
                "schema.required",
                (path.isEmpty() ? "" : label + " ")
                    + "缺少必填字段 “"
                    + field
                    + "”"
                    + (t.isEmpty() ? "" : "（" + t + "）")));
      }
    }
    return object;
  }

  private String unknownField(String field, String path, JsonNode props) {
    Map<String, String> titles = new LinkedHashMap<>();
    props.fields().forEachRemaining(e -> titles.put(e.getKey(), fieldTitle(e.getValue(), "")));
    StringBuilder sb = new StringBuilder("未知字段 “" + field + "”");
    if (!path.isEmpty()) {
      sb.append("（在 ").append(path).append(" 中）");
    }
    Suggest.closest(field, titles.keySet(), titles)
        .ifPresentOrElse(
            s -> sb.append("；是否想写 “").append(s).append("”（").append(titles.get(s)).append("）？"),
            () -> sb.append("；可用字段：").append(String.join("、", titles.keySet())));
    return sb.toString();
  }

  private JsonNode scalar(Node.ScalarNode s, JsonNode schema, String label, List<Violation> out) {
    switch (s.type()) {
      case NULL:
        return NODES.nullNode();
      case BOOLEAN:
        // YAML 1.1 also spells true as yes/on/y; the scanner already decided this is a boolean.
        return NODES.booleanNode(s.text().matches("(?i)true|yes|on|y"));
      case INTEGER:
      case DECIMAL:
        return number(s, schema, label, out);
      default:
        return text(s, schema, label, out);
    }
  }

  private JsonNode number(Node.ScalarNode s, JsonNode schema, String label, List<Violation> out) {
    BigDecimal value;
    try {
      value = new BigDecimal(s.text().replace("_", "").replace("+", ""));
    } catch (NumberFormatException e) {
      out.add(new Violation(s.mark(), "schema.type", label + " 不是有效的数字：" + s.text()));
      return null;
    }
    if (value.precision() > 24 || value.scale() > 12 || value.scale() < -6) {
      out.add(
          new Violation(
              s.mark(),
              "schema.range",
              label + " 数值超出可接受的范围（至多 24 位有效数字、12 位小数）：" + abbreviate(s.text())));
      return null;
    }
    JsonNode min = schema.get("minimum");
    JsonNode max = schema.get("maximum");
    if ((min != null && value.compareTo(min.decimalValue()) < 0)
        || (max != null && value.compareTo(max.decimalValue()) > 0)) {
      out.add(
          new Violation(
              s.mark(),
              "schema.range",
              label
                  + " 应在 "
                  + (min == null ? "…" : min.asText())
                  + " 到 "
                  + (max == null ? "…" : max.asText())
                  + " 之间，实为 "
                  + s.text()));
      return null;
    }
    return NODES.numberNode(value);
  }

  private JsonNode text(Node.ScalarNode s, JsonNode schema, String label, List<Violation> out) {
    String text = s.text();
    JsonNode allowed = schema.get("enum");
    if (allowed != null) {
      List<String> values = new ArrayList<>();
      allowed.forEach(v -> values.add(v.asText()));
      if (!values.contains(text)) {
        StringBuilder sb =
            new StringBuilder(
                label + " 的值 “" + abbreviate(text) + "” 不在允许范围内；可选：" + String.join("、", values));
        Suggest.closest(text, values, Map.of())
            .ifPresent(v -> sb.append("。是否想写 “").append(v).append("”？"));
        out.add(new Violation(s.mark(), "schema.enum", sb.toString()));
        return null;
      }
    }
    JsonNode pattern = schema.get("pattern");
    if (pattern != null && !patterns.get(pattern.asText()).matcher(text).find()) {
      String expected =
          types(schema).contains("number") ? "数字或占位符（涉密、——）" : "格式 " + pattern.asText();
      out.add(
          new Violation(
              s.mark(),
              "schema.pattern",
              label + " 应为" + expected + "，实为 “" + abbreviate(text) + "”" + numberHint(text)));
      return null;
    }
    int length = text.codePointCount(0, text.length());
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      out.add(new Violation(s.mark(), "schema.required", label + " 不能为空"));
      return null;
    }
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      out.add(
          new Violation(
              s.mark(),
              "schema.range",
              label + " 过长（至多 " + schema.get("maxLength").asInt() + " 个字符）"));
      return null;
    }
    return NODES.textNode(text);
  }

  private static String numberHint(String text) {
    return text.matches("-?[0-9][0-9,，]*(\\.[0-9]+)?") ? "（数字中不要写千分位分隔符）" : "";
  }

  private static String hint(Node node, Set<String> types) {
    if (node instanceof Node.ScalarNode s) {
      if (types.contains("string")
          && (s.type() == Node.ScalarType.INTEGER
              || s.type() == Node.ScalarType.DECIMAL
              || s.type() == Node.ScalarType.BOOLEAN)) {
        return "（文本请加引号，如 \"" + s.text() + "\"）";
      }
      if (types.contains("number") && s.type() == Node.ScalarType.STRING) {
        return numberHint(s.text());
      }
    }
    return "";
  }

  private static Set<String> types(JsonNode schema) {
    Set<String> types = new LinkedHashSet<>();
    JsonNode t = schema.get("type");
    if (t != null && t.isTextual()) {
      types.add(t.asText());
    } else if (t != null) {
      t.forEach(x -> types.add(x.asText()));
    } else if (schema.has("enum")) {
      types.add("string");
    }
    return types;
  }

  private static String jsonType(Node node) {
    if (node instanceof Node.MapNode) {
      return "object";
    }
    if (node instanceof Node.ListNode) {
      return "array";
    }
    return switch (((Node.ScalarNode) node).type()) {
      case STRING -> "string";
      case INTEGER -> "integer";
      case DECIMAL -> "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
    };
  }

  private static String describeTypes(Set<String> types) {
    List<String> words = new ArrayList<>();
    for (String t : types) {
      words.add(
          switch (t) {
            case "object" -> "映射（mapping）";
            case "array" -> "列表（list）";
            case "string" -> "文本";
            case "integer" -> "整数";
            case "number" -> "数字";
            case "boolean" -> "布尔值（true/false）";
            case "null" -> "空值";
            default -> t;
          });
    }
    return String.join("或", words);
  }

  private static String label(String path, String title) {
    if (path.isEmpty()) {
      return "文件内容";
    }
    return title.isEmpty() ? path : path + "（" + title + "）";
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "…";
  }
}
