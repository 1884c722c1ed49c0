package org.touming.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.touming.content.Catalog;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.content.ProcurementColumns;
import org.touming.publish.Csv.Column;
import org.touming.publish.DataExport.Sheet;
import org.touming.render.Urls;

/** The site-wide CSV files and their columns. */
final class Sheets {
  private static final List<Column> IDENTITY =
      List.of(
          new Column("region_code", "行政区划代码", "string", null),
          new Column("region_name", "行政区划", "string", null),
          new Column(
              "department_code", "预算单位编码", "string", "administrative-classification:generic:code"),
          new Column(
              "department_name", "部门", "string", "administrative-classification:generic:label"),
          new Column("year", "年度", "integer", "date:fiscal-year"),
          new Column("kind", "公开类型（budget 预算 / final 决算）", "string", "phase:id"),
          new Column("unit", "金额单位", "string", null));

  /** Summary figures: column name and the pointer in the disclosure it comes from. */
  private static final String[][] SUMMARY = {
    {"income_total", "/income/total"},
    {"income_general_public", "/income/general-public"},
    {"income_government_fund", "/income/government-fund"},
    {"income_state_capital", "/income/state-capital"},
    {"income_special_account", "/income/special-account"},
    {"income_business", "/income/business"},
    {"income_other", "/income/other"},
    {"income_carry_over", "/income/carry-over"},
    {"expenditure_total", "/expenditure/total"},
    {"expenditure_basic", "/expenditure/basic"},
    {"expenditure_personnel", "/expenditure/personnel"},
    {"expenditure_public_funds", "/expenditure/public-funds"},
    {"expenditure_project", "/expenditure/project"},
    {"expenditure_project_own_level", "/expenditure/project-own-level"},
    {"change_total", "/change/total/amount"},
    {"change_basic", "/change/basic/amount"},
    {"change_project", "/change/project/amount"},
    {"operating_costs", "/operating-costs/amount"},
    {"operating_costs_change", "/operating-costs/change/amount"},
    {"three_public_total", "/three-public/total"},
    {"three_public_overseas", "/three-public/overseas"},
    {"three_public_vehicles", "/three-public/vehicles"},
    {"three_public_vehicle_purchase", "/three-public/vehicle-purchase"},
    {"three_public_vehicle_operation", "/three-public/vehicle-operation"},
    {"three_public_reception", "/three-public/reception"},
    {"procurement_total", "/procurement/total/amount"},
    {"assets_total", "/assets/total/value"}
  };

  private static final String[] THREE_PUBLIC = {
    "total", "overseas", "vehicles", "vehicle-purchase", "vehicle-operation", "reception"
  };
  private static final List<String> PROCUREMENT = ProcurementColumns.figures();

  private Sheets() {}

  static List<Sheet> all(Catalog catalog) {
    var schema = catalog.disclosures().isEmpty() ? null : catalog.disclosures().get(0).schema();
    return List.of(
        summary(catalog, schema),
        threePublic(catalog, schema),
        procurement(catalog, schema),
        indicators(catalog),
        assets(catalog),
        units(catalog));
  }

  private static List<Column> with(List<Column> extra) {
    List<Column> c = new ArrayList<>(IDENTITY);
    c.addAll(extra);
    return c;
  }

  private static List<Object> row(Catalog catalog, Loaded<Disclosure> l, Object... values) {
    Map<String, Object> id = DataExport.identity(catalog, l);
    List<Object> row = new ArrayList<>(id.values());
    row.addAll(java.util.Arrays.asList(values));
    return row;
  }

  private static String title(org.touming.content.yaml.Schema schema, String pointer) {
    if (schema == null) {
      return pointer;
    }
    String p = pointer.endsWith("/amount") ? pointer.substring(0, pointer.length() - 7) : pointer;
    return schema.titleAt(p);
  }

