package org.touming.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.touming.content.ContentLoader;
import org.touming.content.Diagnostic;
import org.touming.content.Disclosure;
import org.touming.content.Kind;
import org.touming.content.Loaded;
import org.touming.content.Mark;
import org.touming.content.MoneyUnit;
import org.touming.content.Section;
import org.touming.content.Severity;
import org.touming.content.Site;
import org.touming.content.yaml.Trees;
import org.touming.internal.Sha256;
import org.touming.internal.ToolVersion;

/**
 * What checking each disclosure found, kept on disk between builds: a disclosure whose YAML,
 * Markdown and source document are byte for byte as they were when it was last checked is neither
 * parsed nor checked again; its validated tree, Markdown sections, diagnostics and the figures the
 * rules across years need are read back instead. The key covers the running Touming itself, so a
 * new version re-checks everything. A cache entry that cannot be read is ignored, never trusted.
 * Thread-safe: each disclosure has its own entry file.
 */
public final class Cache {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final Path dir;
  private final boolean reuse;
  private final Map<String, String> inputs = new ConcurrentHashMap<>();

  private Cache(Path dir, boolean reuse) {
    this.dir = dir;
    this.reuse = reuse;
  }

  /**
   * The cache in {@code dir}, created on the first write. With {@code reuse} false nothing is read
   * back (every file is checked again, as in a full build) but what is checked is stored.
   */
  public static Cache in(Path dir, boolean reuse) {
    return new Cache(dir, reuse);
  }

  /**
   * A digest of everything a disclosure's check and its own pages were made from (its YAML,
   * Markdown and source document, its department, the running Touming), as found by the last {@link
   * Checker#run} with this cache; null for a file that did not load.
   */
  public String inputs(String yamlFile) {
    return inputs.get(yamlFile);
  }

  /** What a cache hit gives back. */
  record Hit(Loaded<Disclosure> loaded, List<Diagnostic> diagnostics, Summary summary) {}

  /** The digest of the bytes a disclosure is read from, before its source document is known. */
  static String key(Site site, Site.DisclosureFile file) throws IOException {
    MessageDigest digest = Sha256.digest();
    digest.update(bytes(ToolVersion.id() + "\n" + file.department() + "\n" + file.yaml() + "\n"));
    Sha256.update(digest, site.root().resolve(file.yaml()));
    if (file.markdown() != null) {
      digest.update(bytes("\n" + file.markdown() + "\n"));
      Sha256.update(digest, site.root().resolve(file.markdown()));
    }
    return Sha256.hex(digest);
  }

  Optional<Hit> get(Site site, Site.DisclosureFile file, String key, ContentLoader loader) {
    Path entry = entry(file.yaml());
    if (!reuse || !Files.isRegularFile(entry)) {
      return Optional.empty();
    }
    try {
      JsonNode e = Trees.read(Files.readAllBytes(entry));
      if (!key.equals(e.path("key").asText()) || !file.yaml().equals(e.path("file").asText())) {
        return Optional.empty();
      }
      String source = e.path("source").isTextual() ? e.path("source").asText() : null;
      String sourceHash = sourceHash(site, source);
      if (!sourceHash.equals(e.path("sourceHash").asText())) {
        return Optional.empty();
      }
      Map<Section, String> narrative = new EnumMap<>(Section.class);
      e.path("narrative")
          .fields()
          .forEachRemaining(n -> narrative.put(Section.valueOf(n.getKey()), n.getValue().asText()));
      Loaded<Disclosure> loaded = loader.restore(file, e.get("tree"), narrative);
      List<Diagnostic> diagnostics = new ArrayList<>();
      for (JsonNode d : e.path("diagnostics")) {
        diagnostics.add(
            new Diagnostic(
                d.path("file").asText(),
                d.path("line").asInt(),
                d.path("column").asInt(),
                Severity.valueOf(d.path("severity").asText()),
                d.path("rule").asText(),
                d.path("message").asText()));
      }
      Summary summary = summary(e.path("summary"), loaded);
      inputs.put(file.yaml(), inputs(key, sourceHash));
      return Optional.of(new Hit(loaded, diagnostics, summary));
    } catch (IOException | RuntimeException ignored) {
      return Optional.empty(); // a damaged or foreign entry: check the file again
    }
  }

