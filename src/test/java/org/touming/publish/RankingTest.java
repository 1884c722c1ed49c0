package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.compare.Figure;
import org.touming.content.ContentLoader;
import org.touming.content.Diagnostics;
import org.touming.content.Disclosure;
import org.touming.content.Kind;
import org.touming.content.Loaded;
import org.touming.content.MoneyUnit;
import org.touming.content.Site;
import org.touming.render.Urls;
import org.touming.sample.SampleGenerator;

/**
 * Every ranking page of a built sample against the content: each table holds exactly the
 * departments of the region (at any depth) that published the figure that year, largest first (ties
 * by department), with the change and reason their disclosure states; tables come per kind, figure
 * and year, the latest year first.
 */
class RankingTest {
  private static final List<Figure> RANKED =
      List.of(Figure.EXPENDITURE_TOTAL, Figure.THREE_PUBLIC_TOTAL, Figure.OPERATING_COSTS);

  /** A row as the content says it should be. */
  private record Row(Loaded<Disclosure> source, BigDecimal value) {}

  @Test
  void everyRankingIsTheContentsFiguresInOrder(@TempDir Path dir) throws Exception {
    Path root = dir.resolve("sample");
    new SampleGenerator().write(80, 7, root);
    Path out = BuiltSite.build(root, dir.resolve("out"));
    ContentLoader loader = new ContentLoader();
    Diagnostics diagnostics = new Diagnostics();
    Site site = loader.loadSite(root, diagnostics).orElseThrow();
    List<Loaded<Disclosure>> all = new ArrayList<>();
    for (Site.DisclosureFile f : site.disclosures()) {
      loader.loadDisclosure(site, f, diagnostics).ifPresent(all::add);
    }
    Map<String, String> parent = new HashMap<>();
    site.regions().forEach(r -> parent.put(r.code(), r.parent()));
    int rows = 0;
    int changes = 0;
    List<Path> pages = BuiltSite.files(out.resolve("compare/regions"), ".html");
    assertTrue(pages.size() >= 3, "ranking pages: " + pages);
    for (Path file : pages) {
      String region = file.getParent().getFileName().toString();
      Document page = Jsoup.parse(file.toFile(), "UTF-8");
      List<String> expectedTables = new ArrayList<>();
      for (Kind kind : Kind.values()) {
        for (Figure f : RANKED) {
          Map<Integer, List<Row>> byYear =
              new java.util.TreeMap<>(Comparator.<Integer>naturalOrder().reversed());
          for (Loaded<Disclosure> l : all) {
            Disclosure d = l.value();
            JsonNode n = l.tree().at(f.pointer());
            if (d.kind() == kind
                && n.isNumber()
                && within(d.department().region(), region, parent)) {
              byYear
                  .computeIfAbsent(d.year(), y -> new ArrayList<>())
                  .add(new Row(l, wan(n.decimalValue(), d.unit())));
            }
          }
          for (var e : byYear.entrySet()) {
            String id = "rank-" + f.key() + "-" + kind.key() + "-" + e.getKey();
            expectedTables.add(id);
            List<Row> expected = new ArrayList<>(e.getValue());
            expected.sort(
                Comparator.comparing(Row::value)
                    .reversed()
                    .thenComparing(r -> r.source().value().department()));
            Element table = page.getElementById(id);
            assertTrue(table != null, file + " has no table " + id);
            List<Element> trs = table.select("tbody tr");
            assertEquals(expected.size(), trs.size(), file + " " + id + " rows");
            for (int i = 0; i < trs.size(); i++) {
              Element tr = trs.get(i);
              Row want = expected.get(i);
              Disclosure d = want.source().value();
              assertEquals(String.valueOf(i + 1), tr.child(0).text(), id + " rank");
              assertEquals(
                  "../../../" + Urls.disclosure(d.department(), d.year(), d.kind()),
                  tr.child(1).selectFirst("a").attr("href"),
                  id + " row " + (i + 1));
              assertEquals(
                  0,
                  want.value().compareTo(number(tr.child(2).text())),
                  id + " row " + (i + 1) + " value");
              JsonNode change = want.source().tree().at(f.change());
              if (change.isNumber()) {
                assertEquals(
                    0,
                    wan(change.decimalValue(), d.unit()).compareTo(number(tr.child(3).text())),
                    id + " row " + (i + 1) + " change");
                JsonNode reason = want.source().tree().at(f.change().replace("/amount", "/reason"));
                assertEquals(reason.isTextual() ? reason.asText() : "", tr.child(4).text());
                changes++;
              } else {
                assertEquals("", tr.child(3).text());
              }
              rows++;
            }
          }
        }
      }
      assertEquals(
          expectedTables,
          page.select("table[id^=rank-]").stream().map(Element::id).toList(),
          file + ": the tables and their order");
    }
    assertTrue(rows > 300, "rows checked: " + rows);
    assertTrue(changes > 100, "stated changes checked: " + changes);
  }

  private static BigDecimal number(String text) {
    return new BigDecimal(text.replace(",", "").replace("+", ""));
  }

  private static BigDecimal wan(BigDecimal v, MoneyUnit unit) {
    return unit == MoneyUnit.YUAN ? v.movePointLeft(4) : v;
  }

  private static boolean within(String region, String ancestor, Map<String, String> parent) {
    for (String code = region; code != null; code = parent.get(code)) {
      if (code.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }
}
