package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.internal.FileDigests;
import org.touming.sample.SampleGenerator;
import org.touming.testing.FixtureSite;

/** What archivists rely on: identical builds, a manifest that catches every change, safe swaps. */
class ArchiveTest {
  @Test
  void twoBuildsOfTheSameContentAreByteIdentical(@TempDir Path dir) throws Exception {
    new SampleGenerator().write(20, 8, dir.resolve("site"));
    Path a = BuiltSite.build(dir.resolve("site"), dir.resolve("a"));
    Path b = BuiltSite.build(dir.resolve("site"), dir.resolve("b"));
    BuiltSite.assertSameFiles(a, b);
  }

  @Test
  void verifyNamesEveryMissingExtraAndChangedFile(@TempDir Path dir) throws Exception {
    Path out =
        BuiltSite.build(FixtureSite.copy("valid", dir.resolve("site")).root(), dir.resolve("out"));
    assertTrue(Manifest.verify(out).ok());
    String manifest = Files.readString(out.resolve("SHA256SUMS"));
    assertTrue(manifest.lines().allMatch(l -> l.matches("[0-9a-f]{64}  [^ ].*")), manifest);
    Files.writeString(out.resolve("index.html"), "tampered");
    Files.delete(out.resolve("robots.txt"));
    Files.writeString(out.resolve("extra.html"), "x");
    Manifest.Report r = Manifest.verify(out);
    assertEquals(List.of("robots.txt"), r.missing());
    assertEquals(List.of("extra.html"), r.extra());
    assertEquals(List.of("index.html"), r.changed());
  }

  @Test
  void aDisclosureEditedAfterItWasCheckedIsListedWithTheBytesPublished(@TempDir Path dir)
      throws Exception {
    Path root = FixtureSite.copy("valid", dir.resolve("site")).root();
    SiteBuild.Prepared prepared = new SiteBuild().prepare(root, false);
    Path yaml = root.resolve(prepared.catalog().disclosures().get(0).file());
    FileDigests read = new FileDigests();
    read.record(yaml, Files.readAllBytes(yaml));
    Files.writeString(yaml, Files.readString(yaml) + "# 发布前又改过\n");
    Output out = Output.begin(dir.resolve("out"));
    prepared.writer().digests(read).writeAll(out, prepared.catalog());
    Manifest.write(out.dir(), out.hashes());
    out.commit();
    assertTrue(Manifest.verify(dir.resolve("out")).ok());
  }

  @Test
  void aFailedBuildLeavesThePreviousSiteAsItWas(@TempDir Path dir) throws Exception {
    FixtureSite site = FixtureSite.copy("valid", dir.resolve("site"));
    Path out = BuiltSite.build(site.root(), dir.resolve("out"));
    String before = Files.readString(out.resolve("SHA256SUMS"));
    site.write(
        "layouts/disclosure.ftlh",
        "<#import \"base.ftlh\" as layout>\n<@layout.frame>\n${view.noSuchThing()}\n</@layout.frame>\n");
    SiteBuild.Result failed = new SiteBuild().run(site.root(), out, false);
    assertFalse(failed.written());
    String error =
        failed.diagnostics().sorted().stream()
            .filter(d -> d.rule().equals("render.template"))
            .findFirst()
            .orElseThrow()
            .format();
    assertTrue(error.startsWith("layouts/disclosure.ftlh:3:"), error);
    assertEquals(before, Files.readString(out.resolve("SHA256SUMS")));
    assertTrue(Manifest.verify(out).ok(), "previous output intact");
    try (var s = Files.list(dir)) {
      assertEquals(
          List.of("out", "site"),
          s.map(p -> p.getFileName().toString()).sorted().toList(),
          "no staging folder left behind");
    }
  }

  @Test
  void contentErrorsWriteNothing(@TempDir Path dir) throws Exception {
    FixtureSite site =
        FixtureSite.copy("valid", dir.resolve("site"))
            .edit(FixtureSite.DISCLOSURE, "year: 2019", "year: [");
    assertFalse(new SiteBuild().run(site.root(), dir.resolve("out"), false).written());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void refusesToReplaceAFolderThatIsNotAnOutput(@TempDir Path dir) throws Exception {
    FixtureSite site = FixtureSite.copy("valid", dir.resolve("site"));
    Files.createDirectories(dir.resolve("documents"));
    Files.writeString(dir.resolve("documents/thesis.docx"), "precious");
    SiteBuild.Result r = new SiteBuild().run(site.root(), dir.resolve("documents"), false);
    assertFalse(r.written());
    assertEquals(
        "precious", Files.readString(dir.resolve("documents/thesis.docx"), StandardCharsets.UTF_8));
  }
}
