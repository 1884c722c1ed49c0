package org.touming.content.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.content.Mark;
import org.touming.internal.YamlWriter;
import org.touming.sample.SampleGenerator;

/**
 * The subset reader against SnakeYAML: wherever it reads a text, the tree (values, types, texts,
 * positions, key order) and the duplicate keys must be SnakeYAML's; wherever SnakeYAML reports an
 * error, it must decline. Run on every YAML file of the repository's content and the fixtures, on a
 * synthetic site, on hand-picked edge cases and on 30,000 mutations of parts of them; it must also
 * read every content file itself, or builds would silently fall back to the slow path.
 */
class YamlSubsetTest {
  private static final String[] VALUES = {
    "abc",
    "涉密",
    "≥90%",
    "0",
    "-0",
    "007",
    "09",
    "1.50",
    "-43.22",
    "+5",
    "1_000",
    "0x1F",
    "0o17",
    "0b101",
    "1:20",
    "1e5",
    "1.5e3",
    ".5",
    ".inf",
    "-.inf",
    ".nan",
    "~",
    "null",
    "Null",
    "NULL",
    "true",
    "True",
    "FALSE",
    "yes",
    "No",
    "on",
    "OFF",
    "y",
    "n",
    "Y",
    "2019-02-15",
    "2019-02-15 10:00:00",
    "<<",
    "=",
    "\"\"",
    "''",
    "\"a\\\"b\"",
    "'it''s'",
    "\"\\u00e9\\x41\\U0001F600\\t\\n\\\\\\/\\0\\ \\_\\N\"",
    "\"\\q\"",
    "\"unterminated",
    "'unterminated",
    "\"a\" # note",
    "\"a\"# note",
    "\"a\" tail",
    "value # comment",
    "value#hash",
    "a: b",
    "a:b",
    "- x",
    "-x",
    "? x",
    "?x",
    ":x",
    "[]",
    "{}",
    "[1, \"a\", b, 2.5, ~, true]",
    "[1, 2,]",
    "[1,, 2]",
    "[a: b]",
    "{amount: 1.75, reason: 主要为工资方面的支出}",
    "{a: 1, a: 2}",
    "{a:1}",
    "{a: [1, {b: c}], d: {}}",
    "{a: b # c}",
    "{\"a\": 1}",
    "[1, 2",
    "{a: 1",
    "[1] tail",
    "&anchor x",
    "*alias",
    "!tag x",
    "!!str 1",
    "|",
    ">-",
    "%x",
    "@x",
    "`x",
    "x,y",
    "办公经费[2019]",
    "a{b}",
    "text with  double  spaces",
    "ends with space ",
    "１２３",
    "3月底",
    "1.5万元",
    "2019年",
    "-5％",
    "true真",
    "no否",
    "𠀀𠀁",
    "\"𠀀\" ",
    "<script>alert(1)</script>",
    "=cmd|' /C calc'!A0",
    "a #b #c",
    "- - x",
  };

  private final YamlTreeReader reader = new YamlTreeReader();
  private int read;
  private int declined;