  private static Sheet summary(Catalog catalog, org.touming.content.yaml.Schema schema) {
    List<Column> extra = new ArrayList<>();
    extra.add(new Column("unit_factor", "单位折合元数（万元 = 10000）", "integer", null));
    for (String[] s : SUMMARY) {
      extra.add(new Column(s[0], title(schema, s[1]), "number", "value"));
    }
    extra.add(new Column("page", "页面", "string", null));
    extra.add(new Column("data", "JSON 数据", "string", null));
    return new Sheet(
        "summary",
        "各部门公开的主要数字",
        "每个公开文件一行：收入、支出、比上年增减、机关运行经费、“三公”经费、政府采购与资产总额。",
        with(extra),
        l -> {
          Disclosure d = l.value();
          List<Object> values = new ArrayList<>();
          values.add(d.unit().factor().intValueExact());
          for (String[] s : SUMMARY) {
            values.add(DataExport.amount(l.tree().at(s[1])));
          }
          values.add(Urls.disclosure(d));
          values.add(Urls.disclosureData(d, "json"));
          return List.of(row(catalog, l, values.toArray()));
        });
  }

  private static Sheet threePublic(Catalog catalog, org.touming.content.yaml.Schema schema) {
    List<Column> extra =
        List.of(
            new Column("part", "项目代码", "string", null),
            new Column("part_name", "项目", "string", "economic-classification:generic:label"),
            new Column("amount", "金额", "number", "value"),
            new Column("change_compared_with", "比较年度", "integer", null),
            new Column("change_amount", "与上年相比增减", "number", "value"),
            new Column("change_reason", "增减原因", "string", null));
    return new Sheet(
        "three_public",
        "“三公”经费",
        "每个公开文件的“三公”经费各项及其与上年相比的增减和原因，每项一行。",
        with(extra),
        l -> {
          JsonNode tp = l.tree().at("/three-public");
          List<List<Object>> rows = new ArrayList<>();
          if (tp.isMissingNode()) {
            return rows;
          }
          JsonNode cw = tp.at("/change/compared-with");
          for (String part : THREE_PUBLIC) {
            JsonNode change = tp.at("/change/" + part);
            if (!tp.has(part) && change.isMissingNode()) {
              continue;
            }
            rows.add(
                row(
                    catalog,
                    l,
                    part,
                    title(schema, "/three-public/" + part),
                    DataExport.amount(tp.get(part)),
                    cw.isNumber() ? cw.intValue() : null,
                    DataExport.amount(change.get("amount")),
                    change.path("reason").isTextual() ? change.get("reason").asText() : null));
          }
          return rows;
        });
  }

  private static Sheet procurement(Catalog catalog, org.touming.content.yaml.Schema schema) {
    List<Column> extra =
        new ArrayList<>(
            List.of(
                new Column("row_type", "行（total 合计 / item 明细）", "string", null),
                new Column("project", "项目名称", "string", null),
                new Column("item", "采购物品名称", "string", null),
                new Column("catalog_code", "政府采购目录序号", "string", null),
                new Column("quantity_unit", "数量单位", "string", null)));
    for (String c : PROCUREMENT) {
      extra.add(
          new Column(
              c.replace('-', '_'),
              title(schema, "/procurement/rows/0/" + c),
              "number",
              c.equals("quantity") ? null : "value"));
    }
    return new Sheet(
        "procurement",
        "政府采购预算",
        "政府采购预算表的合计行与每一明细行，含资金来源各列。",
        with(extra),
        l -> {
          List<List<Object>> rows = new ArrayList<>();
          JsonNode p = l.tree().at("/procurement");
          if (p.has("total")) {
            rows.add(procurementRow(catalog, l, "total", p.get("total")));
          }
          p.path("rows").forEach(r -> rows.add(procurementRow(catalog, l, "item", r)));
          return rows;
        });
  }

  private static List<Object> procurementRow(
      Catalog catalog, Loaded<Disclosure> l, String type, JsonNode r) {
    List<Object> values = new ArrayList<>(List.of(type));
    for (String f : ProcurementColumns.TEXT) {
      values.add(r.path(f).isTextual() ? r.get(f).asText() : null);
    }
    for (String c : PROCUREMENT) {
      values.add(DataExport.amount(r.get(c)));
    }
    return row(catalog, l, values.toArray());
  }

