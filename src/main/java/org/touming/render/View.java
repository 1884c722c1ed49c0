package org.touming.render;

import java.util.List;

/**
 * What templates see: plain, pre-formatted values. Templates never reach into the content model or
 * raw maps, so a theme cannot depend on how content is stored.
 */
public final class View {
  private View() {}

  public record Link(String href, String text) {}

  /** The site-wide part of every page: title and the footer a government site must carry. */
  public record Site(String title, String language, List<FooterItem> footer, boolean synthetic) {}

  public record FooterItem(String label, String value) {}

  /** One output page: where it is, how to get back to the root, what it is called. */
  public record Page(
      String path, String root, String title, String description, List<Link> breadcrumbs) {
    public String href(String target) {
      return root + target;
    }
  }

  /** A page's data model: the site, the page, its strings and its own view. */
  public record Model(Site site, Page page, Strings t, Object view) {}

  /** A block of a disclosure section: a figure list, a table or a glossary. */
  public sealed interface Block permits Figures, Table, Glossary {
    String kind();
  }

  /** Figures as label / value / note rows, e.g. income by source. */
  public record Figures(String id, String caption, List<FigureRow> rows) implements Block {
    @Override
    public String kind() {
      return "figures";
    }
  }

  public record FigureRow(String label, String value, String note) {}

  /** A table with header rows (spans allowed) and body rows. */
  public record Table(
      String id, String caption, String unit, List<List<Cell>> head, List<List<Cell>> body)
      implements Block {
    @Override
    public String kind() {
      return "table";
    }
  }

  /**
   * A cell: {@code header} cells become th with a scope; {@code level} indents sub-rows; {@code
   * numeric} aligns figures.
   */
  public record Cell(
      String text,
      boolean header,
      int colspan,
      int rowspan,
      int level,
      boolean numeric,
      String href) {
    public static Cell th(String text) {
      return new Cell(text, true, 1, 1, 0, false, null);
    }

    public static Cell td(String text) {
      return new Cell(text == null ? "" : text, false, 1, 1, 0, false, null);
    }

    public static Cell number(String text) {
      return new Cell(text == null ? "" : text, false, 1, 1, 0, true, null);
    }

    public Cell span(int cols, int rows) {
      return new Cell(text, header, cols, rows, level, numeric, href);
    }

    public Cell level(int level) {
      return new Cell(text, header, colspan, rowspan, level, numeric, href);
    }

    public Cell asHeader() {
      return new Cell(text, true, colspan, rowspan, level, numeric, href);
    }

    /** A cell that links to a page of the site (a site-relative path). */
    public Cell link(String target) {
      return new Cell(text, header, colspan, rowspan, level, numeric, target);
    }
  }

  public record Glossary(String id, List<Term> terms) implements Block {
    @Override
    public String kind() {
      return "glossary";
    }
  }

  public record Term(String term, String definition) {}

  /** A section of a disclosure page: its anchor, heading, narrative HTML and blocks. */
  public record Section(String id, String title, String html, List<Block> blocks) {}

  public record Disclosure(
      String title,
      String department,
      String region,
      int year,
      String kind,
      String unit,
      Link departmentLink,
      Link regionLink,
      List<Section> sections,
      List<Link> downloads,
      String originalTitle,
      String published,
      boolean synthetic) {}

  /** A row of key figures, for lists of disclosures. */
  public record Summary(
      Link disclosure,
      Link department,
      int year,
      String kind,
      String unit,
      String expenditure,
      String basic,
      String project,
      String threePublic,
      String operatingCosts) {}

  public record Department(
      String name,
      String code,
      String kind,
      Link region,
      List<String> formerNames,
      List<Summary> disclosures,
      List<Chart> charts,
      List<Table> series) {}

  /**
   * A chart: its SVG (made by Touming, text escaped), the data table with exactly the plotted
   * values, and where to download both.
   */
  public record Chart(
      String id, String title, String svg, Table data, Link svgLink, Link csvLink) {}

  public record Region(
      String name,
      String code,
      Link parent,
      List<Link> children,
      List<Summary> disclosures,
      int departments,
      List<Chart> charts) {}

  public record Home(
      List<RegionNode> regions,
      List<Summary> latest,
      int regionCount,
      int departmentCount,
      int disclosureCount,
      List<YearTotal> totals) {}

  /** A region in the home page's tree, with its departments. */
  public record RegionNode(Link link, int depth, int departments) {}

  public record YearTotal(int year, String kind, int disclosures, String expenditure) {}

  public record GlossaryPage(List<Term> terms) {}

  /** A comparison page: a lead paragraph, links to related pages, charts and tables. */
  public record ComparePage(
      String lead, List<Link> links, List<Chart> charts, List<Table> tables) {}

  public record DataPage(List<Download> files) {}

  public record Download(Link link, String description, String size) {}
}
