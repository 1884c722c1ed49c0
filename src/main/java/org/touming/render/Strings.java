package org.touming.render;

import java.util.Map;

/** The theme's UI strings in one language. A missing key is a theme bug and fails the build. */
public final class Strings {
  private final String language;
  private final Map<String, String> strings;

  Strings(String language, Map<String, String> strings) {
    this.language = language;
    this.strings = Map.copyOf(strings);
  }

  public String getLanguage() {
    return language;
  }

  public String get(String key) {
    String s = strings.get(key);
    if (s == null) {
      throw new IllegalArgumentException(
          "UI string '" + key + "' is missing from i18n/" + language + ".yml");
    }
    return s;
  }
}
