package org.touming.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.touming.content.Section;

/**
 * A document's slot depends on what it is, not on what else its page has: the export numbers
 * documents by page and slot, and a section added to a disclosure must leave every other document's
 * number as it was.
 */
class SectionsTest {
  @Test
  void everyPartHasTheSlotOfItsKind() {
    List<SearchDocument> docs = Sections.of(SearchIndexTest.catalog(Path.of("").toAbsolutePath()));
    Map<String, Integer> responsibilities = new HashMap<>();
    Map<String, Integer> kinds = new HashMap<>();
    for (SearchDocument d : docs) {
      String anchor = d.url().contains("#") ? d.url().substring(d.url().indexOf('#') + 1) : "";
      int expected;
      if (anchor.isEmpty()) {
        expected = 0;
      } else if (anchor.equals("performance-table")) {
        expected = SearchDocument.slot(1, responsibilities.merge(d.page(), 1, Integer::sum) - 1);
      } else if (anchor.startsWith("project-")) {
        expected = SearchDocument.slot(2, Integer.parseInt(anchor.substring(8)) - 1);
      } else if (List.of("procurement-table", "units-table", "glossary").contains(anchor)) {
        expected =
            SearchDocument.slot(
                3, List.of("procurement-table", "units-table", "glossary").indexOf(anchor));
      } else {
        expected =
            SearchDocument.slot(
                0,
                Arrays.stream(Section.values())
                    .filter(x -> x.key().equals(anchor))
                    .findFirst()
                    .orElseThrow()
                    .ordinal());
      }
      assertEquals(expected, d.slot(), d.url());
      kinds.merge(anchor.replaceAll("-[0-9]+$", ""), 1, Integer::sum);
    }
    // The bundled site has every kind of part, and pages with many of them.
    assertTrue(
        kinds
            .keySet()
            .containsAll(
                List.of("", "preface", "performance-table", "project", "units-table", "glossary")),
        kinds.toString());
    assertTrue(
        responsibilities.values().stream().anyMatch(n -> n > 32), responsibilities.toString());
  }

  @Test
  void aPageWhoseSlotsDoNotIncreaseIsRefused() {
    SearchDocument a = new SearchDocument("p#a", "A", "A", "", "甲", "r", "d", 2024, "budget", 4);
    SearchDocument b = new SearchDocument("p#b", "B", "B", "", "乙", "r", "d", 2024, "budget", 1);
    SearchPage page = SearchPage.of(List.of(a, b));
    IllegalStateException e = assertThrows(IllegalStateException.class, page::count);
    assertEquals("p: slot 1 after 4", e.getMessage());
  }
}