  void put(
      Site site,
      Site.DisclosureFile file,
      String key,
      Loaded<Disclosure> loaded,
      List<Diagnostic> diagnostics,
      Summary summary) {
    try {
      String source = source(site, file, loaded.value());
      String sourceHash = sourceHash(site, source);
      inputs.put(file.yaml(), inputs(key, sourceHash));
      ObjectNode e = NODES.objectNode();
      e.put("file", file.yaml());
      e.put("key", key);
      e.put("source", source);
      e.put("sourceHash", sourceHash);
      ObjectNode narrative = e.putObject("narrative");
      loaded.value().narrative().sections().forEach((s, text) -> narrative.put(s.name(), text));
      ArrayNode ds = e.putArray("diagnostics");
      for (Diagnostic d : diagnostics) {
        ObjectNode n = ds.addObject();
        n.put("file", d.file());
        n.put("line", d.line());
        n.put("column", d.column());
        n.put("severity", d.severity().name());
        n.put("rule", d.rule());
        n.put("message", d.message());
      }
      e.set("summary", summary(summary));
      e.set("tree", loaded.tree());
      Files.createDirectories(dir);
      Path entry = entry(file.yaml());
      Path temporary = Files.createTempFile(dir, ".entry-", ".tmp");
      Files.write(temporary, Trees.write(e));
      try {
        Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException x) {
        Files.move(temporary, entry, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | RuntimeException ignored) {
      // A cache that cannot be written only makes the next build slower.
    }
  }

  /** Removes the entries of files that are no longer in the site. */
  public void retain(Set<String> yamlFiles) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    Set<String> keep = new HashSet<>();
    yamlFiles.forEach(f -> keep.add(entry(f).getFileName().toString()));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        if (!keep.contains(p.getFileName().toString())) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException ignored) {
      // Stale entries are harmless: their keys never match again.
    }
  }

  private Path entry(String yamlFile) {
    return dir.resolve(Sha256.hex(bytes(yamlFile)).substring(0, 40) + ".json");
  }

  private static String inputs(String key, String sourceHash) {
    return Sha256.hex(bytes(key + "\n" + sourceHash));
  }

  /** The source document a disclosure names, relative to the site; null when it names none. */
  private static String source(Site site, Site.DisclosureFile file, Disclosure d) {
    if (d.provenance() == null || d.provenance().source() == null) {
      return null;
    }
    Path root = site.root().normalize();
    Path p = root.resolve(file.yaml()).getParent().resolve(d.provenance().source()).normalize();
    return p.startsWith(root) ? root.relativize(p).toString().replace('\\', '/') : "outside";
  }

  private static String sourceHash(Site site, String source) throws IOException {
    if (source == null) {
      return "none";
    }
    Path p = site.root().resolve(source);
    return source.equals("outside") || !Files.isRegularFile(p) ? "missing" : Sha256.file(p);
  }

  private static JsonNode summary(Summary s) {
    ObjectNode n = NODES.objectNode();
    n.put("year", s.year());
    n.put("kind", s.kind().name());
    n.put("unit", s.unit() == null ? null : s.unit().name());
    n.put("changeComparedWith", s.changeComparedWith());
    n.put("threePublicComparedWith", s.threePublicComparedWith());
    ObjectNode figures = n.putObject("figures");
    s.figures().forEach(figures::put);
    ObjectNode marks = n.putObject("marks");
    s.marks().forEach((k, m) -> marks.putArray(k).add(m.line()).add(m.column()));
    return n;
  }

  private static Summary summary(JsonNode n, Loaded<Disclosure> loaded) {
    Map<String, java.math.BigDecimal> figures = new HashMap<>();
    n.path("figures")
        .fields()
        .forEachRemaining(f -> figures.put(f.getKey(), f.getValue().decimalValue()));
    Map<String, Mark> marks = new HashMap<>();
    n.path("marks")
        .fields()
        .forEachRemaining(
            m ->
                marks.put(
                    m.getKey(),
                    new Mark(m.getValue().get(0).asInt(), m.getValue().get(1).asInt())));
    Disclosure d = loaded.value();
    return new Summary(
        loaded.file(),
        d.department(),
        n.path("year").asInt(),
        Kind.valueOf(n.path("kind").asText()),
        n.path("unit").isNull() ? null : MoneyUnit.valueOf(n.path("unit").asText()),
        n.path("changeComparedWith").isNull() ? null : n.path("changeComparedWith").asInt(),
        n.path("threePublicComparedWith").isNull()
            ? null
            : n.path("threePublicComparedWith").asInt(),
        figures,
        marks);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
