package org.touming.importer;

import org.touming.content.Department;
import org.touming.content.Kind;
import org.touming.content.Region;

/**
 * Where an imported document goes: its region and department (each either already in the content or
 * to be created), year and kind, and the folder that holds the department.
 */
public record Target(
    Region region,
    boolean newRegion,
    Department department,
    boolean newDepartment,
    String how,
    int year,
    Kind kind,
    String folder) {
  public String base() {
    return year + "-" + kind.key();
  }
}
