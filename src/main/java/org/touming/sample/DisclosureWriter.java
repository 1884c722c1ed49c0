package org.touming.sample;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.touming.internal.YamlWriter;
import org.touming.sample.SampleGenerator.DepartmentSpec;
import org.touming.sample.SampleGenerator.Figures;

/** Writes one synthetic disclosure: its YAML figures and tables, and its Markdown narrative. */
final class DisclosureWriter {
  private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  private final Phrases phrases;
  private final Random random;
  private final DepartmentSpec department;

  DisclosureWriter(Phrases phrases, Random random, DepartmentSpec department) {
    this.phrases = phrases;
    this.random = random;
    this.department = department;
  }

  String yaml(Figures f, Figures prev) {
    Map<String, Object> m = new LinkedHashMap<>();
    String kind = department.index() % 7 == 6 ? "final" : "budget";
    m.put(
        "title",
        department.name() + f.year() + "年部门" + (kind.equals("final") ? "决算" : "预算") + "信息公开");
    m.put("year", f.year());
    m.put("kind", kind);
    m.put("unit", "万元");
    m.put("synthetic", true);
    m.put("units", units());
    Map<String, Object> income = new LinkedHashMap<>();
    income.put("total", f.total());
    income.put("general-public", f.total().subtract(f.fund()));
    income.put("government-fund", f.fund());
    income.put("special-account", BigDecimal.ZERO);
    income.put("other", BigDecimal.ZERO);
    m.put("income", income);
    Map<String, Object> spending = new LinkedHashMap<>();
    spending.put("total", f.total());
    spending.put("basic", f.basic());
    spending.put("personnel", f.personnel());
    spending.put("public-funds", f.publicFunds());
    spending.put("project", f.project());
    spending.put("project-own-level", f.project());
    m.put("expenditure", spending);
    Map<String, Object> change = new LinkedHashMap<>();
    change.put("compared-with", prev.year());
    change.put("total", change(f.total().subtract(prev.total()), null));
    change.put("basic", change(f.basic().subtract(prev.basic()), "主要为人员调资和保险基数变化"));
    change.put(
        "project",
        change(f.project().subtract(prev.project()), phrases.pick("activity", random) + "等项目支出变化"));
    m.put("change", change);
    Map<String, Object> operating = new LinkedHashMap<>();
    operating.put("amount", f.operating());
    m.put("operating-costs", operating);
    m.put("three-public", threePublic(f, prev));
    m.put("performance", performance(f));
    List<Object> projects = projects();
    if (!projects.isEmpty()) {
      m.put("projects", projects);
    }
    m.put("procurement", procurement());
    m.put("assets", assets());
    m.put("glossary", glossary());
    injectInconsistency(m);
    return YamlWriter.emit(
        SampleGenerator.MARK
            + "# yaml-language-server: $schema=../../../schemas/disclosure.schema.json\n",
        m);
  }

  /**
   * Real disclosures do not always add up (the seeds state a 公务用车 subtotal of 0 beside parts of
   * 48.13); one synthetic disclosure in twenty-five carries such a slip so the checker has work.
   */
  @SuppressWarnings("unchecked")
  private void injectInconsistency(Map<String, Object> m) {
    if (random.nextInt(25) != 0) {
      return;
    }
    Map<String, Object> tp = (Map<String, Object>) m.get("three-public");
    tp.put("vehicles", BigDecimal.ZERO);
  }

