package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.internal.Folders;
import org.touming.sample.SampleGenerator;

/**
 * A build that runs again in the same process ({@code build --watch}) keeps disclosures, the last
 * state and the parts made from unchanged disclosures in memory; whatever it keeps, each of its
 * outputs must be byte for byte what a full build of the same content writes, and what it leaves on
 * disk must let a later one-off build find the output up to date.
 */
class ResidentBuildTest {
  @TempDir Path dir;
  private Path site;
  private Path out;
  private SiteBuild resident;

  @BeforeEach
  void firstBuild() throws IOException {
    site = dir.resolve("site");
    out = dir.resolve("out");
    new SampleGenerator().write(24, 5, site);
    resident = new SiteBuild().resident();
    assertTrue(resident.run(site, out, false).written());
  }

  @AfterEach
  void stop() {
    resident.close();
  }

  @Test
  void eachBuildAfterAnEditIsAFullBuildsBytes() throws IOException {
    for (int i = 0; i < 3; i++) {
      String edited = disclosures().get(3 + 5 * i);
      edit(edited, "title: ", "title: 第" + i + "次 ");
      edit(edited, "  basic: ", "  basic: " + (i + 1)); // a figure of the site tables
      Path markdown = site.resolve(edited.replace(".yml", ".md"));
      Files.writeString(markdown, Files.readString(markdown) + "\n第" + i + "次新增：采购鲸鱼潜艇一艘。\n");
      SiteBuild.Result r = resident.run(site, out, false);
      assertTrue(r.written());
      assertTrue(r.reused() > 100, "reused " + r.reused());
      assertSameAsFullBuild();
    }
  }

