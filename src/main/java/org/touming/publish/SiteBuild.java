package org.touming.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.stream.XMLStreamException;
import org.touming.check.Cache;
import org.touming.check.Checker;
import org.touming.content.Catalog;
import org.touming.content.ContentLoader;
import org.touming.content.Diagnostics;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.content.Mark;
import org.touming.content.Severity;
import org.touming.content.Site;
import org.touming.internal.Background;
import org.touming.internal.Folders;
import org.touming.render.Renderer.TemplateProblem;
import org.touming.render.Theme;

/**
 * {@code touming build}: load and check, then write every page, the open data, the feeds and the
 * manifest into a staging folder, and swap it in; after an edit, update the previous output where
 * it stands ({@link InPlace}). Nothing is written when the content has errors, and a failure
 * part-way leaves the previous output as it was.
 */
public final class SiteBuild implements AutoCloseable {
  static final String LOAD = "载入与检查";
  static final String REUSE = "沿用上次输出";
  private final ContentLoader loader = new ContentLoader();
  private Progress progress = Progress.NONE;
  private boolean search = true;
  private boolean full;
  private boolean deleteInBackground;
  private boolean rehearsing;
  private Cache.Memory memory;
  private Remembered remembered;
  private OutputWatch outputWatch;
  private Background saving = Background.none();
  // The lock on the output of the run under way, until it is released or handed to the state save.
  private OutputLock held;

  /** Whether to write the search index (default true). */
  public SiteBuild search(boolean search) {
    this.search = search;
    return this;
  }

  /**
   * Whether to rebuild everything from the sources, ignoring what earlier builds kept in {@code
   * .touming/} (default false: unchanged disclosures are read back and unchanged parts of the site
   * taken from the previous output).
   */
  public SiteBuild full(boolean full) {
    this.full = full;
    return this;
  }

  /**
   * Whether the previous output, once replaced, is deleted by a process that goes on after the
   * build returns ({@link Folders#deleteInBackground}) rather than before it returns (default
   * false). The command line chooses it: a program that builds and then looks at the folder would
   * otherwise find it still being deleted.
   */
  public SiteBuild deleteInBackground(boolean deleteInBackground) {
    this.deleteInBackground = deleteInBackground;
    return this;
  }

  /**
   * Makes this build one that runs again and again in the same process ({@code build --watch}):
   * each run keeps in memory what it checked and read back, and the next reads again only the files
   * that changed on disk.
   */
  public SiteBuild resident() {
    this.memory = new Cache.Memory();
    this.remembered = new Remembered();
    this.outputWatch = new OutputWatch();
    return this;
  }

  /** A folder this build leaves behind, deleted as {@link #deleteInBackground} says. */
  private Background discard(Path dir) {
    if (deleteInBackground && Folders.deleteInBackground(dir)) {
      return Background.none();
    }
    return Background.start("touming-cleanup", () -> Folders.deleteQuietly(dir));
  }

  /** Reports how far the build is (the command line shows it on a terminal). */
  public SiteBuild progress(Progress progress) {
    this.progress = progress;
    return this;
  }

  /**
   * What a build did. {@code reused} counts the files taken unchanged from the previous output;
   * when nothing had changed since it, {@code upToDate} is true and nothing was written.
   */
  public record Result(
      Diagnostics diagnostics,
      int disclosures,
      int pages,
      int files,
      Path output,
      boolean written,
      Map<String, Long> stages,
      int reused,
      boolean upToDate) {
    Result(Diagnostics diagnostics, int disclosures, Path output) {
      this(diagnostics, disclosures, 0, 0, output, false, Map.of(), 0, false);
    }

    /** The time of each stage, as the commands print it: "阶段：载入与检查 N ms；…". */
    public String stagesLine() {
      StringBuilder line = new StringBuilder("阶段：");
      stages.forEach((stage, ms) -> line.append(stage).append(' ').append(ms).append(" ms；"));
      return line.substring(0, line.length() - 1);
    }
  }

  /** The folder beside the content where builds keep what the next build can reuse. */
  public static Path stateFolder(Path root) {
    return root.resolve(".touming");
  }

  /** A checked, loaded site ready to write, or the diagnostics that stop it. */
  public record Prepared(
      Diagnostics diagnostics, Catalog catalog, SiteWriter writer, int disclosures) {
    public boolean ok() {
      return catalog != null;
    }
  }

  public Prepared prepare(Path root, boolean strict) {
    return prepare(root, strict, null);
  }

