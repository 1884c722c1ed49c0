package org.touming.sample;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.touming.internal.Parallel;
import org.touming.internal.YamlWriter;

/**
 * Writes a complete synthetic site shaped like the real disclosures: the same sections, table
 * shapes and amount ranges as the seeds (see {@link Shape}), several years per department and
 * several regions. Every file says it is synthetic. The same seed gives the same bytes.
 */
public final class SampleGenerator {
  static final String MARK = "# 合成数据（touming sample 生成，非真实公开）\n";
  private static final String[] SCHEMAS = {"site-config", "regions", "department", "disclosure"};

  private final Phrases phrases = new Phrases();

  /** The plan: which department holds how many disclosures, and in which region. */
  record Plan(List<RegionSpec> regions, List<DepartmentSpec> departments) {}

  record RegionSpec(String code, String name, String parent, String level) {}

  record DepartmentSpec(
      int index,
      String region,
      String regionName,
      String code,
      String name,
      String kind,
      int firstYear,
      List<Integer> years) {}

  public void write(int disclosures, long seed, Path into) throws IOException {
    Plan plan = plan(disclosures, seed);
    Files.createDirectories(into.resolve("content"));
    writeSchemas(into);
    Files.writeString(into.resolve("site-config.yml"), siteConfig(), StandardCharsets.UTF_8);
    Files.writeString(into.resolve("content/regions.yml"), regions(plan), StandardCharsets.UTF_8);
    Parallel.forEachIndex(
        plan.departments().size(), i -> writeDepartment(plan.departments().get(i), seed, into));
  }

  Plan plan(int disclosures, long seed) {
    Random random = new Random(seed);
    List<Integer> counts = new ArrayList<>(); // disclosures per department
    int left = disclosures;
    while (left > 0) {
      int k = Math.min(left, Shape.yearsPerDepartment(random));
      counts.add(k);
      left -= k;
    }
    int counties =
        Math.max(
            2, (counts.size() + Shape.DEPARTMENTS_PER_COUNTY - 1) / Shape.DEPARTMENTS_PER_COUNTY);
    int cities = Math.max(1, (counties + 7) / 8);
    List<RegionSpec> regions = new ArrayList<>();
    regions.add(new RegionSpec("990000", "示例省", null, "province"));
    List<RegionSpec> countyList = new ArrayList<>();
    for (int c = 1; c <= cities; c++) {
      String cityCode = String.format("99%02d00", c);
      regions.add(new RegionSpec(cityCode, Names.place(random) + "市", "990000", "city"));
    }
    for (int k = 0; k < counties; k++) {
      int city = k % cities + 1;
      String code = String.format("99%02d%02d", city, k / cities + 1);
      RegionSpec county =
          new RegionSpec(
              code,
              Names.place(random) + (random.nextInt(3) == 0 ? "县" : "区"),
              String.format("99%02d00", city),
              "county");
      regions.add(county);
      countyList.add(county);
    }
    List<DepartmentSpec> departments = new ArrayList<>();
    int[] perCounty = new int[counties];
    for (int i = 0; i < counts.size(); i++) {
      int k = i % counties;
      RegionSpec county = countyList.get(k);
      int n = perCounty[k]++;
      String code = Names.unitCode(n, random);
      String name = county.name() + Names.department(n, random);
      int span = counts.get(i);
      int last = 2024 - random.nextInt(3);
      List<Integer> years = new ArrayList<>();
      // Mostly consecutive years, sometimes with a gap: later issues must not mistake a gap for a
      // fall.
      int year = last;
      while (years.size() < span) {
        years.add(0, year);
        year -= random.nextInt(10) == 0 ? 2 : 1;
      }
      departments.add(
          new DepartmentSpec(
              i, county.code(), county.name(), code, name, Names.kind(name), years.get(0), years));
    }
    return new Plan(regions, departments);
  }

  private void writeSchemas(Path into) throws IOException {
    Files.createDirectories(into.resolve("schemas"));
    for (String name : SCHEMAS) {
      try (InputStream in =
          SampleGenerator.class.getResourceAsStream(
              "/org/touming/schemas/" + name + ".schema.json")) {
        Files.write(into.resolve("schemas/" + name + ".schema.json"), in.readAllBytes());
      }
    }
  }

