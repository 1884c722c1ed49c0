package org.touming.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.testing.FixtureSite;

/** Properties of loading that must hold for any figure, not just the ones in fixtures. */
class LoaderPropertyTest {
  @Test
  void everyPublishedDigitSurvivesLoading(@TempDir Path dir) {
    FixtureSite site = FixtureSite.copy("valid", dir);
    ContentLoader loader = new ContentLoader();
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      // Up to 12 integer digits and 12 decimals, trailing zeros included: 0.50 stays 0.50.
      String digits = Long.toString(Math.abs(random.nextLong()) % 1_000_000_000_000L);
      String number =
          random.nextBoolean()
              ? digits
              : digits
                  + "."
                  + String.format("%0" + (1 + random.nextInt(12)) + "d", random.nextInt(1000));
      if (random.nextInt(4) == 0 && new BigDecimal(number).signum() != 0) {
        number = "-" + number;
      }
      site.write(
          FixtureSite.DISCLOSURE,
          site.read(FixtureSite.DISCLOSURE)
              .replaceFirst("  personnel: [^\\n]*", "  personnel: " + number));
      Diagnostics d = new Diagnostics();
      Site s = loader.loadSite(site.root(), d).orElseThrow();
      var loaded = loader.loadDisclosure(s, s.disclosures().get(1), d).orElseThrow();
      Amount personnel = loaded.value().expenditure().personnel();
      assertEquals(number, personnel.text(), "published digits");
      assertEquals(0, new BigDecimal(number).compareTo(personnel.value()));
      site.write(
          FixtureSite.DISCLOSURE,
          site.read(FixtureSite.DISCLOSURE)
              .replaceFirst("  personnel: [^\\n]*", "  personnel: 2805.93"));
    }
  }

  @Test
  void placeholdersAreKeptAsPublished(@TempDir Path dir) {
    FixtureSite site = FixtureSite.copy("valid", dir);
    ContentLoader loader = new ContentLoader();
    Diagnostics d = new Diagnostics();
    Site s = loader.loadSite(site.root(), d).orElseThrow();
    Disclosure disclosure =
        loader.loadDisclosure(s, s.disclosures().get(1), d).orElseThrow().value();
    Amount secret = disclosure.performance().responsibilities().get(1).budget();
    assertTrue(secret.isSecret());
    assertEquals("——", disclosure.assets().total().quantity().text());
    assertEquals("551.697964", disclosure.assets().total().value().text());
    assertEquals("30000.00", disclosure.projects().get(0).funds().total().text());
    assertEquals(MoneyUnit.YUAN, disclosure.projects().get(0).unit());
    assertEquals(new DepartmentId("131003", "260"), disclosure.department());
    assertTrue(disclosure.narrative().get(Section.INCOME).orElseThrow().contains("8058.96万元"));
    assertTrue(
        disclosure.narrative().get(Section.PREFACE).orElseThrow().startsWith("按照《中华人民共和国预算法》"));
  }

  @Test
  void headingsMatchWithWordNumberingAndQuotes() {
    assertEquals(Section.THREE_PUBLIC, Section.byHeading("四、财政拨款“三公”经费预算情况及增减变化原因").orElseThrow());
    assertEquals(Section.CHANGE, Section.byHeading("3、比上年增减情况").orElseThrow());
    assertEquals(Section.THREE_PUBLIC, Section.byHeading("“三公”经费").orElseThrow());
    assertTrue(Section.byHeading("收人说明").isEmpty());
  }
}
