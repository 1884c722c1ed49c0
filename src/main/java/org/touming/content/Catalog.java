package org.touming.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The loaded site, in the one order every output uses: region, department, year, kind. */
public record Catalog(
    Site site,
    List<Loaded<Disclosure>> disclosures,
    Map<String, Region> regions,
    Map<DepartmentId, Department> departments,
    Map<DepartmentId, List<Loaded<Disclosure>>> byDepartment) {
  public static final Comparator<Loaded<Disclosure>> ORDER =
      Comparator.comparing((Loaded<Disclosure> l) -> l.value().department())
          .thenComparingInt(l -> l.value().year())
          .thenComparing(l -> l.value().kind());

  public static Catalog of(Site site, List<Loaded<Disclosure>> disclosures) {
    Map<String, Region> regions = new LinkedHashMap<>();
    site.regions().forEach(r -> regions.put(r.code(), r));
    Map<DepartmentId, Department> departments = new LinkedHashMap<>();
    site.departments().forEach(d -> departments.put(d.id(), d));
    List<Loaded<Disclosure>> sorted = disclosures.stream().sorted(ORDER).toList();
    // Looked up per department by every index and comparison page: built once, not scanned.
    Map<DepartmentId, List<Loaded<Disclosure>>> byDepartment = new HashMap<>();
    sorted.forEach(
        l -> byDepartment.computeIfAbsent(l.value().department(), k -> new ArrayList<>()).add(l));
    return new Catalog(site, sorted, regions, departments, byDepartment);
  }

  /**
   * Lets every disclosure's tree go (see {@link Loaded.Tree}); reading one afterwards throws. For a
   * build that reads the trees no more, never for one kept to be built again (serve).
   */
  public void releaseTrees() {
    disclosures.forEach(l -> l.held().release());
  }

  /** A department's disclosures, in year order. */
  public List<Loaded<Disclosure>> of(DepartmentId department) {
    return byDepartment.getOrDefault(department, List.of());
  }

  public Department department(Disclosure d) {
    return departments.get(d.department());
  }

  public Region region(Disclosure d) {
    return regions.get(d.department().region());
  }
}
