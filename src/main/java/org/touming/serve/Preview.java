package org.touming.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.touming.check.Session;
import org.touming.content.Catalog;
import org.touming.content.ContentLoader;
import org.touming.content.DepartmentId;
import org.touming.content.Diagnostic;
import org.touming.content.Diagnostics;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.internal.Folders;
import org.touming.internal.OutOfMemory;
import org.touming.publish.Scope;
import org.touming.publish.SiteWriter;
import org.touming.render.Renderer.TemplateProblem;
import org.touming.render.Theme;
import org.touming.render.Urls;

/**
 * The site as {@code serve} shows it: built into a temporary folder, rebuilt after each edit. An
 * edit to a disclosure's YAML or Markdown re-checks that file, re-renders its page and data, its
 * department's page and the pages of the regions above it, and the pages about the whole site; the
 * search index follows in the background. Any other edit (department, regions, configuration,
 * theme) rebuilds everything.
 */
final class Preview implements AutoCloseable {
  private final Path root;
  private final Path folder;
  private final ContentLoader loader = new ContentLoader();
  private volatile DiskSink site;
  private int builds;
  private volatile List<Diagnostic> diagnostics = List.of();
  private volatile boolean broken;
  private volatile long version;
  private Session session;
  private SiteWriter writer;
  private volatile long searchVersion;
  // Guarded by this. The pages of the disclosures edited since the last search export that
  // finished, which are what the next export must write again; null when that export is not in the
  // served folder (before the first, and after a full rebuild), so that the next writes everything.
  private Set<String> unsearched;
  private final Path searchStore;
  private volatile Searched searched = (took, sinceEdit) -> {};

  /** Hears of each search index that finished: how long it took, and how long after the edit. */
  interface Searched {
    void done(long millis, long sinceEditMillis);
  }

  // One worker, also for the analysis's parallel streams inside it: the index of an edit is
  // redone on one core, and the next edit's pages have the others (the common pool) to themselves.
  private final ExecutorService searches =
      new ForkJoinPool(
          1,
          pool -> {
            ForkJoinWorkerThread t =
                ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            t.setName("touming-search");
            t.setDaemon(true);
            return t;
          },
          null,
          false);

  Preview(Path root) throws IOException {
    this.root = root;
    this.folder = Files.createTempDirectory("touming-serve-");
    this.site = new DiskSink(folder.resolve("empty"));
    this.searchStore = folder.resolve("search");
  }

  void onSearched(Searched listener) {
    this.searched = listener;
  }

  /** What the last (re)build did, for the terminal. */
  record Outcome(boolean incremental, long millis, List<Diagnostic> diagnostics, boolean broken) {}

  synchronized Outcome rebuildAll() {
    long start = System.nanoTime();
    searchVersion++;
    Diagnostics notASite = new Diagnostics();
    Optional<Session> opened = Session.open(loader, root, notASite);
    List<Diagnostic> found = new ArrayList<>(notASite.sorted());
    DiskSink fresh;
    try {
      fresh = new DiskSink(folder.resolve("build-" + ++builds));
    } catch (IOException e) {
      found.add(failure("预览目录无法写入：" + e.getMessage()));
      return finish(site, found, true, false, start);
    }
    boolean ok = false;
    Catalog catalog = null;
    if (opened.isPresent()) {
      session = opened.get();
      found = new ArrayList<>(session.diagnostics());
      if (!session.hasErrors()) {
        Theme theme = new Theme(root, session.site().config().theme());
        try {
          // The pages first, the search index after them in the background, as after an edit:
          // on a city's site the index takes longer than all the pages together.
          writer =
              new SiteWriter(theme, session.site().config())
                  .search(false)
                  .keepSearch(searchStore, true);
          catalog = catalog();
          writer.writeAll(fresh, catalog);
          ok = true;
        } catch (TemplateProblem e) {
          found.add(templateDiagnostic(e));
        } catch (Exception | OutOfMemoryError e) {
          writer = null;
          found.add(
              failure(
                  OutOfMemory.causes(e)
                      ? "预览构建失败：" + OutOfMemory.advice("serve")
                      : "预览构建失败：" + e.getMessage()));
        }
      }
    }
    DiskSink previous = site;
    Outcome outcome = finish(ok ? fresh : previous, found, !ok, false, start);
    Folders.deleteQuietly(ok ? previous.dir() : fresh.dir());
    if (ok) {
      unsearched = null;
      searchLater(fresh, catalog, start);
    }
    return outcome;
  }

  private static Diagnostic failure(String message) {
    return new Diagnostic(
        ContentLoader.CONFIG, 1, 1, org.touming.content.Severity.ERROR, "publish.failed", message);
  }

