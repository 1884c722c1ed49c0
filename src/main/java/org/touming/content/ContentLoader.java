package org.touming.content;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.touming.content.yaml.Node;
import org.touming.content.yaml.Schema;
import org.touming.content.yaml.Violation;
import org.touming.content.yaml.YamlSyntaxException;
import org.touming.content.yaml.YamlTreeReader;
import org.touming.internal.FileStamp;
import org.touming.internal.Parallel;

/**
 * Loads a site folder: {@code site-config.yml}, {@code content/regions.yml}, one folder per
 * department with {@code department.yml}, and beside it one YAML (+ optional Markdown) file per
 * disclosure. Every problem becomes a diagnostic naming file and line; nothing here throws for bad
 * content. Immutable and thread-safe.
 */
public final class ContentLoader {
  public static final String CONFIG = "site-config.yml";
  public static final String CONTENT = "content";
  public static final String REGIONS = "content/regions.yml";
  public static final String DEPARTMENT = "department.yml";

  private final YamlTreeReader yaml = new YamlTreeReader();
  private final NarrativeReader narrativeReader = new NarrativeReader();
  private final Schema configSchema = Schema.load("site-config");
  private final Schema regionsSchema = Schema.load("regions");
  private final Schema departmentSchema = Schema.load("department");
  private final Schema disclosureSchema = Schema.load("disclosure");
  private final ObjectMapper mapper = mapper();
  // Each department file read without findings, with its stamp: a loader that loads the site
  // again in the same process (build --watch) parses only those whose stamp it cannot trust. A
  // city has a thousand department files, parsed in 30 ms on the one thread that lists the site.
  private final Map<Path, ReadDepartment> departmentsRead = new ConcurrentHashMap<>();

  private record ReadDepartment(FileStamp stamp, String rel, Loaded<Department> loaded) {}

  private static ObjectMapper mapper() {
    SimpleModule module = new SimpleModule("touming-content");
    module.addDeserializer(Amount.class, new AmountDeserializer());
    module.addDeserializer(MoneyUnit.class, new MoneyUnitDeserializer());
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addModule(module)
        .build();
  }

  public Schema disclosureSchema() {
    return disclosureSchema;
  }

  /** Reads the index of a site. Empty when the folder is not a site at all. */
  public Optional<Site> loadSite(Path root, Diagnostics diagnostics) {
    Path configFile = root.resolve(CONFIG);
    if (!Files.isRegularFile(configFile)) {
      diagnostics.error(
          CONFIG,
          Mark.START,
          "site.not-a-site",
          "找不到 " + CONFIG + "：" + root + " 不是 Touming 站点（用 --source 指定站点目录）");
      return Optional.empty();
    }
    Optional<SiteConfig> config =
        parse(configFile, CONFIG, configSchema, SiteConfig.class, diagnostics).map(Loaded::value);
    Path content = root.resolve(CONTENT);
    if (!Files.isDirectory(content)) {
      diagnostics.error(CONTENT, Mark.START, "site.no-content", "找不到 content/ 目录");
      return Optional.empty();
    }
    List<Region> regions = loadRegions(root, diagnostics);
    List<Loaded<Department>> departments = new ArrayList<>();
    List<Site.DisclosureFile> disclosures = new ArrayList<>();
    scan(root, content, departments, disclosures, diagnostics);
    checkReferences(regions, departments, diagnostics);
    SiteConfig cfg = config.orElse(new SiteConfig("", null, null, null, null, false, null, null));
    List<Department> list =
        departments.stream().map(Loaded::value).sorted((a, b) -> a.id().compareTo(b.id())).toList();
    Map<DepartmentId, String> folders = new HashMap<>();
    departments.forEach(
        d -> folders.put(d.value().id(), d.file().substring(0, d.file().lastIndexOf('/'))));
    return Optional.of(new Site(root, cfg, regions, list, disclosures, folders));
  }

