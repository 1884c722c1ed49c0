package org.touming.render;

import java.math.BigDecimal;
import org.touming.content.Amount;
import org.touming.content.MoneyUnit;

/** Amounts as readers see them: grouped digits, the published decimals kept, the unit stated. */
public final class Money {
  private Money() {}

  /** 5176.58 → 5,176.58; 720.7986 stays 720.7986; 涉密 stays 涉密; nothing → "". */
  public static String format(Amount amount) {
    if (amount == null) {
      return "";
    }
    return amount.isNumber() ? group(amount.value()) : amount.placeholder();
  }

  public static String format(Amount amount, MoneyUnit unit) {
    String s = format(amount);
    return s.isEmpty() || !amount.isNumber() ? s : s + " " + unit.label();
  }

  public static String group(BigDecimal value) {
    String plain = value.toPlainString();
    boolean negative = plain.startsWith("-");
    String digits = negative ? plain.substring(1) : plain;
    int dot = digits.indexOf('.');
    String integer = dot < 0 ? digits : digits.substring(0, dot);
    String fraction = dot < 0 ? "" : digits.substring(dot);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < integer.length(); i++) {
      if (i > 0 && (integer.length() - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(integer.charAt(i));
    }
    return (negative ? "-" : "") + sb + fraction;
  }

  /** A change with its sign, as the documents word it: +393.11 or -0.23. */
  public static String signed(Amount amount) {
    if (amount == null || !amount.isNumber()) {
      return format(amount);
    }
    String s = group(amount.value());
    return amount.value().signum() > 0 ? "+" + s : s;
  }
}
