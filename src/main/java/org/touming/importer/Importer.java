package org.touming.importer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.touming.content.Kind;
import org.touming.content.Section;
import org.touming.importer.Blocks.Block;
import org.touming.importer.Blocks.Paragraph;
import org.touming.importer.Blocks.Table;

/**
 * Reads the plain-text export of a disclosure (either template) into a {@link Document}. No rule
 * here depends on one document's wording, order or line numbers: sections are found by their
 * headings, tables by their header words, prose figures by their labels. Thread-safe.
 */
public final class Importer {
  private static final Pattern TITLE =
      Pattern.compile("^(.{2,60}?)([0-9]{4})年度?(?:部门)?(预算|决算).{0,20}$");
  private static final Pattern GLOSSARY =
      Pattern.compile("^([0-9]+)[、.．]\\s*([^：:]{1,40})[：:]\\s*(.+)$");
  private static final Pattern CONTINUED =
      Pattern.compile("^(续表|（续）|\\(续\\)|续上表|-?\\s*[0-9]{1,3}\\s*-?|第\\s*[0-9]+\\s*页.*)$");
  private static final Pattern PROJECT_CODE = Pattern.compile("^([0-9]{6})([0-9]{2})[0-9A-Z]+$");

  /** Reads a document; empty when its bytes are in no encoding we know. */
  public Optional<Document> read(byte[] bytes) {
    return SourceDecoder.decode(bytes).map(d -> read(d.text(), d.encoding()));
  }

  Document read(String text, String encoding) {
    List<Block> blocks = mergeSplitTables(FlatText.read(text));
    Report report = new Report();
    Map<Section, List<String>> narrative = new EnumMap<>(Section.class);
    Map<String, Object> figures = new LinkedHashMap<>();
    List<Map<String, Object>> units = new ArrayList<>();
    List<Map<String, Object>> projects = new ArrayList<>();
    List<Map<String, Object>> tables = new ArrayList<>();
    List<Map<String, Object>> glossary = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    String title = null;
    Section section = Section.PREFACE;
    boolean inGlossary = false;
    String caption = null;
    for (int i = 0; i < blocks.size(); i++) {
      Block block = blocks.get(i);
      if (block instanceof Paragraph p) {
        if (title == null && narrative.isEmpty() && TITLE.matcher(p.text()).matches()) {
          title = p.text();
          continue;
        }
        var heading = Headings.of(p.text());
        if (heading.isPresent()) {
          inGlossary = heading.get().kind() == Headings.Kind.GLOSSARY;
          if (heading.get().section() != null) {
            section = heading.get().section();
          }
          continue;
        }
        if (i + 1 < blocks.size() && blocks.get(i + 1) instanceof Table && isCaption(p.text())) {
          caption = p.text();
          continue;
        }
        if (inGlossary) {
          glossary(p, glossary, report);
        } else {
          narrative.computeIfAbsent(section, k -> new ArrayList<>()).add(p.text());
        }
        continue;
      }
      Table t = (Table) block;
      switch (TableKind.of(t)) {
        case UNITS -> {
          units.addAll(UnitsTable.read(t, report));
          if (caption != null) {
            // The model's units are a plain list; the caption stays in the narrative beside it.
            narrative.computeIfAbsent(section, k -> new ArrayList<>()).add(caption);
          }
        }
        case PERFORMANCE ->
            putOnce(figures, "performance", PerformanceTable.read(t, caption, report), t, report);
        case PROCUREMENT ->
            putOnce(figures, "procurement", ProcurementTable.read(t, caption, report), t, report);
        case ASSETS -> putOnce(figures, "assets", AssetsTable.read(t, caption, report), t, report);
        case PROJECT -> projects.add(ProjectTable.read(t, caption, report));
        default -> tables.add(OtherTable.read(t, caption, section));
      }
      caption = null;
    }
    Map<String, Object> ordered = order(figures, units, projects, glossary, tables, narrative);
    collectLabels(ordered, labels);
    Document.Facts facts = facts(title, text, ordered, labels);
    return new Document(title, ordered, narrative, facts, report.unplaced(), encoding);
  }

