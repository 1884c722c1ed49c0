package org.touming.content;

import java.util.List;

/** 部门/单位. */
public record Department(
    String code,
    String name,
    String region,
    String kind,
    boolean synthetic,
    List<FormerName> formerNames,
    String note) {
  public Department {
    formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
  }

  public DepartmentId id() {
    return new DepartmentId(region, code);
  }

  public record FormerName(String name, Integer until) {}
}
