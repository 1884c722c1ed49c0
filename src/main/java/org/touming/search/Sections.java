package org.touming.search;

import java.util.ArrayList;
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
 * the sections of one page have consecutive ids.
 */
public final class Sections {
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
                      ""))));
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
                      ""))));
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
    Sink sink =
        (anchor, heading, text) ->
            docs.add(
                new SearchDocument(
                    page + "#" + anchor,
                    heading.isEmpty() ? name : heading,
                    heading,
                    department,
                    text,
                    d.department().region(),
                    d.department().code(),
                    d.year(),
                    d.kind().key()));
    for (Section s : Section.values()) {
      d.narrative()
          .get(s)
          .ifPresent(text -> sink.add(s.key(), s == Section.PREFACE ? "" : s.title(), text));
    }
    if (d.performance() != null) {
      for (var r : d.performance().responsibilities()) {
        List<String> parts =
            new ArrayList<>(
                List.of(join(r.name(), r.description(), r.goal(), indicators(r.indicators()))));
        for (var a : r.activities()) {
          parts.add(join(a.name(), a.description(), a.goal(), indicators(a.indicators())));
        }
        sink.add("performance-table", r.name(), String.join(" ", parts));
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
      sink.add("project-" + (i + 1), p.name(), String.join(" ", parts));
    }
    if (d.procurement() != null && !d.procurement().rows().isEmpty()) {
      sink.add(
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
          "glossary",
          "名词解释",
          String.join(
              " ", d.glossary().stream().map(g -> g.term() + " " + g.definition()).toList()));
    }
  }

  private interface Sink {
    void add(String anchor, String title, String text);
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
