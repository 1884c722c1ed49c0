package org.touming.internal;

import java.math.BigDecimal;

/** Figures Touming computes (sums, differences) rather than reads from a document. */
public final class Decimals {
  private Decimals() {}

  /**
   * Without trailing zeros nobody published, and never in exponent form: 1200.00 → 1200 (not
   * 1.2E+3), 0.50 → 0.5.
   */
  public static BigDecimal trimmed(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }
}
