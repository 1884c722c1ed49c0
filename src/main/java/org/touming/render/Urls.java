package org.touming.render;

import org.touming.content.DepartmentId;
import org.touming.content.Disclosure;
import org.touming.content.Kind;

/**
 * The site's URL scheme. Every URL comes from stable codes (division code, budget unit code, year,
 * kind), never from titles or list positions, and points at a file, so that links work at any
 * sub-path and from disk. Documented in the README; changing it breaks readers' links.
 */
public final class Urls {
  private Urls() {}

  public static String home() {
    return "index.html";
  }

  public static String region(String code) {
    return "regions/" + code + "/index.html";
  }

  public static String department(DepartmentId id) {
    return "departments/" + slug(id) + "/index.html";
  }

  /** The page of a disclosure. */
  public static String disclosure(Disclosure d) {
    return disclosure(d.department(), d.year(), d.kind());
  }

  public static String disclosure(DepartmentId id, int year, Kind kind) {
    return "departments/" + slug(id) + "/" + year + "-" + kind.key() + "/index.html";
  }

  public static String glossary() {
    return "glossary/index.html";
  }

  public static String data() {
    return "data/index.html";
  }

  /**
   * A disclosure's data file, its JSON or its YAML as written: {@code
   * data/disclosures/131003-912-2019-budget.json} and the same name with .yml.
   */
  public static String disclosureData(Disclosure d, String extension) {
    return "data/disclosures/" + name(d.department(), d.year(), d.kind()) + "." + extension;
  }

  public static String source(DepartmentId id, int year, Kind kind, String extension) {
    return "data/sources/" + name(id, year, kind) + extension;
  }

  /** {@code 131003-912-2019-budget}: a disclosure's files in the data folders are named so. */
  private static String name(DepartmentId id, int year, Kind kind) {
    return slug(id) + "-" + year + "-" + kind.key();
  }

  public static String slug(DepartmentId id) {
    return id.region() + "-" + id.code();
  }

  /** The relative link from one page (a file path in the site) to another. */
  public static String relative(String from, String to) {
    return root(from) + to;
  }

  /** "../" once per folder the page is in: the way back to the site's root. */
  public static String root(String page) {
    int depth = 0;
    for (int i = 0; i < page.length(); i++) {
      if (page.charAt(i) == '/') {
        depth++;
      }
    }
    return "../".repeat(depth);
  }
}
