package org.touming.publish;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touming.chart.LineChart;
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
import org.touming.render.View;
import org.touming.render.View.Cell;
import org.touming.render.View.Link;

/**
 * The charts of department and region pages, with their data tables and downloads (SVG and CSV
 * beside the page). Series are computed once per department and reused by its regions.
 */
final class ChartPages {
  /** A chart's lines: which figures it draws. */
  private record Spec(String key, String title, List<Figure> figures) {}

  private static final List<Spec> DEPARTMENT =
      List.of(
          new Spec(
              "expenditure",
              "支出",
              List.of(
                  Figure.EXPENDITURE_TOTAL, Figure.EXPENDITURE_BASIC, Figure.EXPENDITURE_PROJECT)),
          new Spec(
              "three-public",
              "“三公”经费",
              List.of(
                  Figure.THREE_PUBLIC_TOTAL,
                  Figure.THREE_PUBLIC_OVERSEAS,
                  Figure.THREE_PUBLIC_VEHICLES,
                  Figure.THREE_PUBLIC_RECEPTION)),
          new Spec("operating-costs", "机关运行经费", List.of(Figure.OPERATING_COSTS)));
  private static final List<Spec> REGION =
      List.of(
          new Spec("expenditure", "各部门支出合计", List.of(Figure.EXPENDITURE_TOTAL)),
          new Spec("three-public", "各部门“三公”经费合计", List.of(Figure.THREE_PUBLIC_TOTAL)));

  private final Catalog catalog;
  private final Map<DepartmentId, Memo.Entry> entries = new LinkedHashMap<>();

  ChartPages(Catalog catalog, Memo memo) {
    this.catalog = catalog;
    for (Department d : catalog.departments().values()) {
      entries.put(d.id(), memo.entry(d, catalog.of(d.id())));
    }
  }

  /**
   * Each department's series, and the rows it adds to ranking tables, kept from one build to the
   * next while its disclosures are the very same loaded objects (as {@code serve} keeps them for
   * every file an edit did not touch).
   */
  static final class Memo {
    static final class Entry {
      private final Department department;
      private final List<Loaded<Disclosure>> disclosures;
      private final Map<Kind, Map<Figure, Series>> series;
      // Made when a ranking first asks: a build without compare pages never needs them, and the
      // province, city and county rankings share them.
      private volatile List<ComparePages.Standing> standings;

      private Entry(
          Department department,
          List<Loaded<Disclosure>> disclosures,
          Map<Kind, Map<Figure, Series>> series) {
        this.department = department;
        this.disclosures = disclosures;
        this.series = series;
      }

      List<ComparePages.Standing> standings() {
        List<ComparePages.Standing> made = standings;
        if (made == null) {
          made = ComparePages.standings(department, disclosures, series);
          standings = made;
        }
        return made;
      }
    }

    private final Map<DepartmentId, Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();

    Entry entry(Department d, List<Loaded<Disclosure>> disclosures) {
      Entry e = entries.get(d.id());
      if (e != null && e.department.equals(d) && same(e.disclosures, disclosures)) {
        return e;
      }
      Map<Kind, Map<Figure, Series>> byKind = new EnumMap<>(Kind.class);
      for (Kind kind : Kind.values()) {
        if (disclosures.stream().anyMatch(l -> l.value().kind() == kind)) {
          byKind.put(kind, Comparisons.department(d.name(), disclosures, kind));
        }
      }
      e = new Entry(d, List.copyOf(disclosures), byKind);
      entries.put(d.id(), e);
      return e;
    }