  private List<Region> loadRegions(Path root, Diagnostics diagnostics) {
    Path file = root.resolve(REGIONS);
    if (!Files.isRegularFile(file)) {
      diagnostics.error(REGIONS, Mark.START, "site.no-regions", "找不到行政区划文件 " + REGIONS);
      return List.of();
    }
    record RegionList(List<Region> regions) {}
    Optional<Loaded<RegionList>> loaded =
        parse(file, REGIONS, regionsSchema, RegionList.class, diagnostics);
    if (loaded.isEmpty() || loaded.get().value().regions() == null) {
      return List.of();
    }
    List<Region> regions = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<Region> all = loaded.get().value().regions();
    for (int i = 0; i < all.size(); i++) {
      Region r = all.get(i);
      Integer previous = seen.putIfAbsent(r.code(), i);
      if (previous != null) {
        diagnostics.error(
            REGIONS,
            loaded.get().mark("/regions/" + i + "/code"),
            "duplicate.region",
            "行政区划代码 "
                + r.code()
                + " 重复（第一次在第 "
                + loaded.get().mark("/regions/" + previous + "/code").line()
                + " 行）");
        continue;
      }
      regions.add(r);
    }
    for (int i = 0; i < all.size(); i++) {
      Region r = all.get(i);
      if (r.parent() != null && !seen.containsKey(r.parent())) {
        diagnostics.error(
            REGIONS,
            loaded.get().mark("/regions/" + i + "/parent"),
            "ref.region",
            "上级行政区划 " + r.parent() + " 不存在（" + r.name() + "）");
      } else if (r.parent() != null && cyclic(r, all)) {
        diagnostics.error(
            REGIONS,
            loaded.get().mark("/regions/" + i + "/parent"),
            "ref.region-cycle",
            "行政区划的上级关系形成了循环（" + r.name() + " " + r.code() + "）");
      }
    }
    return regions;
  }

  private static boolean cyclic(Region start, List<Region> all) {
    Map<String, String> parent = new HashMap<>();
    all.forEach(r -> parent.putIfAbsent(r.code(), r.parent()));
    Set<String> visited = new HashSet<>();
    String code = start.code();
    while (code != null) {
      if (!visited.add(code)) {
        return true;
      }
      code = parent.get(code);
    }
    return false;
  }

  private void scan(
      Path root,
      Path content,
      List<Loaded<Department>> departments,
      List<Site.DisclosureFile> disclosures,
      Diagnostics diagnostics) {
    List<Path> files;
    try {
      files = listFiles(content);
    } catch (IOException e) {
      diagnostics.error(CONTENT, Mark.START, "file.unreadable", "无法列出 content/：" + e.getMessage());
      return;
    }
    // Departments first, in path order, so that which of two clashing files is "the first" never
    // depends on where disclosures happen to sit.
    Map<Path, Optional<DepartmentId>> departmentOfFolder = new HashMap<>();
    Map<DepartmentId, String> departmentFiles = new HashMap<>();
    for (Path file : files) {
      if (file.getFileName().toString().equals(DEPARTMENT)) {
        departmentOfFolder.put(
            file.getParent(),
            readDepartment(root, file.getParent(), departments, departmentFiles, diagnostics));
      }
    }
    Set<Path> present = new HashSet<>(files);
    for (Path file : files) {
      String rel = rel(root, file);
      String name = file.getFileName().toString();
      Path folder = file.getParent();
      boolean yamlFile = name.endsWith(".yml") || name.endsWith(".yaml");
      boolean markdown = name.endsWith(".md");
      if (rel.equals(REGIONS) || name.equals(DEPARTMENT) || (!yamlFile && !markdown)) {
        continue; // source documents and other attachments are not content
      }
      Optional<DepartmentId> dept = departmentOfFolder.get(folder);
      if (dept == null) {
        diagnostics.error(rel, Mark.START, "layout.orphan", "此文件不属于任何部门：所在目录没有 " + DEPARTMENT);
        continue;
      }
      if (dept.isEmpty()) {
        continue; // department.yml has errors of its own
      }
      String base = name.substring(0, name.lastIndexOf('.'));
      if (yamlFile) {
        Path md = folder.resolve(base + ".md");
        disclosures.add(
            new Site.DisclosureFile(dept.get(), rel, present.contains(md) ? rel(root, md) : null));
      } else if (!present.contains(folder.resolve(base + ".yml"))
          && !present.contains(folder.resolve(base + ".yaml"))) {
        diagnostics.error(
            rel,
            Mark.START,
            "layout.orphan-markdown",
            "没有同名的 YAML 文件（" + base + ".yml）与此 Markdown 配对");
      }
    }
  }

