package org.touming.render;

import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Author Markdown to HTML. Raw HTML in the Markdown is escaped, not passed through, and link
 * destinations such as javascript: are dropped: author text never becomes markup or script.
 * Immutable and thread-safe, like the commonmark parser and renderer it holds.
 */
public final class MarkdownRenderer {
  private final Parser parser;
  private final HtmlRenderer renderer;

  public MarkdownRenderer() {
    var extensions = List.of(TablesExtension.create());
    parser = Parser.builder().extensions(extensions).build();
    renderer =
        HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
  }

  public String render(String markdown) {
    return markdown == null ? "" : renderer.render(parser.parse(markdown));
  }
}