  @Test
  void anEditThatKeepsTheFilesSizeAndTimeIsSeenWhileTheTimeIsRecent() throws IOException {
    // Two saves within one tick of the file system's clock leave the same time; a file whose time
    // was recent when it was looked at is read again, whatever its stamp says.
    String edited = disclosures().get(4);
    Path yaml = site.resolve(edited);
    String text = Files.readString(yaml, StandardCharsets.UTF_8);
    FileTime time = FileTime.fromMillis(System.currentTimeMillis());
    Files.setLastModifiedTime(yaml, time);
    assertTrue(resident.run(site, out, false).upToDate());
    String title = text.lines().filter(l -> l.startsWith("title: ")).findFirst().orElseThrow();
    // The same characters backwards: the same number of bytes, so that the size cannot tell.
    String backwards = "title: " + new StringBuilder(title.substring(7)).reverse();
    assertNotEquals(title, backwards);
    String replaced = text.replace(title, backwards);
    assertEquals(
        text.getBytes(StandardCharsets.UTF_8).length,
        replaced.getBytes(StandardCharsets.UTF_8).length);
    Files.writeString(yaml, replaced, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(yaml, time);

    SiteBuild.Result r = resident.run(site, out, false);

    assertTrue(r.written());
    assertFalse(r.upToDate());
    assertSameAsFullBuild();
  }

  @Test
  void addedRemovedAndDepartmentEditsAreFullBuildsBytes() throws IOException {
    String first = disclosures().get(0);
    Path copy = site.resolve(first.replaceAll("/\\d{4}-", "/2033-"));
    Files.writeString(
        copy,
        Files.readString(site.resolve(first)).replaceFirst("(?m)^year: \\d{4}", "year: 2033"));
    assertTrue(resident.run(site, out, false).written());
    assertSameAsFullBuild();

    Files.delete(copy);
    assertTrue(resident.run(site, out, false).written());
    assertSameAsFullBuild();

    Path department;
    try (Stream<Path> walk = Files.walk(site.resolve("content"))) {
      department =
          walk.filter(p -> p.endsWith("department.yml")).sorted().findFirst().orElseThrow();
    }
    Files.writeString(department, Files.readString(department).replaceFirst("name: ", "name: 新"));
    SiteBuild.Result r = resident.run(site, out, false);
    assertEquals(0, r.reused(), "everything depends on a department's name");
    assertSameAsFullBuild();
  }

  @Test
  void anOutputChangedByHandBetweenBuildsIsWrittenAgain() throws IOException {
    Path home = out.resolve("index.html");
    String original = Files.readString(home, StandardCharsets.UTF_8);
    Files.writeString(home, original.replace("</body>", "<!-- by hand --></body>"));
    edit(disclosures().get(2), "title: ", "title: 又 ");
    assertTrue(resident.run(site, out, false).written());
    assertEquals(original, Files.readString(home, StandardCharsets.UTF_8));
    assertSameAsFullBuild();
  }

  @Test
  void outputChangedByHandIsWrittenAgainOnceTheBuildsTrustTheOutputsEvents() throws IOException {
    // The second build looks at every file of the output and the ones after it only at those the
    // file system reported changed: these changes come after that point.
    for (int i = 0; i < 2; i++) {
      edit(disclosures().get(1), "title: ", "title: 第" + i + "次 ");
      assertTrue(resident.run(site, out, false).written());
    }
    Path home = out.resolve("index.html");
    String homeBefore = Files.readString(home, StandardCharsets.UTF_8);
    Files.writeString(home, homeBefore.replace("</body>", "<!-- by hand --></body>"));
    // A page of a disclosure no edit touches.
    Path page;
    try (Stream<Path> walk = Files.walk(out.resolve("departments"))) {
      page =
          walk.filter(p -> p.toString().matches(".*/\\d{4}-[a-z]+/index\\.html"))
              .sorted()
              .skip(7)
              .findFirst()
              .orElseThrow();
    }
    byte[] pageBefore = Files.readAllBytes(page);
    Files.writeString(page, "<!-- by hand -->", StandardOpenOption.APPEND);
    Path chunk = out.resolve("search/d/0-0.js");
    byte[] chunkBefore = Files.readAllBytes(chunk);
    Files.delete(chunk);

    edit(disclosures().get(2), "title: ", "title: 又 ");
    assertTrue(resident.run(site, out, false).written());

    assertEquals(homeBefore, Files.readString(home, StandardCharsets.UTF_8));
    assertArrayEquals(pageBefore, Files.readAllBytes(page));
    assertArrayEquals(chunkBefore, Files.readAllBytes(chunk));
    assertSameAsFullBuild();
  }

  @Test
  void anErrorLeavesTheOutputAndTheNextBuildMendsIt() throws IOException {
    String edited = disclosures().get(6);
    String manifest = Files.readString(out.resolve(Output.MANIFEST));
    edit(edited, "title: ", "title:\n  - 不是文字\n# ");
    SiteBuild.Result broken = resident.run(site, out, false);
    assertFalse(broken.written());
    assertEquals(manifest, Files.readString(out.resolve(Output.MANIFEST)));

    edit(edited, "title:\n  - 不是文字\n# ", "title: 修好了 ");
    assertTrue(resident.run(site, out, false).written());
    assertSameAsFullBuild();
  }

  @Test
  void aOneOffBuildAfterTheResidentOnesFindsTheOutputUpToDate() throws IOException {
    edit(disclosures().get(8), "title: ", "title: 最后 ");
    assertTrue(resident.run(site, out, false).written());
    resident.awaitState();
    assertTrue(new SiteBuild().run(site, out, false).upToDate());
  }

  @Test
  void aTemplateAddedBetweenBuildsIsRenderedWith() throws IOException {
    // The renderer is taken over from one run to the next only while templates are unchanged.
    String glossary =
        new String(
            getClass()
                .getResourceAsStream("/org/touming/themes/default/layouts/glossary.ftlh")
                .readAllBytes(),
            StandardCharsets.UTF_8);
    Files.createDirectories(site.resolve("layouts"));
    Files.writeString(
        site.resolve("layouts/glossary.ftlh"), glossary.replace("</h1>", "（本站版）</h1>"));
    assertTrue(resident.run(site, out, false).written());
    assertTrue(
        Files.readString(out.resolve("glossary/index.html")).contains("（本站版）</h1>"),
        "the site's own template");
    assertSameAsFullBuild();
  }

  private void assertSameAsFullBuild() throws IOException {
    Path fresh = dir.resolve("fresh");
    if (Files.exists(fresh)) {
      Folders.delete(fresh);
    }
    assertTrue(new SiteBuild().full(true).run(site, fresh, false).written());
    BuiltSite.assertSameFiles(fresh, out);
  }

  private List<String> disclosures() throws IOException {
    return BuiltSite.disclosures(site);
  }

  private void edit(String file, String find, String replace) throws IOException {
    BuiltSite.edit(site, file, find, replace);
  }
}