  /** Rebuilds after edits to these files (relative to the site), as little as they allow. */
  synchronized Outcome changed(Set<String> files) {
    if (session == null
        || writer == null
        || files.isEmpty()
        || !files.stream()
            .allMatch(
                f ->
                    f.startsWith("content/")
                        && (f.endsWith(".yml") || f.endsWith(".md"))
                        && !f.endsWith("/department.yml")
                        && !f.equals(ContentLoader.REGIONS))) {
      return rebuildAll();
    }
    long start = System.nanoTime();
    searchVersion++; // stops the index of the previous edit: this rebuild needs the cores
    List<Loaded<Disclosure>> changed = new ArrayList<>();
    for (String file : files) {
      String yaml = file.endsWith(".md") ? file.substring(0, file.length() - 3) + ".yml" : file;
      Optional<Loaded<Disclosure>> before = session.disclosure(yaml);
      if (!session.update(file)) {
        return rebuildAll(); // a new or removed file: the site's index changed
      }
      Optional<Loaded<Disclosure>> after = session.disclosure(yaml);
      if (after.isPresent()
          && before.isPresent()
          && !sameIdentity(before.get().value(), after.get().value())) {
        return rebuildAll(); // its year or kind changed, so its URL did
      }
      after.ifPresent(changed::add);
    }
    List<Diagnostic> found = session.diagnostics();
    if (session.hasErrors()) {
      return finish(site, found, true, true, start);
    }
    try {
      Catalog catalog = catalog();
      Set<DepartmentId> departments = new HashSet<>();
      for (Loaded<Disclosure> l : changed) {
        writer.writeDisclosure(site, catalog, l);
        departments.add(l.value().department());
      }
      writer.writeShared(site, catalog, false, Scope.departments(departments));
      if (unsearched != null) {
        for (Loaded<Disclosure> l : changed) {
          unsearched.add(Urls.disclosure(l.value()));
        }
      }
      searchLater(site, catalog, start);
      return finish(site, found, false, true, start);
    } catch (TemplateProblem e) {
      List<Diagnostic> all = new ArrayList<>(found);
      all.add(templateDiagnostic(e));
      return finish(site, all, true, true, start);
    } catch (Exception e) {
      return rebuildAll();
    }
  }

  /**
   * Redoes the search index after the pages are served: it is the slowest part of a rebuild, and an
   * edit should show at once. Only the newest edit's index is built.
   */
  private void searchLater(DiskSink target, Catalog catalog, long editStart) {
    long stamp = ++searchVersion;
    SiteWriter current = writer;
    Set<String> changes = unsearched == null ? null : Set.copyOf(unsearched);
    // A newer edit, or serve closing, stops this index part-way: it would be out of date, and it
    // would take the cores the next rebuild needs.
    BooleanSupplier stale = () -> stamp != searchVersion || searches.isShutdown();
    searches.submit(
        () -> {
          if (stale.getAsBoolean()) {
            return;
          }
          try {
            long start = System.nanoTime();
            current.searchChanges(changes).writeSearch(target, catalog, stale);
            long end = System.nanoTime();
            synchronized (this) {
              if (stamp == searchVersion) {
                if (unsearched == null) {
                  unsearched = new HashSet<>();
                } else {
                  unsearched.removeAll(changes);
                }
              }
            }
            searched.done((end - start) / 1_000_000, (end - editStart) / 1_000_000);
          } catch (CancellationException e) {
            // superseded by a newer edit
          } catch (Exception | OutOfMemoryError e) {
            if (!stale.getAsBoolean()) {
              System.err.println("搜索索引未能更新：" + e);
            }
          }
        });
  }

  private Catalog catalog() {
    return Catalog.of(session.site(), session.disclosures());
  }

  private static boolean sameIdentity(Disclosure a, Disclosure b) {
    return a.year() == b.year() && a.kind() == b.kind() && a.department().equals(b.department());
  }

  private static Diagnostic templateDiagnostic(TemplateProblem e) {
    return new Diagnostic(
        "layouts/" + e.template(),
        Math.max(1, e.line()),
        Math.max(1, e.column()),
        org.touming.content.Severity.ERROR,
        "render.template",
        e.getMessage());
  }

  private Outcome finish(
      DiskSink sink, List<Diagnostic> found, boolean isBroken, boolean incremental, long start) {
    site = sink;
    diagnostics = List.copyOf(found);
    broken = isBroken;
    version++;
    return new Outcome(incremental, (System.nanoTime() - start) / 1_000_000, diagnostics, isBroken);
  }

  /** The served file's parts (one, unless it is a site table), or null when there is none. */
  List<byte[]> file(String path) {
    return site.get(path);
  }

  boolean broken() {
    return broken;
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  long version() {
    return version;
  }

  /** Every file the preview serves, by path (for tests). */
  Map<String, byte[]> files() throws IOException {
    return site.files();
  }

  /** Keeps the search worker busy until {@code until} opens (for tests). */
  void holdSearches(java.util.concurrent.CountDownLatch until) {
    searches.submit(
        () -> {
          try {
            until.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  /** Waits for the background search index of the last edit (for tests). */
  void settle() throws InterruptedException, java.util.concurrent.ExecutionException {
    searches.submit(() -> {}).get();
  }

  @Override
  public void close() {
    searches.shutdownNow();
    try {
      searches.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Folders.deleteQuietly(folder);
  }
}
