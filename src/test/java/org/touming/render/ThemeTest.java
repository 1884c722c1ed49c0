package org.touming.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.content.Amount;
import org.touming.content.DepartmentId;
import org.touming.content.Kind;
import org.touming.content.MoneyUnit;
import org.touming.publish.SiteBuild;
import org.touming.testing.FixtureSite;

class ThemeTest {
  @Test
  void siteFilesOverrideTheThemeFileByFileAndStringByString(@TempDir Path dir) throws Exception {
    FixtureSite site = FixtureSite.copy("valid", dir.resolve("site"));
    site.write(
        "layouts/404.ftlh",
        "<#import \"base.ftlh\" as layout><@layout.frame><h1>自定义的 404</h1></@layout.frame>\n");
    site.write("i18n/zh-CN.yml", "nav.glossary: 术语\n");
    site.write("assets/extra.css", "body{}\n");
    site.write(
        "themes/default/assets/style.css", "/* the site's copy of the theme stylesheet */\n");
    Path out = dir.resolve("out");
    assertTrue(new SiteBuild().run(site.root(), out, false).written());
    assertTrue(
        Files.readString(out.resolve("404.html")).contains("<h1>自定义的 404</h1>"),
        "a site layout wins");
    String home = Files.readString(out.resolve("index.html"));
    assertTrue(
        home.contains(">术语</a>") && home.contains(">开放数据</a>"),
        "one string overridden, the rest from the theme");
    assertTrue(Files.exists(out.resolve("assets/extra.css")));
    assertEquals(
        "/* the site's copy of the theme stylesheet */\n",
        Files.readString(out.resolve("assets/style.css")),
        "the site's theme folder wins over the built-in theme");
  }

  @Test
  void englishIsSelectableInSiteConfig(@TempDir Path dir) throws Exception {
    FixtureSite site =
        FixtureSite.copy("valid", dir.resolve("site"))
            .edit("site-config.yml", "language: zh-CN", "language: en");
    Path out = dir.resolve("out");
    assertTrue(new SiteBuild().run(site.root(), out, false).written());
    String page = Files.readString(out.resolve("departments/131003-260/2019-budget/index.html"));
    assertTrue(
        page.contains("<html lang=\"en\">")
            && page.contains(">Open data</a>")
            && page.contains("Skip to content"),
        page.substring(0, 600));
    assertTrue(page.contains("涉密"), "placeholders are shown as published");
  }

  @Test
  void amountsKeepTheirPublishedDigitsGroupedWithTheirUnit() {
    assertEquals("95,531.43 万元", Money.format(Amount.of("95531.43"), MoneyUnit.WAN_YUAN));
    assertEquals("720.7986", Money.format(Amount.of("720.7986")));
    assertEquals("30,000.00 元", Money.format(Amount.of("30000.00"), MoneyUnit.YUAN));
    assertEquals("-1,234,567.5", Money.group(new BigDecimal("-1234567.5")));
    assertEquals("+393.11", Money.signed(Amount.of("393.11")));
    assertEquals("涉密", Money.format(Amount.placeholder("涉密"), MoneyUnit.WAN_YUAN));
    assertEquals("", Money.format(null));
  }

  @Test
  void urlsComeFromCodesAndLinksAreRelative() {
    DepartmentId id = new DepartmentId("131003", "912");
    assertEquals(
        "departments/131003-912/2019-budget/index.html", Urls.disclosure(id, 2019, Kind.BUDGET));
    assertEquals("../../../", Urls.root("departments/131003-912/2019-budget/index.html"));
    assertEquals(
        "../../data/index.html", Urls.relative("regions/131003/index.html", "data/index.html"));
  }

  @Test
  void everyLanguageHasEveryString() throws Exception {
    var yaml =
        new com.fasterxml.jackson.databind.ObjectMapper(
            new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    var zh =
        yaml.readValue(Path.of("themes/default/i18n/zh-CN.yml").toFile(), java.util.Map.class)
            .keySet();
    var en =
        yaml.readValue(Path.of("themes/default/i18n/en.yml").toFile(), java.util.Map.class)
            .keySet();
    assertEquals(new java.util.TreeSet<>(zh), new java.util.TreeSet<>(en));
  }
}
