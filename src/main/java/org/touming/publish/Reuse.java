package org.touming.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.touming.check.Cache;
import org.touming.content.Catalog;
import org.touming.content.DepartmentId;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.content.Region;
import org.touming.internal.Sha256;
import org.touming.render.Urls;

/**
 * Which parts of the previous output a build takes as they are and which it renders again. A part
 * is taken when its inputs are unchanged: a disclosure whose own files are byte for byte as before,
 * a department none of whose disclosures changed, a region with no changed disclosure below it.
 * Everything about the whole site is always rendered again. Anything that everything depends on
 * (configuration, regions, departments, theme, the list of disclosures, the running Touming, the
 * build options) changing, a missing or unreadable state, or a previous output that is not exactly
 * as that build left it, makes the build a full one.
 */
final class Reuse {
  private static final String SITE = "site";
  private final BuildState previous;
  private final Path target;
  private final Catalog catalog;
  private final Cache cache;
  private final String global;
  private final Set<String> changed;
  private final Scope scope;
  private final Set<String> reused;
  private final boolean upToDate;
  private final Remembered remembered;
  private final OutputWatch.Changes changes;
  private Map<String, String> manifest;
  private Map<String, BuildState.Written> recorded;

  private Reuse(
      BuildState previous,
      Path target,
      Catalog catalog,
      Cache cache,
      String global,
      Set<String> changed,
      Scope scope,
      Set<String> reused,
      boolean upToDate,
      Remembered remembered,
      OutputWatch.Changes changes) {
    this.previous = previous;
    this.target = target;
    this.catalog = catalog;
    this.cache = cache;
    this.global = global;
    this.changed = changed;
    this.scope = scope;
    this.reused = reused;
    this.upToDate = upToDate;
    this.remembered = remembered;
    this.changes = changes;
  }

  /**
   * Plans a build of {@code catalog} into {@code target}; {@code remembered}, when not null, is
   * what this process kept of its last build there, and stands in for what it would read back; only
   * the files of the previous output that {@code changes} names are looked at on disk.
   */
  static Reuse plan(
      boolean full,
      Path stateFile,
      Path target,
      Catalog catalog,
      Cache cache,
      String theme,
      boolean search,
      Remembered remembered,
      OutputWatch.Changes changes,
      boolean rehearsal)
      throws IOException {
    String global =
        BuildState.global(
            catalog.site(), theme, search, remembered == null ? Sha256::file : remembered::sha256);
    BuildState previous =
        full ? null : remembered == null ? BuildState.read(stateFile) : remembered.state(stateFile);
    Reuse everything =
        new Reuse(
            null,
            target,
            catalog,
            cache,
            global,
            null,
            Scope.all(),
            Set.of(),
            false,
            remembered,
            changes);
    if (previous == null
        || !previous.global.equals(global)
        || !Files.isDirectory(target)
        || !previous.manifest.equals(
            remembered == null ? BuildState.manifestOf(target) : remembered.manifestOf(target))) {
      return everything;
    }
    Set<String> changed = new HashSet<>();
    Set<DepartmentId> touched = new HashSet<>();
    Set<String> reused = new HashSet<>();
    // A rehearsal (SiteBuild.rehearse) takes the first disclosure for edited.
    String pretend =
        rehearsal && !catalog.disclosures().isEmpty() ? catalog.disclosures().get(0).file() : null;
    for (Loaded<Disclosure> l : catalog.disclosures()) {
      String now = cache.inputs(l.file());
      if (now == null || !now.equals(previous.inputs.get(l.file())) || l.file().equals(pretend)) {
        changed.add(l.file());
        touched.add(l.value().department());
      } else {
        reused.add(SiteWriter.disclosureScope(l.file()));
      }
    }
    Scope scope = Scope.departments(touched);
    for (DepartmentId d : catalog.departments().keySet()) {
      if (!scope.includes(d)) {
        reused.add(SiteWriter.departmentScope(d));
      }
    }
    for (Region r : catalog.regions().values()) {
      if (!scope.includes(r, catalog)) {
        reused.add(SiteWriter.regionScope(r.code()));
        reused.add(SiteWriter.rankingScope(r.code()));
      }
    }
    // Up to date: every file of the output must be as the last build left it, not only the reused.
    boolean upToDate = changed.isEmpty();
    Set<String> kept = upToDate ? previous.files.keySet() : reused;
    if (!previous.intact(target, kept, changes)) {
      return everything;
    }
    return new Reuse(
        previous,
        target,
        catalog,
        cache,
        global,
        changed,
        scope,
        reused,
        upToDate,
        remembered,
        changes);
  }

