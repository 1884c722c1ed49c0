package org.touming.importer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.touming.content.Mark;
import org.touming.content.yaml.Node;
import org.touming.content.yaml.YamlSyntaxException;
import org.touming.content.yaml.YamlTreeReader;
import org.touming.importer.Blocks.Block;
import org.touming.importer.Blocks.Cell;
import org.touming.importer.Blocks.Paragraph;
import org.touming.importer.Blocks.Row;
import org.touming.importer.Blocks.Table;

/**
 * How faithfully content holds its source document: the share of the source's numbers found in the
 * content (as a multiset: each occurrence counts; headings' numbering excluded), every table cell
 * that is not a header word of the template, and every prose paragraph that is not a heading.
 */
record Fidelity(
    int numbers,
    int numbersFound,
    List<String> missingCells,
    int cells,
    List<String> missingParagraphs,
    int paragraphs) {
  private static final Pattern NUMBER = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
  private static final Pattern GROUPED = Pattern.compile("([0-9]),([0-9]{3})");
  private static final Pattern MD_ESCAPE = Pattern.compile("\\\\([!-/:-@\\[-`{-~])");
  private static final Pattern LABELLED =
      Pattern.compile("^(?:金额单位|单位|编制部门|编制单位|截止时间)[：:]\\s*(.+)$");
  private static final Pattern NUMBERED =
      Pattern.compile("^[\\s　]*(?:[一二三四五六七八九十百]+|[0-9]+)[、.．]\\s*(.+)$", Pattern.DOTALL);
  private static final Pattern GLOSSARY =
      Pattern.compile("^([0-9]+)[、.．]\\s*([^：:]{1,40})[：:]\\s*(.+)$");

  /** The header words of both templates' tables: structure, which the schema's fields carry. */
  private static final Set<String> HEADER_WORDS =
      Set.of(
          "单位名称",
          "单位性质",
          "单位规格",
          "经费保障形式",
          "职责活动",
          "年度预算数",
          "内容描述",
          "绩效目标",
          "绩效指标",
          "评价标准",
          "优",
          "良",
          "中",
          "差",
          "政府采购项目来源",
          "采购物品名称",
          "政府采购目录序号",
          "数量单位",
          "数量",
          "单价",
          "政府采购金额",
          "项目名称",
          "预算资金",
          "总计",
          "当年部门预算安排资金",
          "其他渠道资金",
          "合计",
          "一般公共预算拨款",
          "基金预算拨款",
          "财政专户核拨",
          "其他来源收入",
          "项目",
          "价值（金额单位：万元）",
          "价值（金额单位：元）",
          "一级指标",
          "二级指标",
          "三级指标",
          "绩效指标描述",
          "指标值",
          "指标值确定依据",
          "项目编码",
          "预算及资金用途",
          "预算数",
          "其中：财政资金",
          "其他资金",
          "资金支出计划（%）",
          "预算规模及资金用途");

  double coverage() {
    return numbers == 0 ? 1 : (double) numbersFound / numbers;
  }

  String summary(String name) {
    return String.format(
        "%s: numbers %d/%d (%.2f%%), table cells %d checked / %d missing, paragraphs %d checked / %d missing",
        name,
        numbersFound,
        numbers,
        100 * coverage(),
        cells,
        missingCells.size(),
        paragraphs,
        missingParagraphs.size());
  }

  static Fidelity measure(String source, String yaml, String markdown) throws YamlSyntaxException {
    List<String> values = new ArrayList<>();
    collect(new YamlTreeReader().read(yaml, (Mark m, String s) -> {}), values);
    String md = MD_ESCAPE.matcher(markdown).replaceAll("$1");
    Set<String> valueSet = new HashSet<>(values);
    Set<BigDecimal> numericValues = new HashSet<>();
    values.forEach(v -> Numbers.parse(v).ifPresent(n -> numericValues.add(n.stripTrailingZeros())));

    Map<String, Integer> wanted = new HashMap<>();
    Map<String, Integer> have = new HashMap<>();
    count(ungroup(strip(source)), wanted);
    values.forEach(v -> count(ungroup(v), have));
    count(ungroup(md), have);
    int total = 0;
    int found = 0;
    for (var e : wanted.entrySet()) {
      total += e.getValue();
      found += Math.min(e.getValue(), have.getOrDefault(e.getKey(), 0));
    }

    List<String> missingCells = new ArrayList<>();
    List<String> missingParagraphs = new ArrayList<>();
    int cells = 0;
    int paragraphs = 0;
    for (Block block : FlatText.read(source)) {
      if (block instanceof Table t) {
        for (Row row : t.rows()) {
          for (Cell cell : row.cells()) {
            String c = cell.text().strip();
            if (c.isEmpty() || HEADER_WORDS.contains(c.replaceAll("[\\s　]", ""))) {
              continue;
            }
            cells++;
            if (!cellPresent(c, valueSet, numericValues)) {
              missingCells.add(cell.line() + ": " + c);
            }
          }
        }
      } else {
        String p = ((Paragraph) block).text();
        if (Headings.of(p).isPresent()) {
          continue;
        }
        paragraphs++;
        Matcher g = GLOSSARY.matcher(p);
        boolean present =
            md.contains(p)
                || valueSet.contains(p)
                || (g.matches()
                    && valueSet.contains(g.group(2).strip())
                    && valueSet.contains(g.group(3).strip()));
        if (!present) {
          missingParagraphs.add(block.line() + ": " + p);
        }
      }
    }
    return new Fidelity(total, found, missingCells, cells, missingParagraphs, paragraphs);
  }

  private static boolean cellPresent(String c, Set<String> values, Set<BigDecimal> numbers) {
    if (values.contains(c)) {
      return true;
    }
    var n = Numbers.parse(c);
    if (n.isPresent() && numbers.contains(n.get().stripTrailingZeros())) {
      return true;
    }
    Matcher m = LABELLED.matcher(c);
    if (m.matches()) {
      return values.contains(m.group(1).strip());
    }
    m = NUMBERED.matcher(c);
    return m.matches() && values.contains(m.group(1).strip());
  }

  private static void collect(Node node, List<String> out) {
    if (node instanceof Node.MapNode m) {
      m.fields().values().forEach(f -> collect(f.value(), out));
    } else if (node instanceof Node.ListNode l) {
      l.items().forEach(i -> collect(i, out));
    } else if (node instanceof Node.ScalarNode s && s.type() != Node.ScalarType.NULL) {
      out.add(s.text());
    }
  }

  /**
   * The source without Word noise and without section headings: a heading's numbering (1、收入说明) is
   * structure the site regenerates, not an amount, percentage, count or code.
   */
  private static String strip(String source) {
    StringBuilder sb = new StringBuilder();
    for (String line : source.split("\n", -1)) {
      String clean = WordNoise.strip(line);
      if (line.startsWith("\t") || Headings.of(clean).isEmpty()) {
        sb.append(clean).append('\n');
      }
    }
    return sb.toString();
  }

  private static String ungroup(String s) {
    String before;
    do {
      before = s;
      s = GROUPED.matcher(s).replaceAll("$1$2");
    } while (!s.equals(before));
    return s;
  }

  private static void count(String text, Map<String, Integer> into) {
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      into.merge(m.group(), 1, Integer::sum);
    }
  }
}
