package org.touming.publish;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.touming.compare.Comparisons;
import org.touming.compare.Figure;
import org.touming.compare.Point;
import org.touming.compare.Series;
import org.touming.content.Catalog;
import org.touming.content.Department;
import org.touming.content.DepartmentId;
import org.touming.content.Disclosure;
import org.touming.content.Kind;
import org.touming.content.Loaded;
import org.touming.content.Region;
import org.touming.internal.Decimals;
import org.touming.render.Money;
import org.touming.render.Urls;
import org.touming.render.View;
import org.touming.render.View.Cell;
import org.touming.render.View.Link;

/**
 * The comparison pages: regions against each other per figure and year, departments ranked within a
 * region with their stated change and reasons, and 三公 across all departments and years. Region sums
 * hold published figures only and say how many departments they cover.
 */
final class ComparePages {
  static final String INDEX = "compare/index.html";
  static final String THREE_PUBLIC = "compare/three-public/index.html";
  static final String INTERACTIVE = "compare/interactive/index.html";
  static final String DATA = "compare/interactive/data.js";

  /** The figures the interactive page offers. */
  static final List<Figure> INTERACTIVE_FIGURES =
      List.of(
          Figure.EXPENDITURE_TOTAL,
          Figure.EXPENDITURE_BASIC,
          Figure.EXPENDITURE_PROJECT,
          Figure.INCOME_TOTAL,
          Figure.THREE_PUBLIC_TOTAL,
          Figure.OPERATING_COSTS,
          Figure.PROCUREMENT_TOTAL,
          Figure.ASSETS_TOTAL);

  private static final List<Figure> REGION_FIGURES =
      List.of(
          Figure.EXPENDITURE_TOTAL,
          Figure.EXPENDITURE_BASIC,
          Figure.EXPENDITURE_PROJECT,
          Figure.THREE_PUBLIC_TOTAL,
          Figure.OPERATING_COSTS,
          Figure.INCOME_TOTAL);
  private static final List<Figure> RANKED =
      List.of(Figure.EXPENDITURE_TOTAL, Figure.THREE_PUBLIC_TOTAL, Figure.OPERATING_COSTS);
  private static final int MAX_LINES = 7;

  private final Catalog catalog;
  private final ChartPages charts;
  private final List<Region> regions;

  ComparePages(Catalog catalog, ChartPages charts) {
    this.catalog = catalog;
    this.charts = charts;
    this.regions =
        catalog.regions().values().stream().filter(r -> !charts.members(r).isEmpty()).toList();
  }

  static String region(String code) {
    return "compare/regions/" + code + "/index.html";
  }

  /** Regions with at least one department in them or below them. */
  List<Region> regions() {
    return regions;
  }

  View.ComparePage index(Sink out) throws IOException {
    List<View.Chart> chartList = new ArrayList<>();
    List<View.Table> tables = new ArrayList<>();
    for (Kind kind : kinds()) {
      List<Region> leaves =
          regions().stream()
              .filter(
                  r ->
                      catalog.regions().values().stream()
                          .noneMatch(
                              c -> r.code().equals(c.parent()) && !charts.members(c).isEmpty()))
              .toList();
      List<Region> plotted =
          leaves.stream()
              .sorted(
                  Comparator.comparing(
                          (Region r) ->
                              latest(charts.regionSeries(r, Figure.EXPENDITURE_TOTAL, kind)))
                      .reversed()
                      .thenComparing(Region::code))
              .limit(MAX_LINES)
              .sorted(Comparator.comparing(Region::code))
              .toList();
      List<Series> lines =
          plotted.stream()
              .map(r -> charts.regionSeries(r, Figure.EXPENDITURE_TOTAL, kind))
              .filter(s -> !s.isEmpty())
              .toList();
      if (!lines.isEmpty()) {
        List<String> labels = lines.stream().map(Series::subject).toList();
        String note = leaves.size() > MAX_LINES ? "（支出最多的 " + MAX_LINES + " 个地区）" : "";
        chartList.add(
            charts.chart(
                out,
                "compare/",
                "regions-expenditure-" + kind.key(),
                "各地区历年" + kind.label() + "支出合计" + note,
                lines,
                labels,
                null));
      }
      for (Figure f : REGION_FIGURES) {
        tables.add(regionTable(f, kind));
      }
    }
    tables.removeIf(t -> t.body().isEmpty());
    List<Link> links = new ArrayList<>();
    regions().forEach(r -> links.add(new Link(region(r.code()), r.name() + "：部门排名")));
    links.add(new Link(THREE_PUBLIC, "“三公”经费概览"));
    links.add(new Link(INTERACTIVE, "自选对比（选择部门或地区与项目）"));
    String lead = "各地区所有部门公开数的合计，单位万元。括号中为该年有公开数的部门数：部门数不同的年份或地区，合计不宜直接比较。推算数不计入合计。";
    return new View.ComparePage(lead, links, chartList, tables);
  }

