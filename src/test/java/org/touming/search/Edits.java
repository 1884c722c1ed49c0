package org.touming.search;

import java.util.List;

/** Edits to a site's search documents, as an author's edit to a disclosure would make them. */
final class Edits {
  private Edits() {}

  static SearchDocument withText(SearchDocument d, String text) {
    return with(d, d.title(), d.heading(), text, d.slot());
  }

  static SearchDocument withTitle(SearchDocument d, String title) {
    return with(d, title, d.heading(), d.text(), d.slot());
  }

  /**
   * Adds a document to the page of {@code docs[at]}, as a part added to a disclosure: in the first
   * free slot after that document's; returns where it went.
   */
  static int insert(List<SearchDocument> docs, int at, String heading, String text) {
    SearchDocument d = docs.get(at);
    int i = at;
    while (i + 1 < docs.size()
        && docs.get(i + 1).page().equals(d.page())
        && docs.get(i + 1).slot() == docs.get(i).slot() + 1) {
      i++;
    }
    docs.add(i + 1, with(d, heading, heading, text, docs.get(i).slot() + 1));
    return i + 1;
  }

  private static SearchDocument with(
      SearchDocument d, String title, String heading, String text, int slot) {
    return new SearchDocument(
        d.url(),
        title,
        heading,
        d.context(),
        text,
        d.region(),
        d.department(),
        d.year(),
        d.kind(),
        slot);
  }
}
