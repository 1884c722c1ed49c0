package org.touming.render;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.touming.content.Amount;
import org.touming.content.Disclosure;
import org.touming.content.Disclosure.AssetLine;
import org.touming.content.Disclosure.Indicator;
import org.touming.content.Disclosure.ProcurementLine;
import org.touming.content.Loaded;
import org.touming.content.MoneyUnit;
import org.touming.content.Section;
import org.touming.render.View.Block;
import org.touming.render.View.Cell;
import org.touming.render.View.FigureRow;
import org.touming.render.View.Figures;
import org.touming.render.View.Table;

/**
 * Builds the view of one disclosure page: every section of the document with its narrative and
 * every table and figure of the model, each with its own anchor. Labels come from the schema's
 * Chinese titles, so a figure added to the schema shows up without touching this class.
 */
public final class DisclosureViews {
  private final MarkdownRenderer markdown;

  public DisclosureViews(MarkdownRenderer markdown) {
    this.markdown = markdown;
  }

  public List<View.Section> sections(Loaded<Disclosure> loaded) {
    Disclosure d = loaded.value();
    Map<Section, List<Block>> blocks = new EnumMap<>(Section.class);
    MoneyUnit unit = d.unit();
    if (!d.units().isEmpty()) {
      add(blocks, Section.ORGANIZATION, units(d));
    }
    figures(loaded, "income", "收入", unit).ifPresent(b -> add(blocks, Section.INCOME, b));
    figures(loaded, "expenditure", "支出", unit).ifPresent(b -> add(blocks, Section.EXPENDITURE, b));
    changes(loaded, "change", "比上年增减", unit).ifPresent(b -> add(blocks, Section.CHANGE, b));
    figures(loaded, "operating-costs", "机关运行经费", unit)
        .ifPresent(b -> add(blocks, Section.OPERATING_COSTS, b));
    changes(loaded, "operating-costs", "机关运行经费增减", unit)
        .ifPresent(b -> add(blocks, Section.OPERATING_COSTS, b));
    figures(loaded, "three-public", "“三公”经费", unit)
        .ifPresent(b -> add(blocks, Section.THREE_PUBLIC, b));
    changes(loaded, "three-public/change", "“三公”经费与上年相比", unit)
        .ifPresent(b -> add(blocks, Section.THREE_PUBLIC, b));
    if (d.performance() != null && !d.performance().responsibilities().isEmpty()) {
      add(blocks, Section.PERFORMANCE_DUTIES, performance(d));
    }
    for (int i = 0; i < d.projects().size(); i++) {
      for (Block b : project(d, i)) {
        add(blocks, Section.PERFORMANCE_PROJECTS, b);
      }
    }
    if (d.procurement() != null) {
      add(blocks, Section.PROCUREMENT, procurement(d));
    }
    if (d.assets() != null) {
      add(blocks, Section.ASSETS, assets(d));
    }
    for (int i = 0; i < d.tables().size(); i++) {
      Disclosure.Table t = d.tables().get(i);
      Section home = Section.OTHER;
      for (Section s : Section.values()) {
        if (s.key().equals(t.section())) {
          home = s;
        }
      }
      add(blocks, home, other(t, i));
    }
    List<View.Section> sections = new ArrayList<>();
    for (Section s : Section.values()) {
      String text = d.narrative().get(s).orElse(null);
      List<Block> b = blocks.getOrDefault(s, List.of());
      if (text != null || !b.isEmpty()) {
        sections.add(
            new View.Section(
                s.key(), s == Section.PREFACE ? "" : s.title(), markdown.render(text), b));
      }
    }
    if (!d.glossary().isEmpty()) {
      List<View.Term> terms =
          d.glossary().stream().map(g -> new View.Term(g.term(), g.definition())).toList();
      sections.add(
          new View.Section(
              "glossary", "名词解释", "", List.of(new View.Glossary("glossary-terms", terms))));
    }
    return sections;
  }

