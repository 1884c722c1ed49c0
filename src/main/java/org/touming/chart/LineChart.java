package org.touming.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.touming.compare.Point;
import org.touming.internal.Decimals;

/**
 * A line chart of yearly figures as standalone SVG: no script, prints well, readable by screen
 * readers (role="img" with a title and description; every mark has its own title with the exact
 * value). Colours are the Okabe–Ito palette, which colour-blind readers tell apart, and every line
 * also has its own marker shape so that the chart survives greyscale printing. Derived figures are
 * drawn hollow with dashed lines. A gap year breaks the line instead of bridging it.
 */
public final class LineChart {
  static final String[] COLOURS = {
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"
  };
  private static final int WIDTH = 640;
  private static final int HEIGHT = 300;
  private static final int LEFT = 78;
  private static final int RIGHT = 16;
  private static final int TOP = 28;
  private static final int PLOT_HEIGHT = 200;

  /** One plotted line: its label and its points (in 万元). */
  public record Line(String label, List<Point> points) {}

  private LineChart() {}

  /** The axis unit: 亿元 once figures reach 1亿 (10,000 万元), so the ticks stay short. */
  public static String unit(List<Line> lines) {
    return max(lines).compareTo(new BigDecimal("10000")) >= 0 ? "亿元" : "万元";
  }

  public static String svg(String id, String title, String description, List<Line> lines) {
    return svg(id, title, description, lines, false);
  }

  /** With {@code percent}, values are percentages (changes against the previous year). */
  public static String svg(
      String id, String title, String description, List<Line> lines, boolean percent) {
    List<Integer> years = years(lines);
    String unit = percent ? "%" : unit(lines);
    BigDecimal divisor = unit.equals("亿元") ? new BigDecimal("10000") : BigDecimal.ONE;
    double top = niceCeiling(max(lines).divide(divisor, MathContext.DECIMAL64).doubleValue());
    double bottom =
        Math.min(0, -niceCeiling(-min(lines).divide(divisor, MathContext.DECIMAL64).doubleValue()));
    int legendRows = (lines.size() + 2) / 3 + (anyDerived(lines) ? 1 : 0);
    int height = HEIGHT + Math.max(0, legendRows - 1) * 18;
    int plotWidth = WIDTH - LEFT - RIGHT;
    StringBuilder s = new StringBuilder();
    s.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" aria-labelledby=\"")
        .append(id)
        .append("-title ")
        .append(id)
        .append("-desc\"")
        .append(
            " font-family=\"system-ui, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif\" font-size=\"12\">\n");
    s.append("<title id=\"")
        .append(id)
        .append("-title\">")
        .append(escape(title))
        .append("</title>\n");
    s.append("<desc id=\"")
        .append(id)
        .append("-desc\">")
        .append(escape(description))
        .append("</desc>\n");
    s.append("<rect x=\"0\" y=\"0\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(height)
        .append("\" fill=\"#ffffff\"/>\n");
    for (double tick : ticks(bottom, top)) {
      double y = y(tick, bottom, top);
      s.append("<line x1=\"")
          .append(LEFT)
          .append("\" x2=\"")
          .append(WIDTH - RIGHT)
          .append("\" y1=\"")
          .append(fmt(y))
          .append("\" y2=\"")
          .append(fmt(y))
          .append("\" stroke=\"")
          .append(tick == 0 ? "#57606a" : "#d0d7de")
          .append("\" stroke-width=\"1\"/>\n");
      s.append("<text x=\"")
          .append(LEFT - 6)
          .append("\" y=\"")
          .append(fmt(y + 4))
          .append("\" text-anchor=\"end\" fill=\"#1f2328\">")
          .append(tickLabel(tick))
          .append("</text>\n");
    }
    s.append("<text x=\"")
        .append(LEFT - 6)
        .append("\" y=\"")
        .append(TOP - 14)
        .append("\" text-anchor=\"end\" fill=\"#57606a\">")
        .append(unit)
        .append("</text>\n");
    for (int i = 0; i < years.size(); i++) {
      s.append("<text x=\"")
          .append(fmt(x(i, years.size(), plotWidth)))
          .append("\" y=\"")
          .append(TOP + PLOT_HEIGHT + 18)
          .append("\" text-anchor=\"middle\" fill=\"#1f2328\">")
          .append(years.get(i))
          .append("</text>\n");
    }
    for (int li = 0; li < lines.size(); li++) {
      Line line = lines.get(li);
      String colour = COLOURS[li % COLOURS.length];
      Point previous = null;
      for (Point p : line.points()) {
        if (previous != null && p.year() == previous.year() + 1) {
          s.append("<line x1=\"")
              .append(fmt(px(previous, years, plotWidth)))
              .append("\" y1=\"")
              .append(fmt(py(previous, divisor, bottom, top)))
              .append("\" x2=\"")
              .append(fmt(px(p, years, plotWidth)))
              .append("\" y2=\"")
              .append(fmt(py(p, divisor, bottom, top)))
              .append("\" stroke=\"")
              .append(colour)
              .append("\" stroke-width=\"2\"")
              .append(p.derived() || previous.derived() ? " stroke-dasharray=\"5 4\"" : "")
              .append("/>\n");
        }
        previous = p;
      }
      for (Point p : line.points()) {
        String value =
            (percent
                    ? p.value().setScale(1, RoundingMode.HALF_UP).toPlainString() + "%"
                    : group(p.value()) + " 万元")
                + (p.derived() ? "（推算）" : "");
        s.append(
            marker(
                li,
                px(p, years, plotWidth),
                py(p, divisor, bottom, top),
                colour,
                p.derived(),
                line.label() + " " + p.year() + " 年：" + value));
      }
    }
    int legendY = TOP + PLOT_HEIGHT + 40;
    for (int li = 0; li < lines.size(); li++) {
      double lx = LEFT + (li % 3) * 180;
      double ly = legendY + (li / 3) * 18;
      s.append(marker(li, lx + 6, ly - 4, COLOURS[li % COLOURS.length], false, null));
      s.append("<text x=\"")
          .append(fmt(lx + 16))
          .append("\" y=\"")
          .append(fmt(ly))
          .append("\" fill=\"#1f2328\">")
          .append(escape(lines.get(li).label()))
          .append("</text>\n");
    }
    if (anyDerived(lines)) {
      double ly = legendY + ((lines.size() + 2) / 3) * 18;
      s.append(marker(0, LEFT + 6, ly - 4, "#57606a", true, null));
      s.append("<text x=\"")
          .append(LEFT + 16)
          .append("\" y=\"")
          .append(fmt(ly))
          .append("\" fill=\"#1f2328\">空心点、虚线：由下一年公开所述增减推算，不是公开数</text>\n");
    }
    s.append("</svg>\n");
    return s.toString();
  }

