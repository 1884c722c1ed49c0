package org.touming.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.touming.content.Mark;
import org.touming.content.yaml.Node;
import org.touming.content.yaml.YamlTreeReader;

/** Whatever text goes in comes back out of YAML as the same text: the writer's one promise. */
class YamlWriterTest {
  private static final String[] TRICKY = {
    "912",
    "001",
    "1.00",
    "-",
    "——",
    "涉密",
    "≥90%",
    "＜70%",
    "yes",
    "No",
    "null",
    "~",
    "true",
    ".inf",
    "a: b",
    "a #b",
    "#x",
    "- x",
    "[x]",
    "{x}",
    "x,y",
    "&a",
    "*a",
    "!t",
    "|",
    ">",
    "'q'",
    "\"q\"",
    "%x",
    "@x",
    "`x`",
    "=cmd|' /C calc'!A0",
    " lead",
    "trail ",
    "two\nlines",
    "tab\there",
    "",
    "中国共产党廊坊市广阳区委员会：办公室",
    "1、房屋（平方米）",
    "0x1F",
    "0b101",
    "0o17",
    ".5",
    "1_000",
    "+1",
    "1:20",
    "<<",
    "1e3",
    "12:30",
    "2019-01-01",
    "? x",
    "\u2028",
    "<script>alert(1)</script>"
  };

  @Test
  void textRoundTrips() throws Exception {
    Random random = new Random(3);
    for (int i = 0; i < 2000; i++) {
      String text = i < TRICKY.length ? TRICKY[i] : randomText(random);
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("value", text);
      root.put("row", List.of(List.of(text, text)));
      String yaml = YamlWriter.emit("", root);
      Node.MapNode read = (Node.MapNode) new YamlTreeReader().read(yaml, (Mark m, String s) -> {});
      Node.ScalarNode scalar = (Node.ScalarNode) read.fields().get("value").value();
      assertEquals(Node.ScalarType.STRING, scalar.type(), yaml);
      assertEquals(text, scalar.text(), yaml);
      Node.ListNode rows = (Node.ListNode) read.fields().get("row").value();
      Node.ListNode row = (Node.ListNode) rows.items().get(0);
      assertEquals(text, ((Node.ScalarNode) row.items().get(1)).text(), yaml);
    }
  }

  private static String randomText(Random random) {
    String alphabet = "ab1.-:#, []{}&*!|>'\"%@`~=?（）：，。涉密≥＜ \t\n";
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(8);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