  private static String siteConfig() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", "示例省部门预算公开（合成数据）");
    m.put("language", "zh-CN");
    m.put("synthetic", true);
    Map<String, Object> footer = new LinkedHashMap<>();
    footer.put("sponsor", "示例省财政厅（合成）");
    footer.put("site-code", "9900000000");
    footer.put("icp", "示ICP备00000000号");
    footer.put("police-record", "示公网安备 99000002000000号");
    footer.put("contact", "0000-0000000");
    m.put("footer", footer);
    return YamlWriter.emit(
        MARK + "# yaml-language-server: $schema=schemas/site-config.schema.json\n", m);
  }

  private static String regions(Plan plan) {
    List<Object> list = new ArrayList<>();
    for (RegionSpec r : plan.regions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("code", r.code());
      m.put("name", r.name());
      m.put("parent", r.parent());
      m.put("level", r.level());
      list.add(m);
    }
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("synthetic", true);
    root.put("regions", list);
    return YamlWriter.emit(
        MARK + "# yaml-language-server: $schema=../schemas/regions.schema.json\n", root);
  }

  private void writeDepartment(DepartmentSpec d, long seed, Path into) {
    Path folder = into.resolve("content").resolve(d.region()).resolve(d.code());
    Random random = new Random(seed * 1_000_003L + d.index());
    try {
      Files.createDirectories(folder);
      Map<String, Object> dept = new LinkedHashMap<>();
      dept.put("code", d.code());
      dept.put("name", d.name());
      dept.put("region", d.region());
      dept.put("kind", d.kind());
      dept.put("synthetic", true);
      Files.writeString(
          folder.resolve("department.yml"),
          YamlWriter.emit(
              MARK + "# yaml-language-server: $schema=../../../schemas/department.schema.json\n",
              dept),
          StandardCharsets.UTF_8);
      DisclosureWriter writer = new DisclosureWriter(phrases, random, d);
      int first = d.years().get(0);
      int last = d.years().get(d.years().size() - 1);
      // Years without a disclosure still move the figures on, so stated changes stay true.
      Figures previous = Figures.start(random, first - 1);
      for (int year = first; year <= last; year++) {
        Figures current = previous.next(random, year);
        if (d.years().contains(year)) {
          String base = year + "-" + (d.index() % 7 == 6 ? "final" : "budget");
          Files.writeString(
              folder.resolve(base + ".yml"),
              writer.yaml(current, previous),
              StandardCharsets.UTF_8);
          Files.writeString(
              folder.resolve(base + ".md"),
              writer.markdown(current, previous),
              StandardCharsets.UTF_8);
        }
        previous = current;
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The headline figures of one year, in 万元, kept consistent across years. */
  record Figures(
      int year,
      BigDecimal total,
      BigDecimal basic,
      BigDecimal personnel,
      BigDecimal project,
      BigDecimal fund,
      BigDecimal operating,
      BigDecimal overseas,
      BigDecimal vehiclePurchase,
      BigDecimal vehicleOperation,
      BigDecimal reception) {

    /**
     * Totals spread evenly on a log scale between the seeds' smallest and largest (30 to 100,000
     * 万元).
     */
    static Figures start(Random r, int year) {
      BigDecimal total =
          money(Math.exp(Math.log(30) + r.nextDouble() * (Math.log(100_000) - Math.log(30))));
      return split(r, year, total);
    }

    Figures next(Random r, int y) {
      double growth = 0.85 + r.nextDouble() * 0.4;
      return split(r, y, money(total.doubleValue() * growth));
    }

    private static Figures split(Random r, int y, BigDecimal total) {
      BigDecimal basic = money(total.doubleValue() * (0.15 + r.nextDouble() * 0.8));
      BigDecimal personnel = money(basic.doubleValue() * (0.6 + r.nextDouble() * 0.37));
      BigDecimal publicFunds = basic.subtract(personnel);
      BigDecimal fund =
          r.nextInt(10) < 7 ? BigDecimal.ZERO : money(total.doubleValue() * r.nextDouble() * 0.6);
      BigDecimal operating = money(publicFunds.doubleValue() * (0.05 + r.nextDouble() * 0.95));
      double scale = Math.min(total.doubleValue() * (0.0005 + r.nextDouble() * 0.02), 400);
      BigDecimal overseas = r.nextInt(10) == 0 ? money(scale * 0.1) : BigDecimal.ZERO;
      BigDecimal purchase = r.nextInt(7) == 0 ? money(scale * 0.5) : BigDecimal.ZERO;
      BigDecimal operation = money(scale * r.nextDouble() * 0.6);
      BigDecimal reception = money(scale * r.nextDouble() * 0.3);
      return new Figures(
          y,
          total,
          basic,
          personnel,
          total.subtract(basic),
          fund,
          operating,
          overseas,
          purchase,
          operation,
          reception);
    }

    BigDecimal publicFunds() {
      return basic.subtract(personnel);
    }

    BigDecimal vehicles() {
      return vehiclePurchase.add(vehicleOperation);
    }

    BigDecimal threePublic() {
      return overseas.add(vehicles()).add(reception);
    }

    /** Two decimals at most, trailing zeros dropped as the documents print them (5014.2). */
    static BigDecimal money(double v) {
      BigDecimal x =
          BigDecimal.valueOf(Math.max(0, v)).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
      return x.scale() < 0 ? x.setScale(0) : x;
    }
  }
}
