package org.touming.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Each document of an index as the export numbers it, {@code page:slot} (search.js's {@code
 * S.place}): its page's place among the pages with documents, and its slot.
 */
final class Places {
  private Places() {}

  static List<String> of(SearchIndex index) {
    try {
      long[] places = SearchIndex.places(index.reader());
      List<String> out = new ArrayList<>();
      String previous = null;
      int page = -1;
      for (int doc = 0; doc < places.length; doc++) {
        String pageUrl = SearchDocument.page(index.stored(doc).get("url"));
        if (!pageUrl.equals(previous)) {
          page++;
          previous = pageUrl;
        }
        out.add(page + ":" + (int) places[doc]);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> of(List<String> places, List<Integer> docs) {
    return docs.stream().map(places::get).toList();
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
