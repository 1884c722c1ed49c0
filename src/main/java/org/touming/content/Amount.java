package org.touming.content;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A figure as published: an exact decimal keeping every digit (551.697964, 5014.2), or the
 * placeholder the document prints instead (涉密 for classified, —— for not applicable).
 */
public record Amount(BigDecimal value, String placeholder) {
  public static final String SECRET = "涉密";

  public Amount {
    if ((value == null) == (placeholder == null)) {
      throw new IllegalArgumentException("an amount is either a number or a placeholder");
    }
  }

  public static Amount of(String digits) {
    return new Amount(new BigDecimal(digits), null);
  }

  public static Amount of(BigDecimal value) {
    return new Amount(Objects.requireNonNull(value), null);
  }

  public static Amount placeholder(String text) {
    return new Amount(null, text);
  }

  public boolean isNumber() {
    return value != null;
  }

  public boolean isSecret() {
    return SECRET.equals(placeholder);
  }

  /** The digits as published ("5014.2", never "5014.20" or "5.0142E+3"). */
  public String text() {
    return value != null ? value.toPlainString() : placeholder;
  }

  @Override
  public String toString() {
    return text();
  }
}
