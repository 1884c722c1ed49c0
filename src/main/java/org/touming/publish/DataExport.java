package org.touming.publish;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.touming.content.Amount;
import org.touming.content.Catalog;
import org.touming.content.Department;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.content.Region;
import org.touming.content.Section;
import org.touming.internal.FileDigests;
import org.touming.internal.Parallel;
import org.touming.internal.PartsDigest;
import org.touming.publish.Csv.Column;
import org.touming.render.Urls;

/**
 * The open data: per disclosure its JSON (every figure, table and narrative) and its source YAML;
 * site-wide CSV files; and a datapackage.json that describes every CSV, with Fiscal Data Package
 * column types where they fit.
 */
final class DataExport {
  // A disclosure's JSON is written without indentation, which was a quarter of its bytes (39 MB of
  // the 500-disclosure sample's, against 29 MB); the data package's short descriptor, which people
  // read, keeps it.
  static final ObjectMapper JSON =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** A CSV file: its name, what it holds, its columns and a row builder per disclosure. */
  record Sheet(
      String name,
      String title,
      String description,
      List<Column> columns,
      Function<Loaded<Disclosure>, List<List<Object>>> rows) {}

  /** A CSV file of the whole site rather than of each disclosure: its name, columns and rows. */
  record SiteTable(
      String name,
      String title,
      String description,
      List<Column> columns,
      List<List<Object>> rows) {}

  private DataExport() {}

  /** One disclosure's files: its JSON, its YAML and its source document. */
  static void writeDisclosure(Sink out, Catalog catalog, Loaded<Disclosure> l, FileDigests digests)
      throws IOException {
    Disclosure d = l.value();
    out.write(Urls.disclosureData(d, "json"), JSON.writeValueAsBytes(disclosureJson(catalog, l)));
    String yamlPath = Urls.disclosureData(d, "yml");
    Path yamlFile = catalog.site().root().resolve(l.file());
    byte[] yaml = Files.readAllBytes(yamlFile);
    Optional<String> known = digests.sha256(yamlFile, yaml);
    if (known.isPresent()) {
      out.write(yamlPath, yaml, known.get());
    } else {
      out.write(yamlPath, yaml);
    }
    Path source = source(catalog, l);
    if (source != null) {
      out.write(sourceUrl(l, source), Files.readAllBytes(source));
    }
  }

  /** The source document a disclosure names, when it exists. */
  static Path source(Catalog catalog, Loaded<Disclosure> l) {
    Disclosure d = l.value();
    if (d.provenance() == null || d.provenance().source() == null) {
      return null;
    }
    Path source =
        catalog
            .site()
            .root()
            .resolve(l.file())
            .getParent()
            .resolve(d.provenance().source())
            .normalize();
    return Files.isRegularFile(source) ? source : null;
  }

  static String sourceUrl(Loaded<Disclosure> l, Path source) {
    Disclosure d = l.value();
    String name = source.getFileName().toString();
    return Urls.source(
        d.department(),
        d.year(),
        d.kind(),
        name.contains(".") ? name.substring(name.lastIndexOf('.')) : "");
  }

  /**
   * Each disclosure's rows of each table, serialized, kept by a writer between {@code serve}'s
   * rebuilds: an edit re-serializes one disclosure's rows instead of the whole site's tables.
   */
  static final class TableParts {
    private final Map<String, Map<Loaded<Disclosure>, byte[]>> bySheet = new HashMap<>();
    private final Map<String, Map<String, Integer>> lengths = new HashMap<>();
    private final Map<String, PartsDigest> digests = new HashMap<>();
    private boolean keepRows = true;

    /**
     * Keeps only each disclosure's row lengths once a table is written: a build that runs once
     * needs no rows again, and a city's tables are 170 MB ({@code serve} keeps them for its next
     * rebuild).
     */
    synchronized void forgetRows() {
      keepRows = false;
      digests.clear();
    }

    /**
     * The SHA-256 of a table's file, hashed from where it differs from the file last made under
     * this path; null when the rows are not kept (the sink then hashes it whole, once).
     */
    String sha256(String path, List<byte[]> file) {
      PartsDigest digest;
      synchronized (this) {
        if (!keepRows) {
          return null;
        }
        digest = digests.computeIfAbsent(path, k -> new PartsDigest());
      }
      return digest.of(file);
    }

    /** Rows made earlier (read back from a previous output) that need not be made again. */
    synchronized void seed(String sheet, Map<Loaded<Disclosure>, byte[]> parts) {
      bySheet.computeIfAbsent(sheet, k -> new IdentityHashMap<>()).putAll(parts);
    }

    /** The length of each disclosure's rows in each table, by YAML file, as last written. */
    synchronized Map<String, Map<String, Integer>> lengths() {
      Map<String, Map<String, Integer>> copy = new HashMap<>();
      lengths.forEach((sheet, m) -> copy.put(sheet, new HashMap<>(m)));
      return copy;
    }

