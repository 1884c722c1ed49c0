package org.touming.importer;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.touming.content.Section;

/** Writes a document's narrative as Markdown that renders as the literal text it was. */
final class MarkdownText {
  private static final Pattern INLINE = Pattern.compile("([\\\\`*_\\[\\]<>|~&])");
  private static final Pattern BLOCK_START = Pattern.compile("^([#>+\\-=]|[0-9]+[.)])");

  private MarkdownText() {}

  static String write(Map<Section, List<String>> narrative) {
    StringBuilder md = new StringBuilder();
    for (Section section : Section.values()) {
      List<String> paragraphs = narrative.get(section);
      if (paragraphs == null || paragraphs.isEmpty()) {
        continue;
      }
      if (section != Section.PREFACE) {
        md.append("## ").append(section.title()).append("\n\n");
      }
      for (String p : paragraphs) {
        md.append(escape(p)).append("\n\n");
      }
    }
    return md.toString().stripTrailing() + "\n";
  }

  /** Each source line one paragraph; markup characters escaped so they print as themselves. */
  static String escape(String line) {
    String s = INLINE.matcher(line.strip()).replaceAll("\\\\$1");
    java.util.regex.Matcher m = BLOCK_START.matcher(s);
    if (m.find()) {
      String lead = m.group(1);
      s =
          lead.substring(0, lead.length() - 1)
              + "\\"
              + lead.charAt(lead.length() - 1)
              + s.substring(lead.length());
    }
    return s;
  }
}
