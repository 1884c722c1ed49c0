package org.touming.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.touming.check.Checker;
import org.touming.content.Catalog;
import org.touming.content.ContentLoader;
import org.touming.content.Diagnostics;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.content.Mark;
import org.touming.content.Severity;
import org.touming.content.Site;
import org.touming.render.Renderer.TemplateProblem;
import org.touming.render.Theme;

/**
 * {@code touming build}: load and check, then write every page, the open data, the feeds and the
 * manifest into a staging folder, and swap it in. Nothing is written when the content has errors,
 * and a failure part-way leaves the previous output as it was.
 */
public final class SiteBuild {
  static final String LOAD = "载入与检查";
  private final ContentLoader loader = new ContentLoader();
  private Progress progress = Progress.NONE;
  private boolean search = true;

  /** Whether to write the search index (default true). */
  public SiteBuild search(boolean search) {
    this.search = search;
    return this;
  }

  /** Reports how far the build is (the command line shows it on a terminal). */
  public SiteBuild progress(Progress progress) {
    this.progress = progress;
    return this;
  }

  public record Result(
      Diagnostics diagnostics,
      int disclosures,
      int pages,
      int files,
      Path output,
      boolean written,
      Map<String, Long> stages) {}

  /** A checked, loaded site ready to write, or the diagnostics that stop it. */
  public record Prepared(
      Diagnostics diagnostics, Catalog catalog, SiteWriter writer, int disclosures) {
    public boolean ok() {
      return catalog != null;
    }
  }

  public Prepared prepare(Path root, boolean strict) {
    // Rendering needs no source map (only the checker's messages do): dropping it as each file is
    // checked keeps a large site within a small heap, and no file is parsed twice.
    List<Loaded<Disclosure>> loaded = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger files = new AtomicInteger();
    Checker.Result checked =
        new Checker(loader)
            .run(
                root,
                new Checker.Listener() {
                  @Override
                  public void files(int count) {
                    files.set(count);
                  }

                  @Override
                  public void accept(Loaded<Disclosure> l) {
                    loaded.add(l.withoutSourceMap());
                    progress.update(LOAD, loaded.size(), files.get());
                  }
                });
    Diagnostics diagnostics = checked.diagnostics();
    if (checked.site().isEmpty()
        || diagnostics.hasErrors()
        || (strict && diagnostics.count(Severity.WARNING) > 0)) {
      return new Prepared(diagnostics, null, null, checked.disclosures());
    }
    Site site = checked.site().get();
    Theme theme = new Theme(root, site.config().theme());
    if (!theme.exists()) {
      diagnostics.error(
          ContentLoader.CONFIG,
          Mark.START,
          "site.theme",
          "找不到主题 “" + theme.name() + "”：既不在 themes/ 中，也不是内置主题（default）");
      return new Prepared(diagnostics, null, null, checked.disclosures());
    }
    try {
      return new Prepared(
          diagnostics,
          Catalog.of(site, loaded),
          new SiteWriter(theme, site.config()).progress(progress).search(search),
          checked.disclosures());
    } catch (RuntimeException e) {
      diagnostics.error(
          ContentLoader.CONFIG,
          Mark.START,
          "site.theme",
          "主题 “" + theme.name() + "” 无法读取：" + e.getMessage());
      return new Prepared(diagnostics, null, null, checked.disclosures());
    }
  }

  public Result run(Path root, Path outputOverride, boolean strict) {
    long start = System.nanoTime();
    Prepared prepared = prepare(root, strict);
    long prepareMillis = (System.nanoTime() - start) / 1_000_000;
    Diagnostics diagnostics = prepared.diagnostics();
    if (!prepared.ok()) {
      return new Result(diagnostics, prepared.disclosures(), 0, 0, null, false, Map.of());
    }
    var config = prepared.catalog().site().config();
    Path target =
        outputOverride != null
            ? outputOverride.toAbsolutePath().normalize()
            : root.resolve(config.output() == null ? "public" : config.output()).normalize();
    if (target.equals(root)
        || root.resolve(ContentLoader.CONTENT).startsWith(target)
        || target.startsWith(root.resolve(ContentLoader.CONTENT))) {
      diagnostics.error(
          ContentLoader.CONFIG,
          Mark.START,
          "site.output",
          "输出目录 " + target + " 不能是站点目录本身或 content/");
      return new Result(diagnostics, prepared.disclosures(), 0, 0, null, false, Map.of());
    }
    Output out = null;
    try {
      out = Output.begin(target);
      int pages = prepared.writer().writeAll(out, prepared.catalog());
      long manifestStart = System.nanoTime();
      Manifest.write(out.dir(), out.hashes());
      int files = countFiles(out.dir());
      out.commit();
      Map<String, Long> stages = new LinkedHashMap<>();
      stages.put("载入与检查", prepareMillis);
      stages.putAll(prepared.writer().stages().millis());
      stages.put("校验清单与替换输出", (System.nanoTime() - manifestStart) / 1_000_000);
      return new Result(
          diagnostics, prepared.catalog().disclosures().size(), pages, files, target, true, stages);
    } catch (TemplateProblem e) {
      diagnostics.error(
          "layouts/" + e.template(),
          new Mark(Math.max(1, e.line()), Math.max(1, e.column())),
          "render.template",
          e.getMessage());
    } catch (IOException | XMLStreamException | RuntimeException e) {
      diagnostics.error(
          ContentLoader.CONFIG, Mark.START, "publish.failed", "构建失败，原有输出未改动：" + e.getMessage());
    } catch (Error e) {
      // Out of memory mid-build: leave no half-written staging folder behind, then report it.
      if (out != null) {
        out.abort();
      }
      throw e;
    }
    if (out != null) {
      out.abort();
    }
    return new Result(
        diagnostics, prepared.catalog().disclosures().size(), 0, 0, target, false, Map.of());
  }

  private static int countFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return (int) walk.filter(Files::isRegularFile).count();
    }
  }
}
