package org.touming.content;

/** Budget unit codes are unique only within a region, so a department is region + code. */
public record DepartmentId(String region, String code) implements Comparable<DepartmentId> {
  @Override
  public int compareTo(DepartmentId o) {
    int c = region.compareTo(o.region);
    return c != 0 ? c : code.compareTo(o.code);
  }

  @Override
  public String toString() {
    return region + "/" + code;
  }
}
