package org.touming.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.content.ContentLoader;
import org.touming.content.DepartmentId;
import org.touming.content.Diagnostics;
import org.touming.content.Disclosure;
import org.touming.content.Kind;
import org.touming.content.Loaded;
import org.touming.content.MoneyUnit;
import org.touming.content.Site;
import org.touming.testing.FixtureSite;

class ComparisonsTest {
  static List<Loaded<Disclosure>> load(Path root, DepartmentId id) {
    ContentLoader loader = new ContentLoader();
    Diagnostics d = new Diagnostics();
    Site site = loader.loadSite(root, d).orElseThrow();
    List<Loaded<Disclosure>> out = new ArrayList<>();
    for (Site.DisclosureFile f : site.disclosures()) {
      if (f.department().equals(id)) {
        loader.loadDisclosure(site, f, d).ifPresent(out::add);
      }
    }
    return out;
  }

  static void assertPoint(Series s, int year, String value, boolean derived) {
    Point p = s.at(year).orElseThrow(() -> new AssertionError(s.figure() + " has no " + year));
    assertEquals(
        0, new BigDecimal(value).compareTo(p.value()), s.figure() + " " + year + ": " + p.value());
    assertEquals(derived, p.derived(), s.figure() + " " + year + " derived?");
  }

  @Test
  void guangyangShows2018DerivedFromIts2019Disclosure() {
    Map<Figure, Series> s =
        Comparisons.department(
            "廊坊市广阳区委",
            load(Path.of("").toAbsolutePath(), new DepartmentId("131003", "260")),
            Kind.BUDGET);
    assertPoint(s.get(Figure.EXPENDITURE_TOTAL), 2019, "8058.96", false);
    assertPoint(s.get(Figure.EXPENDITURE_TOTAL), 2018, "6911.37", true);
    assertPoint(s.get(Figure.EXPENDITURE_BASIC), 2018, "2595.77", true);
    assertPoint(s.get(Figure.EXPENDITURE_PROJECT), 2018, "4315.60", true);
    assertPoint(s.get(Figure.THREE_PUBLIC_TOTAL), 2018, "130.60", true);
    assertPoint(s.get(Figure.THREE_PUBLIC_RECEPTION), 2018, "80", true);
    assertTrue(s.get(Figure.EXPENDITURE_TOTAL).at(2018).orElseThrow().note().contains("2019"));
    assertEquals(
        Map.of(2019, 1),
        s.get(Figure.EXPENDITURE_TOTAL).coverage(),
        "coverage counts published years only");
    assertFalse(
        s.get(Figure.INCOME_TOTAL).at(2018).isPresent(), "no change stated, nothing derived");
  }

  @Test
  void bothYearsPublishedAndAgreeingLeaveNoNote(@TempDir Path dir) {
    FixtureSite site = FixtureSite.copy("valid", dir);
    Map<Figure, Series> s =
        Comparisons.department(
            "x", load(site.root(), new DepartmentId("131003", "260")), Kind.BUDGET);
    assertPoint(s.get(Figure.EXPENDITURE_TOTAL), 2018, "6911.37", false);
    assertNull(s.get(Figure.EXPENDITURE_TOTAL).at(2018).orElseThrow().note());
  }

  @Test
  void aDisagreementIsShownOnThePublishedYear(@TempDir Path dir) {
    FixtureSite site =
        FixtureSite.copy("valid", dir)
            .edit("content/131003/260/2018-budget.yml", "  reception: 80", "  reception: 79");
    Map<Figure, Series> s =
        Comparisons.department(
            "x", load(site.root(), new DepartmentId("131003", "260")), Kind.BUDGET);
    Point p = s.get(Figure.THREE_PUBLIC_RECEPTION).at(2018).orElseThrow();
    assertFalse(p.derived());
    assertEquals(0, new BigDecimal("79").compareTo(p.value()));
    assertEquals("与 2019 年公开所述增减不符：按其推算应为 80 万元", p.note());
  }

  @Test
  void yuanAndWanYuanLineUp() {
    assertEquals(
        new BigDecimal("3.0000"),
        Comparisons.wanYuan(new BigDecimal("30000.00"), MoneyUnit.YUAN).setScale(4));
    assertEquals(
        0,
        new BigDecimal("3")
            .compareTo(Comparisons.wanYuan(new BigDecimal("30000.00"), MoneyUnit.YUAN)));
  }

  @Test
  void regionsSumTheirDepartmentsAndSayHowManyEachYearCovers() {
    Path root = Path.of("").toAbsolutePath();
    var a = Comparisons.department("a", load(root, new DepartmentId("131003", "260")), Kind.BUDGET);
    var b = Comparisons.department("b", load(root, new DepartmentId("131003", "912")), Kind.BUDGET);
    Series region = Comparisons.region("广阳区", Figure.EXPENDITURE_TOTAL, Kind.BUDGET, List.of(a, b));
    assertPoint(region, 2019, "13235.54", false);
    assertEquals(2, region.coverage().get(2019));
    assertFalse(region.at(2018).isPresent(), "derived figures are never summed silently");
  }
}
