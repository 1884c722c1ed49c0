package org.touming.content;

import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics from many threads; {@link #sorted()} gives a deterministic order. */
public final class Diagnostics {
  private final List<Diagnostic> list = new ArrayList<>();

  public synchronized void add(Diagnostic d) {
    list.add(d);
  }

  public void error(String file, Mark mark, String rule, String message) {
    add(new Diagnostic(file, mark.line(), mark.column(), Severity.ERROR, rule, message));
  }

  public void warning(String file, Mark mark, String rule, String message) {
    add(new Diagnostic(file, mark.line(), mark.column(), Severity.WARNING, rule, message));
  }

  public synchronized List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(list);
    copy.sort(null);
    return copy;
  }

  public synchronized long count(Severity severity) {
    return list.stream().filter(d -> d.severity() == severity).count();
  }

  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }
}
