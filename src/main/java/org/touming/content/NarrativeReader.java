package org.touming.content;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.touming.internal.Suggest;

/**
 * Splits a disclosure's Markdown into its sections by level-2 headings. Parsing with commonmark
 * (rather than scanning for "## ") keeps headings inside code blocks and setext headings right.
 * Thread-safe.
 */
public final class NarrativeReader {
  private final Parser parser =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  public Narrative read(String markdown, String rel, Diagnostics diagnostics) {
    String[] lines = markdown.split("\r?\n", -1);
    List<int[]> starts = new ArrayList<>(); // {line index of heading, section ordinal or -1}
    Node document = parser.parse(markdown);
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h && h.getLevel() == 2 && !h.getSourceSpans().isEmpty()) {
        int line = h.getSourceSpans().get(0).getLineIndex();
        String title = textOf(h).strip();
        Mark mark = new Mark(line + 1, 1);
        var section = Section.byHeading(title);
        if (section.isEmpty()) {
          diagnostics.error(rel, mark, "narrative.unknown-section", unknown(title));
          starts.add(new int[] {line, -1, lastLineOf(h)});
        } else {
          starts.add(new int[] {line, section.get().ordinal(), lastLineOf(h)});
        }
      }
    }
    Map<Section, String> sections = new EnumMap<>(Section.class);
    int firstHeading = starts.isEmpty() ? lines.length : starts.get(0)[0];
    putIfNotBlank(sections, Section.PREFACE, lines, 0, firstHeading);
    for (int i = 0; i < starts.size(); i++) {
      int[] s = starts.get(i);
      int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : lines.length;
      if (s[1] < 0) {
        continue;
      }
      Section section = Section.values()[s[1]];
      if (sections.containsKey(section) && section != Section.PREFACE) {
        diagnostics.error(
            rel,
            new Mark(s[0] + 1, 1),
            "narrative.duplicate-section",
            "部分 “" + section.title() + "” 出现了两次");
        continue;
      }
      putIfNotBlank(sections, section, lines, s[2] + 1, end);
    }
    return new Narrative(sections);
  }

  private static int lastLineOf(Heading h) {
    var spans = h.getSourceSpans();
    return spans.get(spans.size() - 1).getLineIndex();
  }

  private static String unknown(String title) {
    Map<String, String> titles = new LinkedHashMap<>();
    for (Section s : Section.values()) {
      if (s != Section.PREFACE) {
        titles.put(s.title(), s.title());
      }
    }
    StringBuilder sb = new StringBuilder("未知的部分标题 “" + title + "”");
    Suggest.closest(Section.normalize(title), titles.keySet(), titles)
        .ifPresentOrElse(
            s -> sb.append("；是否想写 “## ").append(s).append("”？"),
            () -> sb.append("；可用标题：").append(String.join("、", titles.keySet())));
    return sb.toString();
  }

  private static void putIfNotBlank(
      Map<Section, String> sections, Section section, String[] lines, int from, int to) {
    int a = from;
    int b = to;
    while (a < b && lines[a].isBlank()) {
      a++;
    }
    while (b > a && lines[b - 1].isBlank()) {
      b--;
    }
    if (a < b) {
      sections.put(section, String.join("\n", java.util.Arrays.copyOfRange(lines, a, b)));
    }
  }

  private static String textOf(Node node) {
    StringBuilder sb = new StringBuilder();
    for (Node c = node.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Text t) {
        sb.append(t.getLiteral());
      } else {
        sb.append(textOf(c));
      }
    }
    return sb.toString();
  }
}