  /** Which files of the previous output were looked at on disk. */
  OutputWatch.Changes changes() {
    return changes;
  }

  /** The digest of what every page depends on besides its own disclosures. */
  String global() {
    return global;
  }

  /** Whether nothing changed since the previous build, which is still in place as it left it. */
  boolean upToDate() {
    return upToDate;
  }

  /** How many files the output holds (for a build that found it up to date). */
  int previousFiles() {
    return previous == null ? 0 : previous.files.values().stream().mapToInt(List::size).sum();
  }

  /** Whether a disclosure's page and data are rendered (rather than taken as they were). */
  boolean render(Loaded<Disclosure> l) {
    return previous == null || changed.contains(l.file());
  }

  /**
   * The pages of the disclosures whose sources changed, for the search export; null when the build
   * takes nothing from the previous output.
   */
  Set<String> changedPages() {
    if (previous == null) {
      return null;
    }
    Set<String> pages = new HashSet<>();
    for (Loaded<Disclosure> l : catalog.disclosures()) {
      if (changed.contains(l.file())) {
        pages.add(Urls.disclosure(l.value()));
      }
    }
    return pages;
  }

  /** The digest of the search state the previous build left (empty for none). */
  String searchState() {
    return previous == null ? "" : previous.search;
  }

  /** Which department and region pages are rendered. */
  Scope scope() {
    return scope;
  }

  /**
   * Hands the writer the rows of the site tables that unchanged disclosures had in the previous
   * output, so that only the changed disclosures' rows are made again: a city's indicator table
   * alone is 150 MB. A table that is not exactly as that build left it is made in full.
   */
  void seedTables(DataExport.TableParts parts) throws IOException {
    if (previous == null) {
      return;
    }
    Map<String, Loaded<Disclosure>> unchanged = new HashMap<>();
    for (Loaded<Disclosure> l : catalog.disclosures()) {
      if (!changed.contains(l.file())) {
        unchanged.put(l.file(), l);
      }
    }
    Map<String, BuildState.Written> site = new HashMap<>();
    previous.files.getOrDefault(SITE, List.of()).forEach(w -> site.put(w.path(), w));
    for (DataExport.Sheet sheet : Sheets.all(catalog)) {
      List<Map.Entry<String, Integer>> rows = previous.tables.get(sheet.name());
      BuildState.Written file = site.get("data/" + sheet.name() + ".csv");
      if (rows == null || !BuildState.intact(target, file, changes)) {
        continue;
      }
      byte[] bytes = Files.readAllBytes(target.resolve(file.path()));
      int at = Csv.file(sheet.columns(), List.of()).get(0).length;
      long total = at;
      for (Map.Entry<String, Integer> r : rows) {
        total += r.getValue();
      }
      if (total != bytes.length) {
        continue;
      }
      Map<Loaded<Disclosure>, byte[]> kept = new IdentityHashMap<>();
      for (Map.Entry<String, Integer> r : rows) {
        Loaded<Disclosure> l = unchanged.get(r.getKey());
        if (l != null) {
          kept.put(l, Arrays.copyOfRange(bytes, at, at + r.getValue()));
        }
        at += r.getValue();
      }
      parts.seed(sheet.name(), kept);
    }
  }

  /** The checksums of the files taken as they were, from the previous output's manifest. */
  Map<String, String> hashes() throws IOException {
    if (previous == null || reused.isEmpty()) {
      return new HashMap<>();
    }
    Map<String, String> all = manifest();
    Map<String, String> hashes = new HashMap<>();
    for (String s : reused) {
      for (BuildState.Written w : previous.files.getOrDefault(s, List.of())) {
        String hash = all.get(w.path());
        if (hash != null) {
          hashes.put(w.path(), hash);
        }
      }
    }
    return hashes;
  }

  /**
   * Whether the build updates the previous output where it stands ({@link InPlace}) rather than
   * writing a new one: when it takes anything from it.
   */
  boolean inPlace() {
    return previous != null;
  }

  /** An update of the previous output, which leaves alone every file made again with its bytes. */
  InPlace update() throws IOException {
    Map<String, BuildState.Written> files = recorded();
    return InPlace.begin(
        target, manifest(), path -> BuildState.intact(target, files.get(path), changes));
  }

