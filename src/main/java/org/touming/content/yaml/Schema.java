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
import java.util.IdentityHashMap;
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
  private final Property rootRule;

  private Schema(String name, JsonNode root) {
    this.name = name;
    this.root = root;
    checkKeywords(root, "");
    this.rootRule = property(root);
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
    List<Violation> out = new ArrayList<>();
    JsonNode value = walk(node, rootRule, null, out);
    return new Result(value, new SourceMap(node), List.copyOf(out));
  }

  /** The title of the field at a JSON pointer, e.g. "/three-public/vehicles" → 公务用车购置及运维费. */
  public String titleAt(String pointer) {
    JsonNode schema = root;
    String title = "";
    for (String part : pointer.substring(1).split("/")) {
      JsonNode s = deref(schema);
      if (isIndex(part) && s.has("items")) {
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

  // Without a regular expression: titles are looked up for every figure shown, and compiling the
  // pattern each time was a twentieth of what a build allocated.
  private static boolean isIndex(String part) {
    if (part.isEmpty()) {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      if (part.charAt(i) < '0' || part.charAt(i) > '9') {
        return false;
      }
    }
    return true;
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

  /**
   * One place in the schema, with everything validation asks of it worked out once when the schema
   * is loaded: a city's disclosures hold millions of values, each checked against one of these.
   */
  private static final class Rule {
    final JsonNode schema;
    final Set<String> types;
    final Map<String, Property> properties = new LinkedHashMap<>();
    final JsonNode props;
    boolean forbidsOthers;
    Property others;
    final List<String> required = new ArrayList<>();
    Property items;
    final List<String> allowed;
    final Pattern pattern;
    final BigDecimal minimum;
    final BigDecimal maximum;
    final int minLength;
    final int maxLength;

    Rule(JsonNode schema, Pattern pattern) {
      this.schema = schema;
      this.types = types(schema);
      this.props = schema.path("properties");
      JsonNode e = schema.get("enum");
      if (e == null) {
        allowed = null;
      } else {
        allowed = new ArrayList<>();
        e.forEach(v -> allowed.add(v.asText()));
      }
      this.pattern = pattern;
      minimum = schema.has("minimum") ? schema.get("minimum").decimalValue() : null;
      maximum = schema.has("maximum") ? schema.get("maximum").decimalValue() : null;
      minLength = schema.has("minLength") ? schema.get("minLength").asInt() : -1;
      maxLength = schema.has("maxLength") ? schema.get("maxLength").asInt() : -1;
    }
  }

  /** A child of a rule with the title it is shown under (its own, or its target's). */
  private record Property(Rule rule, String title) {}

  /** Where a value sits, as the messages name it ("units[2].name"); only spelled out for them. */
  private record Where(Where parent, String field, int index) {
    static Where field(Where parent, String field) {
      return new Where(parent, field, -1);
    }

    @Override
    public String toString() {
      if (parent == null) {
        return field != null ? field : "[" + (index + 1) + "]";
      }
      return field != null ? parent + "." + field : parent + "[" + (index + 1) + "]";
    }
  }

  private static String path(Where where) {
    return where == null ? "" : where.toString();
  }

  // The schema of a field that additionalProperties lets through: anything goes.
  private static final JsonNode ANY = NODES.objectNode();
  private final Map<JsonNode, Rule> rules = new IdentityHashMap<>();

  private Property property(JsonNode schemaRef) {
    return new Property(rule(schemaRef), fieldTitle(schemaRef, ""));
  }

  private Rule rule(JsonNode schemaRef) {
    JsonNode schema = deref(schemaRef);
    Rule known = rules.get(schema);
    if (known != null) {
      return known;
    }
    JsonNode p = schema.get("pattern");
    Rule rule = new Rule(schema, p == null ? null : patterns.get(p.asText()));
    rules.put(schema, rule); // before the children: $defs may refer to themselves
    rule.props
        .fields()
        .forEachRemaining(e -> rule.properties.put(e.getKey(), property(e.getValue())));
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
      rule.forbidsOthers = true;
    } else {
      rule.others = property(additional == null || additional.isBoolean() ? ANY : additional);
    }
    schema.path("required").forEach(r -> rule.required.add(r.asText()));
    JsonNode items = schema.get("items");
    rule.items = items == null ? null : property(items);
    return rule;
  }

  private JsonNode walk(Node node, Property at, Where where, List<Violation> out) {
    Rule rule = at.rule();
    if (!typeOk(rule.types, node)) {
      out.add(
          new Violation(
              node.mark(),
              "schema.type",
              label(where, at)
                  + " 应为"
                  + describeTypes(rule.types)
                  + "，实为"
                  + node.describe()
                  + hint(node, rule.types)));
      return null;
    }
    if (node instanceof Node.MapNode m) {
      return walkObject(m, rule, at, where, out);
    }
    if (node instanceof Node.ListNode l) {
      ArrayNode array = NODES.arrayNode(l.items().size());
      if (rule.items != null) {
        for (int i = 0; i < l.items().size(); i++) {
          JsonNode v = walk(l.items().get(i), rule.items, new Where(where, null, i), out);
          if (v != null) {
            array.add(v);
          }
        }
      }
      return array;
    }
    return scalar((Node.ScalarNode) node, rule, at, where, out);
  }

  private static boolean typeOk(Set<String> types, Node node) {
    if (types.isEmpty()) {
      return true;
    }
    String actual = jsonType(node);
    return types.contains(actual) || (actual.equals("integer") && types.contains("number"));
  }

  private JsonNode walkObject(
      Node.MapNode m, Rule rule, Property at, Where where, List<Violation> out) {
    ObjectNode object = new ObjectNode(NODES, new FieldMap(m.fields().size()));
    for (Node.Field f : m.fields().values()) {
      Property child = rule.properties.get(f.name());
      if (child == null) {
        if (rule.forbidsOthers) {
          out.add(
              new Violation(
                  f.keyMark(),
                  "schema.unknown-field",
                  unknownField(f.name(), path(where), rule.props)));
          continue;
        }
        child = rule.others;
      }
      JsonNode v = walk(f.value(), child, Where.field(where, f.name()), out);
      if (v != null && !v.isNull()) {
        object.set(f.name(), v);
      }
    }
    for (String field : rule.required) {
      Node.Field present = m.fields().get(field);
      if (present == null) {
        Property fs = rule.properties.get(field);
        String t = fs == null ? "" : fs.title();
        out.add(
            new Violation(
                m.mark(),
                "schema.required",
                (where == null ? "" : label(where, at) + " ")
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

  private JsonNode scalar(
      Node.ScalarNode s, Rule rule, Property at, Where where, List<Violation> out) {
    switch (s.type()) {
      case NULL:
        return NODES.nullNode();
      case BOOLEAN:
        // YAML 1.1 also spells true as yes/on/y; the scanner already decided this is a boolean.
        return NODES.booleanNode(s.text().matches("(?i)true|yes|on|y"));
      case INTEGER:
      case DECIMAL:
        return number(s, rule, at, where, out);
      default:
        return text(s, rule, at, where, out);
    }
  }

  private JsonNode number(
      Node.ScalarNode s, Rule rule, Property at, Where where, List<Violation> out) {
    BigDecimal value;
    try {
      String t = s.text();
      value =
          new BigDecimal(
              t.indexOf('_') < 0 && t.indexOf('+') < 0 ? t : t.replace("_", "").replace("+", ""));
    } catch (NumberFormatException e) {
      out.add(new Violation(s.mark(), "schema.type", label(where, at) + " 不是有效的数字：" + s.text()));
      return null;
    }
    if (value.precision() > 24 || value.scale() > 12 || value.scale() < -6) {
      out.add(
          new Violation(
              s.mark(),
              "schema.range",
              label(where, at) + " 数值超出可接受的范围（至多 24 位有效数字、12 位小数）：" + abbreviate(s.text())));
      return null;
    }
    if ((rule.minimum != null && value.compareTo(rule.minimum) < 0)
        || (rule.maximum != null && value.compareTo(rule.maximum) > 0)) {
      out.add(
          new Violation(
              s.mark(),
              "schema.range",
              label(where, at)
                  + " 应在 "
                  + (rule.minimum == null ? "…" : rule.schema.get("minimum").asText())
                  + " 到 "
                  + (rule.maximum == null ? "…" : rule.schema.get("maximum").asText())
                  + " 之间，实为 "
                  + s.text()));
      return null;
    }
    return NODES.numberNode(value);
  }

  private JsonNode text(
      Node.ScalarNode s, Rule rule, Property at, Where where, List<Violation> out) {
    String text = s.text();
    if (rule.allowed != null && !rule.allowed.contains(text)) {
      StringBuilder sb =
          new StringBuilder(
              label(where, at)
                  + " 的值 “"
                  + abbreviate(text)
                  + "” 不在允许范围内；可选："
                  + String.join("、", rule.allowed));
      Suggest.closest(text, rule.allowed, Map.of())
          .ifPresent(v -> sb.append("。是否想写 “").append(v).append("”？"));
      out.add(new Violation(s.mark(), "schema.enum", sb.toString()));
      return null;
    }
    if (rule.pattern != null && !rule.pattern.matcher(text).find()) {
      String expected =
          rule.types.contains("number") ? "数字或占位符（涉密、——）" : "格式 " + rule.pattern.pattern();
      out.add(
          new Violation(
              s.mark(),
              "schema.pattern",
              label(where, at)
                  + " 应为"
                  + expected
                  + "，实为 “"
                  + abbreviate(text)
                  + "”"
                  + numberHint(text)));
      return null;
    }
    if (rule.minLength >= 0 || rule.maxLength >= 0) {
      int length = text.codePointCount(0, text.length());
      if (rule.minLength >= 0 && length < rule.minLength) {
        out.add(new Violation(s.mark(), "schema.required", label(where, at) + " 不能为空"));
        return null;
      }
      if (rule.maxLength >= 0 && length > rule.maxLength) {
        out.add(
            new Violation(
                s.mark(), "schema.range", label(where, at) + " 过长（至多 " + rule.maxLength + " 个字符）"));
        return null;
      }
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

  private static String label(Where where, Property at) {
    if (where == null) {
      return "文件内容";
    }
    String path = where.toString();
    return at.title().isEmpty() ? path : path + "（" + at.title() + "）";
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "…";
  }
}