    private static boolean same(List<Loaded<Disclosure>> a, List<Loaded<Disclosure>> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) != b.get(i)) {
          return false;
        }
      }
      return true;
    }
  }

  List<View.Chart> department(Sink out, Department d, String folder) throws IOException {
    List<View.Chart> charts = new ArrayList<>();
    for (var e : of(d.id()).entrySet()) {
      for (Spec spec : DEPARTMENT) {
        List<Series> lines =
            spec.figures().stream()
                .map(f -> e.getValue().get(f))
                .filter(s -> !s.isEmpty())
                .toList();
        if (!lines.isEmpty()) {
          charts.add(chart(out, folder, spec, e.getKey(), d.name(), lines, null));
        }
      }
      changeChart(out, folder, e.getKey(), d.name(), e.getValue()).ifPresent(charts::add);
    }
    return charts;
  }

  private static final List<Figure> CHANGED =
      List.of(Figure.EXPENDITURE_TOTAL, Figure.THREE_PUBLIC_TOTAL, Figure.OPERATING_COSTS);

  /**
   * Year-on-year change of the headline figures, in percent (plotted) and in 万元 (in the table),
   * wherever two consecutive years are known; derived when either year is.
   */
  private java.util.Optional<View.Chart> changeChart(
      Sink out, String folder, Kind kind, String subject, Map<Figure, Series> series)
      throws IOException {
    List<LineChart.Line> lines = new ArrayList<>();
    Map<String, Map<Integer, String>> amounts = new LinkedHashMap<>();
    for (Figure f : CHANGED) {
      Series s = series.get(f);
      List<Point> pct = Comparisons.percentChange(s);
      if (!pct.isEmpty()) {
        lines.add(new LineChart.Line(f.label() + "增减幅度", pct));
      }
      Map<Integer, String> byYear = new LinkedHashMap<>();
      Comparisons.change(s).forEach(p -> byYear.put(p.year(), signed(p)));
      if (!byYear.isEmpty()) {
        amounts.put(f.label() + "比上年增减（万元）", byYear);
      }
    }
    if (lines.isEmpty()) {
      return java.util.Optional.empty();
    }
    String key = "change-" + kind.key();
    String id = "chart-" + key;
    String title = subject + " 历年" + kind.label() + "比上年增减幅度";
    List<Integer> years = LineChart.years(lines);
    StringBuilder description = new StringBuilder("比上年增减幅度（%）。");
    for (LineChart.Line l : lines) {
      description.append(l.label()).append("：");
      description
          .append(
              String.join(
                  "，", l.points().stream().map(p -> p.year() + " 年 " + percent(p)).toList()))
          .append("。");
    }
    String svg = LineChart.svg(id, title, description.toString(), lines, true);
    String file = folder + "charts/" + key;
    out.write(file + ".svg", LineChart.standalone(svg));
    List<List<Object>> csvRows = new ArrayList<>();
    for (LineChart.Line l : lines) {
      for (Point p : l.points()) {
        csvRows.add(
            java.util.Arrays.asList(
                p.year(), l.label(), plain(p.value()), p.derived() ? "derived" : "published"));
      }
    }
    out.write(
        file + ".csv",
        Csv.write(
            List.of(
                new Csv.Column("year", "年度", "integer", "date:fiscal-year"),
                new Csv.Column("figure_name", "项目", "string", null),
                new Csv.Column("change_percent", "比上年增减幅度（%）", "number", null),
                new Csv.Column("origin", "published 公开数 / derived 含推算数", "string", null)),
            csvRows));
    List<Cell> head = new ArrayList<>(List.of(Cell.th("项目")));
    years.forEach(y -> head.add(Cell.th(y + " 年")));
    List<List<Cell>> body = new ArrayList<>();
    for (LineChart.Line l : lines) {
      List<Cell> row = new ArrayList<>(List.of(Cell.td(l.label() + "（%）").asHeader()));
      for (int y : years) {
        row.add(
            Cell.number(
                l.points().stream()
                    .filter(p -> p.year() == y)
                    .findFirst()
                    .map(ChartPages::percent)
                    .orElse("")));
      }
      body.add(row);
    }
    for (var amount : amounts.entrySet()) {
      List<Cell> row = new ArrayList<>(List.of(Cell.td(amount.getKey()).asHeader()));
      years.forEach(y -> row.add(Cell.number(amount.getValue().getOrDefault(y, ""))));
      body.add(row);
    }
    View.Table data =
        new View.Table(id + "-data", title + "（图表数据）", "增减幅度单位：%；增减额单位：万元", List.of(head), body);
    return java.util.Optional.of(
        new View.Chart(
            id, title, svg, data, new Link(file + ".svg", "SVG"), new Link(file + ".csv", "CSV")));
  }

  static String percent(Point p) {
    String v = p.value().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    return (p.value().signum() > 0 ? "+" : "") + v + "%" + (p.derived() ? "（推算）" : "");
  }

  private static String signed(Point p) {
    String v = Money.group(plain(p.value()));
    return (p.value().signum() > 0 ? "+" : "") + v + (p.derived() ? "（推算）" : "");
  }

  /** Every figure × year of a department, derived values and disagreements marked. */
  List<View.Table> departmentTables(Department d) {
    List<View.Table> tables = new ArrayList<>();
    for (var e : of(d.id()).entrySet()) {
      List<Series> all = e.getValue().values().stream().filter(s -> !s.isEmpty()).toList();
      if (all.isEmpty()) {
        continue;
      }
      List<Integer> years =
          LineChart.years(
              all.stream().map(s -> new LineChart.Line(s.figure().label(), s.points())).toList());
      List<Cell> head = new ArrayList<>(List.of(Cell.th("项目（万元）")));
      years.forEach(y -> head.add(Cell.th(y + " 年")));
      List<List<Cell>> body = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (Series s : all) {
        List<Cell> row = new ArrayList<>(List.of(Cell.td(s.figure().label()).asHeader()));
        for (int y : years) {
          row.add(Cell.number(s.at(y).map(p -> cell(p)).orElse("")));
          s.at(y)
              .filter(p -> p.note() != null && !p.derived())
              .ifPresent(p -> notes.add(s.figure().label() + " " + y + " 年：" + p.note()));
        }
        body.add(row);
      }
      String caption =
          "历年"
              + e.getKey().label()
              + "数字"
              + (notes.isEmpty() ? "" : "（" + String.join("；", notes) + "）");
      tables.add(
          new View.Table(
              "series-" + e.getKey().key(),
              caption,
              "单位：万元；“推算”为由下一年公开所述增减推算的数",
              List.of(head),
              body));
    }
    return tables;
  }

  List<View.Chart> region(Sink out, Region r, String folder) throws IOException {
    List<DepartmentId> members = members(r);
    List<View.Chart> charts = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      List<Map<Figure, Series>> deps =
          members.stream().map(id -> of(id).get(kind)).filter(java.util.Objects::nonNull).toList();
      if (deps.isEmpty()) {
        continue;
      }
      for (Spec spec : REGION) {
        List<Series> lines =
            spec.figures().stream()
                .map(f -> Comparisons.region(r.name(), f, kind, deps))
                .filter(s -> !s.isEmpty())
                .toList();
        if (!lines.isEmpty()) {
          charts.add(chart(out, folder, spec, kind, r.name(), lines, lines.get(0)));
        }
      }
    }
    return charts;
  }

  Map<Kind, Map<Figure, Series>> of(DepartmentId id) {
    return entries.get(id).series;
  }

  /** The rows this department adds to the ranking tables of its regions. */
  List<ComparePages.Standing> standings(DepartmentId id) {
    return entries.get(id).standings();
  }

  private final Map<String, List<DepartmentId>> members =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Series> regionSeries = new java.util.concurrent.ConcurrentHashMap<>();

  /** The departments in a region or any region below it; computed once per region. */
  List<DepartmentId> members(Region r) {
    return members.computeIfAbsent(
        r.code(),
        code -> {
          List<DepartmentId> found = new ArrayList<>();
          for (Department d : catalog.departments().values()) {
            if (within(d.region(), code)) {
              found.add(d.id());
            }
          }
          return found;
        });
  }

  /** A region's sum of one figure: computed once, asked for by several pages. */
  Series regionSeries(Region r, Figure f, Kind kind) {
    return regionSeries.computeIfAbsent(
        r.code() + "|" + f + "|" + kind,
        k -> {
          List<Map<Figure, Series>> deps =
              members(r).stream()
                  .map(id -> of(id).get(kind))
                  .filter(java.util.Objects::nonNull)
                  .toList();
          return Comparisons.region(r.name(), f, kind, deps);
        });
  }

  private boolean within(String region, String ancestor) {
    String code = region;
    for (int i = 0; code != null && i < 10; i++) {
      if (code.equals(ancestor)) {
        return true;
      }
      Region r = catalog.regions().get(code);
      code = r == null ? null : r.parent();
    }
    return false;
  }

  private View.Chart chart(
      Sink out,
      String folder,
      Spec spec,
      Kind kind,
      String subject,
      List<Series> lines,
      Series coverage)
      throws IOException {
    List<String> labels = lines.stream().map(s -> s.figure().label()).toList();
    return chart(
        out,
        folder,
        spec.key() + "-" + kind.key(),
        subject + " 历年" + kind.label() + spec.title(),
        lines,
        labels,
        coverage);
  }

  /** A chart whose lines are labelled by {@code labels} (figures, or regions being compared). */
  View.Chart chart(
      Sink out,
      String folder,
      String key,
      String title,
      List<Series> lines,
      List<String> labels,
      Series coverage)
      throws IOException {
    String id = "chart-" + key;
    List<LineChart.Line> chartLines = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      chartLines.add(new LineChart.Line(labels.get(i), lines.get(i).points()));
    }
    List<Integer> years = LineChart.years(chartLines);
    String description = describe(lines, labels, years, coverage);
    String svg = LineChart.svg(id, title, description, chartLines);
    String file = folder + "charts/" + key;
    out.write(file + ".svg", LineChart.standalone(svg));
    out.write(file + ".csv", csv(lines, coverage));
    List<Cell> head = new ArrayList<>(List.of(Cell.th("项目（万元）")));
    years.forEach(y -> head.add(Cell.th(y + " 年")));
    List<List<Cell>> body = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Series s = lines.get(i);
      List<Cell> row = new ArrayList<>(List.of(Cell.td(labels.get(i)).asHeader()));
      years.forEach(y -> row.add(Cell.number(s.at(y).map(ChartPages::cell).orElse(""))));
      body.add(row);
    }
    if (coverage != null) {
      List<Cell> row = new ArrayList<>(List.of(Cell.td("涵盖部门数").asHeader()));
      years.forEach(
          y ->
              row.add(
                  Cell.number(
                      coverage.coverage().containsKey(y)
                          ? String.valueOf(coverage.coverage().get(y))
                          : "")));
      body.add(row);
    }
    View.Table data = new View.Table(id + "-data", title + "（图表数据）", "单位：万元", List.of(head), body);
    return new View.Chart(
        id, title, svg, data, new Link(file + ".svg", "SVG"), new Link(file + ".csv", "CSV"));
  }

  static String cell(Point p) {
    return Money.group(plain(p.value())) + (p.derived() ? "（推算）" : "");
  }

  private static BigDecimal plain(BigDecimal v) {
    return Decimals.trimmed(v);
  }

  private static String describe(
      List<Series> lines, List<String> labels, List<Integer> years, Series coverage) {
    StringBuilder sb = new StringBuilder();
    sb.append(years.get(0)).append(" 至 ").append(years.get(years.size() - 1)).append(" 年，单位万元。");
    for (int i = 0; i < lines.size(); i++) {
      sb.append(labels.get(i)).append("：");
      List<String> parts = new ArrayList<>();
      for (Point p : lines.get(i).points()) {
        parts.add(p.year() + " 年 " + cell(p));
      }
      sb.append(String.join("，", parts)).append("。");
    }
    if (coverage != null) {
      sb.append("各年涵盖的部门数不同，合计不宜直接比较。");
    }
    return sb.toString();
  }

  private static byte[] csv(List<Series> lines, Series coverage) {
    List<List<Object>> rows = new ArrayList<>();
    for (Series s : lines) {
      for (Point p : s.points()) {
        List<Object> row = new ArrayList<>();
        row.add(p.year());
        row.add(s.figure().key());
        row.add(s.figure().label());
        row.add(plain(p.value()));
        row.add(p.derived() ? "derived" : "published");
        row.add(coverage == null ? null : coverage.coverage().get(p.year()));
        row.add(p.note());
        rows.add(row);
      }
    }
    return Csv.write(
        List.of(
            new Csv.Column("year", "年度", "integer", "date:fiscal-year"),
            new Csv.Column("figure", "项目代码", "string", null),
            new Csv.Column("figure_name", "项目", "string", null),
            new Csv.Column("value_wan_yuan", "金额（万元）", "number", "value"),
            new Csv.Column("origin", "published 公开数 / derived 推算数", "string", null),
            new Csv.Column("departments", "涵盖部门数（地区合计）", "integer", null),
            new Csv.Column("note", "说明", "string", null)),
        rows);
  }
}