  private Prepared prepare(Path root, boolean strict, Cache cache) {
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
                },
                cache);
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

  /**
   * Runs a build as though the first disclosure had been edited without changing a byte: what a
   * resident build does while it waits for the first edit. It reads back the last build's state,
   * makes what an edit makes, and gets the code that does it compiled, so that the first edits are
   * built as fast as later ones. Every file it makes has the bytes the output holds, so nothing is
   * written. Where the output could not be updated in place, it does nothing and returns an
   * up-to-date result.
   */
  public Result rehearse(Path root, Path outputOverride, boolean strict) {
    rehearsing = true;
    try {
      return run(root, outputOverride, strict);
    } finally {
      rehearsing = false;
    }
  }

  public Result run(Path root, Path outputOverride, boolean strict) {
    awaitState();
    long start = System.nanoTime();
    Cache cache = Cache.in(stateFolder(root).resolve("checked"), !full, memory);
    Prepared prepared = prepare(root, strict, cache);
    long prepareMillis = (System.nanoTime() - start) / 1_000_000;
    Diagnostics diagnostics = prepared.diagnostics();
    if (!prepared.ok()) {
      return new Result(diagnostics, prepared.disclosures(), null);
    }
    Catalog catalog = prepared.catalog();
    prepared.writer().keepSearch(stateFolder(root).resolve("search"), !full);
    prepared.writer().digests(cache.digests());
    if (memory == null) {
      prepared.writer().releaseTreesBeforeSearch();
    } else {
      prepared.writer().searchAlongside();
    }
    var config = catalog.site().config();
    Path target =
        outputOverride != null
            ? outputOverride.toAbsolutePath().normalize()
            : root.resolve(config.output() == null ? "public" : config.output()).normalize();
    if (target.equals(root)
        || root.resolve(ContentLoader.CONTENT).startsWith(target)
        || target.startsWith(root.resolve(ContentLoader.CONTENT))
        || target.startsWith(stateFolder(root))) {
      diagnostics.error(
          ContentLoader.CONFIG,
          Mark.START,
          "site.output",
          "输出目录 " + target + " 不能是站点目录本身、content/ 或 .touming/");
      return new Result(diagnostics, catalog.disclosures().size(), null);
    }
    held = OutputLock.take(BuildState.lockFile(root, target));
    try {
      return writeLocked(root, target, prepared, cache, prepareMillis);
    } finally {
      if (held != null) {
        held.close();
        held = null;
      }
    }
  }

  private Result writeLocked(
      Path root, Path target, Prepared prepared, Cache cache, long prepareMillis) {
    Diagnostics diagnostics = prepared.diagnostics();
    Catalog catalog = prepared.catalog();
    try {
      InPlace.recover(target);
    } catch (IOException e) {
      diagnostics.error(
          ContentLoader.CONFIG,
          Mark.START,
          "publish.failed",
          "上次构建已开始的输出更新未能完成，输出可能新旧混杂：" + e.getMessage());
      return new Result(diagnostics, catalog.disclosures().size(), null);
    }
    // Leftovers of a build stopped part-way go while this one works. Another build may be deleting
    // one too; what is left goes next time.
    List<Background> swept = Output.leftovers(target).stream().map(this::discard).toList();
    try {
      return write(root, target, prepared, cache, prepareMillis);
    } finally {
      swept.forEach(Background::join);
    }
  }

  private Result write(Path root, Path target, Prepared prepared, Cache cache, long prepareMillis) {
    Diagnostics diagnostics = prepared.diagnostics();
    Catalog catalog = prepared.catalog();
    var config = catalog.site().config();
    int disclosures = catalog.disclosures().size();
    Output out = null;
    try {
      long reuseStart = System.nanoTime();
      Path stateFile = BuildState.file(root, target);
      OutputWatch.Changes changes =
          outputWatch == null ? OutputWatch.Changes.ALL : outputWatch.since(target);
      Reuse reuse =
          Reuse.plan(
              full,
              stateFile,
              target,
              catalog,
              cache,
              config.theme(),
              search,
              remembered,
              changes,
              rehearsing);
      if (rehearsing && !reuse.inPlace()) {
        // Nothing rehearsed: the next build makes the whole output, looking at every file.
        return new Result(diagnostics, disclosures, 0, 0, target, true, Map.of(), 0, true);
      }
      if (reuse.upToDate()) {
        watched(root, target, changes, false);
        return new Result(
            diagnostics, disclosures, 0, reuse.previousFiles(), target, true, Map.of(), 0, true);
      }
      if (memory == null) {
        prepared.writer().tableParts().forgetRows();
      } else {
        prepared.writer().rememberPages();
      }
      SiteWriter earlier = remembered == null ? null : remembered.takeWriter(reuse.global());
      if (earlier != null && reuse.inPlace()) {
        prepared.writer().takeOver(earlier);
      } else {
        reuse.seedTables(prepared.writer().tableParts());
      }
      if (reuse.inPlace()) {
        return update(root, target, prepared, reuse, stateFile, prepareMillis, reuseStart);
      }
      out = Output.begin(target);
      BuildState.Recorder recorder = new BuildState.Recorder();
      int pages = prepared.writer().writeAll(out, catalog, reuse::render, reuse.scope(), recorder);
      long manifestStart = System.nanoTime();
      ManifestText manifest = Manifest.write(out.dir(), out.hashes());
      Set<String> written = manifest.files();
      Path previous = out.swap();
      watched(root, target, changes, true);
      // The previous output goes while the state is saved: unlinking a city's files takes seconds.
      Background deleted = previous == null ? Background.none() : discard(previous);
      reuse.save(stateFile, target, manifest, written, recorder, prepared.writer(), Set.of());
      remember(prepared, reuse);
      deleted.join();
      Map<String, Long> stages = new LinkedHashMap<>();
      stages.put("载入与检查", prepareMillis);
      stages.putAll(prepared.writer().stages().millis());
      stages.put("校验清单与替换输出", (System.nanoTime() - manifestStart) / 1_000_000);
      return new Result(
          diagnostics, disclosures, pages, written.size(), target, true, stages, 0, false);
    } catch (TemplateProblem e) {
      templateProblem(diagnostics, e);
    } catch (IOException | XMLStreamException | RuntimeException e) {
      failed(diagnostics, e);
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
    return new Result(diagnostics, disclosures, target);
  }

  /**
   * A build after an edit: the files it makes again with other bytes, and only those, replace the
   * previous output's ({@link InPlace}); nothing changes there before every file is made.
   */
  private Result update(
      Path root,
      Path target,
      Prepared prepared,
      Reuse reuse,
      Path stateFile,
      long prepareMillis,
      long reuseStart)
      throws IOException, TemplateProblem, XMLStreamException {
    Diagnostics diagnostics = prepared.diagnostics();
    Catalog catalog = prepared.catalog();
    InPlace out = reuse.update();
    try {
      Set<String> changedPages = reuse.changedPages();
      prepared.writer().searchChanges(changedPages).searchState(reuse.searchState());
      if (rehearsing) {
        prepared.writer().rehearseSearch(changedPages);
      }
      long reuseMillis = (System.nanoTime() - reuseStart) / 1_000_000;
      BuildState.Recorder recorder = new BuildState.Recorder();
      int pages = prepared.writer().writeAll(out, catalog, reuse::render, reuse.scope(), recorder);
      long manifestStart = System.nanoTime();
      Map<String, String> hashes = new HashMap<>(reuse.hashes());
      hashes.putAll(out.hashes());
      ManifestText before = reuse.manifestText();
      ManifestText manifest = ManifestText.of(hashes, before);
      // Made from the manifest of the output as planned from: the same files, and none to delete.
      Set<String> written =
          out.commit(
              manifest, before, manifest.listsSameFiles(before) ? Set.of() : reuse.previousPaths());
      watched(root, target, reuse.changes(), false);
      Set<String> staged = out.staged();
      if (memory == null) {
        reuse.save(stateFile, target, manifest, written, recorder, prepared.writer(), staged);
      } else {
        // The output is complete; the state is for the next run, which waits for it, and a state
        // that is not saved only makes the next build a full one.
        // The lock goes with it: no other build may plan from the state before it is saved.
        OutputLock lock = held;
        held = null;
        saving =
            Background.start(
                "touming-state",
                () -> {
                  try {
                    reuse.save(
                        stateFile, target, manifest, written, recorder, prepared.writer(), staged);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  } finally {
                    lock.close();
                  }
                });
      }
      remember(prepared, reuse);
      Map<String, Long> stages = new LinkedHashMap<>();
      stages.put("载入与检查", prepareMillis);
      stages.put(REUSE, reuseMillis);
      stages.putAll(prepared.writer().stages().millis());
      stages.put("校验清单与更新输出", (System.nanoTime() - manifestStart) / 1_000_000);
      int files = written.size();
      return new Result(
          diagnostics,
          catalog.disclosures().size(),
          pages,
          files,
          target,
          true,
          stages,
          files - out.staged().size(),
          false);
    } catch (TemplateProblem | IOException | XMLStreamException | RuntimeException | Error e) {
      out.abort();
      throw e;
    }
  }

  /**
   * Waits until the state of the last run is saved (a resident build saves it while the next edit
   * is awaited).
   */
  public void awaitState() {
    try {
      saving.join();
    } catch (RuntimeException e) {
      // Not saved: the next build reads what is on disk, and finds it does not match.
    } finally {
      saving = Background.none();
    }
  }

  /**
   * Waits for the last run's state, and stops watching its output (a resident build); the build can
   * still run, looking at every file of its output again.
   */
  @Override
  public void close() {
    awaitState();
    if (outputWatch != null) {
      outputWatch.close();
    }
  }

  /**
   * Notes that the output is now as this run left it, having looked on disk at the files {@code
   * changes} named; {@code replaced} when a new folder took its place.
   */
  private void watched(Path root, Path target, OutputWatch.Changes changes, boolean replaced) {
    if (outputWatch != null) {
      outputWatch.finished(target, stateFolder(root), changes, replaced);
    }
  }

  private void remember(Prepared prepared, Reuse reuse) {
    if (remembered != null) {
      remembered.keepWriter(prepared.writer(), reuse.global());
    }
  }

  private static void templateProblem(Diagnostics diagnostics, TemplateProblem e) {
    diagnostics.error(
        "layouts/" + e.template(),
        new Mark(Math.max(1, e.line()), Math.max(1, e.column())),
        "render.template",
        e.getMessage());
  }

  private static void failed(Diagnostics diagnostics, Exception e) {
    diagnostics.error(
        ContentLoader.CONFIG, Mark.START, "publish.failed", "构建失败，原有输出未改动：" + e.getMessage());
  }
}
