package org.touming.publish;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.touming.render.View;

/**
 * The pages about many disclosures that a resident build ({@code build --watch}) rendered, each
 * with what it was rendered from and the checksum of the result. After an edit most of them
 * (rankings, comparisons, the home page) are rendered from views equal to the last ones: such a
 * page is taken from the previous output instead of rendered again, which was a tenth of a rebuild.
 * Views are records, equal when their contents are; the templates and strings they are rendered
 * with are part of what a writer is taken over under ({@link Remembered#takeWriter}).
 */
final class RenderedPages {
  private record Entry(String template, View.Page page, Object view, String sha256) {}

  private final Map<String, Entry> byPath = new ConcurrentHashMap<>();

  /** Whether the page was taken from the previous output, as rendered last time from the same. */
  boolean kept(Sink out, String template, View.Page page, Object view) throws IOException {
    Entry e = byPath.get(page.path());
    return e != null
        && e.template().equals(template)
        && e.page().equals(page)
        && Objects.equals(e.view(), view)
        && out.keep(page.path(), e.sha256());
  }

  /** Notes what a page was rendered from and the checksum of what it gave. */
  void note(String template, View.Page page, Object view, String sha256) {
    byPath.put(page.path(), new Entry(template, page, view, sha256));
  }
}
