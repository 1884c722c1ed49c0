package org.touming.check;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.touming.content.DepartmentId;
import org.touming.content.Disclosure;
import org.touming.content.Kind;
import org.touming.content.Loaded;
import org.touming.content.Mark;
import org.touming.content.MoneyUnit;

/**
 * The few figures of a disclosure that rules across disclosures need, so that checking a large
 * archive keeps only these in memory rather than every document.
 */
record Summary(
    String file,
    DepartmentId department,
    int year,
    Kind kind,
    MoneyUnit unit,
    Integer changeComparedWith,
    Integer threePublicComparedWith,
    Map<String, BigDecimal> figures,
    Map<String, Mark> marks) {

  static Summary of(Loaded<Disclosure> loaded) {
    Disclosure d = loaded.value();
    Map<String, BigDecimal> figures = new HashMap<>();
    Map<String, Mark> marks = new HashMap<>();
    marks.put("/year", loaded.mark("/year"));
    for (CrossYearRules.Pair pair : CrossYearRules.PAIRS) {
      for (String pointer : new String[] {pair.change(), pair.figure()}) {
        Figures.number(loaded.tree(), pointer).ifPresent(v -> figures.put(pointer, v));
        marks.put(pointer, loaded.mark(pointer));
      }
    }
    Integer cw = d.change() == null ? null : d.change().comparedWith();
    Integer tw =
        d.threePublic() == null || d.threePublic().change() == null
            ? null
            : d.threePublic().change().comparedWith();
    return new Summary(
        loaded.file(), d.department(), d.year(), d.kind(), d.unit(), cw, tw, figures, marks);
  }
}
