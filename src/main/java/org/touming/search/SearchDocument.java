package org.touming.search;

/**
 * One searchable unit: a part of a disclosure, a table row, or a department or region page. {@code
 * url} is site-relative and carries the anchor of the part; {@code title} is what a result shows,
 * {@code heading} the part's own name and {@code context} the department (or region) it belongs to,
 * both searchable as the title.
 *
 * <p>{@code slot} is the document's place in its page, which stays the same when other documents of
 * the page come or go: the {@code index}-th item of one of {@link #LISTS} lists ({@link #slot}).
 * The export numbers a document by its page and slot, so that a section added to one disclosure
 * changes only the postings of that section's terms. A page's documents come in increasing slot
 * order.
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
    String kind,
    int slot) {

  /** How many lists a page's slots interleave. */
  public static final int LISTS = 4;

  public SearchDocument {
    if (slot < 0) {
      throw new IllegalArgumentException(url + ": slot " + slot);
    }
  }

  /** The slot of the {@code index}-th item of list {@code list}. */
  public static int slot(int list, int index) {
    return index * LISTS + list;
  }

  /** The page the document is a part of: its URL without the anchor. */
  public String page() {
    return page(url);
  }

  /** The page of a document's URL: the URL without its anchor. */
  static String page(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }
}
