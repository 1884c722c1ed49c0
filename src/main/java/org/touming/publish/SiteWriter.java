package org.touming.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import javax.xml.stream.XMLStreamException;
import org.touming.content.Catalog;
import org.touming.content.Department;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.content.Region;
import org.touming.content.SiteConfig;
import org.touming.internal.Background;
import org.touming.internal.FileDigests;
import org.touming.internal.Parallel;
import org.touming.internal.Sha256;
import org.touming.render.DisclosureViews;
import org.touming.render.MarkdownRenderer;
import org.touming.render.Renderer;
import org.touming.render.Renderer.TemplateProblem;
import org.touming.render.Strings;
import org.touming.render.Theme;
import org.touming.render.Urls;
import org.touming.render.View;
import org.touming.render.View.Link;
import org.touming.search.Analysis;
import org.touming.search.ExportSink;
import org.touming.search.IndexExport;
import org.touming.search.LuceneFiles;
import org.touming.search.PartStore;
import org.touming.search.SearchIndex;
import org.touming.search.Sections;
import org.touming.search.WordStore;

/**
 * Writes the site's files for a catalog: each disclosure's page and data on its own, and the pages
 * and files that depend on many disclosures (indexes, glossary, CSV, feed, sitemap). {@code serve}
 * uses the split to redo only what an edit affects. Thread-safe.
 */
public final class SiteWriter {
  /** The stage that comparison adds: series, charts and compare pages. */
  public static final String CHARTS = "图表与对比";

  static final String PAGES = "公开文件页面与数据";

  /** The stage that search adds: the Lucene index and its export for the browser. */
  public static final String SEARCH = "搜索索引";

  static final String SEARCH_PAGE = "search/index.html";

  static final String OTHER = "其他页面、数据表与订阅";

  private final Theme theme;
  private Renderer renderer;
  private final DisclosureViews views = new DisclosureViews(new MarkdownRenderer());
  private final String baseUrl;
  private final boolean luceneIndex;
  private final Analysis analysis = new Analysis();
  private DataExport.TableParts tableParts = new DataExport.TableParts();
  private ChartPages.Memo series = new ChartPages.Memo();
  private RenderedPages rendered;
  private Progress progress = Progress.NONE;
  private boolean search = true;
  private Path searchStore;
  private boolean readSearch;
  private Set<String> searchChanges;
  private Set<String> rehearsedPages = Set.of();
  private String searchState;
  private Analysis searchCutting;
  private boolean releaseTrees;
  private boolean searchAlongside;
  private final Stages stages = new Stages();
  private FileDigests digests = new FileDigests();

  public SiteWriter(Theme theme, SiteConfig config) {
    this.theme = theme;
    String language = config.language() == null ? "zh-CN" : config.language();
    Strings strings = theme.strings(language);
    this.renderer = new Renderer(theme, strings, siteView(config, strings, language));
    this.baseUrl = config.baseUrl();
    this.luceneIndex = config.luceneIndex();
  }

  /** Leaves the search index out (for measuring the pages alone); returns this writer. */
  public SiteWriter search(boolean search) {
    this.search = search;
    return this;
  }

  /**
   * Keeps the search index's batches ({@link PartStore}) and the words of the clauses it cut
   * ({@link WordStore}) in {@code folder} for the next build and, when {@code read}, takes those an
   * earlier build kept there instead of making them again; returns this writer.
   */
  public SiteWriter keepSearch(Path folder, boolean read) {
    this.searchStore = folder;
    this.readSearch = read;
    return this;
  }

  /**
   * The pages of the disclosures whose sources changed since the build whose output the sink offers
   * to keep files from ({@link Sink#keep}): the search export then writes only the files those
   * changes reach. Null (the default) writes every file. Returns this writer.
   */
  public SiteWriter searchChanges(Set<String> pages) {
    this.searchChanges = pages;
    return this;
  }

