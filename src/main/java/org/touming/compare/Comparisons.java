package org.touming.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.touming.content.Disclosure;
import org.touming.content.Kind;
import org.touming.content.Loaded;
import org.touming.content.MoneyUnit;
import org.touming.internal.Decimals;

/**
 * Builds series across years. Amounts are brought to 万元 exactly (元 moves four places), so documents
 * in different units line up. A year without a disclosure gets figures derived from the next year's
 * stated change, marked as derived; a year with both gets a note where they differ.
 */
public final class Comparisons {
  private Comparisons() {}

  /** Every figure's series for one department's disclosures of one kind. */
  public static Map<Figure, Series> department(
      String subject, List<Loaded<Disclosure>> disclosures, Kind kind) {
    Map<Figure, Series> out = new EnumMap<>(Figure.class);
    List<Loaded<Disclosure>> ofKind =
        disclosures.stream().filter(l -> l.value().kind() == kind).toList();
    for (Figure f : Figure.values()) {
      TreeMap<Integer, Point> points = new TreeMap<>();
      for (Loaded<Disclosure> l : ofKind) {
        value(l, f.pointer(), unit(l, f))
            .ifPresent(
                v ->
                    points.put(
                        l.value().year(), new Point(l.value().year(), v, false, l.file(), null)));
      }
      Map<Integer, Integer> coverage = new TreeMap<>();
      points.keySet().forEach(y -> coverage.put(y, 1));
      if (f.change() != null) {
        for (Loaded<Disclosure> l : ofKind) {
          derive(l, f, points);
        }
      }
      out.put(f, new Series(subject, f, kind, new ArrayList<>(points.values()), coverage));
    }
    return out;
  }

  /** The previous year as the stated change implies it: this year's figure minus the change. */
  private static void derive(Loaded<Disclosure> l, Figure f, TreeMap<Integer, Point> points) {
    Optional<BigDecimal> now = value(l, f.pointer(), unit(l, f));
    Optional<BigDecimal> change = value(l, f.change(), l.value().unit());
    if (now.isEmpty() || change.isEmpty()) {
      return;
    }
    int year = l.value().year();
    JsonNode compared =
        l.tree()
            .at(
                f.change().startsWith("/three-public")
                    ? "/three-public/change/compared-with"
                    : "/change/compared-with");
    int previous =
        compared.isInt() && !f.change().startsWith("/operating-costs")
            ? compared.intValue()
            : year - 1;
    BigDecimal derived = now.get().subtract(change.get());
    Point existing = points.get(previous);
    if (existing == null) {
      points.put(
          previous, new Point(previous, derived, true, l.file(), "由 " + year + " 年公开所述增减推算"));
    } else if (!existing.derived()
        && existing.value().compareTo(derived) != 0
        && existing.note() == null) {
      points.put(
          previous,
          new Point(
              previous,
              existing.value(),
              false,
              existing.source(),
              "与 " + year + " 年公开所述增减不符：按其推算应为 " + plain(derived) + " 万元"));
    }
  }

  /**
   * A region's series: the sum over its departments' published figures, with how many each year
   * covers.
   */
  public static Series region(
      String subject, Figure f, Kind kind, List<Map<Figure, Series>> departments) {
    TreeMap<Integer, BigDecimal> sums = new TreeMap<>();
    Map<Integer, Integer> coverage = new TreeMap<>();
    for (Map<Figure, Series> d : departments) {
      Series s = d.get(f);
      if (s == null) {
        continue;
      }
      for (Point p : s.points()) {
        if (!p.derived()) {
          sums.merge(p.year(), p.value(), BigDecimal::add);
          coverage.merge(p.year(), 1, Integer::sum);
        }
      }
    }
    List<Point> points = new ArrayList<>();
    sums.forEach((year, sum) -> points.add(new Point(year, sum, false, null, null)));
    return new Series(subject, f, kind, points, coverage);
  }

  /**
   * Year-on-year change in percent, one decimal, for every year whose previous year is in the
   * series too; derived when either year is. A previous year of zero gives no percentage.
   */
  public static List<Point> percentChange(Series s) {
    List<Point> out = new ArrayList<>();
    for (Point p : s.points()) {
      Optional<Point> before = s.at(p.year() - 1);
      if (before.isPresent() && before.get().value().signum() != 0) {
        BigDecimal pct =
            p.value()
                .subtract(before.get().value())
                .multiply(BigDecimal.valueOf(100))
                .divide(before.get().value().abs(), 1, java.math.RoundingMode.HALF_UP);
        out.add(new Point(p.year(), pct, p.derived() || before.get().derived(), p.source(), null));
      }
    }
    return out;
  }

  /** Year-on-year change in 万元, for every year whose previous year is in the series too. */
  public static List<Point> change(Series s) {
    List<Point> out = new ArrayList<>();
    for (Point p : s.points()) {
      s.at(p.year() - 1)
          .ifPresent(
              before ->
                  out.add(
                      new Point(
                          p.year(),
                          p.value().subtract(before.value()),
                          p.derived() || before.derived(),
                          p.source(),
                          null)));
    }
    return out;
  }

  static MoneyUnit unit(Loaded<Disclosure> l, Figure f) {
    Disclosure d = l.value();
    if ("procurement".equals(f.table())
        && d.procurement() != null
        && d.procurement().unit() != null) {
      return d.procurement().unit();
    }
    if ("assets".equals(f.table()) && d.assets() != null && d.assets().unit() != null) {
      return d.assets().unit();
    }
    return d.unit();
  }

  static Optional<BigDecimal> value(Loaded<Disclosure> l, String pointer, MoneyUnit unit) {
    JsonNode n = l.tree().at(pointer);
    return n.isNumber() ? Optional.of(wanYuan(n.decimalValue(), unit)) : Optional.empty();
  }

  /** An amount in 万元, exactly: 元 move four decimal places. */
  public static BigDecimal wanYuan(BigDecimal value, MoneyUnit unit) {
    return unit == MoneyUnit.YUAN ? value.movePointLeft(4) : value;
  }

  static String plain(BigDecimal v) {
    return Decimals.trimmed(v).toPlainString();
  }
}
