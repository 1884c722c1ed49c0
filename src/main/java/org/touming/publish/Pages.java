package org.touming.publish;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.touming.content.Amount;
import org.touming.content.Catalog;
import org.touming.content.Department;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.content.MoneyUnit;
import org.touming.content.Region;
import org.touming.internal.Decimals;
import org.touming.render.Money;
import org.touming.render.Urls;
import org.touming.render.View;
import org.touming.render.View.Link;

/** The views of the index pages: home, regions, departments and the site-wide glossary. */
final class Pages {
  private Pages() {}

  static View.Summary summary(Catalog catalog, Loaded<Disclosure> l) {
    Disclosure d = l.value();
    Department dept = catalog.department(d);
    String label = d.year() + "年" + d.kind().label();
    return new View.Summary(
        new Link(Urls.disclosure(d), label),
        new Link(Urls.department(d.department()), dept.name()),
        d.year(),
        d.kind().label(),
        d.unit().label(),
        money(d.expenditure() == null ? null : d.expenditure().total()),
        money(d.expenditure() == null ? null : d.expenditure().basic()),
        money(d.expenditure() == null ? null : d.expenditure().project()),
        money(d.threePublic() == null ? null : d.threePublic().total()),
        money(d.operatingCosts() == null ? null : d.operatingCosts().amount()));
  }

  private static String money(Amount a) {
    return Money.format(a);
  }

  static View.Department department(
      Catalog catalog, Department d, List<View.Chart> charts, List<View.Table> series) {
    Region region = catalog.regions().get(d.region());
    List<View.Summary> rows =
        catalog.of(d.id()).stream()
            .sorted(
                Comparator.comparingInt((Loaded<Disclosure> l) -> l.value().year())
                    .reversed()
                    .thenComparing(l -> l.value().kind()))
            .map(l -> summary(catalog, l))
            .toList();
    return new View.Department(
        d.name(),
        d.code(),
        d.kind(),
        new Link(Urls.region(region.code()), region.name()),
        d.formerNames().stream()
            .map(f -> f.name() + (f.until() == null ? "" : "（至 " + f.until() + " 年）"))
            .toList(),
        rows,
        charts,
        series);
  }

  static View.Region region(Catalog catalog, Region r, List<View.Chart> charts) {
    Link parent =
        r.parent() == null || !catalog.regions().containsKey(r.parent())
            ? null
            : new Link(Urls.region(r.parent()), catalog.regions().get(r.parent()).name());
    List<Link> children =
        catalog.regions().values().stream()
            .filter(c -> r.code().equals(c.parent()))
            .map(c -> new Link(Urls.region(c.code()), c.name()))
            .toList();
    List<View.Summary> rows = new ArrayList<>();
    for (Department d : catalog.departments().values()) {
      if (d.region().equals(r.code())) {
        rows.addAll(department(catalog, d, List.of(), List.of()).disclosures());
      }
    }
    long departments =
        catalog.departments().values().stream().filter(d -> d.region().equals(r.code())).count();
    return new View.Region(r.name(), r.code(), parent, children, rows, (int) departments, charts);
  }

  static View.Home home(Catalog catalog) {
    List<View.RegionNode> tree = new ArrayList<>();
    for (Region root : catalog.regions().values()) {
      if (root.parent() == null || !catalog.regions().containsKey(root.parent())) {
        walk(catalog, root, 0, tree);
      }
    }
    List<View.Summary> latest =
        catalog.disclosures().stream()
            .sorted(
                Comparator.comparingInt((Loaded<Disclosure> l) -> l.value().year())
                    .reversed()
                    .thenComparing(Catalog.ORDER))
            .limit(20)
            .map(l -> summary(catalog, l))
            .toList();
    // Per year and kind: how many disclosures, and the sum of the expenditure totals they state.
    Map<String, Integer> counts = new TreeMap<>(Comparator.reverseOrder());
    Map<String, BigDecimal> totals = new LinkedHashMap<>();
    for (Loaded<Disclosure> l : catalog.disclosures()) {
      Disclosure d = l.value();
      String key = d.year() + "|" + d.kind().label();
      counts.merge(key, 1, Integer::sum);
      if (d.expenditure() != null
          && d.expenditure().total() != null
          && d.expenditure().total().isNumber()) {
        // Site totals are in 万元 whatever unit each document uses.
        totals.merge(
            key,
            d.unit().convert(d.expenditure().total().value(), MoneyUnit.WAN_YUAN),
            BigDecimal::add);
      }
    }
    List<View.YearTotal> yearTotals = new ArrayList<>();
    counts.forEach(
        (k, n) -> {
          String[] parts = k.split("\\|");
          BigDecimal sum = totals.get(k);
          String shown = sum == null ? "" : Money.group(Decimals.trimmed(sum));
          yearTotals.add(new View.YearTotal(Integer.parseInt(parts[0]), parts[1], n, shown));
        });
    return new View.Home(
        tree,
        latest,
        catalog.regions().size(),
        catalog.departments().size(),
        catalog.disclosures().size(),
        yearTotals);
  }

  private static void walk(Catalog catalog, Region r, int depth, List<View.RegionNode> out) {
    int departments =
        (int)
            catalog.departments().values().stream()
                .filter(d -> d.region().equals(r.code()))
                .count();
    out.add(new View.RegionNode(new Link(Urls.region(r.code()), r.name()), depth, departments));
    for (Region c : catalog.regions().values()) {
      if (r.code().equals(c.parent()) && depth < 8) {
        walk(catalog, c, depth + 1, out);
      }
    }
  }

  /** Every term defined anywhere, first definition kept, in order of first appearance. */
  static View.GlossaryPage glossary(Catalog catalog) {
    Map<String, String> terms = new LinkedHashMap<>();
    for (Loaded<Disclosure> l : catalog.disclosures()) {
      for (var g : l.value().glossary()) {
        terms.putIfAbsent(g.term(), g.definition());
      }
    }
    List<View.Term> list = new ArrayList<>();
    terms.forEach((k, v) -> list.add(new View.Term(k, v)));
    return new View.GlossaryPage(list);
  }
}
