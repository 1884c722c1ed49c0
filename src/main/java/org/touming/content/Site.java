package org.touming.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The site's index: configuration, regions, departments and where each disclosure lives.
 * Disclosures themselves are loaded one at a time, so that a city-sized archive never has to be
 * held in memory whole.
 */
public record Site(
    Path root,
    SiteConfig config,
    List<Region> regions,
    List<Department> departments,
    List<DisclosureFile> disclosures,
    Map<DepartmentId, String> folders) {

  public Site {
    regions = List.copyOf(regions);
    departments = List.copyOf(departments);
    disclosures = List.copyOf(disclosures);
    folders = Map.copyOf(folders);
  }

  /** The folder, relative to the site, that holds a department's files. */
  public String folderOf(DepartmentId department) {
    return folders.get(department);
  }

  /**
   * A disclosure's YAML file, its optional Markdown, and the department whose folder holds them.
   */
  public record DisclosureFile(DepartmentId department, String yaml, String markdown) {}
}
