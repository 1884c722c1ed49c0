package org.touming.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.touming.content.Diagnostic;
import org.touming.content.Severity;
import org.touming.testing.FixtureSite;

/**
 * Every warning rule against the valid fixture: the fixture as it is is the passing case (it has no
 * diagnostic at all), and one edited line is the failing case, whose diagnostic is pinned to file,
 * line and message.
 */
class RuleTest {
  private static final String Y2019 = FixtureSite.DISCLOSURE;
  private static final String Y2018 = "content/131003/260/2018-budget.yml";

  record Case(String rule, String file, String find, String replace, String expected) {
    @Override
    public String toString() {
      return rule;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "income.sum",
            Y2019,
            "  general-public: 8058.96",
            "  general-public: 8000",
            Y2019
                + ":11:10: warning [income.sum] 收入合计 8058.96 ≠ 一般公共预算收入 8000 + 政府性基金收入 0 + 财政专户核拨收入 0 + 其他收入 0（相差 58.96）"),
        new Case(
            "expenditure.sum",
            Y2019,
            "  project: 4903.01",
            "  project: 4903.1",
            Y2019
                + ":17:10: warning [expenditure.sum] 支出合计 8058.96 ≠ 基本支出 3155.95 + 项目支出 4903.1（相差 0.09）"),
        new Case(
            "expenditure.basic-sum",
            Y2019,
            "  personnel: 2805.93",
            "  personnel: 2805.39",
            Y2019
                + ":18:10: warning [expenditure.basic-sum] 基本支出 3155.95 ≠ 人员经费 2805.39 + 日常公用经费 350.02（相差 0.54）"),
        new Case(
            "budget.balance",
            Y2019,
            "  total: 8058.96\n  general-public: 8058.96",
            "  total: 8058.97\n  general-public: 8058.97",
            Y2019 + ":17:10: warning [budget.balance] 预算收支不平衡：收入合计 8058.97 ≠ 支出合计 8058.96"),
        new Case(
            "change.sum",
            Y2019,
            "    amount: 587.41",
            "    amount: 587.4",
            Y2019
                + ":25:13: warning [change.sum] 收支总额增减 1147.59 ≠ 基本支出增减 560.18 + 项目支出增减 587.4（相差 0.01）"),
        new Case(
            "change.compared-year",
            Y2019,
            "  compared-with: 2018\n  total:\n    amount: 1147.59",
            "  compared-with: 2019\n  total:\n    amount: 1147.59",
            Y2019 + ":23:18: warning [change.compared-year] 比较年度 2019 不早于公开年度 2019"),
        new Case(
            "three-public.sum",
            Y2019,
            "  reception: 76",
            "  reception: 75",
            Y2019
                + ":37:10: warning [three-public.sum] “三公”经费合计 124.13 ≠ 因公出国（境）费 0 + 公务用车购置及运维费 48.13 + 公务接待费 75（相差 1）"),
        new Case(
            "three-public.vehicle-sum",
            Y2019,
            "  vehicles: 48.13",
            "  vehicles: 0",
            Y2019
                + ":39:13: warning [three-public.vehicle-sum] 公务用车购置及运维费 0 ≠ 公务用车购置费 0 + 公务用车运维费 48.13（相差 48.13）"),
        new Case(
            "three-public.change-sum",
            Y2019,
            "      amount: -4\n",
            "      amount: -4.5\n",
            Y2019
                + ":46:15: warning [three-public.change-sum] “三公”经费合计增减 -6.47 ≠ 因公出国（境）费增减 0 + 公务用车购置及运维费增减 -2.47 + 公务接待费增减 -4.5（相差 0.5）"),
        new Case(
            "three-public.change-vehicle-sum",
            Y2019,
            "    vehicle-operation:\n      amount: -2.47",
            "    vehicle-operation:\n      amount: -2",
            Y2019
                + ":50:15: warning [three-public.change-vehicle-sum] 公务用车购置及运维费增减 -2.47 ≠ 公务用车购置费增减 0 + 公务用车运维费增减 -2（相差 0.47）"),
        new Case(
            "performance.budget-sum",
            Y2019,
            "          budget: 60",
            "          budget: 61",
            Y2019
                + ":66:15: warning [performance.budget-sum] 参谋协调运转·年度预算数 101.88 ≠ 公文运转·年度预算数 61 + 会议组织·年度预算数 41.88（相差 1）"),
        new Case(
            "project.funds-sum",
            Y2019,
            "      fiscal: 30000.00",
            "      fiscal: 29000.00",
            Y2019
                + ":95:14: warning [project.funds-sum] 机关工委业务费·预算数 30000.00 ≠ 机关工委业务费·其中：财政资金 29000.00 + 机关工委业务费·其他资金 0（相差 1000）"),
        new Case(
            "procurement.total",
            Y2019,
            "    amount: 5.75",
            "    amount: 5.7",
            Y2019
                + ":110:13: warning [procurement.total] 合计行 政府采购金额总计 5.7 ≠ 各行之和 5.75（2 行，相差 0.05）"),
        new Case(
            "procurement.column-sum",
            Y2019,
            "    government-fund: 1.75\n  rows:",
            "    government-fund: 1.5\n  rows:",
            Y2019
                + ":113:22: warning [procurement.column-sum] 合计行 基金预算拨款 1.5 ≠ 各行之和 1.75（2 行，相差 0.25）"),
        new Case(
            "procurement.row-sum",
            Y2019,
            "      amount: 1.75",
            "      amount: 1.8",
            Y2019
                + ":122:15: warning [procurement.row-sum] 计算机设备及软件·政府采购金额总计 1.8 ≠ 计算机设备及软件·当年部门预算安排资金合计 1.75（相差 0.05）"),
        new Case(
            "assets.sum",
            Y2019,
            "      value: 106.94",
            "      value: 106.49",
            Y2019
                + ":138:12: warning [assets.sum] 资产总额·价值 551.697964 ≠ 1、房屋（平方米）·价值 240 + 2、车辆（台、辆）·价值 106.49 + 4、其他固定资产·价值 204.757964（相差 0.45）"),
        new Case(
            "assets.detail-exceeds",
            Y2019,
            "          value: 240",
            "          value: 241",
            Y2019
                + ":144:18: warning [assets.detail-exceeds] 其中项 其中：办公用房（平方米） 241 大于所属项 1、房屋（平方米） 240"),
        new Case(
            "change.previous-year",
            Y2018,
            "  basic: 2595.77\n  personnel: 2300\n  public-funds: 295.77\n  project: 4315.6",
            "  basic: 2595.77\n  personnel: 2300\n  public-funds: 295.77\n  project: 4315.06",
            Y2019
                + ":30:13: warning [change.previous-year] 项目支出增减 +587.41 与 2018 年公开数不符：项目支出 4903.01 − 4315.06 = +587.95（2018 年见 "
                + Y2018
                + "）"),
        new Case(
            "operating-costs.previous-year",
            Y2018,
            "  amount: 12.5",
            "  amount: 12",
            Y2019
                + ":35:13: warning [operating-costs.previous-year] 机关运行经费增减 +0.69 与 2018 年公开数不符：机关运行经费 13.19 − 12 = +1.19（2018 年见 "
                + Y2018
                + "）"),
        new Case(
            "three-public.previous-year",
            Y2018,
            "  reception: 80",
            "  reception: 79",
            Y2019
                + ":57:15: warning [three-public.previous-year] 公务接待费增减 -4 与 2018 年公开数不符：公务接待费 76 − 79 = -3（2018 年见 "
                + Y2018
                + "）"));
  }

  @Test
  void validFixtureHasNoDiagnostics(@TempDir Path dir) {
    assertEquals(List.of(), FixtureSite.copy("valid", dir).check());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void ruleReportsTheEditedLine(Case c, @TempDir Path dir) {
    List<Diagnostic> found =
        FixtureSite.copy("valid", dir).edit(c.file(), c.find(), c.replace()).check();
    List<String> lines = found.stream().map(Diagnostic::format).toList();
    assertTrue(
        lines.contains(c.expected()),
        () -> "expected\n  " + c.expected() + "\nbut got\n  " + String.join("\n  ", lines));
    assertTrue(
        found.stream().allMatch(d -> d.severity() == Severity.WARNING),
        () -> "a published inconsistency is a warning, not an error: " + lines);
  }

  @Test
  void everyRuleHasACase() {
    List<String> tested = cases().map(Case::rule).toList();
    Stream.concat(
            DisclosureRules.SUMS.stream().map(SumRule::id),
            CrossYearRules.PAIRS.stream().map(CrossYearRules.Pair::rule))
        .forEach(rule -> assertTrue(tested.contains(rule), "no test case for rule " + rule));
  }
}
