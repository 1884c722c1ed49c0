package org.touming.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.touming.testing.FixtureSite;

/** Each kind of bad input, with the exact line an author sees. */
class BadInputTest {
  private static final String D = FixtureSite.DISCLOSURE;
  private static final String DEPT = "content/131003/260/department.yml";
  private static final String REGIONS = "content/regions.yml";

  record Case(String name, Consumer<FixtureSite> edit, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case edit(String name, String file, String find, String replace, String expected) {
    return new Case(name, s -> s.edit(file, find, replace), expected);
  }

  static Stream<Case> cases() {
    return Stream.of(
        edit(
            "malformed YAML",
            D,
            "  basic: 3155.95",
            "  basic: [3155.95",
            D
                + ":19:12: error [yaml.syntax] YAML 格式错误：expected ',' or ']', but got :（while parsing a flow sequence）"),
        edit(
            "tab indentation",
            D,
            "  basic: 3155.95",
            "\tbasic: 3155.95",
            D
                + ":18:1: error [yaml.syntax] YAML 格式错误：found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)（while scanning for the next token）；YAML 不能用 Tab 缩进，请改用空格"),
        edit(
            "duplicate key",
            D,
            "  basic: 3155.95",
            "  basic: 3155.95\n  basic: 3155.95",
            D + ":19:3: error [yaml.duplicate-key] 字段 “basic” 重复（第一次在第 18 行）"),
        edit(
            "wrong type: text for an amount",
            D,
            "  personnel: 2805.93",
            "  personnel: 两千八百",
            D
                + ":19:14: error [schema.pattern] expenditure.personnel（人员经费） 应为数字或占位符（涉密、——），实为 “两千八百”"),
        edit(
            "wrong type: thousands separator",
            D,
            "  personnel: 2805.93",
            "  personnel: 2,805.93",
            D
                + ":19:14: error [schema.pattern] expenditure.personnel（人员经费） 应为数字或占位符（涉密、——），实为 “2,805.93”（数字中不要写千分位分隔符）"),
        edit(
            "wrong type: mapping for a list",
            D,
            "glossary:\n  - term: 基本支出\n    definition:",
            "glossary:\n  term: 基本支出\n  definition:",
            D + ":150:3: error [schema.type] glossary（名词解释） 应为列表（list），实为映射（mapping）"),
        edit(
            "wrong type: number for text",
            DEPT,
            "name: 廊坊市广阳区委",
            "name: 260",
            DEPT + ":2:7: error [schema.type] name（部门名称） 应为文本，实为数字 260（文本请加引号，如 \"260\"）"),
        edit(
            "wrong type: year as text",
            D,
            "year: 2019",
            "year: 二〇一九",
            D + ":2:7: error [schema.type] year（年度） 应为整数，实为文本 “二〇一九”"),
        edit(
            "unknown field with suggestion",
            D,
            "  vehicles: 48.13",
            "  vehicle: 48.13",
            D
                + ":39:3: error [schema.unknown-field] 未知字段 “vehicle”（在 three-public 中）；是否想写 “vehicles”（公务用车购置及运维费）？"),
        edit(
            "unknown field by its Chinese name",
            D,
            "  reception: 76",
            "  公务接待: 76",
            D
                + ":42:3: error [schema.unknown-field] 未知字段 “公务接待”（在 three-public 中）；是否想写 “reception”（公务接待费）？"),
        edit(
            "unknown enum value",
            D,
            "kind: budget",
            "kind: budgt",
            D
                + ":3:7: error [schema.enum] kind（公开类型） 的值 “budgt” 不在允许范围内；可选：budget、final。是否想写 “budget”？"),
        edit(
            "missing required field",
            D,
            "kind: budget\nunit: 万元\n",
            "kind: budget\n",
            D + ":1:1: error [schema.required] 缺少必填字段 “unit”（金额单位）"),
        edit(
            "missing required field in a row",
            D,
            "  - name: 中国共产党廊坊市广阳区委员会办公室\n    nature:",
            "  - nature:",
            D + ":6:5: error [schema.required] units[1] 缺少必填字段 “name”（单位名称）"),
        edit(
            "out of range",
            D,
            "year: 2019",
            "year: 3019",
            D + ":2:7: error [schema.range] year（年度） 应在 1990 到 2100 之间，实为 3019"),
        edit(
            "huge number",
            D,
            "  personnel: 2805.93",
            "  personnel: 1e999999999",
            D
                + ":19:14: error [schema.range] expenditure.personnel（人员经费） 数值超出可接受的范围（至多 24 位有效数字、12 位小数）：1e999999999"),
        edit(
            "unknown region",
            DEPT,
            "region: \"131003\"",
            "region: \"131004\"",
            DEPT + ":3:9: error [ref.region] 行政区划 131004 不存在于 content/regions.yml（部门 廊坊市广阳区委）"),
        edit(
            "unknown parent region",
            REGIONS,
            "parent: \"130000\"",
            "parent: \"139999\"",
            REGIONS + ":7:13: error [ref.region] 上级行政区划 139999 不存在（廊坊市）"),
        edit(
            "region cycle",
            REGIONS,
            "    name: 河北省\n",
            "    name: 河北省\n    parent: \"131003\"\n",
            REGIONS + ":4:13: error [ref.region-cycle] 行政区划的上级关系形成了循环（河北省 130000）"),
        edit(
            "duplicate region",
            REGIONS,
            "  - code: \"131003\"",
            "  - code: \"131000\"",
            REGIONS + ":9:11: error [duplicate.region] 行政区划代码 131000 重复（第一次在第 5 行）"),
        new Case(
            "duplicate department",
            s -> s.write("content/131003/260-copy/department.yml", s.read(DEPT)),
            "content/131003/260/department.yml:1:7: error [duplicate.department] 部门 131003/260 重复：已在 content/131003/260-copy/department.yml 中定义（预算单位编码在同一行政区划内必须唯一）"),
        new Case(
            "duplicate disclosure",
            s ->
                s.write(
                    "content/131003/260/2019-budget-copy.yml",
                    s.read("content/131003/260/2018-budget.yml")
                        .replace("year: 2018", "year: 2019")),
            "content/131003/260/2019-budget.yml:2:7: error [duplicate.disclosure] 131003/260 的 2019 年预算公开重复：已在 content/131003/260/2019-budget-copy.yml 中"),
        new Case(
            "GBK file",
            s -> s.writeBytes(D, s.read(D).getBytes(Charset.forName("GBK"))),
            D
                + ":1:8: error [file.encoding] 文件不是 UTF-8 编码（第 1 行有无效字节 0xC0），看起来是 GB18030/GBK（中文 Windows 常用编码）；请另存为 UTF-8"),
        new Case(
            "UTF-16 file",
            s -> s.writeBytes(D, s.read(D).getBytes(StandardCharsets.UTF_16LE)),
            D + ":1:1: error [file.encoding] 文件不是 UTF-8 编码，看起来是 UTF-16LE；请另存为 UTF-8"),
        new Case(
            "empty file",
            s -> s.write(D, ""),
            D + ":1:1: error [yaml.empty] 文件是空的；应为一个映射（mapping），见 schemas/disclosure.schema.json"),
        new Case(
            "not a mapping",
            s -> s.write(D, "- 1\n- 2\n"),
            D + ":1:1: error [schema.type] 文件内容 应为映射（mapping），实为列表（list）"),
        new Case(
            "two documents",
            s -> s.write(D, s.read(D) + "---\nyear: 2020\n"),
            D + ":153:1: error [yaml.syntax] 一个文件只能有一个 YAML 文档（发现第二个文档）"),
        new Case(
            "file outside a department",
            s -> s.write("content/131003/stray.yml", "year: 2019\n"),
            "content/131003/stray.yml:1:1: error [layout.orphan] 此文件不属于任何部门：所在目录没有 department.yml"),
        new Case(
            "markdown without yaml",
            s -> s.write("content/131003/260/2020-budget.md", "text\n"),
            "content/131003/260/2020-budget.md:1:1: error [layout.orphan-markdown] 没有同名的 YAML 文件（2020-budget.yml）与此 Markdown 配对"),
        edit(
            "unknown section heading",
            "content/131003/260/2019-budget.md",
            "## 收入说明",
            "## 收人说明",
            "content/131003/260/2019-budget.md:7:1: error [narrative.unknown-section] 未知的部分标题 “收人说明”；是否想写 “## 收入说明”？"),
        edit(
            "duplicate section heading",
            "content/131003/260/2019-budget.md",
            "## 其他需要说明的事项",
            "## 部门职责",
            "content/131003/260/2019-budget.md:11:1: error [narrative.duplicate-section] 部分 “部门职责” 出现了两次"),
        edit(
            "missing source document",
            D,
            "kind: budget\nunit: 万元\n",
            "kind: budget\nunit: 万元\nprovenance:\n  source: sources/2019.txt\n",
            D + ":6:11: error [ref.source] 来源文件 sources/2019.txt 不存在（路径相对于本文件所在目录）"),
        new Case(
            "no content folder",
            s -> deleteTree(s.root().resolve("content")),
            "content:1:1: error [site.no-content] 找不到 content/ 目录"),
        new Case(
            "no regions file",
            s -> s.delete(REGIONS),
            REGIONS + ":1:1: error [site.no-regions] 找不到行政区划文件 content/regions.yml"));
  }

  private static void deleteTree(Path dir) {
    try (var walk = java.nio.file.Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(p);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsFileLineAndField(Case c, @TempDir Path dir) {
    FixtureSite site = FixtureSite.copy("valid", dir);
    c.edit().accept(site);
    List<String> lines = site.check().stream().map(Diagnostic::format).toList();
    assertTrue(
        lines.contains(c.expected()),
        () -> "expected\n  " + c.expected() + "\nbut got\n  " + String.join("\n  ", lines));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void errorsMakeTheCheckFail(Case c, @TempDir Path dir) {
    FixtureSite site = FixtureSite.copy("valid", dir);
    c.edit().accept(site);
    assertTrue(site.check().stream().anyMatch(d -> d.severity() == Severity.ERROR));
  }

  @org.junit.jupiter.api.Test
  void hiddenFilesAndFoldersAreNotContent(@TempDir Path dir) {
    // An editor's swap files and a version control folder sit beside the content; none of it is
    // a disclosure, and broken YAML there is no error.
    FixtureSite site = FixtureSite.copy("valid", dir);
    site.write("content/131003/260/.2019-budget.yml.swp", "title: [broken\n");
    site.write("content/.git/131003/260/2020-budget.yml", "title: [broken\n");
    site.write("content/131003/.drafts/2021-budget.yml", "title: [broken\n");
    assertEquals(List.of(), site.check().stream().map(Diagnostic::format).toList());
  }

  @org.junit.jupiter.api.Test
  void notASite(@TempDir Path dir) {
    var result = new org.touming.check.Checker().run(dir);
    assertEquals(
        "site-config.yml:1:1: error [site.not-a-site] 找不到 site-config.yml："
            + dir
            + " 不是 Touming 站点（用 --source 指定站点目录）",
        result.diagnostics().sorted().get(0).format());
  }
}