  private View.Table regionTable(Figure f, Kind kind) {
    List<Series> rows = regions().stream().map(r -> charts.regionSeries(r, f, kind)).toList();
    TreeSet<Integer> years = new TreeSet<>();
    rows.forEach(s -> s.points().forEach(p -> years.add(p.year())));
    List<Cell> head = new ArrayList<>(List.of(Cell.th("地区")));
    years.forEach(y -> head.add(Cell.th(y + " 年")));
    List<List<Cell>> body = new ArrayList<>();
    List<Region> regions = regions();
    for (int i = 0; i < regions.size(); i++) {
      Series s = rows.get(i);
      if (s.isEmpty()) {
        continue;
      }
      List<Cell> row =
          new ArrayList<>(
              List.of(
                  Cell.td(regions.get(i).name())
                      .asHeader()
                      .link(Urls.region(regions.get(i).code()))));
      for (int y : years) {
        row.add(
            Cell.number(
                s.at(y).map(p -> ChartPages.cell(p) + "（" + s.coverage().get(y) + "）").orElse("")));
      }
      body.add(row);
    }
    return new View.Table(
        "regions-" + f.key() + "-" + kind.key(),
        "各地区" + kind.label() + f.label(),
        "单位：万元；括号内为涵盖部门数",
        List.of(head),
        body);
  }

  /**
   * A department's published figure of one year as its row in a ranking shows it: the amount in 万元,
   * and the change over the year before and its reason as the disclosure states them.
   */
  record Standing(
      Department department,
      Kind kind,
      Figure figure,
      int year,
      BigDecimal value,
      String change,
      String reason) {}

