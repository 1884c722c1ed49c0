package org.touming.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.touming.content.Kind;
import org.touming.content.Section;

/**
 * The importer on documents it has not seen: variants of the seeds made the way other departments'
 * and years' exports differ. Each must read to the same figures as the original.
 */
class VariantTest {
  static final String GUANGYANG = "content/131003/260/sources/2019-budget.txt";
  static final String JIUZHOU = "content/131003/912/sources/2019-budget.txt";
  static final String YANJIAO = "content/131082/979/sources/2019-budget.txt";
  static final String SHANHAIGUAN = "content/130303/286001/sources/2021-budget.txt";
  private static final Pattern TOP_HEADING =
      Pattern.compile("^\\s*(?:\\[bookmark:[^\\]]*\\])?[一二三四五六七八九十]+、.*$");

  private final Importer importer = new Importer();

  static String source(String path) throws Exception {
    return Files.readString(Path.of(path), StandardCharsets.UTF_8);
  }

  Document read(String text) {
    return importer.read(text.getBytes(StandardCharsets.UTF_8)).orElseThrow();
  }

  void assertSameAs(String original, UnaryOperator<String> variant) throws Exception {
    assertSameAs(original, variant, true);
  }

  void assertSameAs(String original, UnaryOperator<String> variant, boolean sameProse)
      throws Exception {
    Document a = read(original);
    Document b = read(variant.apply(original));
    assertNotEquals(original, variant.apply(original), "the variant changes the text");
    assertEquals(a.figures(), b.figures());
    if (sameProse) {
      assertEquals(a.narrative(), b.narrative());
    }
    assertEquals(a.facts(), b.facts());
    assertEquals(List.of(), b.unplaced());
  }

