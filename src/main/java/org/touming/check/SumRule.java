package org.touming.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A total the document states and the parts it states for it: warns when they do not add up. A
 * placeholder (涉密) anywhere makes the sum uncheckable, so the rule stays silent; a part that is not
 * stated counts as zero as long as the total and at least one part are stated.
 */
record SumRule(String id, String total, List<String> parts) {
  SumRule(String id, String total, String... parts) {
    this(id, total, List.of(parts));
  }

  SumRule under(String prefix) {
    return new SumRule(id, prefix + total, parts.stream().map(p -> prefix + p).toList());
  }

  void check(Findings f) {
    if (!(Figures.at(f.tree(), total) instanceof Figures.Number stated)) {
      return;
    }
    BigDecimal sum = BigDecimal.ZERO;
    List<String> statedParts = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    for (String part : parts) {
      Figures.Value v = Figures.at(f.tree(), part);
      if (v instanceof Figures.Placeholder) {
        return;
      }
      if (v instanceof Figures.Number n) {
        sum = sum.add(n.value());
        statedParts.add(part);
        values.add(n.value());
      }
    }
    if (values.isEmpty() || sum.compareTo(stated.value()) == 0) {
      return;
    }
    // Named only for the message: most sums add up, and naming a field looks up its schema title.
    List<String> terms = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      terms.add(f.title(statedParts.get(i)) + " " + Figures.format(values.get(i)));
    }
    f.warn(
        total,
        id,
        f.title(total)
            + " "
            + Figures.format(stated.value())
            + " ≠ "
            + String.join(" + ", terms)
            + "（相差 "
            + Figures.computed(stated.value().subtract(sum).abs())
            + "）");
  }
}
