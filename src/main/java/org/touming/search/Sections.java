package org.touming.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.touming.content.Catalog;
import org.touming.content.Department;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.content.Region;
import org.touming.content.Section;
import org.touming.render.Urls;

/**
 * Cuts a site into what search returns: each part of a disclosure (narrative sections), each
 * responsibility of its performance table with its activities, each project, its procurement, units
 * and glossary tables, and each department and region page. Documents come page by page, so that
 * the sections of one page have consecutive ids, and within a page in slot order ({@link
 * SearchDocument#slot}): the narrative sections are list {@value #NARRATIVE} (item: the section's
 * place in {@link Section}), the performance table's responsibilities list {@value
 * #RESPONSIBILITIES}, the projects list {@value #PROJECTS}, and the procurement, units and glossary
 * tables list {@value #TABLES}.
 */
public final class Sections {
  static final int NARRATIVE = 0;
  static final int RESPONSIBILITIES = 1;
  static final int PROJECTS = 2;
  static final int TABLES = 3;

  private Sections() {}

  public static List<SearchDocument> of(Catalog catalog) {
    List<SearchDocument> docs = new ArrayList<>();
    pages(catalog).forEach(p -> docs.addAll(p.documents()));
    return docs;
  }

  /**
   * The site's pages in document order: regions, departments, then the disclosures, whose documents
   * are only cut from the disclosure when something asks for them.
   */
  public static Stream<SearchPage> pages(Catalog catalog) {
    List<SearchPage> sites = new ArrayList<>();
    for (Region r : catalog.regions().values()) {
      sites.add(
          SearchPage.of(
              List.of(
                  new SearchDocument(
                      Urls.region(r.code()),
                      r.name(),
                      r.name(),
                      "",
                      r.code(),
                      r.code(),
                      "",
                      0,
                      "",
                      0))));
    }
    for (Department d : catalog.departments().values()) {
      String former =
          String.join(" ", d.formerNames().stream().map(Department.FormerName::name).toList());
      sites.add(
          SearchPage.of(
              List.of(
                  new SearchDocument(
                      Urls.department(d.id()),
                      d.name(),
                      d.name(),
                      catalog.regions().get(d.region()).name(),
                      d.code() + " " + former + " " + (d.kind() == null ? "" : d.kind()),
                      d.region(),
                      d.code(),
                      0,
                      "",
                      0))));
    }
    return Stream.concat(
        sites.stream(),
        catalog.disclosures().stream()
            .map(
                l -> {
                  Disclosure d = l.value();
                  String page = Urls.disclosure(d);
                  return new SearchPage(
                      page,
                      d.department().region(),
                      d.department().code(),
                      d.year(),
                      d.kind().key(),
                      () -> {
                        List<SearchDocument> parts = new ArrayList<>();
                        disclosure(catalog, l, page, parts);
                        return parts;
                      });
                }));
  }

  private static void disclosure(
      Catalog catalog, Loaded<Disclosure> l, String page, List<SearchDocument> docs) {
    Disclosure d = l.value();
    String department = catalog.department(d).name();
    String name = department + " " + d.year() + "年" + d.kind().label();
    List<SearchDocument> found = new ArrayList<>();
    Sink sink =
        (slot, anchor, heading, text) ->
            found.add(
                new SearchDocument(
                    page + "#" + anchor,
                    heading.isEmpty() ? name : heading,
                    heading,
                    department,
                    text,
                    d.department().region(),
                    d.department().code(),
                    d.year(),
                    d.kind().key(),
                    slot));
    for (Section s : Section.values()) {
      d.narrative()
          .get(s)
          .ifPresent(
              text ->
                  sink.add(
                      SearchDocument.slot(NARRATIVE, s.ordinal()),
                      s.key(),
                      s == Section.PREFACE ? "" : s.title(),
                      text));
    }
    if (d.performance() != null) {
      var responsibilities = d.performance().responsibilities();
      for (int i = 0; i < responsibilities.size(); i++) {
        var r = responsibilities.get(i);
        List<String> parts =
            new ArrayList<>(
                List.of(join(r.name(), r.description(), r.goal(), indicators(r.indicators()))));
        for (var a : r.activities()) {
          parts.add(join(a.name(), a.description(), a.goal(), indicators(a.indicators())));
        }
        sink.add(
            SearchDocument.slot(RESPONSIBILITIES, i),
            "performance-table",
            r.name(),
            String.join(" ", parts));
      }
    }
    for (int i = 0; i < d.projects().size(); i++) {
      var p = d.projects().get(i);
      List<String> parts =
          new ArrayList<>(
              List.of(
                  p.name(),
                  p.code() == null ? "" : p.code(),
                  p.summary() == null ? "" : p.summary(),
                  p.goal() == null ? "" : p.goal()));
      p.indicators()
          .forEach(
              ind ->
                  parts.add(
                      join(
                          ind.level1(),
                          ind.level2(),
                          ind.level3(),
                          ind.description(),
                          ind.value(),
                          ind.basis())));
      sink.add(
          SearchDocument.slot(PROJECTS, i),
          "project-" + (i + 1),
          p.name(),
          String.join(" ", parts));
    }
    if (d.procurement() != null && !d.procurement().rows().isEmpty()) {
      sink.add(
          SearchDocument.slot(TABLES, 0),
          "procurement-table",
          "政府采购",
          String.join(
              " ",
              d.procurement().rows().stream()
                  .map(row -> join(row.project(), row.item(), row.catalogCode()))
                  .toList()));
    }
    if (!d.units().isEmpty()) {
      sink.add(
          SearchDocument.slot(TABLES, 1),
          "units-table",
          "机构设置",
          String.join(
              " ",
              d.units().stream()
                  .map(u -> join(u.name(), u.nature(), u.rank(), u.funding()))
                  .toList()));
    }
    if (!d.glossary().isEmpty()) {
      sink.add(
          SearchDocument.slot(TABLES, 2),
          "glossary",
          "名词解释",
          String.join(
              " ", d.glossary().stream().map(g -> g.term() + " " + g.definition()).toList()));
    }
    found.sort(Comparator.comparingInt(SearchDocument::slot));
    docs.addAll(found);
  }

  private interface Sink {
    void add(int slot, String anchor, String title, String text);
  }

  private static String indicators(List<Disclosure.Indicator> indicators) {
    return String.join(
        " ",
        indicators.stream()
            .map(i -> join(i.name(), i.excellent(), i.good(), i.fair(), i.poor()))
            .toList());
  }

  private static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        sb.append(sb.length() == 0 ? "" : " ").append(p);
      }
    }
    return sb.toString();
  }
}