  /** The document cut at its top-level headings (一、… 九、…): preamble first, then one chunk each. */
  static List<String> chunks(String text) {
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (TOP_HEADING.matcher(line).matches() && Headings.of(WordNoise.strip(line)).isPresent()) {
        chunks.add(current.toString());
        current = new StringBuilder();
      }
      current.append(line).append('\n');
    }
    chunks.add(current.toString());
    return chunks;
  }

  @Test
  void sectionsInAnotherOrder() throws Exception {
    for (String path : List.of(GUANGYANG, JIUZHOU, YANJIAO)) {
      assertSameAs(
          source(path),
          text -> {
            List<String> c = chunks(text);
            assertTrue(c.size() >= 9, path + " has its nine sections: " + c.size());
            // 机关运行经费 after 三公, and 名词解释 before 国有资产.
            List<String> reordered = new ArrayList<>(c);
            reordered.set(3, c.get(4));
            reordered.set(4, c.get(3));
            reordered.set(7, c.get(8));
            reordered.set(8, c.get(7));
            return String.join("", reordered);
          });
    }
  }

  @Test
  void aMissingSectionLeavesTheRest() throws Exception {
    String text = source(GUANGYANG);
    List<String> c = chunks(text);
    Document full = read(text);
    List<String> without = new ArrayList<>(c);
    without.remove(4); // 四、财政拨款“三公”经费
    Document partial = read(String.join("", without));
    assertFalse(partial.figures().containsKey("three-public"));
    assertFalse(partial.narrative().containsKey(Section.THREE_PUBLIC));
    var expected = new java.util.LinkedHashMap<>(full.figures());
    expected.remove("three-public");
    assertEquals(expected, partial.figures());
  }

  @Test
  void extraBlankLinesAndEmptyRows() throws Exception {
    assertSameAs(
        source(JIUZHOU),
        text ->
            text.replace("\n\n\t", "\n\n\n\t")
                .replace("\n\t　　2、", "\n\t\n\t\n\t\n\t\n\t\n\t\n\t\n\t\n\t\n\n\t　　2、"));
  }

  @Test
  void tablesSplitAcrossPages() throws Exception {
    for (String pageBreak : List.of("- 12 -", "续表", "第 3 页")) {
      assertSameAs(
          source(JIUZHOU),
          text -> {
            int at = text.indexOf("\t五、工会事务管理");
            String header =
                text.substring(text.indexOf("\t912廊坊市广阳区九州镇\n"), text.indexOf("\t一、政务服务"));
            return text.substring(0, at) + pageBreak + "\n" + header + text.substring(at);
          });
    }
  }

  @Test
  void aRowBrokenAcrossPages() throws Exception {
    assertSameAs(source(JIUZHOU), text -> text.replace("\t大型会议执行度\n", "\t大型会议执行度\n\n"));
  }

  @Test
  void thousandsSeparators() throws Exception {
    assertSameAs(
        source(YANJIAO),
        text ->
            text.replace("95531.43", "95,531.43")
                .replace("45756.38", "45,756.38")
                .replace("\t12141.08\n", "\t12,141.08\n"),
        false);
  }

  @Test
  void windowsLineEndingsAndWordNoise() throws Exception {
    assertSameAs(source(JIUZHOU), text -> text.replace("\n", "\r\n"));
    assertSameAs(
        source(JIUZHOU),
        text ->
            text.replace("1、收入说明", "1、收入说明{ TC \"收入说明\" \\f C \\l 2 }")
                .replace("\n部门职责：", "\n[bookmark: _Toc1]部门职责："));
  }

  @Test
  void theEncodingsChineseWindowsToolsSave() throws Exception {
    String text = source(YANJIAO);
    Document expected = read(text);
    for (Charset charset :
        List.of(
            Charset.forName("GB18030"),
            Charset.forName("GBK"),
            StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE)) {
      byte[] bytes = text.getBytes(charset);
      Document d = importer.read(bytes).orElseThrow();
      assertEquals(expected.figures(), d.figures(), charset.name());
      byte[] withBom =
          charset.name().startsWith("UTF-16")
              ? concat(
                  charset.name().endsWith("LE")
                      ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                      : new byte[] {(byte) 0xFE, (byte) 0xFF},
                  bytes)
              : bytes;
      assertEquals(
          expected.figures(),
          importer.read(withBom).orElseThrow().figures(),
          charset.name() + " with BOM");
    }
    byte[] utf8Bom =
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            text.getBytes(StandardCharsets.UTF_8));
    assertEquals(expected.figures(), importer.read(utf8Bom).orElseThrow().figures());
    assertEquals(
        "GB18030", importer.read(text.getBytes(Charset.forName("GBK"))).orElseThrow().encoding());
  }

  @Test
  void bracketedUnitCodesAndFinalAccounts() throws Exception {
    Document d =
        read(
            source(GUANGYANG)
                .replace("\t260廊坊市广阳区委\n", "\t[263001]中国共产党廊坊市广阳区委员会办公室\n")
                .replace("2019年部门预算信息公开\n", "2019年部门决算信息公开\n"));
    assertEquals("263001", d.facts().unitCode());
    assertEquals(Kind.FINAL, d.facts().kind());
    assertEquals("廊坊市广阳区委", d.facts().departmentName());
  }

  @Test
  void theNewerTemplateTakesYearAndRegionFromTheProjectCode() throws Exception {
    Document d = read(source(SHANHAIGUAN));
    assertEquals(2021, d.facts().year());
    assertEquals("130303", d.facts().regionCode());
    assertEquals("286001", d.facts().unitCode());
    assertEquals(Kind.BUDGET, d.facts().kind());
    assertEquals(
        Arrays.asList(
            Section.PERFORMANCE_OVERALL, Section.PERFORMANCE_DUTIES, Section.PERFORMANCE_MEASURES),
        new ArrayList<>(d.narrative().keySet()));
  }

  @Test
  void whatCannotBePlacedIsReported() throws Exception {
    String text = source(JIUZHOU).replace("\t办公经费\n\t1.75\n", "\t办公经费\n\t一点七五\n");
    Document d = read(text);
    assertEquals(1, d.unplaced().size(), d.unplaced().toString());
    Report.Unplaced u = d.unplaced().get(0);
    assertEquals("一点七五", u.text());
    assertTrue(
        text.split("\n", -1)[u.line() - 1].contains("一点七五"), "points at the right source line");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
