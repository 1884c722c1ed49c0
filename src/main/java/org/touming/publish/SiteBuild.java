package org.touming.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import org.touming.check.Checker;
import org.touming.content.ContentLoader;
import org.touming.content.Department;
import org.touming.content.Diagnostics;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.content.Mark;
import org.touming.content.Region;
import org.touming.content.Severity;
import org.touming.content.Site;
import org.touming.content.SiteConfig;
import org.touming.render.DisclosureViews;
import org.touming.render.MarkdownRenderer;
import org.touming.render.Renderer;
import org.touming.render.Renderer.TemplateProblem;
import org.touming.render.Strings;
import org.touming.render.Theme;
import org.touming.render.Urls;
import org.touming.render.View;
import org.touming.render.View.Link;

/**
 * {@code touming build}: load and check, then render every page, export the open data, write the
 * feeds and the manifest into a staging folder, and swap it in. Nothing is written when the content
 * has errors, and a failure part-way leaves the previous output as it was.
 */
public final class SiteBuild {
  private final ContentLoader loader = new ContentLoader();
  private final MarkdownRenderer markdown = new MarkdownRenderer();

  public record Result(
      Diagnostics diagnostics,
      int disclosures,
      int pages,
      int files,
      Path output,
      boolean written) {}

  public Result run(Path root, Path outputOverride, boolean strict) {
    Checker.Result checked = new Checker(loader).run(root);
    Diagnostics diagnostics = checked.diagnostics();
    if (checked.site().isEmpty()
        || diagnostics.hasErrors()
        || (strict && diagnostics.count(Severity.WARNING) > 0)) {
      return new Result(diagnostics, checked.disclosures(), 0, 0, null, false);
    }
    Site site = checked.site().get();
    SiteConfig config = site.config();
    Theme theme = new Theme(root, config.theme());
    if (!theme.exists()) {
      diagnostics.error(
          ContentLoader.CONFIG,
          Mark.START,
          "site.theme",
          "找不到主题 “" + theme.name() + "”：既不在 themes/ 中，也不是内置主题（default）");
      return new Result(diagnostics, checked.disclosures(), 0, 0, null, false);
    }
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
      return new Result(diagnostics, checked.disclosures(), 0, 0, null, false);
    }
    List<Loaded<Disclosure>> loaded = Collections.synchronizedList(new ArrayList<>());
    site.disclosures().parallelStream()
        .forEach(f -> loader.loadDisclosure(site, f, new Diagnostics()).ifPresent(loaded::add));
    Catalog catalog = Catalog.of(site, loaded);
    String language = config.language() == null ? "zh-CN" : config.language();
    Strings strings = theme.strings(language);
    Renderer renderer = new Renderer(theme, strings, siteView(config, strings, language));
    Output out = null;
    try {
      out = Output.begin(target);
      int pages = write(out, catalog, renderer, theme, config.baseUrl());
      Manifest.write(out.dir());
      int files = countFiles(out.dir());
      out.commit();
      return new Result(diagnostics, catalog.disclosures().size(), pages, files, target, true);
    } catch (TemplateProblem e) {
      diagnostics.error(
          "layouts/" + e.template(),
          new Mark(Math.max(1, e.line()), Math.max(1, e.column())),
          "render.template",
          e.getMessage());
    } catch (IOException | XMLStreamException | RuntimeException e) {
      diagnostics.error(
          ContentLoader.CONFIG, Mark.START, "publish.failed", "构建失败，原有输出未改动：" + e.getMessage());
    }
    if (out != null) {
      out.abort();
    }
    return new Result(diagnostics, catalog.disclosures().size(), 0, 0, target, false);
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

