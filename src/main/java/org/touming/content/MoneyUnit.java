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

  public static MoneyUnit parse(String label) {
    for (MoneyUnit u : values()) {
      if (u.label.equals(label)) {
        return u;
      }
    }
    throw new IllegalArgumentException("unknown unit: " + label);
  }
}