  /** A chart as a file of its own (the download beside the page), rather than inline in HTML. */
  public static byte[] standalone(String svg) {
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Circle, square, triangle, diamond…: a shape per line, hollow when the value is derived. */
  private static String marker(
      int line, double x, double y, String colour, boolean derived, String title) {
    String fill = derived ? "#ffffff" : colour;
    String style =
        " fill=\""
            + fill
            + "\" stroke=\""
            + colour
            + "\" stroke-width=\"2\" class=\""
            + (title == null ? "key" : derived ? "mark derived" : "mark")
            + "\"";
    String open =
        switch (line % 4) {
          case 0 -> "<circle cx=\"" + fmt(x) + "\" cy=\"" + fmt(y) + "\" r=\"4.5\"" + style;
          case 1 ->
              "<rect x=\""
                  + fmt(x - 4)
                  + "\" y=\""
                  + fmt(y - 4)
                  + "\" width=\"8\" height=\"8\""
                  + style;
          case 2 ->
              "<path d=\"M"
                  + fmt(x)
                  + " "
                  + fmt(y - 5)
                  + " L"
                  + fmt(x + 5)
                  + " "
                  + fmt(y + 4)
                  + " L"
                  + fmt(x - 5)
                  + " "
                  + fmt(y + 4)
                  + " Z\""
                  + style;
          default ->
              "<path d=\"M"
                  + fmt(x)
                  + " "
                  + fmt(y - 5.5)
                  + " L"
                  + fmt(x + 5.5)
                  + " "
                  + fmt(y)
                  + " L"
                  + fmt(x)
                  + " "
                  + fmt(y + 5.5)
                  + " L"
                  + fmt(x - 5.5)
                  + " "
                  + fmt(y)
                  + " Z\""
                  + style;
        };
    return title == null
        ? open + "/>\n"
        : open
            + "><title>"
            + escape(title)
            + "</title></"
            + open.substring(1, open.indexOf(' '))
            + ">\n";
  }

  /** Every year from the first to the last plotted, gaps included. */
  public static List<Integer> years(List<Line> lines) {
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (Line l : lines) {
      for (Point p : l.points()) {
        first = Math.min(first, p.year());
        last = Math.max(last, p.year());
      }
    }
    List<Integer> years = new ArrayList<>();
    for (int y = first; y <= last; y++) {
      years.add(y);
    }
    return years;
  }

  private static boolean anyDerived(List<Line> lines) {
    return lines.stream().anyMatch(l -> l.points().stream().anyMatch(Point::derived));
  }

  private static BigDecimal max(List<Line> lines) {
    return lines.stream()
        .flatMap(l -> l.points().stream())
        .map(Point::value)
        .reduce(BigDecimal.ZERO, BigDecimal::max);
  }

  private static BigDecimal min(List<Line> lines) {
    return lines.stream()
        .flatMap(l -> l.points().stream())
        .map(Point::value)
        .reduce(BigDecimal.ZERO, BigDecimal::min);
  }

  /** 1, 2, 2.5 or 5 times a power of ten: the smallest at or above v. */
  static double niceCeiling(double v) {
    if (v <= 0) {
      return v == 0 ? 1 : 0;
    }
    double power = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * power >= v) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static List<Double> ticks(double bottom, double top) {
    double step = niceCeiling((top - bottom) / 5);
    List<Double> ticks = new ArrayList<>();
    for (double t = Math.ceil(bottom / step) * step; t <= top + step / 1000; t += step) {
      ticks.add(Math.abs(t) < step / 1e6 ? 0 : t);
    }
    return ticks;
  }

  private static double y(double v, double bottom, double top) {
    return TOP + PLOT_HEIGHT * (1 - (v - bottom) / (top - bottom));
  }

  private static double x(int index, int count, int plotWidth) {
    return count == 1
        ? LEFT + plotWidth / 2.0
        : LEFT + 20 + (plotWidth - 40) * index / (double) (count - 1);
  }

  private static double px(Point p, List<Integer> years, int plotWidth) {
    return x(years.indexOf(p.year()), years.size(), plotWidth);
  }

  private static double py(Point p, BigDecimal divisor, double bottom, double top) {
    return y(p.value().divide(divisor, MathContext.DECIMAL64).doubleValue(), bottom, top);
  }

  private static String tickLabel(double v) {
    return group(BigDecimal.valueOf(v).round(new MathContext(6)));
  }

  static String group(BigDecimal v) {
    return org.touming.render.Money.group(Decimals.trimmed(v));
  }

  private static String fmt(double d) {
    return new BigDecimal(d)
        .setScale(1, RoundingMode.HALF_UP)
        .stripTrailingZeros()
        .toPlainString()
        .replace(",", "");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
