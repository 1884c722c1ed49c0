package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.compare.Figure;
import org.touming.content.ContentLoader;
import org.touming.content.Diagnostics;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.content.MoneyUnit;
import org.touming.content.Site;
import org.touming.sample.SampleGenerator;

/**
 * Every department chart of a built site, read back from its SVG and its data table, against the
 * content: a published value is the disclosure's figure; a derived value is the next year's figure
 * minus its stated change, and is drawn and labelled as derived.
 */
class ChartTest {
  private static final Pattern MARK =
      Pattern.compile("^(.+) ([0-9]{4}) 年：(-?[0-9,]+(?:\\.[0-9]+)?) 万元(（推算）)?$");
  private static final Pattern PERCENT =
      Pattern.compile("^(.+)增减幅度 ([0-9]{4}) 年：(-?[0-9]+\\.[0-9])%(（推算）)?$");

  @Test
  void everyPlottedValueIsTheContentsValue(@TempDir Path dir) throws Exception {
    new SampleGenerator().write(60, 12, dir.resolve("sample"));
    int checked = 0;
    int derived = 0;
    int changes = 0;
    for (Path root : List.of(Path.of("").toAbsolutePath(), dir.resolve("sample"))) {
      Path out = BuiltSite.build(root, dir.resolve("out-" + root.getFileName()));
      Map<String, List<Loaded<Disclosure>>> bySlug = load(root);
      for (var e : bySlug.entrySet()) {
        Document page =
            Jsoup.parse(out.resolve("departments/" + e.getKey() + "/index.html").toFile(), "UTF-8");
        for (Element figure : page.select("figure.chart-figure")) {
          String kind = figure.id().substring(figure.id().lastIndexOf('-') + 1);
          Element svg = figure.selectFirst("svg");
          assertTrue(
              svg.attr("role").equals("img")
                  && svg.selectFirst("title") != null
                  && svg.selectFirst("desc") != null,
              "accessible chart");
          Element table = page.getElementById(figure.id() + "-data");
          for (Element mark : svg.select(".mark")) {
            Matcher pm = PERCENT.matcher(mark.selectFirst("title").text());
            if (pm.matches()) {
              // Year-on-year change: this year against the previous, each published or derived.
              Figure f = byLabel(pm.group(1));
              int year = Integer.parseInt(pm.group(2));
              Expected now = expected(e.getValue(), f, year, kind);
              Expected before = expected(e.getValue(), f, year - 1, kind);
              BigDecimal pct =
                  now.value()
                      .subtract(before.value())
                      .multiply(BigDecimal.valueOf(100))
                      .divide(before.value().abs(), 1, java.math.RoundingMode.HALF_UP);
              assertEquals(
                  pct.toPlainString(), pm.group(3), e.getKey() + " " + f + " " + year + " change");
              assertEquals(
                  now.derived() || before.derived(),
                  pm.group(4) != null,
                  "a change from a derived year is derived");
              String cell = cellFor(table, pm.group(1) + "增减幅度（%）", year);
              assertEquals(
                  (pct.signum() > 0 ? "+" : "")
                      + pm.group(3)
                      + "%"
                      + (pm.group(4) == null ? "" : "（推算）"),
                  cell);
              checked++;
              changes++;
              continue;
            }
            Matcher m = MARK.matcher(mark.selectFirst("title").text());
            assertTrue(m.matches(), mark.selectFirst("title").text());
            Figure f = byLabel(m.group(1));
            int year = Integer.parseInt(m.group(2));
            BigDecimal plotted = new BigDecimal(m.group(3).replace(",", ""));
            boolean isDerived = m.group(4) != null;
            assertEquals(isDerived, mark.hasClass("derived"), "derived marks are drawn as derived");
            Expected expected = expected(e.getValue(), f, year, kind);
            assertEquals(
                0,
                expected.value().compareTo(plotted),
                e.getKey() + " " + f + " " + year + ": " + plotted + " vs " + expected.value());
            assertEquals(
                expected.derived(), isDerived, e.getKey() + " " + f + " " + year + " derived?");
            String cell = cellFor(table, m.group(1), year);
            assertEquals(
                m.group(3) + (isDerived ? "（推算）" : ""),
                cell,
                "the data table holds exactly the plotted value");
            checked++;
            derived += isDerived ? 1 : 0;
          }
        }
      }
    }
    assertTrue(changes > 20, "year-on-year changes checked: " + changes);
    checked += regionCharts(dir.resolve("sample"), dir.resolve("out-sample"));
    Path real = Path.of("").toAbsolutePath();
    Path realOut = dir.resolve("out-" + real.getFileName());
    checked += regionCharts(real, realOut);
    // The real content: 廊坊市广阳区委's 2018 derived from its 2019 disclosure, marked so;
    // 三河市 and 广阳区 side by side on the compare page.
    String guangyang =
        Jsoup.parse(realOut.resolve("departments/131003-260/index.html").toFile(), "UTF-8").text();
    assertTrue(
        guangyang.contains("6,911.37（推算）") && guangyang.contains("130.6（推算）"),
        "derived 2018 figures shown as derived");
    Document compare = Jsoup.parse(realOut.resolve("compare/index.html").toFile(), "UTF-8");
    Element table = compare.getElementById("regions-expenditure-total-budget");
    assertTrue(
        table.text().contains("广阳区 13,235.54（2）") && table.text().contains("三河市 95,531.43（1）"),
        table.text());
    assertTrue(checked > 500, "values checked: " + checked);
    assertTrue(derived > 20, "derived values checked: " + derived);
  }

