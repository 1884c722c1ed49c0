package org.touming.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import org.touming.internal.Decimals;

/** Reads a figure from a validated disclosure tree by JSON pointer. */
final class Figures {
  private Figures() {}

  /** A figure's state: stated as a number, absent (not written or empty), or a placeholder (涉密). */
  sealed interface Value {}

  record Number(BigDecimal value) implements Value {}

  record Absent() implements Value {}

  record Placeholder(String text) implements Value {}

  static Value at(JsonNode tree, String pointer) {
    JsonNode n = tree.at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return new Absent();
    }
    if (n.isNumber()) {
      return new Number(n.decimalValue());
    }
    return new Placeholder(n.asText());
  }

  static Optional<BigDecimal> number(JsonNode tree, String pointer) {
    return at(tree, pointer) instanceof Number n ? Optional.of(n.value()) : Optional.empty();
  }

  /** Published digits, with a sign when asked (+393.11), never in exponent form. */
  static String format(BigDecimal v) {
    return v.toPlainString();
  }

  static String signed(BigDecimal v) {
    return v.signum() > 0 ? "+" + v.toPlainString() : v.toPlainString();
  }

  /** A figure we computed rather than read: no trailing zeros that nobody published. */
  static String computed(BigDecimal v) {
    return Decimals.trimmed(v).toPlainString();
  }
}
