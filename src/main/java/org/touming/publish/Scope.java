package org.touming.publish;

import java.util.HashSet;
import java.util.Set;
import org.touming.content.Catalog;
import org.touming.content.DepartmentId;
import org.touming.content.Region;

/**
 * Which of the pages that list many disclosures a rebuild redoes: all of them, or only those that
 * show the departments an edit touched (each such department's page, and the page and ranking of
 * its region and every region above it). Pages that cover the whole site are always redone.
 */
public final class Scope {
  private static final Scope ALL = new Scope(null);
  private final Set<DepartmentId> departments;

  private Scope(Set<DepartmentId> departments) {
    this.departments = departments;
  }

  public static Scope all() {
    return ALL;
  }

  public static Scope departments(Set<DepartmentId> departments) {
    return new Scope(Set.copyOf(departments));
  }

  boolean includes(DepartmentId department) {
    return departments == null || departments.contains(department);
  }

  /** Whether the region holds (at any depth) a department of this scope. */
  boolean includes(Region region, Catalog catalog) {
    if (departments == null) {
      return true;
    }
    for (DepartmentId d : departments) {
      Set<String> seen = new HashSet<>();
      for (String code = d.region(); code != null && seen.add(code); ) {
        if (code.equals(region.code())) {
          return true;
        }
        Region r = catalog.regions().get(code);
        code = r == null ? null : r.parent();
      }
    }
    return false;
  }
}