  private Optional<DepartmentId> readDepartment(
      Path root,
      Path folder,
      List<Loaded<Department>> departments,
      Map<DepartmentId, String> departmentFiles,
      Diagnostics diagnostics) {
    Path file = folder.resolve(DEPARTMENT);
    // Taken before the file is read: an edit made meanwhile leaves a stamp that does not match.
    FileStamp stamp = FileStamp.of(file);
    if (stamp.equals(FileStamp.MISSING)) {
      return Optional.empty();
    }
    String rel = rel(root, file);
    ReadDepartment kept = departmentsRead.get(file);
    Optional<Loaded<Department>> loaded;
    if (kept != null && kept.rel().equals(rel) && kept.stamp().trusted(stamp)) {
      loaded = Optional.of(kept.loaded());
    } else {
      Diagnostics found = new Diagnostics();
      loaded = parse(file, rel, departmentSchema, Department.class, found);
      List<Diagnostic> findings = found.sorted();
      findings.forEach(diagnostics::add);
      if (loaded.isPresent() && findings.isEmpty()) {
        departmentsRead.put(file, new ReadDepartment(stamp, rel, loaded.get()));
      } else {
        departmentsRead.remove(file);
      }
    }
    if (loaded.isEmpty()) {
      return Optional.empty();
    }
    Department d = loaded.get().value();
    String other = departmentFiles.putIfAbsent(d.id(), rel);
    if (other != null) {
      diagnostics.error(
          rel,
          loaded.get().mark("/code"),
          "duplicate.department",
          "部门 " + d.region() + "/" + d.code() + " 重复：已在 " + other + " 中定义（预算单位编码在同一行政区划内必须唯一）");
      return Optional.empty();
    }
    departments.add(loaded.get());
    return Optional.of(d.id());
  }

  private static void checkReferences(
      List<Region> regions, List<Loaded<Department>> departments, Diagnostics diagnostics) {
    Set<String> codes = new HashSet<>();
    regions.forEach(r -> codes.add(r.code()));
    for (Loaded<Department> loaded : departments) {
      Department d = loaded.value();
      if (!codes.contains(d.region())) {
        diagnostics.error(
            loaded.file(),
            loaded.mark("/region"),
            "ref.region",
            "行政区划 " + d.region() + " 不存在于 " + REGIONS + "（部门 " + d.name() + "）");
      }
    }
  }

  /** Loads one disclosure with its Markdown; empty when it has errors that prevent reading it. */
  public Optional<Loaded<Disclosure>> loadDisclosure(
      Site site, Site.DisclosureFile file, Diagnostics diagnostics) {
    Optional<Loaded<Disclosure>> loaded =
        parse(
            site.root().resolve(file.yaml()),
            file.yaml(),
            disclosureSchema,
            Disclosure.class,
            diagnostics);
    if (loaded.isEmpty()) {
      return Optional.empty();
    }
    Narrative narrative = Narrative.EMPTY;
    if (file.markdown() != null) {
      Optional<String> md =
          TextFiles.readUtf8(site.root().resolve(file.markdown()), file.markdown(), diagnostics);
      if (md.isEmpty()) {
        return Optional.empty();
      }
      narrative = narrativeReader.read(md.get(), file.markdown(), diagnostics);
    }
    Loaded<Disclosure> l = loaded.get();
    return Optional.of(
        new Loaded<>(
            l.file(),
            l.value().with(file.department(), narrative),
            l.tree(),
            l.sourceMap(),
            l.schema()));
  }

