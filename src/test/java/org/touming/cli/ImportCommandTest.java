package org.touming.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.check.Checker;
import org.touming.content.Severity;

class ImportCommandTest {
  private static final String[] SOURCES = {
    "content/131003/260/sources/2019-budget.txt",
    "content/131003/912/sources/2019-budget.txt",
    "content/130303/286001/sources/2021-budget.txt",
    "content/131082/979/sources/2019-budget.txt"
  };

  /** An empty site: configuration and regions, no departments. */
  static Path emptySite(Path dir, String regions) throws Exception {
    Files.createDirectories(dir.resolve("content"));
    Files.writeString(dir.resolve("site-config.yml"), "title: 测试\n");
    Files.writeString(dir.resolve("content/regions.yml"), regions);
    return dir;
  }

  static String allRegions() throws Exception {
    return Files.readString(Path.of("content/regions.yml"));
  }

  static Path copy(
      String source, Path dir, String name, java.util.function.UnaryOperator<String> change)
      throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, change.apply(Files.readString(Path.of(source))));
    return p;
  }

  /** 九州镇's disclosure with its unit code (912) taken out of every table label. */
  static Path withoutUnitCode(Path dir) throws Exception {
    return copy(
        SOURCES[1],
        dir,
        "town.txt",
        t ->
            t.replace("\t912廊坊市广阳区九州镇人民政府\n", "\t廊坊市广阳区九州镇人民政府\n")
                .replace("\t912廊坊市广阳区九州镇\n", "\t\n")
                .replace("编制部门：912", "编制部门："));
  }

  static CliTest.Run importing(Path site, String... args) {
    List<String> all = new ArrayList<>(List.of("import", "--source", site.toString()));
    all.addAll(List.of(args));
    return CliTest.run(all.toArray(String[]::new));
  }

  @Test
  void importsTheSeedsAndRefusesToOverwrite(@TempDir Path dir) throws Exception {
    Path site = emptySite(dir.resolve("site"), allRegions());
    String[] files = new String[SOURCES.length];
    for (int i = 0; i < SOURCES.length; i++) {
      files[i] = Path.of(SOURCES[i]).toAbsolutePath().toString();
    }
    CliTest.Run first = importing(site, files);
    assertEquals(0, first.exit(), first.all());
    assertTrue(first.out().contains("写入 content/131003/912/2019-budget.yml"), first.out());
    assertTrue(first.out().contains("写入 content/130303/286001/department.yml"), first.out());
    assertTrue(first.out().contains("导入的内容：0 个错误，2 个警告（"), first.out());
    assertFalse(first.out().contains("未能归入"), first.out());
    var checked = new Checker().run(site);
    assertEquals(0, checked.diagnostics().count(Severity.ERROR));
    assertEquals(4, checked.disclosures());
    byte[] before = Files.readAllBytes(site.resolve("content/131003/912/2019-budget.yml"));
    Files.writeString(
        site.resolve("content/131003/912/2019-budget.yml"),
        "# edited by hand\n" + new String(before, StandardCharsets.UTF_8));
    byte[] edited = Files.readAllBytes(site.resolve("content/131003/912/2019-budget.yml"));

    CliTest.Run again = importing(site, files[1]);
    assertEquals(1, again.exit(), again.all());
    assertTrue(
        again.out().contains("content/131003/912/2019-budget.yml 已存在；确认要替换时加 --force"),
        again.out());
    assertArrayEquals(
        edited,
        Files.readAllBytes(site.resolve("content/131003/912/2019-budget.yml")),
        "never overwritten without --force");

    CliTest.Run forced = importing(site, "--force", files[1]);
    assertEquals(0, forced.exit(), forced.all());
    assertArrayEquals(
        before, Files.readAllBytes(site.resolve("content/131003/912/2019-budget.yml")));
  }

  @Test
  void aFactNeitherStatedNorGivenNamesTheFlag(@TempDir Path dir) throws Exception {
    Path site = emptySite(dir.resolve("site"), allRegions());
    Path noCode =
        copy(SOURCES[2], dir, "project.txt", t -> t.replace("13030321WLCRBVUADKPT8", "XM-001"));
    CliTest.Run r = importing(site, noCode.toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("文件中没有写明年度；请用 --year YYYY 指定"), r.out());
    CliTest.Run given = importing(site, "--year", "2021", noCode.toString());
    assertEquals(0, given.exit(), given.all());
    assertTrue(given.out().contains("130303 山海关区，286001"), given.out());

    Path noUnit = withoutUnitCode(dir);
    CliTest.Run r2 = importing(site, noUnit.toString());
    assertEquals(1, r2.exit());
    assertTrue(r2.out().contains("文件中没有写明预算单位编码；请用 --department 编码 指定"), r2.out());
    assertEquals(0, importing(site, "--department", "912", noUnit.toString()).exit());
  }

  @Test
  void aRegionNotYetInTheContentIsCreatedFromTheDocument(@TempDir Path dir) throws Exception {
    String regions =
        "regions:\n  - code: \"130000\"\n    name: 河北省\n  - code: \"130300\"\n    name: 秦皇岛市\n    parent: \"130000\"\n";
    Path site = emptySite(dir.resolve("site"), regions);
    CliTest.Run r = importing(site, Path.of(SOURCES[2]).toAbsolutePath().toString());
    assertEquals(0, r.exit(), r.all());
    String after = Files.readString(site.resolve("content/regions.yml"));
    assertTrue(after.startsWith(regions), "existing entries kept as written");
    assertTrue(
        after.contains(
            "  - code: \"130303\"\n    name: 山海关区\n    parent: \"130300\"\n    level: county\n"),
        after);
    assertEquals(0, new Checker().run(site).diagnostics().count(Severity.ERROR));
  }

  @Test
  void matchesAnExistingDepartmentByNameAndWritesIntoItsFolder(@TempDir Path dir) throws Exception {
    Path site = emptySite(dir.resolve("site"), allRegions());
    Files.createDirectories(site.resolve("content/guangyang/jiuzhou"));
    Files.writeString(
        site.resolve("content/guangyang/jiuzhou/department.yml"),
        "code: \"9120\"\nname: 廊坊市广阳区九州镇人民政府\nregion: \"131003\"\n");
    Path noUnit = withoutUnitCode(dir);
    CliTest.Run r = importing(site, noUnit.toString());
    assertEquals(0, r.exit(), r.all());
    assertTrue(r.out().contains("已有部门（按名称）"), r.out());
    assertTrue(Files.exists(site.resolve("content/guangyang/jiuzhou/2019-budget.yml")));
    assertTrue(Files.exists(site.resolve("content/guangyang/jiuzhou/sources/2019-budget.txt")));
  }

  @Test
  void unplacedLinesAreListedWithTheirLineNumbers(@TempDir Path dir) throws Exception {
    Path site = emptySite(dir.resolve("site"), allRegions());
    Path odd =
        copy(SOURCES[1], dir, "odd.txt", t -> t.replace("\t办公经费\n\t1.75\n", "\t办公经费\n\t一点七五\n"));
    CliTest.Run r = importing(site, odd.toString());
    assertEquals(0, r.exit(), r.all());
    assertTrue(r.out().matches("(?s).*odd\\.txt:1570: 未能归入（金额列中的内容不是数字）：一点七五.*"), r.out());
  }

  @Test
  void intoMustBeAContentFolderAndMissingFilesAreNamed(@TempDir Path dir) throws Exception {
    Path site = emptySite(dir.resolve("site"), allRegions());
    assertEquals(2, CliTest.run("import", "--into", site.toString(), SOURCES[1]).exit());
    CliTest.Run r =
        CliTest.run(
            "import",
            "--into",
            site.resolve("content").toString(),
            Path.of(SOURCES[1]).toAbsolutePath().toString());
    assertEquals(0, r.exit(), r.all());
    CliTest.Run missing = importing(site, dir.resolve("nope.txt").toString());
    assertEquals(1, missing.exit());
    assertTrue(missing.out().contains("nope.txt：文件不存在"), missing.out());
  }
}
