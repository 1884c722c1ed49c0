package org.touming.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.touming.content.Kind;
import org.touming.content.ProcurementColumns;

/** The rules that look at one disclosure alone. Each rule has an id that names it in output. */
final class DisclosureRules {
  static final List<SumRule> SUMS =
      List.of(
          new SumRule(
              "income.sum",
              "/income/total",
              "/income/general-public",
              "/income/government-fund",
              "/income/state-capital",
              "/income/special-account",
              "/income/business",
              "/income/other",
              "/income/carry-over"),
          new SumRule(
              "expenditure.sum",
              "/expenditure/total",
              "/expenditure/basic",
              "/expenditure/project"),
          new SumRule(
              "expenditure.basic-sum",
              "/expenditure/basic",
              "/expenditure/personnel",
              "/expenditure/public-funds"),
          new SumRule(
              "change.sum",
              "/change/total/amount",
              "/change/basic/amount",
              "/change/project/amount"),
          new SumRule(
              "three-public.sum",
              "/three-public/total",
              "/three-public/overseas",
              "/three-public/vehicles",
              "/three-public/reception"),
          new SumRule(
              "three-public.vehicle-sum",
              "/three-public/vehicles",
              "/three-public/vehicle-purchase",
              "/three-public/vehicle-operation"),
          new SumRule(
              "three-public.change-sum",
              "/three-public/change/total/amount",
              "/three-public/change/overseas/amount",
              "/three-public/change/vehicles/amount",
              "/three-public/change/reception/amount"),
          new SumRule(
              "three-public.change-vehicle-sum",
              "/three-public/change/vehicles/amount",
              "/three-public/change/vehicle-purchase/amount",
              "/three-public/change/vehicle-operation/amount"));

  static final List<SumRule> PROCUREMENT_ROW =
      List.of(
          new SumRule("procurement.row-sum", "/amount", "/current-year", "/other-channels"),
          new SumRule(
              "procurement.row-sum",
              "/current-year",
              "/general-public",
              "/government-fund",
              "/special-account",
              "/other-income"));

  private DisclosureRules() {}

  static void check(Findings f) {
    SUMS.forEach(r -> r.check(f));
    balance(f);
    comparedYear(f);
    procurement(f);
    assets(f);
    performance(f);
    projects(f);
  }

  /** A budget is balanced: 收支平衡 is how every disclosure states it. */
  private static void balance(Findings f) {
    if (f.disclosure().value().kind() != Kind.BUDGET) {
      return;
    }
    var income = Figures.number(f.tree(), "/income/total");
    var spending = Figures.number(f.tree(), "/expenditure/total");
    if (income.isPresent() && spending.isPresent() && income.get().compareTo(spending.get()) != 0) {
      f.warn(
          "/expenditure/total",
          "budget.balance",
          "预算收支不平衡：收入合计 "
              + Figures.format(income.get())
              + " ≠ 支出合计 "
              + Figures.format(spending.get()));
    }
  }

  private static void comparedYear(Findings f) {
    int year = f.disclosure().value().year();
    for (String pointer : List.of("/change/compared-with", "/three-public/change/compared-with")) {
      JsonNode n = f.tree().at(pointer);
      if (n.isNumber() && n.intValue() >= year) {
        f.warn(
            pointer,
            "change.compared-year",
            f.title(pointer) + " " + n.intValue() + " 不早于公开年度 " + year);
      }
    }
  }

  private static void procurement(Findings f) {
    JsonNode rows = f.tree().at("/procurement/rows");
    for (int i = 0; i < rows.size(); i++) {
      String prefix = "/procurement/rows/" + i;
      PROCUREMENT_ROW.forEach(r -> r.under(prefix).check(f));
    }
    PROCUREMENT_ROW.forEach(r -> r.under("/procurement/total").check(f));
    if (rows.isEmpty() || f.tree().at("/procurement/total").isMissingNode()) {
      return;
    }
    // project-budget is not summed: one project's budget repeats on each of its rows.
    for (String column : ProcurementColumns.SUMMED) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        cells.add("/procurement/rows/" + i + "/" + column);
      }
      columnSum(
          f,
          column.equals("amount") ? "procurement.total" : "procurement.column-sum",
          "/procurement/total/" + column,
          cells);
    }
  }

  private static void columnSum(Findings f, String rule, String total, List<String> cells) {
    if (!(Figures.at(f.tree(), total) instanceof Figures.Number stated)) {
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (String cell : cells) {
      Figures.Value v = Figures.at(f.tree(), cell);
      if (v instanceof Figures.Placeholder) {
        return;
      }
      if (v instanceof Figures.Number n) {
        sum = sum.add(n.value());
      }
    }
    if (sum.compareTo(stated.value()) != 0) {
      f.warn(
          total,
          rule,
          "合计行 "
              + f.title(total)
              + " "
              + Figures.format(stated.value())
              + " ≠ 各行之和 "
              + Figures.format(sum)
              + "（"
              + cells.size()
              + " 行，相差 "
              + Figures.computed(stated.value().subtract(sum).abs())
              + "）");
    }
  }

  private static void assets(Findings f) {
    JsonNode rows = f.tree().at("/assets/rows");
    List<String> values = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      values.add("/assets/rows/" + i + "/value");
      JsonNode details = rows.get(i).path("details");
      for (int j = 0; j < details.size(); j++) {
        String detail = "/assets/rows/" + i + "/details/" + j + "/value";
        var part = Figures.number(f.tree(), detail);
        var whole = Figures.number(f.tree(), "/assets/rows/" + i + "/value");
        if (part.isPresent() && whole.isPresent() && part.get().compareTo(whole.get()) > 0) {
          f.warn(
              detail,
              "assets.detail-exceeds",
              "其中项 "
                  + details.get(j).path("name").asText()
                  + " "
                  + Figures.format(part.get())
                  + " 大于所属项 "
                  + rows.get(i).path("name").asText()
                  + " "
                  + Figures.format(whole.get()));
        }
      }
    }
    if (!values.isEmpty()) {
      new SumRule("assets.sum", "/assets/total/value", values).check(f);
    }
  }

  private static void performance(Findings f) {
    JsonNode responsibilities = f.tree().at("/performance/responsibilities");
    for (int i = 0; i < responsibilities.size(); i++) {
      JsonNode activities = responsibilities.get(i).path("activities");
      List<String> budgets = new ArrayList<>();
      boolean anyStated = false;
      for (int j = 0; j < activities.size(); j++) {
        String p = "/performance/responsibilities/" + i + "/activities/" + j + "/budget";
        budgets.add(p);
        anyStated |= Figures.at(f.tree(), p) instanceof Figures.Number;
      }
      if (anyStated) {
        new SumRule(
                "performance.budget-sum", "/performance/responsibilities/" + i + "/budget", budgets)
            .check(f);
      }
    }
  }

  private static void projects(Findings f) {
    JsonNode projects = f.tree().at("/projects");
    for (int i = 0; i < projects.size(); i++) {
      new SumRule("project.funds-sum", "/funds/total", "/funds/fiscal", "/funds/other")
          .under("/projects/" + i)
          .check(f);
    }
  }
}