  @Test
  void readsEveryContentFileAsSnakeYamlDoes(@TempDir Path dir) throws IOException {
    new SampleGenerator().write(60, 5, dir);
    List<Path> files = new ArrayList<>();
    files.addAll(yamlFiles(Path.of("content")));
    files.addAll(yamlFiles(Path.of("src/test/resources/org/touming/fixtures")));
    files.addAll(yamlFiles(dir));
    files.add(Path.of("site-config.yml"));
    assertTrue(files.size() > 80, "too few files: " + files.size());
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertTrue(compare(text), () -> "declined a content file: " + file);
    }
  }

  @Test
  void edgeCasesAgreeWithSnakeYaml() {
    List<String> texts = new ArrayList<>();
    for (String v : VALUES) {
      texts.add("key: " + v + "\n");
      texts.add("list:\n  - " + v + "\n  - second\n");
      texts.add("list:\n- " + v + "\nnext: 1\n");
      texts.add("m:\n  a: " + v + "\n  b: 2\n");
      texts.add("flow: [" + v + "]\n");
      texts.add("flow: {k: " + v + "}\n");
      texts.add(v + ": 1\n");
      texts.add("- " + v + "\n");
    }
    texts.addAll(
        List.of(
            "",
            "# only a comment\n",
            "a: 1\r\nb:\r\n  c: 2\r\n",
            "a: 1\rb: 2\n",
            "a: 1\n---\nb: 2\n",
            "---\na: 1\n",
            "a: 1\n...\n",
            "a:\n  b: 1\n c: 2\n",
            "a:\n    b: 1\n  c: 2\n",
            "a: 1\n  b: 2\n",
            "a:\n  - x\n  y: 1\n",
            "a:\n  - x\n    - y\n",
            "a:\nb: 1\n",
            "a:\n",
            "a:\n  just text\n",
            "a: b\n  continued\n",
            "a: \"one\n  two\"\n",
            "a: [1,\n  2]\n",
            "  a: 1\n  b: 2\n",
            "a: 1\na: 2\n",
            "a:\n  x: 1\n  x: 2\n  x: 3\n",
            "- a: 1\n  b: 2\n- a: 3\n",
            "-\n  a: 1\n",
            "-\n  - a\n",
            "- \n",
            "a:\n  -\n    b: 1\n",
            "a:\n  - b:\n      c: 1\n",
            "a:\n\n  # comment\n  b: 1 # trailing\n\n",
            "a: 1\t\n",
            "\ta: 1\n",
            "a: x\u0085y\n",
            "a: x\u2028y\n",
            "a: \ufeffx\n",
            "\ufeffa: 1\n",
            "a: \u0007\n",
            "a: \u007f\n",
            "a: \ud800\n",
            "名称: 值\n说明: “引号”\n",
            "𠀀: 1\n𠀁: {b: 𠀂, c: [𠀃, 2]}\n",
            "a : 1\n",
            "a  : 1\n",
            "\"quoted key\": 1\n",
            "'quoted key': 1\n",
            "? complex\n: value\n",
            "a: &x 1\nb: *x\n",
            "a: !!int 1\n",
            "a: |\n  text\n",
            "a: >\n  text\n",
            "a: 1 # c\n# end\n",
            "x" + ": " + "y".repeat(2000) + "\n",
            "k".repeat(1500) + ": 1\n",
            "a: " + "9".repeat(5000) + "\n",
            "a: 1.".concat("1".repeat(40)) + "\n",
            "a:\n" + "  ".repeat(1) + "b:\n" + "    c: [[[[[[[[1]]]]]]]]\n",
            "x: " + "[".repeat(80) + "]".repeat(80) + "\n",
            "x: " + "[".repeat(300) + "\n"));
    for (String text : texts) {
      compare(text);
    }
    assertTrue(read > 200, "the subset read too few edge cases: " + read);
    assertTrue(declined > 100, "the subset declined too few edge cases: " + declined);
  }

  @Test
  void mutationsAgreeWithSnakeYaml(@TempDir Path dir) throws IOException {
    new SampleGenerator().write(6, 9, dir);
    List<String> originals = new ArrayList<>();
    for (Path p : yamlFiles(Path.of("content"))) {
      originals.add(Files.readString(p));
    }
    for (Path p : yamlFiles(dir)) {
      originals.add(Files.readString(p));
    }
    Random random = new Random(20261201L);
    for (int i = 0; i < 30_000; i++) {
      compare(mutate(window(originals.get(random.nextInt(originals.size())), random), random));
    }
    assertTrue(read > 10_000, "the subset read too few mutations: " + read);
    assertTrue(declined > 3_000, "the subset declined too few mutations: " + declined);
  }

  @Test
  void readsWhatYamlWriterWrites() {
    Random random = new Random(3);
    for (int i = 0; i < 2_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(12);
      for (int k = 0; k < length; k++) {
        s.append(
            random.nextInt(3) == 0
                ? VALUES[random.nextInt(VALUES.length)]
                : String.valueOf((char) (0x20 + random.nextInt(0x5f))));
      }
      String value = s.toString();
      String yaml =
          YamlWriter.emit(
              "# header\n",
              Map.of(
                  "text", value, "list", List.of(value, "x"), "row", List.of(List.of(value, 1))));
      if (!value.contains("\t") && value.chars().allMatch(c -> c >= 0x20)) {
        assertTrue(compare(yaml), () -> "declined what YamlWriter wrote:\n" + yaml);
      } else {
        compare(yaml);
      }
    }
  }

  /** Whether the subset read the text; fails when it disagrees with SnakeYAML. */
  private boolean compare(String text) {
    String expected;
    boolean error = false;
    try {
      List<String> dups = new ArrayList<>();
      Node root = reader.readFully(text, (m, msg) -> dups.add(at(m) + " " + msg));
      expected = dump(root) + dups;
    } catch (YamlSyntaxException e) {
      expected = "error";
      error = true;
    }
    Optional<YamlSubset.Result> subset;
    try {
      subset = YamlSubset.read(text);
    } catch (RuntimeException e) {
      fail("the subset reader threw " + e + " on:\n" + preview(text), e);
      return false;
    }
    if (subset.isEmpty()) {
      declined++;
      return false;
    }
    if (error) {
      fail("SnakeYAML reports an error the subset reader did not see, on:\n" + preview(text));
    }
    List<String> dups = new ArrayList<>();
    subset.get().duplicates().forEach(d -> dups.add(at(d.mark()) + " " + d.message()));
    String actual = dump(subset.get().root()) + dups;
    if (!expected.equals(actual)) {
      assertEquals(expected, actual, "on:\n" + preview(text));
    }
    read++;
    return true;
  }

  private static String at(Mark m) {
    return m.line() + ":" + m.column();
  }

  /** The tree as text, in order, with every position and type. */
  private static String dump(Node node) {
    StringBuilder sb = new StringBuilder();
    dump(node, sb);
    return sb.toString();
  }

  private static void dump(Node node, StringBuilder sb) {
    if (node == null) {
      sb.append("null");
      return;
    }
    sb.append('@').append(at(node.mark()));
    if (node instanceof Node.MapNode m) {
      sb.append('{');
      for (Node.Field f : m.fields().values()) {
        sb.append(f.name()).append('@').append(at(f.keyMark())).append('=');
        dump(f.value(), sb);
        sb.append(';');
      }
      sb.append('}');
    } else if (node instanceof Node.ListNode l) {
      sb.append('[');
      for (Node item : l.items()) {
        dump(item, sb);
        sb.append(';');
      }
      sb.append(']');
    } else {
      Node.ScalarNode s = (Node.ScalarNode) node;
      sb.append(s.type()).append('<').append(s.text()).append('>');
    }
  }

  /** A run of lines from the top level of a file: most of the cost of SnakeYAML is in length. */
  private static String window(String text, Random random) {
    List<String> lines = Arrays.asList(text.split("\n", -1));
    int from = random.nextInt(lines.size());
    while (from > 0 && (lines.get(from).isEmpty() || lines.get(from).charAt(0) == ' ')) {
      from--;
    }
    int to = Math.min(lines.size(), from + 5 + random.nextInt(80));
    return String.join("\n", lines.subList(from, to)) + "\n";
  }

  private static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int n = 1 + random.nextInt(3);
    for (int k = 0; k < n; k++) {
      int line = random.nextInt(lines.size());
      String l = lines.get(line);
      switch (random.nextInt(9)) {
        case 0 -> lines.set(line, " ".repeat(random.nextInt(7)) + l.stripLeading());
        case 1 -> {
          int colon = l.indexOf(": ");
          int dash = l.indexOf("- ");
          String v = VALUES[random.nextInt(VALUES.length)];
          if (colon >= 0) {
            lines.set(line, l.substring(0, colon + 2) + v);
          } else if (dash >= 0) {
            lines.set(line, l.substring(0, dash + 2) + v);
          } else {
            lines.set(line, v);
          }
        }
        case 2 -> lines.remove(line);
        case 3 -> lines.add(line, l);
        case 4 -> {
          int other = random.nextInt(lines.size());
          lines.set(line, lines.get(other));
          lines.set(other, l);
        }
        case 5 -> {
          if (!l.isEmpty()) {
            int at = random.nextInt(l.length());
            String insert = pick(" :-#{}[],'\"\\&*!|>?%@`~", random);
            lines.set(line, l.substring(0, at) + insert + l.substring(at));
          }
        }
        case 6 -> {
          if (!l.isEmpty()) {
            int at = random.nextInt(l.length());
            lines.set(line, l.substring(0, at) + l.substring(at + 1));
          }
        }
        case 7 -> lines.set(line, l + (random.nextBoolean() ? " # note" : " "));
        default -> {
          String joined = String.join("\n", lines);
          return joined.substring(0, random.nextInt(joined.length() + 1));
        }
      }
    }
    return String.join("\n", lines);
  }

  private static String pick(String choices, Random random) {
    return String.valueOf(choices.charAt(random.nextInt(choices.length())));
  }

  private static List<Path> yamlFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
  }

  private static String preview(String s) {
    return s.length() > 2000 ? s.substring(0, 2000) + "…" : s;
  }
}