  private static Map<String, Object> change(BigDecimal amount, String reason) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("amount", amount);
    c.put("reason", reason);
    return c;
  }

  private List<Object> units() {
    List<Object> list = new ArrayList<>();
    int n = Shape.units(random);
    for (int i = 0; i < n; i++) {
      Map<String, Object> u = new LinkedHashMap<>();
      u.put(
          "name",
          i == 0
              ? department.name()
              : department.regionName()
                  + Names.place(random)
                  + (random.nextBoolean() ? "服务中心" : "管理所"));
      u.put("nature", i == 0 ? "行政" : random.nextBoolean() ? "行政" : "事业单位");
      u.put("rank", random.nextInt(4) == 0 ? "副处级" : "正科级");
      u.put("funding", random.nextInt(5) == 0 ? "财政性资金基本保证" : "财政拨款");
      list.add(u);
    }
    return list;
  }

  private Map<String, Object> threePublic(Figures f, Figures prev) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("total", f.threePublic());
    t.put("overseas", f.overseas());
    t.put("vehicles", f.vehicles());
    t.put("vehicle-purchase", f.vehiclePurchase());
    t.put("vehicle-operation", f.vehicleOperation());
    t.put("reception", f.reception());
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("compared-with", prev.year());
    String why = "主要原因是切实落实勤俭节约各项规定，严格控制支出";
    c.put("total", change(f.threePublic().subtract(prev.threePublic()), null));
    c.put("overseas", change(f.overseas().subtract(prev.overseas()), null));
    c.put("vehicles", change(f.vehicles().subtract(prev.vehicles()), why));
    c.put("vehicle-purchase", change(f.vehiclePurchase().subtract(prev.vehiclePurchase()), null));
    c.put(
        "vehicle-operation", change(f.vehicleOperation().subtract(prev.vehicleOperation()), null));
    c.put("reception", change(f.reception().subtract(prev.reception()), why));
    t.put("change", c);
    return t;
  }

  private Map<String, Object> performance(Figures f) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("caption", "部门职责-工作活动绩效目标");
    p.put("table-label", department.code() + department.name());
    p.put("unit", "万元");
    boolean budgets = random.nextBoolean();
    int n = Shape.responsibilities(random);
    List<Object> list = new ArrayList<>();
    BigDecimal perResponsibility = Figures.money(f.project().doubleValue() / n);
    for (int i = 0; i < n; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("no", numeral(i + 1));
      r.put("name", phrases.pick("responsibility", random));
      int activities = Shape.activities(random);
      BigDecimal perActivity = Figures.money(perResponsibility.doubleValue() / activities);
      boolean secret = random.nextInt(50) == 0;
      r.put(
          "budget",
          !budgets ? null : secret ? "涉密" : perActivity.multiply(BigDecimal.valueOf(activities)));
      r.put("description", phrases.pick("description", random));
      r.put("goal", phrases.pick("goal", random));
      List<Object> acts = new ArrayList<>();
      for (int j = 0; j < activities; j++) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("no", String.valueOf(j + 1));
        a.put("name", phrases.pick("activity", random));
        a.put("budget", !budgets ? null : secret ? "涉密" : perActivity);
        a.put("description", phrases.pick("description", random));
        a.put("goal", phrases.pick("goal", random));
        a.put("indicators", indicators());
        acts.add(a);
      }
      r.put("activities", acts);
      list.add(r);
    }
    p.put("responsibilities", list);
    return p;
  }

  private List<Object> indicators() {
    List<Object> list = new ArrayList<>();
    int n = Shape.indicators(random);
    String[] standard = phrases.pick("standard", random).split("\t");
    for (int k = 0; k < n; k++) {
      Map<String, Object> ind = new LinkedHashMap<>();
      ind.put("name", phrases.pick("indicator", random));
      String[] names = {"excellent", "good", "fair", "poor"};
      for (int s = 0; s < 4; s++) {
        ind.put(names[s], s < standard.length ? standard[s] : "");
      }
      list.add(ind);
    }
    return list;
  }

  private List<Object> projects() {
    List<Object> list = new ArrayList<>();
    int n = Shape.projects(random);
    String[][] levels = {
      {"产出指标", "数量指标"},
      {"产出指标", "质量指标"},
      {"产出指标", "时效指标"},
      {"产出指标", "成本指标"},
      {"效益指标", "社会效益指标"},
      {"效益指标", "可持续影响指标"},
      {"满意度指标", "服务对象满意度指标"}
    };
    for (int i = 0; i < n; i++) {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("caption", (i + 1) + ".项目支出绩效目标表");
      p.put("table-label", department.code() + department.name());
      p.put("unit", "元");
      p.put(
          "code",
          department.region()
              + String.format("%02d", i + 1)
              + Long.toString(Math.abs(random.nextLong()), 36).toUpperCase(java.util.Locale.ROOT));
      p.put("name", phrases.pick("activity", random) + "经费");
      BigDecimal total = BigDecimal.valueOf(1000L * (5 + random.nextInt(500))).setScale(2);
      Map<String, Object> funds = new LinkedHashMap<>();
      funds.put("total", total);
      funds.put("fiscal", total);
      funds.put("other", BigDecimal.ZERO);
      p.put("funds", funds);
      p.put("summary", phrases.pick("description", random));
      List<Object> schedule = new ArrayList<>();
      String[] periods = {"3月底", "6月底", "10月底", "12月底"};
      String[] shares = {"25.00%", "50.00%", "75.00%", "100.00%"};
      for (int s = 0; s < 4; s++) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("period", periods[s]);
        step.put("share", shares[s]);
        schedule.add(step);
      }
      p.put("schedule", schedule);
      p.put("goal", phrases.pick("goal", random));
      List<Object> indicators = new ArrayList<>();
      for (String[] level : levels) {
        Map<String, Object> ind = new LinkedHashMap<>();
        ind.put("level1", level[0]);
        ind.put("level2", level[1]);
        String name = phrases.pick("indicator", random);
        ind.put("level3", name);
        ind.put("description", phrases.pick("description", random));
        ind.put("value", "≥90大于或等于90%");
        ind.put("basis", phrases.pick("description", random));
        indicators.add(ind);
      }
      p.put("indicators", indicators);
      list.add(p);
    }
    return list;
  }

  private Map<String, Object> procurement() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("caption", "部门政府采购预算");
    p.put("table-label", department.code() + department.name());
    p.put("unit", "万元");
    int n = Shape.procurementRows(random);
    String[][] items = {
      {"计算机设备及软件", "A0201", "台"},
      {"空调机", "A0206180203", "匹"},
      {"一体机", "A020204", "台"},
      {"办公家具", "A0601", "套"},
      {"物业管理服务", "C1204", "项"},
      {"货物", "A", "次"},
      {"服务", "C", "次"}
    };
    List<Object> rows = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal general = BigDecimal.ZERO;
    BigDecimal fund = BigDecimal.ZERO;
    for (int i = 0; i < n; i++) {
      String[] item = items[random.nextInt(items.length)];
      int quantity = 1 + random.nextInt(10);
      BigDecimal price = Figures.money(0.2 + random.nextDouble() * 30);
      BigDecimal amount = price.multiply(BigDecimal.valueOf(quantity));
      boolean fromFund = random.nextInt(5) == 0;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("project", phrases.pick("activity", random) + "经费");
      row.put("project-budget", amount.add(Figures.money(random.nextDouble() * 5)));
      row.put("item", item[0]);
      row.put("catalog-code", item[1]);
      row.put("quantity-unit", item[2]);
      row.put("quantity", quantity);
      row.put("unit-price", price);
      row.put("amount", amount);
      row.put("current-year", amount);
      row.put(fromFund ? "government-fund" : "general-public", amount);
      rows.add(row);
      total = total.add(amount);
      if (fromFund) {
        fund = fund.add(amount);
      } else {
        general = general.add(amount);
      }
    }
    Map<String, Object> totalRow = new LinkedHashMap<>();
    totalRow.put("amount", total);
    totalRow.put("current-year", total);
    totalRow.put("general-public", general);
    totalRow.put("government-fund", fund);
    p.put("total", totalRow);
    p.put("rows", rows);
    return p;
  }

  private Map<String, Object> assets() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("caption", "区直部门固定资产占用情况表");
    a.put("prepared-by", department.code() + department.name());
    a.put("as-of", (department.years().get(0) - 1) + "年12月31日");
    a.put("unit", "万元");
    BigDecimal house = asset();
    BigDecimal cars = asset();
    BigDecimal other = asset();
    Map<String, Object> total = new LinkedHashMap<>();
    total.put("name", "资产总额");
    total.put("quantity", "——");
    total.put("value", house.add(cars).add(other));
    a.put("total", total);
    List<Object> rows = new ArrayList<>();
    int area = 200 + random.nextInt(20000);
    Map<String, Object> office = line("其中：办公用房（平方米）", BigDecimal.valueOf(area), house);
    Map<String, Object> houses = line("1、房屋（平方米）", BigDecimal.valueOf(area), house);
    houses.put("details", List.of(office));
    rows.add(houses);
    rows.add(line("2、车辆（台、辆）", BigDecimal.valueOf(random.nextInt(12)), cars));
    rows.add(line("3、单价在20万元以上的设备", null, null));
    rows.add(line("4、其他固定资产", null, other));
    a.put("rows", rows);
    return a;
  }

  private BigDecimal asset() {
    // Asset values carry four to six decimals in the seeds (720.7986, 551.697964).
    return BigDecimal.valueOf(random.nextInt(100_000_000), random.nextBoolean() ? 4 : 6);
  }

  private static Map<String, Object> line(String name, BigDecimal quantity, BigDecimal value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("quantity", quantity);
    m.put("value", value);
    return m;
  }

  private List<Object> glossary() {
    List<Object> list = new ArrayList<>();
    for (String entry : phrases.all("glossary")) {
      int colon = entry.indexOf('：');
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("term", entry.substring(0, colon));
      g.put("definition", entry.substring(colon + 1));
      list.add(g);
    }
    return list;
  }

  String markdown(Figures f, Figures prev) {
    StringBuilder md = new StringBuilder();
    md.append("<!-- 合成数据（touming sample 生成，非真实公开） -->\n\n");
    md.append("按照《中华人民共和国预算法》、《地方预决算公开操作规程》规定，现将")
        .append(department.name())
        .append(f.year())
        .append("年部门预算公开如下：\n\n");
    md.append("## 部门职责\n\n");
    int duties = 3 + random.nextInt(20);
    for (int i = 1; i <= duties; i++) {
      md.append(i).append(". ").append(phrases.pick("duty", random)).append('\n');
    }
    md.append("\n## 机构设置\n\n").append(department.name()).append("的收支包含在部门预算中，所属单位见下表。\n");
    md.append("\n## 收入说明\n\n反映本部门当年全部收入。")
        .append(f.year())
        .append("年预算收入")
        .append(f.total().toPlainString())
        .append("万元，其中：一般公共预算收入")
        .append(f.total().subtract(f.fund()).toPlainString())
        .append("万元，政府性基金收入")
        .append(f.fund().toPlainString())
        .append("万元。\n");
    md.append("\n## 支出说明\n\n")
        .append(f.year())
        .append("年支出预算")
        .append(f.total().toPlainString())
        .append("万元，其中基本支出")
        .append(f.basic().toPlainString())
        .append("万元，包括人员经费")
        .append(f.personnel().toPlainString())
        .append("万元和日常公用经费")
        .append(f.publicFunds().toPlainString())
        .append("万元；项目支出")
        .append(f.project().toPlainString())
        .append("万元。\n");
    BigDecimal delta = f.total().subtract(prev.total());
    md.append("\n## 比上年增减情况\n\n")
        .append(f.year())
        .append("年预算收支安排")
        .append(f.total().toPlainString())
        .append("万元，较")
        .append(prev.year())
        .append("年预算")
        .append(delta.signum() < 0 ? "减少" : "增加")
        .append(delta.abs().toPlainString())
        .append("万元。\n");
    md.append("\n## 机关运行经费\n\n")
        .append(f.year())
        .append("年，我部门机关运行经费共计安排")
        .append(f.operating().toPlainString())
        .append("万元，主要用于办公区的日常维修、办公用房水电费、办公用房取暖费、办公用房物业管理费等日常运行支出。\n");
    md.append("\n## 三公经费\n\n")
        .append(f.year())
        .append("年，我部门财政拨款“三公”经费预算安排")
        .append(f.threePublic().toPlainString())
        .append("万元。其中，因公出国（境）费")
        .append(f.overseas().toPlainString())
        .append("万元；公务用车购置及运维费")
        .append(f.vehicles().toPlainString())
        .append("万元；公务接待费")
        .append(f.reception().toPlainString())
        .append("万元。\n");
    md.append("\n## 总体绩效目标\n\n");
    int paragraphs = 2 + random.nextInt(5);
    for (int i = 0; i < paragraphs; i++) {
      md.append(NUMERALS[i])
          .append("是")
          .append(phrases.pick("goal", random))
          .append(phrases.pick("description", random))
          .append("\n\n");
    }
    md.append("## 职责分类绩效目标\n\n");
    int duties2 = 3 + random.nextInt(12);
    for (int i = 0; i < duties2; i++) {
      md.append(phrases.pick("responsibility", random))
          .append("职责：")
          .append(phrases.pick("description", random))
          .append("\n\n");
    }
    md.append("## 政府采购\n\n").append(f.year()).append("年，我部门政府采购预算见下表。\n");
    md.append("\n## 国有资产\n\n本年度我部门拟购置固定资产主要为计算机设备、打印设备、空调、办公家具等，已列入政府采购预算。详见下表。\n");
    md.append("\n## 其他需要说明的事项\n\n我部门无其他需要说明的事项。\n");
    return md.toString();
  }

  private static String numeral(int n) {
    if (n <= 10) {
      return NUMERALS[n - 1];
    }
    if (n < 20) {
      return "十" + NUMERALS[n - 11];
    }
    return NUMERALS[n / 10 - 1] + "十" + (n % 10 == 0 ? "" : NUMERALS[n % 10 - 1]);
  }
}
