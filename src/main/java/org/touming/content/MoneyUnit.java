package org.touming.content;

import java.math.BigDecimal;

/** The unit a table's or a disclosure's amounts are stated in. */
public enum MoneyUnit {
  WAN_YUAN("万元", new BigDecimal("10000")),
  YUAN("元", BigDecimal.ONE);

  private final String label;
  private final BigDecimal factor;

  MoneyUnit(String label, BigDecimal factor) {
    this.label = label;
    this.factor = factor;
  }

  public String label() {
    return label;
  }

  /** How many 元 one of this unit is. */
  public BigDecimal factor() {
    return factor;
  }

  /**
   * An amount stated in this unit, stated in {@code to}: exact, with the scale an exact division
   * gives. The same unit gives the amount back as it is, without dividing (exact division is slow,
   * and a city's site converts hundreds of thousands of amounts).
   */
  public BigDecimal convert(BigDecimal amount, MoneyUnit to) {
    return this == to ? amount : amount.multiply(factor).divide(to.factor);
  }

  public static MoneyUnit parse(String label) {
    for (MoneyUnit u : values()) {
      if (u.label.equals(label)) {
        return u;
      }
    }
    throw new IllegalArgumentException("unknown unit: " + label);
  }
}
