package org.touming.search;

/**
 * One searchable unit: a part of a disclosure, a table row, or a department or region page. {@code
 * url} is site-relative and carries the anchor of the part; {@code title} is what a result shows,
 * {@code heading} the part's own name and {@code context} the department (or region) it belongs to,
 * both searchable as the title.
 */
public record SearchDocument(
    String url,
    String title,
    String heading,
    String context,
    String text,
    String region,
    String department,
    int year,
    String kind) {

  /** The page the document is a part of: its URL without the anchor. */
  public String page() {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }
}