    synchronized List<byte[]> parts(Sheet sheet, List<Loaded<Disclosure>> disclosures) {
      Map<Loaded<Disclosure>, byte[]> before = bySheet.getOrDefault(sheet.name(), Map.of());
      byte[][] made = new byte[disclosures.size()][];
      Parallel.forEachIndex(
          made.length,
          i -> {
            Loaded<Disclosure> l = disclosures.get(i);
            byte[] kept = before.get(l);
            made[i] = kept != null ? kept : Csv.rows(sheet.columns(), sheet.rows().apply(l));
          });
      List<byte[]> parts = Arrays.asList(made);
      Map<Loaded<Disclosure>, byte[]> now = new IdentityHashMap<>();
      Map<String, Integer> sizes = new HashMap<>();
      for (int i = 0; i < parts.size(); i++) {
        now.put(disclosures.get(i), parts.get(i));
        sizes.put(disclosures.get(i).file(), parts.get(i).length);
      }
      lengths.put(sheet.name(), sizes);
      if (keepRows) {
        bySheet.put(sheet.name(), now);
      } else {
        bySheet.remove(sheet.name());
      }
      return parts;
    }
  }

  /** A site CSV file, made and not yet written, and its entry in the data package. */
  record TableFile(String path, List<byte[]> parts, ObjectNode resource) {
    int size() {
      return parts.stream().mapToInt(b -> b.length).sum();
    }
  }

  /**
   * The site's CSV files, per disclosure and of the whole site, made table after table, each
   * table's rows on every core.
   */
  static List<TableFile> tables(Catalog catalog, TableParts tables, List<SiteTable> siteTables) {
    List<TableFile> files = new ArrayList<>();
    for (Sheet sheet : Sheets.all(catalog)) {
      String path = "data/" + sheet.name() + ".csv";
      files.add(
          new TableFile(
              path,
              Csv.file(sheet.columns(), tables.parts(sheet, catalog.disclosures())),
              resource(sheet.name(), sheet.title(), sheet.description(), sheet.columns(), path)));
    }
    for (SiteTable table : siteTables) {
      String path = "data/" + table.name() + ".csv";
      files.add(
          new TableFile(
              path,
              List.of(Csv.write(table.columns(), table.rows())),
              resource(table.name(), table.title(), table.description(), table.columns(), path)));
    }
    return files;
  }

  /** The data package that describes every one of the tables. */
  static byte[] dataPackage(Catalog catalog, List<TableFile> tables) throws IOException {
    ArrayNode resources = NODES.arrayNode();
    tables.forEach(t -> resources.add(t.resource()));
    ObjectNode pkg = NODES.objectNode();
    pkg.put("profile", "tabular-data-package");
    pkg.put("name", "touming-disclosures");
    pkg.put("title", catalog.site().config().title());
    pkg.put(
        "description", "部门预算/决算信息公开的数字与表格。金额为公开文件所列数字，单位见每行的 unit 列（万元 = 10000 元），货币为人民币（CNY）。");
    ObjectNode currency = pkg.putObject("extraFields");
    currency.put("currency", "CNY");
    pkg.set("resources", resources);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(pkg);
  }

  private static ObjectNode resource(
      String name, String title, String description, List<Column> columns, String path) {
    ObjectNode r = NODES.objectNode();
    r.put("name", name.replace('_', '-'));
    r.put("path", path.substring("data/".length()));
    r.put("title", title);
    r.put("description", description);
    r.put("profile", "tabular-data-resource");
    r.put("format", "csv");
    r.put("mediatype", "text/csv");
    r.put("encoding", "utf-8-sig");
    ObjectNode schema = r.putObject("schema");
    ArrayNode fields = schema.putArray("fields");
    for (Column c : columns) {
      ObjectNode f = fields.addObject();
      f.put("name", c.name());
      f.put("title", c.title());
      f.put("type", c.type());
      if (c.columnType() != null) {
        f.put("columnType", c.columnType());
      }
      if (c.type().equals("number")) {
        f.put("decimalChar", ".");
        f.put("groupChar", "");
      }
    }
    return r;
  }

  /** Everything about one disclosure: identity, every figure and table, and the narrative. */
  static ObjectNode disclosureJson(Catalog catalog, Loaded<Disclosure> l) {
    Disclosure d = l.value();
    Department dept = catalog.department(d);
    Region region = catalog.region(d);
    ObjectNode root = NODES.objectNode();
    ObjectNode r = root.putObject("region");
    r.put("code", region.code());
    r.put("name", region.name());
    ObjectNode dp = root.putObject("department");
    dp.put("code", dept.code());
    dp.put("name", dept.name());
    root.put("page", Urls.disclosure(d));
    root.set("disclosure", l.tree());
    ObjectNode narrative = root.putObject("narrative");
    for (Section s : Section.values()) {
      d.narrative().get(s).ifPresent(text -> narrative.put(s.key(), text));
    }
    return root;
  }

  static Object amount(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return null;
    }
    return n.isNumber() ? Amount.of(n.decimalValue()) : Amount.placeholder(n.asText());
  }

  static Map<String, Object> identity(Catalog catalog, Loaded<Disclosure> l) {
    Disclosure d = l.value();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("region_code", d.department().region());
    m.put("region_name", catalog.region(d).name());
    m.put("department_code", d.department().code());
    m.put("department_name", catalog.department(d).name());
    m.put("year", d.year());
    m.put("kind", d.kind().key());
    m.put("unit", d.unit().label());
    return m;
  }
}