  /**
   * A disclosure as {@link #loadDisclosure} loaded it earlier, from its validated tree and its
   * Markdown sections (kept by the build cache): bound again, without a source map.
   */
  public Loaded<Disclosure> restore(
      Site.DisclosureFile file, JsonNode tree, Map<Section, String> narrative) throws IOException {
    Disclosure value = mapper.treeToValue(tree, Disclosure.class);
    return new Loaded<>(
        file.yaml(),
        value.with(file.department(), new Narrative(narrative)),
        tree,
        new org.touming.content.yaml.SourceMap(),
        disclosureSchema);
  }

  /** Reads, validates against the schema and binds one YAML file. */
  <T> Optional<Loaded<T>> parse(
      Path file, String rel, Schema schema, Class<T> type, Diagnostics diagnostics) {
    Optional<String> text = TextFiles.readUtf8(file, rel, diagnostics);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Node root;
    int[] duplicates = {0};
    try {
      root =
          yaml.read(
              text.get(),
              (mark, message) -> {
                duplicates[0]++;
                diagnostics.error(rel, mark, "yaml.duplicate-key", message);
              });
    } catch (YamlSyntaxException e) {
      diagnostics.error(rel, e.mark(), "yaml.syntax", e.getMessage());
      return Optional.empty();
    }
    if (root == null) {
      diagnostics.error(
          rel,
          Mark.START,
          "yaml.empty",
          "文件是空的；应为一个映射（mapping），见 schemas/" + schema.name() + ".schema.json");
      return Optional.empty();
    }
    Schema.Result result = schema.validate(root);
    for (Violation v : result.violations()) {
      diagnostics.error(rel, v.mark(), v.rule(), v.message());
    }
    if (!result.valid() || duplicates[0] > 0) {
      return Optional.empty();
    }
    try {
      T value = mapper.treeToValue(result.value(), type);
      return Optional.of(new Loaded<>(rel, value, result.value(), result.sourceMap(), schema));
    } catch (IOException | IllegalArgumentException e) {
      diagnostics.error(
          rel,
          Mark.START,
          "internal.binding",
          "内部错误：无法读取已通过校验的内容（" + e.getClass().getSimpleName() + "）");
      return Optional.empty();
    }
  }

  static String rel(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  /**
   * Every file below {@code content} that is not hidden (no part of its path starts with a dot), in
   * path order; a link counts when it leads to a file. One walk, with no second look at each file:
   * a city's content is 11,000 files, listed again at every build after an edit. The folders in
   * {@code content} are walked on every core: on one, that listing took 80 ms of such a build.
   */
  private static List<Path> listFiles(Path content) throws IOException {
    List<Path> files = new ArrayList<>();
    List<Path> folders = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(content)) {
      for (Path p : entries) {
        if (p.getFileName().toString().startsWith(".")) {
          continue;
        }
        BasicFileAttributes attrs =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isDirectory()) {
          folders.add(p);
        } else if (listed(p, attrs)) {
          files.add(p);
        }
      }
    }
    List<List<Path>> below = new ArrayList<>(Collections.nCopies(folders.size(), List.of()));
    Parallel.forEachIndexOnFiles(folders.size(), i -> below.set(i, walk(folders.get(i))));
    below.forEach(files::addAll);
    files.sort(null);
    return files;
  }

  private static List<Path> walk(Path folder) throws IOException {
    List<Path> files = new ArrayList<>();
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return dir.getFileName().toString().startsWith(".")
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (listed(file, attrs)) {
              files.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return files;
  }

  private static boolean listed(Path file, BasicFileAttributes attrs) {
    return !file.getFileName().toString().startsWith(".")
        && (attrs.isRegularFile() || (attrs.isSymbolicLink() && Files.isRegularFile(file)));
  }

  private static final class AmountDeserializer extends JsonDeserializer<Amount> {
    @Override
    public Amount deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      return switch (p.currentToken()) {
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Amount.of(p.getDecimalValue());
        case VALUE_STRING -> Amount.placeholder(p.getText());
        default -> null;
      };
    }
  }

  private static final class MoneyUnitDeserializer extends JsonDeserializer<MoneyUnit> {
    @Override
    public MoneyUnit deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      return MoneyUnit.parse(p.getText().strip().toLowerCase(Locale.ROOT));
    }
  }
}