  private static Sheet indicators(Catalog catalog) {
    List<Column> extra =
        List.of(
            new Column("table", "表（performance 部门职责-工作活动 / project 项目）", "string", null),
            new Column("responsibility", "职责 / 项目名称", "string", null),
            new Column("activity", "工作活动", "string", null),
            new Column("budget", "年度预算数", "number", "value"),
            new Column("indicator", "绩效指标（三级指标）", "string", null),
            new Column("excellent", "评价标准：优", "string", null),
            new Column("good", "评价标准：良", "string", null),
            new Column("fair", "评价标准：中", "string", null),
            new Column("poor", "评价标准：差", "string", null),
            new Column("level1", "一级指标", "string", null),
            new Column("level2", "二级指标", "string", null),
            new Column("description", "绩效指标描述", "string", null),
            new Column("value", "指标值", "string", null),
            new Column("basis", "指标值确定依据", "string", null));
    return new Sheet(
        "indicators",
        "绩效指标",
        "部门职责-工作活动绩效目标表与项目绩效目标表中的每一个绩效指标，每个指标一行。",
        with(extra),
        l -> {
          Disclosure d = l.value();
          List<List<Object>> rows = new ArrayList<>();
          if (d.performance() != null) {
            for (var r : d.performance().responsibilities()) {
              for (var ind : r.indicators()) {
                rows.add(indicatorRow(catalog, l, r.name(), null, r.budget(), ind));
              }
              for (var a : r.activities()) {
                for (var ind : a.indicators()) {
                  rows.add(indicatorRow(catalog, l, r.name(), a.name(), a.budget(), ind));
                }
              }
            }
          }
          for (var p : d.projects()) {
            for (var ind : p.indicators()) {
              rows.add(
                  row(
                      catalog,
                      l,
                      "project",
                      p.name(),
                      null,
                      p.funds() == null ? null : p.funds().total(),
                      ind.level3(),
                      null,
                      null,
                      null,
                      null,
                      ind.level1(),
                      ind.level2(),
                      ind.description(),
                      ind.value(),
                      ind.basis()));
            }
          }
          return rows;
        });
  }

  /** A row of the performance table's indicators: the project columns stay empty. */
  private static List<Object> indicatorRow(
      Catalog catalog,
      Loaded<Disclosure> l,
      String responsibility,
      String activity,
      Object budget,
      Disclosure.Indicator ind) {
    return row(
        catalog,
        l,
        "performance",
        responsibility,
        activity,
        budget,
        ind.name(),
        ind.excellent(),
        ind.good(),
        ind.fair(),
        ind.poor(),
        null,
        null,
        null,
        null,
        null);
  }

  private static Sheet assets(Catalog catalog) {
    List<Column> extra =
        List.of(
            new Column("item", "项目", "string", null),
            new Column("parent", "所属项目（其中）", "string", null),
            new Column("quantity", "数量", "number", null),
            new Column("value", "价值", "number", "value"),
            new Column("as_of", "截止时间", "string", null));
    return new Sheet(
        "assets",
        "国有资产占用情况",
        "固定资产占用情况表的资产总额、各类资产及其中项。",
        with(extra),
        l -> {
          var a = l.value().assets();
          List<List<Object>> rows = new ArrayList<>();
          if (a == null) {
            return rows;
          }
          if (a.total() != null) {
            rows.add(
                row(
                    catalog,
                    l,
                    a.total().name(),
                    null,
                    a.total().quantity(),
                    a.total().value(),
                    a.asOf()));
          }
          for (var r : a.rows()) {
            rows.add(row(catalog, l, r.name(), null, r.quantity(), r.value(), a.asOf()));
            for (var detail : r.details()) {
              rows.add(
                  row(
                      catalog,
                      l,
                      detail.name(),
                      r.name(),
                      detail.quantity(),
                      detail.value(),
                      a.asOf()));
            }
          }
          return rows;
        });
  }

  private static Sheet units(Catalog catalog) {
    List<Column> extra =
        List.of(
            new Column("unit_name", "单位名称", "string", null),
            new Column("nature", "单位性质", "string", null),
            new Column("rank", "单位规格", "string", null),
            new Column("funding", "经费保障形式", "string", null));
    return new Sheet(
        "units",
        "部门机构设置",
        "每个公开文件所列的所属单位。",
        with(extra),
        l -> {
          List<List<Object>> rows = new ArrayList<>();
          for (var u : l.value().units()) {
            rows.add(row(catalog, l, u.name(), u.nature(), u.rank(), u.funding()));
          }
          return rows;
        });
  }
}