  /** Page breaks leave a page number or 续表 between two halves of a table: join them again. */
  private static List<Block> mergeSplitTables(List<Block> blocks) {
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (b instanceof Table second && !out.isEmpty()) {
        Block previous = out.get(out.size() - 1);
        Block beforePrevious = out.size() >= 2 ? out.get(out.size() - 2) : null;
        if (previous instanceof Paragraph p
            && CONTINUED.matcher(p.text()).matches()
            && beforePrevious instanceof Table first) {
          out.remove(out.size() - 1);
          out.set(out.size() - 1, join(first, second));
          continue;
        }
      }
      out.add(b);
    }
    return out;
  }

  private static Table join(Table a, Table b) {
    List<Blocks.Row> rows = new ArrayList<>(a.rows());
    rows.addAll(b.rows());
    return new Table(a.line(), rows);
  }

  private static void putOnce(
      Map<String, Object> figures, String key, Map<String, Object> table, Table t, Report report) {
    if (figures.putIfAbsent(key, table) != null) {
      report.unplaced(t.line(), t.head(1), "文件中第二张同类表格（" + key + "）");
    }
  }

  private static boolean isCaption(String text) {
    return text.length() <= 40 && !text.endsWith("。") && !text.endsWith("：") && !text.endsWith(":");
  }

  private static void glossary(Paragraph p, List<Map<String, Object>> glossary, Report report) {
    Matcher m = GLOSSARY.matcher(p.text());
    if (m.matches()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("no", m.group(1));
      entry.put("term", m.group(2).strip());
      entry.put("definition", m.group(3).strip());
      glossary.add(entry);
    } else if (!glossary.isEmpty()) {
      Map<String, Object> last = glossary.get(glossary.size() - 1);
      last.put("definition", last.get("definition") + "\n" + p.text());
    } else {
      report.unplaced(p.line(), p.text(), "名词解释中无法识别的行");
    }
  }

  private static Map<String, Object> order(
      Map<String, Object> tablesByKind,
      List<Map<String, Object>> units,
      List<Map<String, Object>> projects,
      List<Map<String, Object>> glossary,
      List<Map<String, Object>> tables,
      Map<Section, List<String>> narrative) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (!units.isEmpty()) {
      m.put("units", units);
    }
    putNonEmpty(m, "income", ProseFigures.income(text(narrative, Section.INCOME)));
    putNonEmpty(m, "expenditure", ProseFigures.expenditure(text(narrative, Section.EXPENDITURE)));
    putNonEmpty(m, "change", ProseFigures.change(text(narrative, Section.CHANGE)));
    putNonEmpty(
        m,
        "operating-costs",
        ProseFigures.operatingCosts(text(narrative, Section.OPERATING_COSTS)));
    putNonEmpty(m, "three-public", ProseFigures.threePublic(text(narrative, Section.THREE_PUBLIC)));
    putNonEmpty(m, "performance", tablesByKind.get("performance"));
    if (!projects.isEmpty()) {
      m.put("projects", projects);
    }
    putNonEmpty(m, "procurement", tablesByKind.get("procurement"));
    putNonEmpty(m, "assets", tablesByKind.get("assets"));
    if (!glossary.isEmpty()) {
      m.put("glossary", glossary);
    }
    if (!tables.isEmpty()) {
      m.put("tables", tables);
    }
    return m;
  }

  private static void putNonEmpty(Map<String, Object> m, String key, Object value) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      m.put(key, value);
    }
  }

  private static String text(Map<Section, List<String>> narrative, Section section) {
    return String.join("\n", narrative.getOrDefault(section, List.of()));
  }

  @SuppressWarnings("unchecked")
  private static void collectLabels(Map<String, Object> figures, List<String> labels) {
    for (String key : new String[] {"performance", "procurement"}) {
      if (figures.get(key) instanceof Map<?, ?> t && t.get("table-label") instanceof String s) {
        labels.add(s);
      }
    }
    if (figures.get("assets") instanceof Map<?, ?> a && a.get("prepared-by") instanceof String s) {
      labels.add(s);
    }
    if (figures.get("projects") instanceof List<?> list) {
      for (Object p : list) {
        if (((Map<String, Object>) p).get("table-label") instanceof String s) {
          labels.add(s);
        }
      }
    }
  }

  private static Document.Facts facts(
      String title, String text, Map<String, Object> figures, List<String> labels) {
    Integer year = null;
    Kind kind = null;
    String name = null;
    if (title != null) {
      Matcher m = TITLE.matcher(title);
      if (m.matches()) {
        name = m.group(1).strip();
        year = Integer.parseInt(m.group(2));
        kind = m.group(3).equals("决算") ? Kind.FINAL : Kind.BUDGET;
      }
    }
    String code = null;
    List<String> names = new ArrayList<>();
    if (name != null) {
      names.add(name);
    }
    for (String label : labels) {
      var unit = Labels.unit(label);
      if (unit.isPresent()) {
        code = code == null ? unit.get().code() : code;
        names.add(unit.get().name());
        if (name == null) {
          name = unit.get().name().replaceAll("本级$", "");
        }
      }
    }
    String region = null;
    if (figures.get("projects") instanceof List<?> projects) {
      for (Object p : projects) {
        Matcher m = PROJECT_CODE.matcher(String.valueOf(((Map<?, ?>) p).get("code")));
        if (m.matches()) {
          region = m.group(1);
          year = year == null ? 2000 + Integer.parseInt(m.group(2)) : year;
        }
      }
    }
    if (kind == null) {
      boolean budget = text.contains("预算");
      boolean fin = text.contains("决算");
      kind = fin && !budget ? Kind.FINAL : budget && !fin ? Kind.BUDGET : null;
    }
    return new Document.Facts(year, kind, code, name, region, names);
  }
}