  /**
   * Every row one department adds to the ranking tables of its regions: each published (not
   * derived) point of a ranked figure, with the disclosure it comes from.
   */
  static List<Standing> standings(
      Department d, List<Loaded<Disclosure>> disclosures, Map<Kind, Map<Figure, Series>> series) {
    List<Standing> out = new ArrayList<>();
    for (var byKind : series.entrySet()) {
      Kind kind = byKind.getKey();
      for (Figure f : RANKED) {
        JsonPointer changeAt = f.change() == null ? null : JsonPointer.compile(f.change());
        JsonPointer reasonAt =
            f.change() == null
                ? null
                : JsonPointer.compile(f.change().replace("/amount", "/reason"));
        for (Point p : byKind.getValue().get(f).points()) {
          if (p.derived()) {
            continue;
          }
          for (Loaded<Disclosure> l : disclosures) {
            if (l.value().year() == p.year() && l.value().kind() == kind) {
              String change = "";
              String reason = "";
              if (changeAt != null) {
                JsonNode c = l.tree().at(changeAt);
                if (c.isNumber()) {
                  change =
                      Money.signed(
                          org.touming.content.Amount.of(
                              Comparisons.wanYuan(c.decimalValue(), l.value().unit())));
                }
                JsonNode why = l.tree().at(reasonAt);
                reason = why.isTextual() ? why.asText() : "";
              }
              out.add(new Standing(d, kind, f, p.year(), p.value(), change, reason));
              break;
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * Departments of a region ranked per figure and year, with the change and reasons they state.
   * Each department's rows are made once (see {@link ChartPages#standings}) and only sorted here:
   * the province's ranking holds every department of the site.
   */
  View.ComparePage ranking(Region r) {
    Map<Kind, Map<Figure, TreeMap<Integer, List<Standing>>>> tables = new EnumMap<>(Kind.class);
    for (DepartmentId id : charts.members(r)) {
      for (Standing s : charts.standings(id)) {
        tables
            .computeIfAbsent(s.kind(), k -> new EnumMap<>(Figure.class))
            .computeIfAbsent(s.figure(), f -> new TreeMap<>(Comparator.reverseOrder()))
            .computeIfAbsent(s.year(), y -> new ArrayList<>())
            .add(s);
      }
    }
    List<View.Table> out = new ArrayList<>();
    for (Kind kind : kinds()) {
      for (Figure f : RANKED) {
        tables
            .getOrDefault(kind, Map.of())
            .getOrDefault(f, new TreeMap<>())
            .forEach((year, rows) -> out.add(ranked(rows, f, kind, year)));
      }
    }
    List<Link> links =
        List.of(
            new Link(INDEX, "地区对比"),
            new Link(Urls.region(r.code()), r.name()),
            new Link(THREE_PUBLIC, "“三公”经费概览"));
    return new View.ComparePage(
        r.name() + "各部门按公开数排名，单位万元；“比上年增减”与“原因”为公开文件所述。", links, List.of(), out);
  }

  private static View.Table ranked(List<Standing> rows, Figure f, Kind kind, int year) {
    List<Standing> sorted = new ArrayList<>(rows);
    sorted.sort(
        Comparator.comparing(Standing::value).reversed().thenComparing(s -> s.department().id()));
    List<List<Cell>> body = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Standing s = sorted.get(i);
      Department d = s.department();
      body.add(
          List.of(
              Cell.number(String.valueOf(i + 1)),
              Cell.td(d.name()).asHeader().link(Urls.disclosure(d.id(), year, kind)),
              Cell.number(Money.group(Decimals.trimmed(s.value()))),
              Cell.number(s.change()),
              Cell.td(s.reason())));
    }
    List<Cell> head =
        List.of(Cell.th("排名"), Cell.th("部门"), Cell.th(f.label()), Cell.th("比上年增减"), Cell.th("原因"));
    return new View.Table(
        "rank-" + f.key() + "-" + kind.key() + "-" + year,
        year + " 年" + kind.label() + f.label() + "排名",
        "单位：万元",
        List.of(head),
        body);
  }

  /** 三公 of every department and year, derived years marked. */
  View.ComparePage threePublic() {
    List<View.Table> tables = new ArrayList<>();
    for (Kind kind : kinds()) {
      TreeSet<Integer> years = new TreeSet<>();
      for (Department d : catalog.departments().values()) {
        Map<Figure, Series> s = charts.of(d.id()).get(kind);
        if (s != null) {
          s.get(Figure.THREE_PUBLIC_TOTAL).points().forEach(p -> years.add(p.year()));
        }
      }
      List<Cell> head = new ArrayList<>(List.of(Cell.th("地区"), Cell.th("部门")));
      years.forEach(y -> head.add(Cell.th(y + " 年")));
      List<List<Cell>> body = new ArrayList<>();
      for (Department d : catalog.departments().values()) {
        Map<Figure, Series> s = charts.of(d.id()).get(kind);
        if (s == null || s.get(Figure.THREE_PUBLIC_TOTAL).isEmpty()) {
          continue;
        }
        Region r = catalog.regions().get(d.region());
        List<Cell> row =
            new ArrayList<>(
                List.of(
                    Cell.td(r.name()), Cell.td(d.name()).asHeader().link(Urls.department(d.id()))));
        for (int y : years) {
          row.add(
              Cell.number(s.get(Figure.THREE_PUBLIC_TOTAL).at(y).map(ChartPages::cell).orElse("")));
        }
        body.add(row);
      }
      if (!body.isEmpty()) {
        tables.add(
            new View.Table(
                "three-public-" + kind.key(),
                "各部门历年" + kind.label() + "“三公”经费合计",
                "单位：万元；“推算”为由下一年公开所述增减推算的数",
                List.of(head),
                body));
      }
    }
    return new View.ComparePage(
        "每个部门每年的“三公”经费合计，单位万元。各项明细与增减原因见各部门页面和 data/three_public.csv。",
        List.of(new Link(INDEX, "地区对比")),
        List.of(),
        tables);
  }

  /**
   * The interactive page's data, as a script that assigns it: a script file loads from disk
   * (file://) where a fetch of JSON would be refused. Values in 万元; derived points flagged.
   */
  byte[] interactiveData() throws IOException {
    var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    var root = nodes.objectNode();
    var figures = root.putArray("figures");
    for (Figure f : INTERACTIVE_FIGURES) {
      figures.addObject().put("key", f.key()).put("label", f.label());
    }
    var kinds = root.putArray("kinds");
    for (Kind k : kinds()) {
      kinds.addObject().put("key", k.key()).put("label", k.label());
    }
    var subjects = root.putArray("subjects");
    for (Region r : regions()) {
      var o =
          subjects
              .addObject()
              .put("id", "r:" + r.code())
              .put("name", r.name())
              .put("type", "region");
      var values = o.putObject("values");
      for (Kind k : kinds()) {
        var byFigure = values.putObject(k.key());
        for (Figure f : INTERACTIVE_FIGURES) {
          Series s = charts.regionSeries(r, f, k);
          var points = byFigure.putArray(f.key());
          for (Point p : s.points()) {
            points
                .addArray()
                .add(p.year())
                .add(p.value())
                .add(0)
                .add(s.coverage().getOrDefault(p.year(), 0));
          }
        }
      }
    }
    for (Department d : catalog.departments().values()) {
      var o =
          subjects
              .addObject()
              .put("id", d.region() + "-" + d.code())
              .put("name", d.name())
              .put("type", "department")
              .put("region", d.region());
      var values = o.putObject("values");
      for (var e : charts.of(d.id()).entrySet()) {
        var byFigure = values.putObject(e.getKey().key());
        for (Figure f : INTERACTIVE_FIGURES) {
          var points = byFigure.putArray(f.key());
          for (Point p : e.getValue().get(f).points()) {
            points.addArray().add(p.year()).add(p.value()).add(p.derived() ? 1 : 0).add(1);
          }
        }
      }
    }
    String json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(
                com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN
                    .mappedFeature())
            .writeValueAsString(root);
    // Inside a script, "</" could close it and U+2028/9 end a line: neither may pass raw.
    json = json.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    return ("window.TOUMING_COMPARE = " + json + ";\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private List<Kind> kinds() {
    return java.util.Arrays.stream(Kind.values())
        .filter(k -> catalog.disclosures().stream().anyMatch(l -> l.value().kind() == k))
        .toList();
  }

  private static BigDecimal latest(Series s) {
    return s.points().isEmpty() ? BigDecimal.ZERO : s.points().get(s.points().size() - 1).value();
  }
}
