package org.touming.importer;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures a disclosure states in its prose (收入说明, 支出说明, 比上年增减, 机关运行经费, 三公经费), read into the
 * structured fields. The prose itself stays in the Markdown. Labels are matched by their words,
 * with the variants the template family uses (运维费/运行费, 基金预算收入/政府性基金收入).
 */
final class ProseFigures {
  private static final String NUM =
      "\\s*([-+]?(?:[0-9]{1,3}(?:[,，][0-9]{3})+|[0-9]+)(?:\\.[0-9]+)?)\\s*(?:万元|元)?";
  private static final String UP_DOWN = "(增加|减少|增长|下降|上升)";

  private ProseFigures() {}

  private static final String[][] INCOME = {
    {"general-public", "一般公共预算(?:拨款)?收入"},
    {"government-fund", "(?:政府性基金|基金预算)(?:拨款)?收入"},
    {"state-capital", "国有资本经营(?:预算)?收入"},
    {"special-account", "财政专户(?:核拨|管理资金)?收入"},
    {"business", "事业收入"},
    {"other", "其他(?:来源)?收入"},
    {"carry-over", "上年结转(?:结余)?(?:收入)?"}
  };
  private static final String[][] EXPENDITURE = {
    {"basic", "基本支出"},
    {"personnel", "人员经费"},
    {"public-funds", "(?:日常)?公用经费"},
    {"project", "项目支出"},
    {"project-own-level", "本级支出"}
  };

  static Map<String, Object> income(String text) {
    return labelled(text, "(?:预算收入|收入预算|收入总计|收入合计|决算收入|本年收入)", INCOME);
  }

  static Map<String, Object> expenditure(String text) {
    return labelled(text, "(?:支出预算|预算支出|支出总计|支出合计|决算支出|本年支出)", EXPENDITURE);
  }

  /** A stated total and its parts, each a label followed by a figure. */
  private static Map<String, Object> labelled(String text, String total, String[][] parts) {
    Map<String, Object> m = new LinkedHashMap<>();
    find(text, total + "(?:为|共计|合计)?" + NUM).ifPresent(v -> m.put("total", v));
    for (String[] part : parts) {
      find(text, part[1] + "(?:为)?" + NUM).ifPresent(v -> m.put(part[0], v));
    }
    return m;
  }

  static Map<String, Object> change(String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    Matcher year = Pattern.compile("[较比与]([0-9]{4})年").matcher(text);
    if (year.find()) {
      m.put("compared-with", Integer.parseInt(year.group(1)));
    }
    Matcher total = Pattern.compile("[较比与][0-9]{4}年[^，,。；0-9]{0,8}?" + UP_DOWN + NUM).matcher(text);
    if (total.find()) {
      m.put("total", change(signed(total.group(1), total.group(2)), null));
    }
    for (String[] part : new String[][] {{"basic", "基本支出"}, {"project", "项目支出"}}) {
      Matcher p = Pattern.compile(part[1] + UP_DOWN + NUM + "[，,]?([^；;。]*)").matcher(text);
      if (p.find()) {
        String reason = p.group(3).strip();
        m.put(part[0], change(signed(p.group(1), p.group(2)), reason.isEmpty() ? null : reason));
      }
    }
    return m;
  }

  static Map<String, Object> operatingCosts(String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    find(text, "机关运行经费(?:共计|合计)?(?:安排|支出)?(?:为)?" + NUM).ifPresent(v -> m.put("amount", v));
    return m;
  }

  private static final String[][] THREE_PUBLIC = {
    {"overseas", "因公出国[（(]境[)）]费"},
    {"vehicles", "公务用车购置及运(?:行维护|维|行)费"},
    {"vehicle-purchase", "公务用车购置费"},
    {"vehicle-operation", "公务用车运(?:行维护|维|行)费"},
    {"reception", "公务接待费"}
  };

  static Map<String, Object> threePublic(String text) {
    Map<String, Object> m = new LinkedHashMap<>();
    Matcher split = Pattern.compile("(?:与|较|比)([0-9]{4}|上)年").matcher(text);
    String now = split.find() ? text.substring(0, split.start()) : text;
    String then = now.length() < text.length() ? text.substring(now.length()) : "";
    find(now, "三公[”\"]?经费(?:预算|决算)?(?:安排|支出)?(?:为|共计|合计)?" + NUM).ifPresent(v -> m.put("total", v));
    for (String[] part : THREE_PUBLIC) {
      find(now, part[1] + "(?:为)?" + NUM).ifPresent(v -> m.put(part[0], v));
    }
    if (then.isEmpty()) {
      return m;
    }
    Map<String, Object> change = new LinkedHashMap<>();
    Matcher year = Pattern.compile("([0-9]{4})年").matcher(then);
    if (year.find()) {
      change.put("compared-with", Integer.parseInt(year.group(1)));
    }
    Matcher total = Pattern.compile("^[^，,。；]*?" + UP_DOWN + NUM).matcher(then);
    if (total.find()) {
      change.put("total", change(signed(total.group(1), total.group(2)), null));
    } else if (then.matches("^[^，,。；]*?(持平|无增减)[\\s\\S]*")) {
      change.put("total", change(BigDecimal.ZERO, null));
    }
    for (String[] part : THREE_PUBLIC) {
      Matcher moved =
          Pattern.compile(part[1] + UP_DOWN + NUM + "(?:[（(][^）)]*[)）])?[，,]?(主要原因是[^。；;]*)?")
              .matcher(then);
      Matcher flat =
          Pattern.compile(part[1] + "(?:为?" + NUM + ")?[，,]?(?:与(?:[0-9]{4}|上)年(?:相比)?)?(?:持平|无增减)")
              .matcher(then);
      Matcher zero = Pattern.compile(part[1] + "(?:为)?\\s*0(?:\\.0+)?\\s*万元").matcher(then);
      if (moved.find()) {
        change.put(part[0], change(signed(moved.group(1), moved.group(2)), moved.group(3)));
      } else if (flat.find() || zero.find()) {
        change.put(part[0], change(BigDecimal.ZERO, null));
      }
    }
    m.put("change", change);
    return m;
  }

  private static Map<String, Object> change(BigDecimal amount, String reason) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("amount", amount);
    if (reason != null && !reason.isBlank()) {
      c.put("reason", reason.strip());
    }
    return c;
  }

  private static BigDecimal signed(String direction, String digits) {
    BigDecimal v = Numbers.parse(digits.replace('，', ',')).orElse(BigDecimal.ZERO);
    return direction.equals("减少") || direction.equals("下降") ? v.negate() : v;
  }

  private static Optional<BigDecimal> find(String text, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    return matcher.find() ? Numbers.parse(matcher.group(1).replace('，', ',')) : Optional.empty();
  }
}
