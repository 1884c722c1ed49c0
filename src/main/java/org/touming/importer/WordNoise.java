package org.touming.importer;

import java.util.regex.Pattern;

/** What a Word export leaves in the text that is not the document: bookmarks and field codes. */
final class WordNoise {
  private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:[^\\]]*\\]");
  private static final Pattern FIELD =
      Pattern.compile("\\{\\s*(TC|XE|TOC|PAGEREF|PAGE|NUMPAGES|SEQ|REF|HYPERLINK)\\b[^{}]*\\}");

  private WordNoise() {}

  static String strip(String line) {
    String s = BOOKMARK.matcher(line).replaceAll("");
    s = FIELD.matcher(s).replaceAll("");
    return s.replace("\uFEFF", "").replace('\u000B', '\n').stripTrailing();
  }
}
