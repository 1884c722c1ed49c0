package org.touming.publish;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touming.content.Department;
import org.touming.content.DepartmentId;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.content.Region;
import org.touming.content.Site;

/** The loaded site, in the one order every output uses: region, department, year, kind. */
public record Catalog(
    Site site,
    List<Loaded<Disclosure>> disclosures,
    Map<String, Region> regions,
    Map<DepartmentId, Department> departments) {
  static final Comparator<Loaded<Disclosure>> ORDER =
      Comparator.comparing((Loaded<Disclosure> l) -> l.value().department())
          .thenComparingInt(l -> l.value().year())
          .thenComparing(l -> l.value().kind());

  public static Catalog of(Site site, List<Loaded<Disclosure>> disclosures) {
    Map<String, Region> regions = new LinkedHashMap<>();
    site.regions().forEach(r -> regions.put(r.code(), r));
    Map<DepartmentId, Department> departments = new LinkedHashMap<>();
    site.departments().forEach(d -> departments.put(d.id(), d));
    return new Catalog(site, disclosures.stream().sorted(ORDER).toList(), regions, departments);
  }

  public List<Loaded<Disclosure>> of(DepartmentId department) {
    return disclosures.stream().filter(l -> l.value().department().equals(department)).toList();
  }

  public Department department(Disclosure d) {
    return departments.get(d.department());
  }

  public Region region(Disclosure d) {
    return regions.get(d.department().region());
  }
}