  private int write(Output out, Catalog catalog, Renderer renderer, Theme theme, String baseUrl)
      throws IOException, TemplateProblem, XMLStreamException {
    Strings t = renderer.strings();
    List<String> pages = new ArrayList<>();
    Link home = new Link(Urls.home(), t.get("nav.home"));
    page(
        out,
        renderer,
        pages,
        "home.ftlh",
        Urls.home(),
        t.get("nav.home"),
        catalog.site().config().title(),
        List.of(),
        Pages.home(catalog));
    for (Region r : catalog.regions().values()) {
      List<Link> crumbs = new ArrayList<>(List.of(home));
      crumbs.addAll(ancestors(catalog, r));
      page(
          out,
          renderer,
          pages,
          "region.ftlh",
          Urls.region(r.code()),
          r.name(),
          r.name() + "（" + r.code() + "）",
          crumbs,
          Pages.region(catalog, r));
    }
    for (Department d : catalog.departments().values()) {
      Region r = catalog.regions().get(d.region());
      List<Link> crumbs = new ArrayList<>(List.of(home));
      crumbs.addAll(ancestors(catalog, r));
      crumbs.add(new Link(Urls.region(r.code()), r.name()));
      page(
          out,
          renderer,
          pages,
          "department.ftlh",
          Urls.department(d.id()),
          d.name(),
          d.name() + "的预算决算公开",
          crumbs,
          Pages.department(catalog, d));
    }
    DisclosureViews views = new DisclosureViews(markdown);
    List<String> disclosurePages = Collections.synchronizedList(new ArrayList<>());
    List<TemplateProblem> problems = Collections.synchronizedList(new ArrayList<>());
    catalog.disclosures().parallelStream()
        .forEach(
            l -> {
              try {
                disclosurePages.add(disclosure(out, renderer, catalog, views, l, home));
              } catch (TemplateProblem e) {
                problems.add(e);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    if (!problems.isEmpty()) {
      throw problems.get(0);
    }
    pages.addAll(disclosurePages.stream().sorted().toList());
    page(
        out,
        renderer,
        pages,
        "glossary.ftlh",
        Urls.glossary(),
        t.get("glossary.title"),
        "",
        List.of(home),
        Pages.glossary(catalog));
    List<String> dataFiles = DataExport.write(out, catalog);
    List<View.Download> downloads = new ArrayList<>();
    for (String file : dataFiles) {
      if (!file.startsWith("data/disclosures/") && !file.startsWith("data/sources/")) {
        downloads.add(
            new View.Download(
                new Link(file, file.substring("data/".length())),
                describe(file),
                size(out.dir().resolve(file))));
      }
    }
    page(
        out,
        renderer,
        pages,
        "data.ftlh",
        Urls.data(),
        t.get("data.title"),
        "",
        List.of(home),
        new View.DataPage(downloads));
    out.write(
        "404.html",
        renderer.render(
            "404.ftlh", new View.Page("404.html", "", t.get("404.title"), "", List.of()), null));
    for (String asset : theme.assets()) {
      out.write("assets/" + asset, theme.asset(asset));
    }
    out.write("feed.xml", Feeds.atom(catalog, baseUrl));
    out.write("sitemap.xml", Feeds.sitemap(pages, baseUrl));
    out.write("robots.txt", Feeds.robots(baseUrl));
    return pages.size() + 1;
  }

  private String disclosure(
      Output out,
      Renderer renderer,
      Catalog catalog,
      DisclosureViews views,
      Loaded<Disclosure> l,
      Link home)
      throws IOException, TemplateProblem {
    Disclosure d = l.value();
    Department dept = catalog.department(d);
    Region region = catalog.region(d);
    Strings t = renderer.strings();
    String path = Urls.disclosure(d.department(), d.year(), d.kind());
    String title =
        d.title() != null ? d.title() : dept.name() + d.year() + "年部门" + d.kind().label() + "信息公开";
    List<Link> downloads = new ArrayList<>();
    downloads.add(
        new Link(
            Urls.disclosureData(d.department(), d.year(), d.kind(), "json"),
            t.get("disclosure.json")));
    downloads.add(
        new Link(
            Urls.disclosureData(d.department(), d.year(), d.kind(), "yml"),
            t.get("disclosure.yaml")));
    if (d.provenance() != null && d.provenance().source() != null) {
      Path source =
          catalog.site().root().resolve(l.file()).getParent().resolve(d.provenance().source());
      String name = source.getFileName().toString();
      downloads.add(
          new Link(
              Urls.source(
                  d.department(),
                  d.year(),
                  d.kind(),
                  name.contains(".") ? name.substring(name.lastIndexOf('.')) : ""),
              t.get("disclosure.source")));
    }
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
            d.provenance() == null ? null : d.provenance().originalTitle(),
            d.provenance() == null ? null : d.provenance().published(),
            d.synthetic());
    List<Link> crumbs = new ArrayList<>(List.of(home));
    crumbs.addAll(ancestors(catalog, region));
    crumbs.add(new Link(Urls.region(region.code()), region.name()));
    crumbs.add(new Link(Urls.department(d.department()), dept.name()));
    View.Page page =
        new View.Page(
            path,
            Urls.root(path),
            title,
            dept.name() + " " + d.year() + "年" + d.kind().label() + "：全文、表格与数据",
            crumbs);
    out.write(path, renderer.render("disclosure.ftlh", page, view));
    return path;
  }

  private static void page(
      Output out,
      Renderer renderer,
      List<String> pages,
      String template,
      String path,
      String title,
      String description,
      List<Link> crumbs,
      Object view)
      throws IOException, TemplateProblem {
    out.write(
        path,
        renderer.render(
            template, new View.Page(path, Urls.root(path), title, description, crumbs), view));
    pages.add(path);
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
      default -> file;
    };
  }

  private static String size(Path file) throws IOException {
    long bytes = Files.size(file);
    return bytes < 1024
        ? bytes + " B"
        : String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
  }

  private static int countFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return (int) walk.filter(Files::isRegularFile).count();
    }
  }
}
