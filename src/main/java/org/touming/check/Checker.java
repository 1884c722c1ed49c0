package org.touming.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.touming.content.ContentLoader;
import org.touming.content.Diagnostic;
import org.touming.content.Diagnostics;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.content.Mark;
import org.touming.content.Site;
import org.touming.internal.Parallel;

/**
 * Loads a site and runs every rule: schema and reference errors from loading, then the sums of each
 * disclosure, then rules across disclosures. Disclosures are checked in parallel and only a small
 * {@link Summary} of each is kept. Thread-safe.
 */
public final class Checker {
  private final ContentLoader loader;

  public Checker() {
    this(new ContentLoader());
  }

  public Checker(ContentLoader loader) {
    this.loader = loader;
  }

  /** What a check found; {@code site} is empty when the folder could not be read as a site. */
  public record Result(Optional<Site> site, Diagnostics diagnostics, int disclosures) {}

  public Result run(Path root) {
    return run(root, loaded -> {});
  }

  /** Hears of each disclosure as it is checked (from several threads). */
  public interface Listener extends Consumer<Loaded<Disclosure>> {
    /** How many disclosure files the site has, before any is checked. */
    default void files(int count) {}
  }

  /**
   * As {@link #run(Path)}, handing each disclosure that loaded to {@code keep} as it is checked, so
   * that a build parses every file once.
   */
  public Result run(Path root, Listener keep) {
    return run(root, keep, null);
  }

  /**
   * As {@link #run(Path, Listener)}; a disclosure that {@code cache} holds unchanged is read back
   * from it instead of parsed and checked, and every other is stored in it once checked.
   */
  public Result run(Path root, Listener keep, Cache cache) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<Site> site = loader.loadSite(root, diagnostics);
    if (site.isEmpty()) {
      if (cache != null) {
        cache.finish(null);
      }
      return new Result(site, diagnostics, 0);
    }
    keep.files(site.get().disclosures().size());
    List<Site.DisclosureFile> disclosures = site.get().disclosures();
    List<Optional<Summary>> checked =
        new ArrayList<>(Collections.nCopies(disclosures.size(), Optional.empty()));
    Parallel.forEachIndex(
        disclosures.size(),
        i -> checked.set(i, checkOne(site.get(), disclosures.get(i), diagnostics, keep, cache)));
    List<Summary> summaries = checked.stream().flatMap(Optional::stream).toList();
    if (cache != null) {
      Set<String> files = new HashSet<>();
      site.get().disclosures().forEach(f -> files.add(f.yaml()));
      cache.finish(files);
    }
    CrossYearRules.check(summaries, loader.disclosureSchema(), diagnostics);
    return new Result(site, diagnostics, summaries.size());
  }

  private Optional<Summary> checkOne(
      Site site,
      Site.DisclosureFile file,
      Diagnostics diagnostics,
      Consumer<Loaded<Disclosure>> keep,
      Cache cache) {
    if (cache == null) {
      Optional<Loaded<Disclosure>> loaded = checkDisclosure(loader, site, file, diagnostics);
      loaded.ifPresent(keep);
      return loaded.map(Summary::of);
    }
    String key;
    try {
      key = cache.key(site, file);
    } catch (IOException e) {
      key = null; // unreadable: the loader reports it
    }
    Optional<Cache.Hit> hit = key == null ? Optional.empty() : cache.get(site, file, key, loader);
    if (hit.isPresent()) {
      hit.get().diagnostics().forEach(diagnostics::add);
      keep.accept(hit.get().loaded());
      return Optional.of(hit.get().summary());
    }
    Diagnostics mine = new Diagnostics();
    Optional<Loaded<Disclosure>> loaded = checkDisclosure(loader, site, file, mine);
    List<Diagnostic> found = mine.sorted();
    found.forEach(diagnostics::add);
    Optional<Summary> summary = loaded.map(Summary::of);
    if (loaded.isPresent() && key != null) {
      cache.put(site, file, key, loaded.get(), found, summary.get());
    }
    loaded.ifPresent(keep);
    return summary;
  }

  /** Loads one disclosure and runs the rules that look at it alone. */
  static Optional<Loaded<Disclosure>> checkDisclosure(
      ContentLoader loader, Site site, Site.DisclosureFile file, Diagnostics diagnostics) {
    try {
      Optional<Loaded<Disclosure>> loaded = loader.loadDisclosure(site, file, diagnostics);
      if (loaded.isEmpty()) {
        return Optional.empty();
      }
      Findings findings = new Findings(loaded.get(), diagnostics);
      DisclosureRules.check(findings);
      checkSource(site, file, findings);
      return loaded;
    } catch (RuntimeException | StackOverflowError e) {
      // A bug of ours, not the author's: report it against the file instead of dying mid-check.
      diagnostics.error(
          file.yaml(),
          Mark.START,
          "internal.error",
          "内部错误（" + e.getClass().getSimpleName() + "）；请报告此问题并附上此文件");
      return Optional.empty();
    }
  }

  private static void checkSource(Site site, Site.DisclosureFile file, Findings findings) {
    var provenance = findings.disclosure().value().provenance();
    if (provenance == null || provenance.source() == null) {
      return;
    }
    Path folder = site.root().resolve(file.yaml()).getParent();
    Path source = folder.resolve(provenance.source()).normalize();
    if (!source.startsWith(site.root().normalize()) || !Files.isRegularFile(source)) {
      findings.error(
          "/provenance/source", "ref.source", "来源文件 " + provenance.source() + " 不存在（路径相对于本文件所在目录）");
    }
  }
}