  /** The previous output's manifest as this process wrote it, or null. */
  ManifestText manifestText() {
    return remembered == null ? null : remembered.manifestText(target, previous);
  }

  /** Every file the previous output holds, its manifest aside. */
  Set<String> previousPaths() {
    return recorded().keySet();
  }

  /** Every file the previous build recorded, by path. */
  private Map<String, BuildState.Written> recorded() {
    if (recorded == null) {
      recorded = new HashMap<>();
      previous.files.values().forEach(list -> list.forEach(w -> recorded.put(w.path(), w)));
    }
    return recorded;
  }

  /**
   * The previous output's manifest, read once: the checksum of each file the previous build
   * recorded, by path.
   */
  private Map<String, String> manifest() throws IOException {
    if (manifest == null) {
      Map<String, String> kept = remembered == null ? null : remembered.manifest(target, previous);
      if (kept != null) {
        manifest = kept;
        return manifest;
      }
      Map<String, BuildState.Written> recorded = recorded();
      Map<String, String> hashes = new HashMap<>();
      for (String line :
          Files.readAllLines(target.resolve(Output.MANIFEST), StandardCharsets.UTF_8)) {
        if (line.length() > 66 && recorded.containsKey(line.substring(66))) {
          hashes.put(line.substring(66), line.substring(0, 64));
        }
      }
      manifest = hashes;
    }
    return manifest;
  }

  /**
   * Notes what this build left in {@code output} (now in place, holding {@code files}) for the next
   * build. Files taken from the previous output, and files of an output updated where it stands
   * that are not among {@code rewritten}, are the previous build's files and are noted as it noted
   * them; only the others are looked at on disk. The writer gives each disclosure's rows in the
   * site tables and the digest of the search state it left; {@code manifest}, the checksum of every
   * file, is kept for a build that runs again in this process.
   */
  void save(
      Path stateFile,
      Path output,
      ManifestText manifest,
      Set<String> files,
      BuildState.Recorder recorder,
      SiteWriter writer,
      Set<String> rewritten)
      throws IOException {
    DataExport.TableParts parts = writer.tableParts();
    String search = writer.searchState();
    Map<String, BuildState.Written> before = previous == null ? Map.of() : recorded();
    Map<String, List<BuildState.Written>> state = new HashMap<>();
    Set<String> named = new HashSet<>();
    for (String s : reused) {
      List<BuildState.Written> kept = previous.files.getOrDefault(s, List.of());
      state.put(s, kept);
      kept.forEach(w -> named.add(w.path()));
    }
    for (var e : recorder.byScope().entrySet()) {
      named.addAll(e.getValue());
      state.put(e.getKey(), stat(output, e.getValue(), before, rewritten));
    }
    Set<String> site = new HashSet<>(files);
    site.removeAll(named);
    state.put(SITE, stat(output, site, before, rewritten));
    Map<String, String> inputs = new HashMap<>();
    for (Loaded<Disclosure> l : catalog.disclosures()) {
      String in = cache.inputs(l.file());
      if (in != null) {
        inputs.put(l.file(), in);
      }
    }
    Map<String, List<Map.Entry<String, Integer>>> tables = new HashMap<>();
    parts
        .lengths()
        .forEach(
            (sheet, lengths) -> {
              List<Map.Entry<String, Integer>> rows = new ArrayList<>();
              for (Loaded<Disclosure> l : catalog.disclosures()) {
                Integer n = lengths.get(l.file());
                if (n == null) {
                  return; // not every disclosure's rows known: the next build makes this table
                }
                rows.add(Map.entry(l.file(), n));
              }
              tables.put(sheet, rows);
            });
    BuildState saved =
        new BuildState(global, BuildState.manifestOf(output), inputs, state, tables, search);
    boolean written = saved.write(stateFile);
    if (remembered != null) {
      remembered.keep(stateFile, written ? saved : null, output, manifest);
    }
  }

  private static List<BuildState.Written> stat(
      Path output, Set<String> paths, Map<String, BuildState.Written> before, Set<String> moved)
      throws IOException {
    List<BuildState.Written> list = new ArrayList<>();
    for (String p : paths.stream().sorted().toList()) {
      BuildState.Written kept = moved.contains(p) ? null : before.get(p);
      list.add(kept != null ? kept : BuildState.written(output, p));
    }
    return list;
  }
}
