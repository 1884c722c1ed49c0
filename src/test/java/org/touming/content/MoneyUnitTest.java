package org.touming.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MoneyUnitTest {
  /** What {@link MoneyUnit#convert} stands for: exact division, its scale included. */
  private static BigDecimal divided(BigDecimal amount, MoneyUnit from, MoneyUnit to) {
    return amount.multiply(from.factor()).divide(to.factor());
  }

  @Test
  void convertsAsExactDivisionDoesScaleIncluded() {
    Random random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      BigDecimal amount =
          new BigDecimal(
              BigInteger.valueOf(random.nextLong() % 10_000_000_000L), random.nextInt(9) - 2);
      for (MoneyUnit from : MoneyUnit.values()) {
        for (MoneyUnit to : MoneyUnit.values()) {
          BigDecimal expected = divided(amount, from, to);
          BigDecimal converted = from.convert(amount, to);
          // equals, not compareTo: "1.50" and "1.5" print differently in pages and messages.
          assertEquals(expected, converted, amount + " " + from + " → " + to);
        }
      }
    }
  }

  @Test
  void theSameUnitGivesTheAmountBackAsPublished() {
    BigDecimal published = new BigDecimal("1234.50");
    assertSame(published, MoneyUnit.WAN_YUAN.convert(published, MoneyUnit.WAN_YUAN));
    assertEquals("0.12345", MoneyUnit.YUAN.convert(published, MoneyUnit.WAN_YUAN).toPlainString());
    assertEquals(
        "12345000.00", MoneyUnit.WAN_YUAN.convert(published, MoneyUnit.YUAN).toPlainString());
  }
}