  /**
   * The pages whose search documents a rehearsal indexes again though they are unchanged ({@link
   * PartStore#rehearsing}). Returns this writer.
   */
  public SiteWriter rehearseSearch(Set<String> pages) {
    this.rehearsedPages = pages;
    return this;
  }

  /**
   * The digest of the search state that the build whose output the sink offers left (see {@link
   * #searchState()}); a state with another digest is not read. Returns this writer.
   */
  public SiteWriter searchState(String digest) {
    this.searchState = digest;
    return this;
  }

  /**
   * The digest of the search state the last finished {@link #writeSearch} left, which the next
   * writer over its output must be given; null when none was kept.
   */
  public String searchState() {
    return searchState;
  }

  /**
   * Lets the disclosures' trees go before the search index is made, which reads only their bound
   * values; for a build whose catalog is not used again. Returns this writer.
   */
  SiteWriter releaseTreesBeforeSearch() {
    this.releaseTrees = true;
    return this;
  }

  /**
   * Makes {@link #writeAll} write the search index beside the pages, rather than after them: for a
   * build that keeps every disclosure's tree ({@code build --watch}).
   */
  SiteWriter searchAlongside() {
    this.searchAlongside = true;
    return this;
  }

  /** Reports how far writing is; returns this writer. */
  public SiteWriter progress(Progress progress) {
    this.progress = progress;
    return this;
  }

  /**
   * The files the build has already hashed, as it read them ({@link
   * org.touming.check.Cache#digests}).
   */
  SiteWriter digests(FileDigests digests) {
    this.digests = digests;
    return this;
  }

  public Stages stages() {
    return stages;
  }

  /**
   * Takes over what an earlier writer of the same site made and a later build can use as it is: its
   * renderer, each department's series, each disclosure's table rows and the clauses the search
   * index cut ({@code build --watch}). All but the renderer are known by the disclosures they were
   * made from; the caller takes over only while templates, strings and configuration are unchanged.
   */
  SiteWriter takeOver(SiteWriter earlier) {
    // The same templates, strings and configuration: a new FreeMarker configuration would parse
    // every template and look into every view class again, and the code it runs compiled again.
    this.renderer = earlier.renderer;
    this.series = earlier.series;
    this.tableParts = earlier.tableParts;
    this.searchCutting = earlier.searchCutting;
    if (earlier.rendered != null) {
      this.rendered = earlier.rendered;
    }
    return this;
  }

  /**
   * Keeps what each page about many disclosures was rendered from, for a later writer that takes
   * this one over to leave alone those that would come out the same ({@link RenderedPages}).
   */
  SiteWriter rememberPages() {
    if (rendered == null) {
      rendered = new RenderedPages();
    }
    return this;
  }

  /** Each disclosure's rows of the site tables, kept from one build to the next. */
  DataExport.TableParts tableParts() {
    return tableParts;
  }

  /** Everything; returns the number of pages. */
  public int writeAll(Sink out, Catalog catalog)
      throws IOException, TemplateProblem, XMLStreamException {
    return writeAll(out, catalog, l -> true, Scope.all(), null);
  }

