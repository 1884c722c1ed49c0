package org.touming.content;

/** Budget (预算) or final accounts (决算). */
public enum Kind {
  BUDGET("budget", "预算"),
  FINAL("final", "决算");

  private final String key;
  private final String label;

  Kind(String key, String label) {
    this.key = key;
    this.label = label;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }
}