  /**
   * Region pages and the compare page: each plotted value is the sum of the published figures of
   * the departments in that region (and the regions below it), never including a derived one.
   */
  private int regionCharts(Path root, Path out) throws Exception {
    ContentLoader loader = new ContentLoader();
    Site site = loader.loadSite(root, new Diagnostics()).orElseThrow();
    Map<String, List<Loaded<Disclosure>>> bySlug = load(root);
    Map<String, String> parent = new HashMap<>();
    Map<String, String> codeByName = new HashMap<>();
    site.regions()
        .forEach(
            r -> {
              parent.put(r.code(), r.parent());
              codeByName.put(r.name(), r.code());
            });
    int checked = 0;
    List<Path> pages = new ArrayList<>(BuiltSite.files(out.resolve("regions"), ".html"));
    pages.add(out.resolve("compare/index.html"));
    for (Path file : pages) {
      Document page = Jsoup.parse(file.toFile(), "UTF-8");
      String pageRegion = file.getParent().getFileName().toString();
      for (Element figure : page.select("figure.chart-figure")) {
        String kind = figure.id().substring(figure.id().lastIndexOf('-') + 1);
        for (Element mark : figure.select("svg .mark")) {
          Matcher m = MARK.matcher(mark.selectFirst("title").text());
          assertTrue(m.matches());
          boolean isCompare = file.endsWith("compare/index.html");
          String region = isCompare ? codeByName.get(m.group(1)) : pageRegion;
          Figure f = isCompare ? Figure.EXPENDITURE_TOTAL : byLabel(m.group(1));
          int year = Integer.parseInt(m.group(2));
          BigDecimal sum = BigDecimal.ZERO;
          for (var e : bySlug.entrySet()) {
            if (within(e.getKey().substring(0, 6), region, parent)) {
              for (Loaded<Disclosure> l : e.getValue()) {
                if (l.value().year() == year
                    && l.value().kind().key().equals(kind)
                    && l.tree().at(f.pointer()).isNumber()) {
                  sum = sum.add(wan(l, f.pointer()));
                }
              }
            }
          }
          assertEquals(
              0,
              sum.compareTo(new BigDecimal(m.group(3).replace(",", ""))),
              file + " " + m.group(0));
          assertTrue(m.group(4) == null, "region sums are never derived");
          checked++;
        }
      }
    }
    assertTrue(checked > 2, "region values checked: " + checked);
    return checked;
  }

  private static boolean within(String region, String ancestor, Map<String, String> parent) {
    for (String code = region; code != null; code = parent.get(code)) {
      if (code.equals(ancestor)) {
        return true;
      }
    }
    return false;
  }

  record Expected(BigDecimal value, boolean derived) {}

  private static Expected expected(
      List<Loaded<Disclosure>> disclosures, Figure f, int year, String kind) {
    Optional<Loaded<Disclosure>> same =
        disclosures.stream()
            .filter(l -> l.value().year() == year && l.value().kind().key().equals(kind))
            .findFirst();
    if (same.isPresent()) {
      return new Expected(wan(same.get(), f.pointer()), false);
    }
    Loaded<Disclosure> next =
        disclosures.stream()
            .filter(l -> l.value().kind().key().equals(kind) && l.value().year() == year + 1)
            .findFirst()
            .orElseThrow(() -> new AssertionError("nothing to derive " + year + " from"));
    return new Expected(wan(next, f.pointer()).subtract(wan(next, f.change())), true);
  }

  private static BigDecimal wan(Loaded<Disclosure> l, String pointer) {
    JsonNode n = l.tree().at(pointer);
    BigDecimal v = n.decimalValue();
    return l.value().unit() == MoneyUnit.YUAN ? v.movePointLeft(4) : v;
  }

  private static String cellFor(Element table, String label, int year) {
    List<String> years = new ArrayList<>();
    for (Element th : table.select("thead th")) {
      years.add(th.text());
    }
    for (Element row : table.select("tbody tr")) {
      if (row.child(0).text().equals(label)) {
        return row.child(years.indexOf(year + " 年")).text();
      }
    }
    throw new AssertionError("no row " + label);
  }

  private static Figure byLabel(String label) {
    for (Figure f : Figure.values()) {
      if (f.label().equals(label)) {
        return f;
      }
    }
    throw new AssertionError("unknown figure " + label);
  }

  private static Map<String, List<Loaded<Disclosure>>> load(Path root) {
    ContentLoader loader = new ContentLoader();
    Diagnostics d = new Diagnostics();
    Site site = loader.loadSite(root, d).orElseThrow();
    Map<String, List<Loaded<Disclosure>>> out = new HashMap<>();
    for (Site.DisclosureFile f : site.disclosures()) {
      loader
          .loadDisclosure(site, f, d)
          .ifPresent(
              l ->
                  out.computeIfAbsent(
                          f.department().region() + "-" + f.department().code(),
                          k -> new ArrayList<>())
                      .add(l));
    }
    return out;
  }
}
