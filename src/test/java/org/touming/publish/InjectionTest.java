package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.internal.YamlWriter;
import org.touming.testing.FixtureSite;

/**
 * Script and markup in every kind of author field and in the Markdown stay inert in every output:
 * pages, feed, sitemap, JSON and CSV.
 */
class InjectionTest {
  static final String MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&${7*7}";
  static final String FORMULA = "=cmd|' /C calc'!A0";
  private static final Pattern FIELD =
      Pattern.compile(
          "^(\\s*(?:- )?)(name|title|kind|description|goal|reason|summary|caption|item|project|term|definition|excellent|good|sponsor|nature|rank|level3|basis|original-title|table-label|as-of): (.+)$");

  static String poison(String yaml, boolean disclosure) {
    StringBuilder out = new StringBuilder();
    for (String line : yaml.split("\n", -1)) {
      Matcher m = FIELD.matcher(line);
      boolean figure = m.matches() && m.group(3).matches("-?[0-9.]+|涉密|——");
      if (m.matches() && !figure && !(disclosure && m.group(2).equals("kind"))) {
        String original = m.group(3).replaceAll("^\"|\"$", "");
        String payload =
            m.group(2).equals("item") || m.group(2).equals("nature")
                ? FORMULA + original
                : MARKUP + original;
        out.append(m.group(1))
            .append(m.group(2))
            .append(": ")
            .append(YamlWriter.quote(payload))
            .append('\n');
      } else {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  @Test
  void authorTextIsInertEverywhere(@TempDir Path dir) throws Exception {
    FixtureSite site = FixtureSite.copy("valid", dir.resolve("site"));
    for (String file :
        List.of(
            "site-config.yml",
            "content/regions.yml",
            "content/131003/260/department.yml",
            FixtureSite.DISCLOSURE)) {
      site.write(file, poison(site.read(file), file.equals(FixtureSite.DISCLOSURE)));
    }
    site.write(
        FixtureSite.DISCLOSURE,
        site.read(FixtureSite.DISCLOSURE)
            + "tables:\n  - caption: "
            + YamlWriter.quote(MARKUP)
            + "\n    header: [["
            + YamlWriter.quote(MARKUP)
            + "]]\n    rows: [["
            + YamlWriter.quote(FORMULA)
            + "]]\n");
    site.write(
        "content/131003/260/2019-budget.md",
        site.read("content/131003/260/2019-budget.md")
            + "\n## 其他需要说明的事项\n\n<script>alert(3)</script>\n\n<div onclick=\"alert(4)\">x</div> <b onmouseover=alert(5)>y</b>\n\n"
            + "[click](javascript:alert(6)) ![img](javascript:alert(7)) <a href=\"javascript:alert(8)\">z</a> ${7*7} <#if true>ftl</#if>\n");
    site.write(
        "content/131003/260/2019-budget.md",
        site.read("content/131003/260/2019-budget.md")
            .replaceFirst("\n## 其他需要说明的事项\n\n我部门无其他需要说明的事项。\n", "\n"));
    Path out = BuiltSite.build(site.root(), dir.resolve("out"));

    List<String> problems = new ArrayList<>();
    boolean sawPayloadAsText = false;
    for (Path page : BuiltSite.files(out, ".html")) {
      Document doc = Jsoup.parse(page.toFile(), "UTF-8");
      String where = out.relativize(page).toString();
      if (!doc.select("iframe, object, embed, img[src=x]").isEmpty()) {
        problems.add(where + ": injected element");
      }
      for (Element script : doc.select("script")) {
        // Our own scripts on the interactive compare and search pages, nothing else, never inline.
        String src = script.attr("src");
        if (!script.data().isEmpty()
            || !(src.endsWith("assets/compare.js")
                || src.endsWith("compare/interactive/data.js")
                || src.equals("../assets/search.js")
                || src.equals("../search/meta.js"))) {
          problems.add(where + ": script " + script);
        }
      }
      for (Element e : doc.getAllElements()) {
        for (Attribute a : e.attributes()) {
          if (a.getKey().toLowerCase().startsWith("on")) {
            problems.add(where + ": event handler attribute " + a);
          }
          if ((a.getKey().equals("href") || a.getKey().equals("src"))
              && a.getValue().strip().toLowerCase().startsWith("javascript:")) {
            problems.add(where + ": script URL " + a);
          }
        }
      }
      sawPayloadAsText |= doc.text().contains("<script>alert(1)</script>");
    }
    assertEquals(List.of(), problems);
    assertTrue(sawPayloadAsText, "author markup is shown as text");
    String disclosure =
        Jsoup.parse(out.resolve("departments/131003-260/2019-budget/index.html").toFile(), "UTF-8")
            .text();
    assertTrue(
        disclosure.contains("${7*7}") && disclosure.contains("<#if true>ftl</#if>"),
        "template syntax in content is not evaluated");

    var xml = DocumentBuilderFactory.newInstance();
    xml.setNamespaceAware(true);
    for (String file : List.of("feed.xml", "sitemap.xml")) {
      var parsed = xml.newDocumentBuilder().parse(out.resolve(file).toFile());
      assertEquals(0, parsed.getElementsByTagName("script").getLength(), file);
    }
    assertTrue(
        Files.readString(out.resolve("feed.xml")).contains("&lt;script&gt;"),
        "escaped in the feed");

    JsonNode json =
        new ObjectMapper()
            .readTree(out.resolve("data/disclosures/131003-260-2019-budget.json").toFile());
    assertTrue(json.at("/department/name").asText().startsWith(MARKUP));

    // The search index holds author text as JSON strings inside its scripts, nothing else.
    boolean inIndex = false;
    for (Path chunk : BuiltSite.files(out.resolve("search/d"), ".js")) {
      String js = Files.readString(chunk);
      assertTrue(js.startsWith("toumingSearch.d(") && js.endsWith(");\n"), chunk.toString());
      JsonNode docs =
          new ObjectMapper().readTree(js.substring(js.indexOf(',') + 1, js.length() - 3));
      for (JsonNode d : docs) {
        if (d.isNull()) {
          continue; // a slot of the chunk that its page does not use
        }
        inIndex |= d.get(1).asText().contains(MARKUP) || d.get(2).asText().contains(MARKUP);
      }
    }
    assertTrue(inIndex, "author text reaches the search index as data");

    CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    for (Path file : BuiltSite.files(out, ".csv")) {
      byte[] bytes = Files.readAllBytes(file);
      assertTrue(
          bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF,
          file + " starts with a BOM");
      String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
      try (MappingIterator<List<String>> rows =
          csv.readerForListOf(String.class).readValues(text)) {
        while (rows.hasNext()) {
          for (String cell : rows.next()) {
            assertFalse(
                cell.startsWith("=") || cell.startsWith("@") || cell.startsWith("+"),
                file.getFileName() + ": live formula " + cell);
          }
        }
      }
    }
    assertTrue(
        Files.readString(out.resolve("data/units.csv")).contains("'=cmd"),
        "formula text kept, made inert");
  }
}
