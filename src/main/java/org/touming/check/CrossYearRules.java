package org.touming.check;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.touming.content.DepartmentId;
import org.touming.content.Diagnostics;
import org.touming.content.Kind;
import org.touming.content.yaml.Schema;

/**
 * Rules across disclosures: one department/year/kind is disclosed once, and a change stated against
 * the previous year agrees with that year's own disclosure when the site holds both.
 */
final class CrossYearRules {
  /** A stated change and the figure it is a change of. */
  record Pair(String rule, String change, String figure, boolean threePublic) {}

  static final List<Pair> PAIRS =
      List.of(
          new Pair("change.previous-year", "/change/total/amount", "/expenditure/total", false),
          new Pair("change.previous-year", "/change/basic/amount", "/expenditure/basic", false),
          new Pair("change.previous-year", "/change/project/amount", "/expenditure/project", false),
          new Pair(
              "operating-costs.previous-year",
              "/operating-costs/change/amount",
              "/operating-costs/amount",
              false),
          new Pair(
              "three-public.previous-year",
              "/three-public/change/total/amount",
              "/three-public/total",
              true),
          new Pair(
              "three-public.previous-year",
              "/three-public/change/overseas/amount",
              "/three-public/overseas",
              true),
          new Pair(
              "three-public.previous-year",
              "/three-public/change/vehicles/amount",
              "/three-public/vehicles",
              true),
          new Pair(
              "three-public.previous-year",
              "/three-public/change/vehicle-purchase/amount",
              "/three-public/vehicle-purchase",
              true),
          new Pair(
              "three-public.previous-year",
              "/three-public/change/vehicle-operation/amount",
              "/three-public/vehicle-operation",
              true),
          new Pair(
              "three-public.previous-year",
              "/three-public/change/reception/amount",
              "/three-public/reception",
              true));

  private record Key(DepartmentId department, int year, Kind kind) {}

  private CrossYearRules() {}

  static void check(List<Summary> summaries, Schema schema, Diagnostics diagnostics) {
    Map<Key, Summary> byKey = new HashMap<>();
    for (Summary s : summaries.stream().sorted((a, b) -> a.file().compareTo(b.file())).toList()) {
      Summary first = byKey.putIfAbsent(new Key(s.department(), s.year(), s.kind()), s);
      if (first != null) {
        diagnostics.error(
            s.file(),
            s.marks().getOrDefault("/year", org.touming.content.Mark.START),
            "duplicate.disclosure",
            s.department()
                + " 的 "
                + s.year()
                + " 年"
                + s.kind().label()
                + "公开重复：已在 "
                + first.file()
                + " 中");
      }
    }
    for (Summary s : summaries) {
      for (Pair pair : PAIRS) {
        BigDecimal stated = s.figures().get(pair.change());
        BigDecimal current = s.figures().get(pair.figure());
        if (stated == null || current == null) {
          continue;
        }
        Integer compared =
            pair.threePublic() ? s.threePublicComparedWith() : s.changeComparedWith();
        int previousYear = compared != null ? compared : s.year() - 1;
        Summary previous = byKey.get(new Key(s.department(), previousYear, s.kind()));
        if (previous == null || previous.figures().get(pair.figure()) == null) {
          continue;
        }
        // Compare in the current disclosure's unit; a 元 disclosure next to a 万元 one is exact too.
        BigDecimal before =
            previous.unit().convert(previous.figures().get(pair.figure()), s.unit());
        BigDecimal actual = current.subtract(before);
        if (actual.compareTo(stated) != 0) {
          String title =
              schema.titleAt(
                  pair.change().substring(0, pair.change().length() - "/amount".length()));
          String figure = schema.titleAt(pair.figure());
          diagnostics.warning(
              s.file(),
              s.marks().get(pair.change()),
              pair.rule(),
              title
                  + " "
                  + Figures.signed(stated)
                  + " 与 "
                  + previousYear
                  + " 年公开数不符："
                  + figure
                  + " "
                  + Figures.format(current)
                  + " − "
                  + Figures.format(before)
                  + " = "
                  + Figures.signed(actual)
                  + "（"
                  + previousYear
                  + " 年见 "
                  + previous.file()
                  + "）");
        }
      }
    }
  }
}