  /**
   * The disclosures {@code render} accepts and the parts of the site in {@code scope}, with every
   * page about the whole site; what is left out is taken from the previous output by the caller.
   * Notes which files each disclosure, department and region was written to in {@code recorder}
   * (when given). Returns the number of pages the site has.
   */
  int writeAll(
      Sink out,
      Catalog catalog,
      Predicate<Loaded<Disclosure>> render,
      Scope scope,
      BuildState.Recorder recorder)
      throws IOException, TemplateProblem, XMLStreamException {
    if (!search || !searchAlongside) {
      return writePages(out, catalog, render, scope, recorder, search);
    }
    // The index reads only the catalog, so it is made while the pages are; a resident build keeps
    // every tree, and the pages after an edit are mostly one core's work.
    Background index =
        Background.start(
            "touming-search",
            () -> {
              long searchStart = System.nanoTime();
              try {
                writeSearch(out, catalog, () -> false);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
              stages.add(SEARCH, System.nanoTime() - searchStart);
            });
    int pages;
    try {
      pages = writePages(out, catalog, render, scope, recorder, false);
    } catch (IOException | TemplateProblem | XMLStreamException | RuntimeException | Error e) {
      try {
        index.join(); // nothing may still write into an output being given up
      } catch (RuntimeException | Error ignored) {
        // the first failure is the one reported
      }
      throw e;
    }
    try {
      index.join();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return pages;
  }

  private int writePages(
      Sink out,
      Catalog catalog,
      Predicate<Loaded<Disclosure>> render,
      Scope scope,
      BuildState.Recorder recorder,
      boolean withSearch)
      throws IOException, TemplateProblem, XMLStreamException {
    long start = System.nanoTime();
    AtomicInteger done = new AtomicInteger();
    List<Loaded<Disclosure>> chosen = catalog.disclosures().stream().filter(render).toList();
    int total = chosen.size();
    List<Task> tasks = new ArrayList<>();
    for (Loaded<Disclosure> l : chosen) {
      Sink sink = recorder == null ? out : recorder.scoped(out, disclosureScope(l.file()));
      tasks.add(
          () -> {
            writeDisclosure(sink, catalog, l);
            progress.update(PAGES, done.incrementAndGet(), total);
          });
    }
    runAll(tasks);
    stages.add(PAGES, System.nanoTime() - start);
    return writeShared(out, catalog, withSearch, scope, recorder) + catalog.disclosures().size();
  }

  /** The name under which a build notes the files of one part of the site. */
  static String disclosureScope(String yamlFile) {
    return "disclosure:" + yamlFile;
  }

  static String departmentScope(org.touming.content.DepartmentId id) {
    return "department:" + id;
  }

  static String regionScope(String code) {
    return "region:" + code;
  }

  static String rankingScope(String code) {
    return "ranking:" + code;
  }

  /** One disclosure's page, JSON, YAML and source. */
  public void writeDisclosure(Sink out, Catalog catalog, Loaded<Disclosure> l)
      throws IOException, TemplateProblem {
    Disclosure d = l.value();
    Department dept = catalog.department(d);
    Region region = catalog.region(d);
    Strings t = renderer.strings();
    String path = Urls.disclosure(d);
    String title =
        d.title() != null ? d.title() : dept.name() + d.year() + "年部门" + d.kind().label() + "信息公开";
    List<Link> downloads = new ArrayList<>();
    downloads.add(new Link(Urls.disclosureData(d, "json"), t.get("disclosure.json")));
    downloads.add(new Link(Urls.disclosureData(d, "yml"), t.get("disclosure.yaml")));
    var source = DataExport.source(catalog, l);
    if (source != null) {
      downloads.add(new Link(DataExport.sourceUrl(l, source), t.get("disclosure.source")));
    }
    var provenance = d.provenance();
    View.Disclosure view =
        new View.Disclosure(
            title,
            dept.name(),
            region.name(),
            d.year(),
            d.kind().label(),
            d.unit().label(),
            new Link(Urls.department(d.department()), dept.name()),
            new Link(Urls.region(region.code()), region.name()),
            views.sections(l),
            downloads,
            provenance == null ? null : provenance.originalTitle(),
            provenance == null ? null : provenance.published(),
            d.synthetic());
    List<Link> crumbs = new ArrayList<>(List.of(home()));
    crumbs.addAll(ancestors(catalog, region));
    crumbs.add(new Link(Urls.region(region.code()), region.name()));
    crumbs.add(new Link(Urls.department(d.department()), dept.name()));
    String description = dept.name() + " " + d.year() + "年" + d.kind().label() + "：全文、表格与数据";
    out.write(
        path,
        renderer.render(
            "disclosure.ftlh",
            new View.Page(path, Urls.root(path), title, description, crumbs),
            view));
    DataExport.writeDisclosure(out, catalog, l, digests);
  }

  /**
   * The pages and files that depend on many disclosures; returns the number of pages. Without the
   * search index when {@code withSearch} is false ({@code serve} redoes it after the pages, see
   * {@link #writeSearch}). Region, department and ranking pages outside {@code scope} are left as
   * they are. The pages are independent of each other and are rendered on every core.
   */
  public int writeShared(Sink out, Catalog catalog, boolean withSearch, Scope scope)
      throws IOException, TemplateProblem, XMLStreamException {
    return writeShared(out, catalog, withSearch, scope, null);
  }

  private int writeShared(
      Sink out, Catalog catalog, boolean withSearch, Scope scope, BuildState.Recorder recorder)
      throws IOException, TemplateProblem, XMLStreamException {
    Strings t = renderer.strings();
    List<String> pages = new ArrayList<>();
    long chartsStart = System.nanoTime();
    ChartPages charts = new ChartPages(catalog, series);
    ComparePages compare = new ComparePages(catalog, charts);
    List<Task> tasks = new ArrayList<>();
    for (Region r : catalog.regions().values()) {
      String path = Urls.region(r.code());
      pages.add(path);
      if (scope.includes(r, catalog)) {
        List<Link> crumbs = new ArrayList<>(List.of(home()));
        crumbs.addAll(ancestors(catalog, r));
        Sink own = recorder == null ? out : recorder.scoped(out, regionScope(r.code()));
        tasks.add(
            () ->
                page(
                    own,
                    "region.ftlh",
                    path,
                    r.name(),
                    r.name() + "（" + r.code() + "）",
                    crumbs,
                    Pages.region(catalog, r, charts.region(own, r, folder(path)))));
      }
    }
    for (Department d : catalog.departments().values()) {
      String path = Urls.department(d.id());
      pages.add(path);
      if (scope.includes(d.id())) {
        Region r = catalog.regions().get(d.region());
        List<Link> crumbs = new ArrayList<>(List.of(home()));
        crumbs.addAll(ancestors(catalog, r));
        crumbs.add(new Link(Urls.region(r.code()), r.name()));
        Sink own = recorder == null ? out : recorder.scoped(out, departmentScope(d.id()));
        tasks.add(
            () ->
                page(
                    own,
                    "department.ftlh",
                    path,
                    d.name(),
                    d.name() + "的预算决算公开",
                    crumbs,
                    Pages.department(
                        catalog,
                        d,
                        charts.department(own, d, folder(path)),
                        charts.departmentTables(d))));
      }
    }
    Link compareLink = new Link(ComparePages.INDEX, t.get("compare.title"));
    pages.add(ComparePages.INDEX);
    tasks.add(
        () ->
            page(
                out,
                "compare.ftlh",
                ComparePages.INDEX,
                t.get("compare.title"),
                "",
                List.of(home()),
                compare.index(out)));
    for (Region r : compare.regions()) {
      String path = ComparePages.region(r.code());
      pages.add(path);
      if (scope.includes(r, catalog)) {
        Sink own = recorder == null ? out : recorder.scoped(out, rankingScope(r.code()));
        tasks.add(
            () ->
                page(
                    own,
                    "compare.ftlh",
                    path,
                    r.name() + "部门排名",
                    "",
                    List.of(home(), compareLink),
                    compare.ranking(r)));
      }
    }
    pages.add(ComparePages.INTERACTIVE);
    tasks.add(
        () -> {
          out.write(ComparePages.DATA, compare.interactiveData());
          page(
              out,
              "compare-interactive.ftlh",
              ComparePages.INTERACTIVE,
              t.get("interactive.title"),
              "",
              List.of(home(), compareLink),
              null);
        });
    pages.add(ComparePages.THREE_PUBLIC);
    tasks.add(
        () ->
            page(
                out,
                "compare.ftlh",
                ComparePages.THREE_PUBLIC,
                "“三公”经费概览",
                "",
                List.of(home(), compareLink),
                compare.threePublic()));
    runAll(tasks);
    stages.add(CHARTS, System.nanoTime() - chartsStart);

    long otherStart = System.nanoTime();
    View.Home homeView = Pages.home(catalog);
    // Made here rather than in a task: the rows of a table are made on every core, and inside a
    // task only the pool's threads make them, which on two cores is one. The largest table was
    // the last half second of the pages of the 500-disclosure sample, on one core.
    List<DataExport.TableFile> tables =
        DataExport.tables(catalog, tableParts, List.of(totals(homeView)));
    tasks.clear();
    pages.add(Urls.home());
    tasks.add(
        () ->
            page(
                out,
                "home.ftlh",
                Urls.home(),
                t.get("nav.home"),
                catalog.site().config().title(),
                List.of(),
                homeView));
    pages.add(Urls.glossary());
    tasks.add(
        () ->
            page(
                out,
                "glossary.ftlh",
                Urls.glossary(),
                t.get("glossary.title"),
                "",
                List.of(home()),
                Pages.glossary(catalog)));
    pages.add(Urls.data());
    for (DataExport.TableFile table : tables) {
      tasks.add(() -> writeTable(out, table));
    }
    tasks.add(() -> writeData(out, catalog, tables));
    pages.add(SEARCH_PAGE);
    tasks.add(
        () ->
            page(
                out, "search.ftlh", SEARCH_PAGE, t.get("search.title"), "", List.of(home()), null));
    tasks.add(
        () ->
            out.write(
                "404.html",
                renderer.render(
                    "404.ftlh",
                    new View.Page("404.html", "", t.get("404.title"), "", List.of()),
                    null)));
    for (String asset : theme.assets()) {
      tasks.add(() -> out.write("assets/" + asset, theme.asset(asset)));
    }
    List<String> all = new ArrayList<>(pages);
    catalog.disclosures().forEach(l -> all.add(Urls.disclosure(l.value())));
    tasks.add(() -> out.write("feed.xml", Feeds.atom(catalog, baseUrl)));
    tasks.add(
        () -> out.write("sitemap.xml", Feeds.sitemap(all.stream().sorted().toList(), baseUrl)));
    tasks.add(() -> out.write("robots.txt", Feeds.robots(baseUrl)));
    runAll(tasks);
    stages.add(OTHER, System.nanoTime() - otherStart);
    if (withSearch) {
      if (releaseTrees) {
        catalog.releaseTrees();
      }
      long searchStart = System.nanoTime();
      writeSearch(out, catalog, () -> false);
      stages.add(SEARCH, System.nanoTime() - searchStart);
    }
    return pages.size() + 1;
  }

  private void writeTable(Sink out, DataExport.TableFile table) throws IOException {
    String sha256 =
        out instanceof Sink.Hashed ? tableParts.sha256(table.path(), table.parts()) : null;
    if (sha256 == null) {
      out.write(table.path(), table.parts());
    } else {
      ((Sink.Hashed) out).write(table.path(), table.parts(), sha256);
    }
  }

  /** The site tables' data package, and the page that lists them with their sizes. */
  private void writeData(Sink out, Catalog catalog, List<DataExport.TableFile> files)
      throws IOException, TemplateProblem {
    Strings t = renderer.strings();
    byte[] dataPackage = DataExport.dataPackage(catalog, files);
    out.write(DATA_PACKAGE, dataPackage);
    Map<String, Integer> tables = new LinkedHashMap<>();
    files.forEach(f -> tables.put(f.path(), f.size()));
    tables.put(DATA_PACKAGE, dataPackage.length);
    List<View.Download> downloads = new ArrayList<>();
    tables.forEach(
        (file, size) ->
            downloads.add(
                new View.Download(
                    new Link(file, file.substring("data/".length())), describe(file), size(size))));
    page(
        out,
        "data.ftlh",
        Urls.data(),
        t.get("data.title"),
        "",
        List.of(home()),
        new View.DataPage(downloads));
  }

  private static final String DATA_PACKAGE = "data/datapackage.json";

  /** One page or file of {@link #writeShared}. */
  private interface Task {
    void run() throws IOException, TemplateProblem, XMLStreamException;
  }

  /**
   * Runs the tasks on every core and returns when none is running any more, so that a failed build
   * can remove its staging folder without a task still writing into it. After a failure the tasks
   * not yet started are skipped; the first failure in task order is the one reported.
   */
  private static void runAll(List<Task> tasks)
      throws IOException, TemplateProblem, XMLStreamException {
    Throwable[] failures = new Throwable[tasks.size()];
    AtomicBoolean failed = new AtomicBoolean();
    Parallel.forEachIndex(
        tasks.size(),
        i -> {
          if (failed.get()) {
            return;
          }
          try {
            tasks.get(i).run();
          } catch (Throwable t) { // out of memory too: rethrown below, once all have stopped
            failures[i] = t;
            failed.set(true);
          }
        });
    for (Throwable t : failures) {
      if (t instanceof IOException io) {
        throw io;
      } else if (t instanceof TemplateProblem tp) {
        throw tp;
      } else if (t instanceof XMLStreamException x) {
        throw x;
      } else if (t instanceof RuntimeException r) {
        throw r;
      } else if (t instanceof Error e) {
        throw e;
      }
    }
  }

  /**
   * The search index and its export; safe to run beside page writing for another catalog. Stops
   * with a {@link CancellationException} soon after {@code cancelled} turns true.
   */
  public void writeSearch(Sink out, Catalog catalog, BooleanSupplier cancelled) throws IOException {
    ExportSink checked =
        new ExportSink() {
          @Override
          public void write(String path, byte[] bytes) throws IOException {
            stopIf(cancelled);
            out.write(path, bytes);
          }

          @Override
          public void write(String path, byte[] bytes, String sha256) throws IOException {
            stopIf(cancelled);
            out.write(path, bytes, sha256);
          }

          @Override
          public boolean keep(String path, String sha256) throws IOException {
            stopIf(cancelled);
            return out.keep(path, sha256);
          }
        };
    IndexExport.Documents documents =
        searchStore == null
            ? IndexExport.documents(catalog, checked)
            : IndexExport.documents(
                catalog,
                checked,
                searchStore.resolve("export"),
                readSearch ? searchChanges : null,
                searchState);
    // serve writes the index again after each edit with this writer: what the first index cut (or
    // read from the word store) stays for the next, instead of reading the store each time.
    boolean first = searchCutting == null;
    Analysis cutting = searchStore == null ? analysis : first ? new Analysis(false) : searchCutting;
    searchCutting = searchStore == null ? null : cutting;
    Path words = searchStore == null ? null : searchStore.resolve("words");
    PartStore parts =
        searchStore == null
            ? null
            : new PartStore(
                    searchStore.resolve("parts"),
                    readSearch,
                    () -> {
                      if (readSearch && first) {
                        cutting.remember(WordStore.read(words));
                      }
                    })
                .rehearsing(rehearsedPages);
    try (SearchIndex index =
        SearchIndex.build(
            documents.recalled(Sections.pages(catalog).iterator()),
            cutting,
            done -> progress.update(SEARCH, done, 0),
            documents,
            cancelled,
            parts)) {
      // A build that took batches as they were met only their clauses: the file keeps the last
      // build's that cut everything. Saved on another core while the export is written.
      Background kept =
          parts == null || parts.reused() > 0
              ? Background.none()
              : Background.start("touming-words", () -> WordStore.write(words, cutting.clauses()));
      try {
        // Taken at once: the state describes the export, whose files are all written now, and serve
        // may stop this build in the Lucene copy that follows.
        searchState = IndexExport.write(index, documents, checked);
        if (luceneIndex) {
          LuceneFiles.write(
              index,
              checked,
              searchStore == null ? null : searchStore.resolve("lucene"),
              readSearch);
        }
      } finally {
        kept.join();
      }
    }
    if (parts != null) {
      parts.prune();
    }
  }

  private static void stopIf(BooleanSupplier cancelled) {
    if (cancelled.getAsBoolean()) {
      throw new CancellationException();
    }
  }

  /** The folder of a page's path, with its trailing slash: where its charts are written. */
  private static String folder(String page) {
    return page.substring(0, page.lastIndexOf('/') + 1);
  }

  private Link home() {
    return new Link(Urls.home(), renderer.strings().get("nav.home"));
  }

  private void page(
      Sink out,
      String template,
      String path,
      String title,
      String description,
      List<Link> crumbs,
      Object view)
      throws IOException, TemplateProblem {
    View.Page page = new View.Page(path, Urls.root(path), title, description, crumbs);
    if (rendered == null) {
      out.write(path, renderer.render(template, page, view));
      return;
    }
    if (rendered.kept(out, template, page, view)) {
      return;
    }
    byte[] bytes = renderer.render(template, page, view);
    String sha256 = Sha256.hex(bytes);
    out.write(path, bytes, sha256);
    rendered.note(template, page, view, sha256);
  }

  private static View.Site siteView(SiteConfig config, Strings t, String language) {
    List<View.FooterItem> footer = new ArrayList<>();
    SiteConfig.Footer f = config.footer();
    if (f != null) {
      add(footer, t.get("footer.sponsor"), f.sponsor());
      add(footer, t.get("footer.site-code"), f.siteCode());
      add(footer, t.get("footer.icp"), f.icp());
      add(footer, t.get("footer.police-record"), f.policeRecord());
      add(footer, t.get("footer.contact"), f.contact());
    }
    return new View.Site(config.title(), language, footer, config.synthetic());
  }

  private static void add(List<View.FooterItem> footer, String label, String value) {
    if (value != null && !value.isBlank()) {
      footer.add(new View.FooterItem(label, value));
    }
  }

  private static List<Link> ancestors(Catalog catalog, Region r) {
    List<Link> chain = new ArrayList<>();
    Region p = r.parent() == null ? null : catalog.regions().get(r.parent());
    while (p != null && chain.size() < 8) {
      chain.add(0, new Link(Urls.region(p.code()), p.name()));
      p = p.parent() == null ? null : catalog.regions().get(p.parent());
    }
    return chain;
  }

  private static String describe(String file) {
    return switch (file) {
      case "data/summary.csv" -> "各公开文件的主要数字：收入、支出、比上年增减、机关运行经费、“三公”经费、政府采购与资产总额";
      case "data/three_public.csv" -> "“三公”经费各项及与上年相比的增减和原因";
      case "data/procurement.csv" -> "政府采购预算的合计行与明细行，含资金来源各列";
      case "data/indicators.csv" -> "部门职责-工作活动与项目的每一个绩效指标";
      case "data/assets.csv" -> "国有资产（固定资产）占用情况";
      case "data/units.csv" -> "部门机构设置（所属单位）";
      case "data/datapackage.json" -> "以上 CSV 文件的说明（Frictionless Data Package）";
      case "data/site_totals.csv" -> "首页的全站合计：各年度公开文件数与支出合计（万元）";
      default -> file;
    };
  }

  /** The home page's site totals, so that every figure shown is also downloadable. */
  private static DataExport.SiteTable totals(View.Home home) {
    List<List<Object>> rows = new ArrayList<>();
    for (View.YearTotal y : home.totals()) {
      List<Object> row = new ArrayList<>(List.of(y.year(), y.kind(), y.disclosures()));
      row.add(
          y.expenditure().isEmpty()
              ? null
              : new java.math.BigDecimal(y.expenditure().replace(",", "")));
      rows.add(row);
    }
    return new DataExport.SiteTable(
        "site_totals",
        "全站合计",
        "每个年度与类型一行：公开文件数与支出合计（万元），即首页所列的全站合计。",
        List.of(
            new Csv.Column("year", "年度", "integer", "date:fiscal-year"),
            new Csv.Column("kind", "类型", "string", "phase:id"),
            new Csv.Column("disclosures", "公开文件数", "integer", null),
            new Csv.Column("expenditure_total_wan_yuan", "支出合计（万元）", "number", "value")),
        rows);
  }

  private static String size(int bytes) {
    return bytes < 1024 ? bytes + " B" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
  }
}