  private static void add(Map<Section, List<Block>> blocks, Section s, Block b) {
    blocks.computeIfAbsent(s, k -> new ArrayList<>()).add(b);
  }

  private static java.util.Optional<Block> figures(
      Loaded<Disclosure> loaded, String key, String caption, MoneyUnit unit) {
    JsonNode node = loaded.tree().at("/" + key);
    List<FigureRow> rows = new ArrayList<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().isValueNode()) {
                String pointer = "/" + key + "/" + e.getKey();
                rows.add(
                    new FigureRow(
                        loaded.schema().titleAt(pointer),
                        Money.format(amount(e.getValue()), unit),
                        ""));
              }
            });
    return rows.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(new Figures(key.replace('/', '-') + "-figures", caption, rows));
  }

  /** Stated changes against the previous year: signed amounts with their reasons. */
  private static java.util.Optional<Block> changes(
      Loaded<Disclosure> loaded, String key, String caption, MoneyUnit unit) {
    JsonNode node = loaded.tree().at("/" + key);
    List<FigureRow> rows = new ArrayList<>();
    String base = key.endsWith("change") ? key : key + "/change";
    JsonNode changes = key.endsWith("change") ? node : node.path("change");
    if (changes.has("amount")) {
      rows.add(
          new FigureRow(
              loaded.schema().titleAt("/" + base),
              Money.signed(amount(changes.get("amount"))) + " " + unit.label(),
              changes.path("reason").asText("")));
    } else {
      changes
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().isObject()) {
                  JsonNode c = e.getValue();
                  String value =
                      c.has("amount")
                          ? Money.signed(amount(c.get("amount"))) + " " + unit.label()
                          : "";
                  rows.add(
                      new FigureRow(
                          loaded.schema().titleAt("/" + base + "/" + e.getKey()),
                          value,
                          c.path("reason").asText("")));
                }
              });
    }
    if (rows.isEmpty()) {
      return java.util.Optional.empty();
    }
    String compared =
        changes.has("compared-with") ? "（与 " + changes.get("compared-with").asInt() + " 年相比）" : "";
    return java.util.Optional.of(
        new Figures(base.replace('/', '-') + "-figures", caption + compared, rows));
  }

  static Amount amount(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    return n.isNumber() ? Amount.of(n.decimalValue()) : Amount.placeholder(n.asText());
  }

  private static Table units(Disclosure d) {
    List<List<Cell>> body = new ArrayList<>();
    for (Disclosure.OrgUnit u : d.units()) {
      body.add(
          List.of(
              Cell.td(u.name()).asHeader(),
              Cell.td(u.nature()),
              Cell.td(u.rank()),
              Cell.td(u.funding())));
    }
    return new Table(
        "units-table",
        "部门机构设置情况",
        "",
        List.of(List.of(Cell.th("单位名称"), Cell.th("单位性质"), Cell.th("单位规格"), Cell.th("经费保障形式"))),
        body);
  }

  private static Table performance(Disclosure d) {
    var p = d.performance();
    MoneyUnit unit = p.unit() == null ? d.unit() : p.unit();
    List<List<Cell>> head =
        List.of(
            List.of(
                Cell.th("职责活动").span(1, 2),
                Cell.th("年度预算数").span(1, 2),
                Cell.th("内容描述").span(1, 2),
                Cell.th("绩效目标").span(1, 2),
                Cell.th("绩效指标").span(1, 2),
                Cell.th("评价标准").span(4, 1)),
            List.of(Cell.th("优"), Cell.th("良"), Cell.th("中"), Cell.th("差")));
    List<List<Cell>> body = new ArrayList<>();
    for (var r : p.responsibilities()) {
      item(
          body,
          numbered(r.no(), r.name(), "、"),
          r.budget(),
          r.description(),
          r.goal(),
          r.indicators(),
          1);
      for (var a : r.activities()) {
        item(
            body,
            numbered(a.no(), a.name(), "、"),
            a.budget(),
            a.description(),
            a.goal(),
            a.indicators(),
            2);
      }
    }
    return new Table(
        "performance-table",
        p.caption() == null ? "部门职责-工作活动绩效目标" : p.caption(),
        label(p.tableLabel(), unit),
        head,
        body);
  }

  private static void item(
      List<List<Cell>> body,
      String name,
      Amount budget,
      String description,
      String goal,
      List<Indicator> indicators,
      int level) {
    List<Cell> first =
        new ArrayList<>(
            List.of(
                Cell.td(name).asHeader().level(level),
                Cell.number(Money.format(budget)),
                Cell.td(description),
                Cell.td(goal)));
    if (indicators.isEmpty()) {
      first.addAll(List.of(Cell.td(""), Cell.td(""), Cell.td(""), Cell.td(""), Cell.td("")));
      body.add(first);
      return;
    }
    for (int i = 0; i < indicators.size(); i++) {
      Indicator ind = indicators.get(i);
      List<Cell> row =
          i == 0
              ? first
              : new ArrayList<>(List.of(Cell.td(""), Cell.td(""), Cell.td(""), Cell.td("")));
      row.addAll(
          List.of(
              Cell.td(ind.name()),
              Cell.td(ind.excellent()),
              Cell.td(ind.good()),
              Cell.td(ind.fair()),
              Cell.td(ind.poor())));
      body.add(row);
    }
  }

  private static List<Block> project(Disclosure d, int index) {
    var p = d.projects().get(index);
    MoneyUnit unit = p.unit() == null ? d.unit() : p.unit();
    String id = "project-" + (index + 1);
    List<FigureRow> rows = new ArrayList<>();
    rows.add(new FigureRow("项目编码", p.code() == null ? "" : p.code(), ""));
    rows.add(new FigureRow("项目名称", p.name(), ""));
    if (p.funds() != null) {
      rows.add(new FigureRow("预算数", Money.format(p.funds().total(), unit), ""));
      rows.add(new FigureRow("其中：财政资金", Money.format(p.funds().fiscal(), unit), ""));
      rows.add(new FigureRow("其他资金", Money.format(p.funds().other(), unit), ""));
    }
    if (p.summary() != null) {
      rows.add(new FigureRow("资金用途", p.summary(), ""));
    }
    for (var step : p.schedule()) {
      rows.add(
          new FigureRow(
              "资金支出计划（" + step.period() + "）", step.share() == null ? "" : step.share(), ""));
    }
    if (p.goal() != null) {
      rows.add(new FigureRow("绩效目标", p.goal(), ""));
    }
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Figures(id, p.caption() == null ? p.name() : p.caption(), rows));
    if (!p.indicators().isEmpty()) {
      List<List<Cell>> body = new ArrayList<>();
      for (var ind : p.indicators()) {
        body.add(
            List.of(
                Cell.td(ind.level1()),
                Cell.td(ind.level2()),
                Cell.td(ind.level3()).asHeader(),
                Cell.td(ind.description()),
                Cell.td(ind.value()),
                Cell.td(ind.basis())));
      }
      blocks.add(
          new Table(
              id + "-indicators",
              p.name() + " 绩效指标",
              "",
              List.of(
                  List.of(
                      Cell.th("一级指标"),
                      Cell.th("二级指标"),
                      Cell.th("三级指标"),
                      Cell.th("绩效指标描述"),
                      Cell.th("指标值"),
                      Cell.th("指标值确定依据"))),
              body));
    }
    return blocks;
  }

  private static Table procurement(Disclosure d) {
    var p = d.procurement();
    MoneyUnit unit = p.unit() == null ? d.unit() : p.unit();
    List<Cell> head = new ArrayList<>();
    for (String h :
        new String[] {
          "项目名称",
          "项目预算资金",
          "采购物品名称",
          "政府采购目录序号",
          "数量单位",
          "数量",
          "单价",
          "政府采购金额总计",
          "当年部门预算安排资金合计",
          "一般公共预算拨款",
          "基金预算拨款",
          "财政专户核拨",
          "其他来源收入",
          "其他渠道资金"
        }) {
      head.add(Cell.th(h));
    }
    List<List<Cell>> body = new ArrayList<>();
    if (p.total() != null) {
      body.add(procurementRow(p.total(), "合计"));
    }
    for (ProcurementLine row : p.rows()) {
      body.add(procurementRow(row, null));
    }
    return new Table(
        "procurement-table",
        p.caption() == null ? "部门政府采购预算" : p.caption(),
        label(p.tableLabel(), unit),
        List.of(head),
        body);
  }

  private static List<Cell> procurementRow(ProcurementLine r, String total) {
    return List.of(
        Cell.td(total != null ? total : r.project()).asHeader(),
        Cell.number(Money.format(r.projectBudget())),
        Cell.td(r.item()),
        Cell.td(r.catalogCode()),
        Cell.td(r.quantityUnit()),
        Cell.number(Money.format(r.quantity())),
        Cell.number(Money.format(r.unitPrice())),
        Cell.number(Money.format(r.amount())),
        Cell.number(Money.format(r.currentYear())),
        Cell.number(Money.format(r.generalPublic())),
        Cell.number(Money.format(r.governmentFund())),
        Cell.number(Money.format(r.specialAccount())),
        Cell.number(Money.format(r.otherIncome())),
        Cell.number(Money.format(r.otherChannels())));
  }

  private static Table assets(Disclosure d) {
    var a = d.assets();
    MoneyUnit unit = a.unit() == null ? d.unit() : a.unit();
    List<List<Cell>> body = new ArrayList<>();
    if (a.total() != null) {
      body.add(
          List.of(
              Cell.td(a.total().name()).asHeader(),
              Cell.number(Money.format(a.total().quantity())),
              Cell.number(Money.format(a.total().value()))));
    }
    for (AssetLine row : a.rows()) {
      body.add(
          List.of(
              Cell.td(row.name()).asHeader().level(1),
              Cell.number(Money.format(row.quantity())),
              Cell.number(Money.format(row.value()))));
      for (AssetLine detail : row.details()) {
        body.add(
            List.of(
                Cell.td(detail.name()).asHeader().level(2),
                Cell.number(Money.format(detail.quantity())),
                Cell.number(Money.format(detail.value()))));
      }
    }
    String note =
        String.join(
            "；",
            java.util.stream.Stream.of(
                    a.preparedBy() == null ? null : "编制部门：" + a.preparedBy(),
                    a.asOf() == null ? null : "截止时间：" + a.asOf())
                .filter(java.util.Objects::nonNull)
                .toList());
    String caption = a.caption() == null ? "固定资产占用情况表" : a.caption();
    return new Table(
        "assets-table",
        caption,
        note.isEmpty() ? "单位：" + unit.label() : note + "；单位：" + unit.label(),
        List.of(List.of(Cell.th("项目"), Cell.th("数量"), Cell.th("价值（" + unit.label() + "）"))),
        body);
  }

  private static Table other(Disclosure.Table t, int index) {
    List<List<Cell>> head =
        t.header().stream().map(r -> r.stream().map(Cell::th).toList()).toList();
    List<List<Cell>> body = t.rows().stream().map(r -> r.stream().map(Cell::td).toList()).toList();
    return new Table(
        "table-" + (index + 1),
        t.caption(),
        t.unit() == null ? "" : "单位：" + t.unit().label(),
        head,
        body);
  }

  private static String label(String tableLabel, MoneyUnit unit) {
    return (tableLabel == null ? "" : tableLabel + "；") + "单位：" + unit.label();
  }

  private static String numbered(String no, String name, String separator) {
    return no == null || no.isEmpty() ? name : no + separator + name;
  }
}
