package org.touming.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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
import org.touming.internal.AtomicFile;
import org.touming.internal.FileDigests;
import org.touming.internal.FileStamp;
import org.touming.internal.Sha256;
import org.touming.internal.ToolVersion;

/**
 * What checking each disclosure found, kept on disk between builds: a disclosure whose YAML,
 * Markdown and source document are byte for byte as they were when it was last checked is neither
 * parsed nor checked again; its validated tree, Markdown sections, diagnostics and the figures the
 * rules across years need are read back instead. The key covers the running Touming itself, so a
 * new version re-checks everything. A cache entry that cannot be read is ignored, never trusted.
 *
 * <p>On disk the entries are appended to one pack file per build, and an index names where each
 * file's entry is: a city's thousands of entries cost one file to write, not thousands (creating
 * files is what a file system does slowest). Packs are compacted when they are mostly stale. One
 * build at a time uses the folder; another one meanwhile works without it. Thread-safe.
 */
public final class Cache {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INDEX = "index.json";
  private static final int VERSION = 1;
  private final Path dir;
  private final boolean reuse;
  private final Map<String, String> inputs = new ConcurrentHashMap<>();
  private final Map<String, Where> index = new ConcurrentHashMap<>();
  private final Memory memory;
  private final FileDigests digests;
  private final Map<String, FileChannel> packs = new HashMap<>();
  private boolean opened;
  private boolean usable;
  private FileChannel lockChannel;
  private FileLock lock;
  private String pack;
  private FileChannel out;

  /** Where an entry is: its pack, offset and length, and the key it was stored under. */
  private record Where(String pack, long offset, int length, String key) {}

  private Cache(Path dir, boolean reuse, Memory memory) {
    this.dir = dir;
    this.reuse = reuse;
    this.memory = memory;
    this.digests = memory == null ? new FileDigests() : memory.digests;
  }

  /**
   * The cache in {@code dir}, created on the first write. With {@code reuse} false nothing is read
   * back (every file is checked again, as in a full build) but what is checked is stored.
   */
  public static Cache in(Path dir, boolean reuse) {
    return new Cache(dir, reuse, null);
  }

  /**
   * As {@link #in(Path, boolean)}, for a process that builds again and again ({@code build
   * --watch}): what one run checked or read back is kept in {@code memory} for the next, which
   * neither hashes a file whose size, time and identity on disk are as they were nor decodes its
   * entry again.
   */
  public static Cache in(Path dir, boolean reuse, Memory memory) {
    return new Cache(dir, reuse, memory);
  }

  /**
   * A digest of everything a disclosure's check and its own pages were made from (its YAML,
   * Markdown and source document, its department, the running Touming), as found by the last {@link
   * Checker#run} with this cache; null for a file that did not load.
   */
  public String inputs(String yamlFile) {
    return inputs.get(yamlFile);
  }

  /**
   * What a process that builds again and again keeps between its runs: each disclosure's key and
   * entry, with the size, time and identity of the files they were made from. Thread-safe.
   */
  public static final class Memory {
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final FileDigests digests = new FileDigests();

    /** A disclosure's files as stamped and its key, with its entry once checked or read back. */
    private record Kept(
        FileStamp yaml,
        FileStamp markdown,
        String markdownFile,
        String department,
        String key,
        Entry entry) {
      Kept with(Entry e) {
        return new Kept(yaml, markdown, markdownFile, department, key, e);
      }
    }

    /** The entry of a disclosure, and the source document it was checked against. */
    private record Entry(String sourceFile, FileStamp source, String sourceHash, Hit hit) {}
  }

  /** What a cache hit gives back. */
  record Hit(Loaded<Disclosure> loaded, List<Diagnostic> diagnostics, Summary summary) {}

  /**
   * The SHA-256 of each disclosure's YAML as {@link #key} read it: the build publishes that file
   * unchanged, and need not hash it again for the manifest.
   */
  public FileDigests digests() {
    return digests;
  }

  /** The digest of the bytes a disclosure is read from, before its source document is known. */
  String key(Site site, Site.DisclosureFile file) throws IOException {
    if (memory == null || !reuse) {
      return computeKey(site, file);
    }
    Path yaml = site.root().resolve(file.yaml());
    Path markdown = file.markdown() == null ? null : site.root().resolve(file.markdown());
    // Taken before the files are read: an edit made while they are read leaves a stamp that no
    // longer matches, and the next run reads them again.
    FileStamp yamlStamp = FileStamp.of(yaml);
    FileStamp markdownStamp = FileStamp.of(markdown);
    Memory.Kept kept = memory.kept.get(file.yaml());
    if (kept != null
        && kept.yaml().trusted(yamlStamp)
        && kept.markdown().trusted(markdownStamp)
        && kept.markdownFile().equals(String.valueOf(file.markdown()))
        && kept.department().equals(file.department().toString())) {
      return kept.key();
    }
    String key = computeKey(site, file);
    boolean same = kept != null && kept.key().equals(key);
    memory.kept.put(
        file.yaml(),
        new Memory.Kept(
            yamlStamp,
            markdownStamp,
            String.valueOf(file.markdown()),
            file.department().toString(),
            key,
            same ? kept.entry() : null));
    return key;
  }

  private String computeKey(Site site, Site.DisclosureFile file) throws IOException {
    Path yaml = site.root().resolve(file.yaml());
    MessageDigest digest = Sha256.digest();
    digest.update(
        bytes(
            ToolVersion.id()
                + "\n"
                + file.department()
                + "\n"
                + file.yaml()
                + "\n"
                + digests.record(yaml, Files.readAllBytes(yaml))
                + "\n"));
    if (file.markdown() != null) {
      digest.update(bytes("\n" + file.markdown() + "\n"));
      Sha256.update(digest, site.root().resolve(file.markdown()));
    }
    return Sha256.hex(digest);
  }

  Optional<Hit> get(Site site, Site.DisclosureFile file, String key, ContentLoader loader) {
    if (!reuse) {
      return Optional.empty();
    }
    Optional<Hit> remembered = remembered(site, file, key);
    if (remembered.isPresent()) {
      return remembered;
    }
    if (!open()) {
      return Optional.empty();
    }
    Where where = index.get(file.yaml());
    if (where == null || !where.key().equals(key)) {
      return Optional.empty();
    }
    try {
      JsonNode e = Trees.read(read(where));
      if (!key.equals(e.path("key").asText()) || !file.yaml().equals(e.path("file").asText())) {
        return Optional.empty();
      }
      String source = e.path("source").isTextual() ? e.path("source").asText() : null;
      FileStamp sourceStamp = sourceStamp(site, source);
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
      Hit hit = new Hit(loaded, diagnostics, summary);
      remember(file, key, source, sourceStamp, sourceHash, hit);
      return Optional.of(hit);
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
      FileStamp sourceStamp = sourceStamp(site, source);
      String sourceHash = sourceHash(site, source);
      inputs.put(file.yaml(), inputs(key, sourceHash));
      remember(file, key, source, sourceStamp, sourceHash, new Hit(loaded, diagnostics, summary));
      if (!open()) {
        return;
      }
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
      byte[] bytes = Trees.write(e);
      index.put(file.yaml(), append(bytes, key));
    } catch (IOException | RuntimeException ignored) {
      // A cache that cannot be written only makes the next build slower.
    }
  }

  /**
   * Ends this run's use of the cache: forgets files no longer in the site (all are kept when {@code
   * yamlFiles} is null: the site could not be read), saves the index, compacts the packs when most
   * of what they hold is stale, and lets other builds use the folder.
   */
  public synchronized void finish(Set<String> yamlFiles) {
    if (memory != null && yamlFiles != null) {
      memory.kept.keySet().retainAll(yamlFiles);
    }
    if (!usable) {
      return;
    }
    try {
      if (yamlFiles != null) {
        index.keySet().retainAll(yamlFiles);
      }
      compactIfStale();
      writeIndex();
      deleteUnreferenced();
    } catch (IOException | RuntimeException ignored) {
      // The index on disk is the previous one, or none: the next build checks what it must.
    } finally {
      close();
    }
  }

  /** Opens the folder for this run: takes its lock and reads the index; false when it cannot. */
  private synchronized boolean open() {
    if (opened) {
      return usable;
    }
    opened = true;
    try {
      Files.createDirectories(dir);
      lockChannel =
          FileChannel.open(
              dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = lockChannel.tryLock();
      if (lock == null) {
        lockChannel.close();
        return false; // another build is using it
      }
      readIndex();
      usable = true;
    } catch (IOException | RuntimeException e) {
      usable = false;
    }
    return usable;
  }

  private void readIndex() {
    Path file = dir.resolve(INDEX);
    if (!Files.isRegularFile(file)) {
      return;
    }
    try {
      JsonNode n = JSON.readTree(Files.readAllBytes(file));
      if (n.path("version").asInt() != VERSION
          || !ToolVersion.id().equals(n.path("tool").asText())) {
        return;
      }
      n.path("entries")
          .fields()
          .forEachRemaining(
              e -> {
                JsonNode w = e.getValue();
                index.put(
                    e.getKey(),
                    new Where(
                        w.get(0).asText(), w.get(1).asLong(), w.get(2).asInt(), w.get(3).asText()));
              });
    } catch (IOException | RuntimeException e) {
      index.clear(); // unreadable: start afresh
    }
  }

  private void writeIndex() throws IOException {
    ObjectNode n = NODES.objectNode();
    n.put("version", VERSION);
    n.put("tool", ToolVersion.id());
    ObjectNode entries = n.putObject("entries");
    new TreeMap<>(index)
        .forEach(
            (file, w) ->
                entries.putArray(file).add(w.pack()).add(w.offset()).add(w.length()).add(w.key()));
    AtomicFile.write(dir.resolve(INDEX), JSON.writeValueAsBytes(n));
  }

  private synchronized Where append(byte[] bytes, String key) throws IOException {
    if (out == null) {
      pack = "pack-" + System.currentTimeMillis() + "-" + ProcessHandle.current().pid() + ".bin";
      out =
          FileChannel.open(
              dir.resolve(pack),
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              StandardOpenOption.READ);
      packs.put(pack, out);
    }
    long offset = out.size();
    writeAt(out, bytes, offset);
    return new Where(pack, offset, bytes.length, key);
  }

  private static void writeAt(FileChannel channel, byte[] bytes, long offset) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(bytes);
    while (b.hasRemaining()) {
      channel.write(b, offset + b.position());
    }
  }

  private byte[] read(Where where) throws IOException {
    FileChannel channel;
    synchronized (this) {
      channel = packs.get(where.pack());
      if (channel == null) {
        channel = FileChannel.open(dir.resolve(where.pack()), StandardOpenOption.READ);
        packs.put(where.pack(), channel);
      }
    }
    ByteBuffer b = ByteBuffer.allocate(where.length());
    while (b.hasRemaining()) {
      if (channel.read(b, where.offset() + b.position()) < 0) {
        throw new IOException("pack ends early");
      }
    }
    return b.array();
  }

  /** Rewrites the live entries into one new pack when the packs hold more stale than live. */
  private void compactIfStale() throws IOException {
    Map<String, Long> sizes = new HashMap<>();
    long live = 0;
    for (Where w : index.values()) {
      live += w.length();
      if (!sizes.containsKey(w.pack())) {
        sizes.put(w.pack(), Files.size(dir.resolve(w.pack())));
      }
    }
    long total = sizes.values().stream().mapToLong(Long::longValue).sum();
    if (sizes.size() <= 4 && live * 2 >= total) {
      return;
    }
    String compacted = "pack-" + System.currentTimeMillis() + "-c.bin";
    Map<String, Where> moved = new HashMap<>();
    try (FileChannel c =
        FileChannel.open(
            dir.resolve(compacted), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      long at = 0;
      for (var e : new TreeMap<>(index).entrySet()) {
        byte[] bytes = read(e.getValue());
        writeAt(c, bytes, at);
        moved.put(e.getKey(), new Where(compacted, at, bytes.length, e.getValue().key()));
        at += bytes.length;
      }
    }
    index.putAll(moved);
  }

  private void deleteUnreferenced() {
    Set<String> referenced = new HashSet<>();
    index.values().forEach(w -> referenced.add(w.pack()));
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        if ((name.startsWith("pack-") && !referenced.contains(name))
            || name.startsWith("." + INDEX + "-")
            || name.endsWith(".json") && !name.equals(INDEX)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException ignored) {
      // Stale packs only take room.
    }
  }

  private void close() {
    for (FileChannel c : packs.values()) {
      try {
        c.close();
      } catch (IOException ignored) {
        // read-only or already written
      }
    }
    packs.clear();
    out = null;
    try {
      if (lock != null) {
        lock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException ignored) {
      // released when the process ends
    }
    usable = false;
  }

  /** The entry kept in memory for this file, if its key and source document are unchanged. */
  private Optional<Hit> remembered(Site site, Site.DisclosureFile file, String key) {
    if (memory == null) {
      return Optional.empty();
    }
    Memory.Kept kept = memory.kept.get(file.yaml());
    Memory.Entry e = kept == null || !kept.key().equals(key) ? null : kept.entry();
    if (e == null || !e.source().trusted(sourceStamp(site, e.sourceFile()))) {
      return Optional.empty();
    }
    inputs.put(file.yaml(), inputs(key, e.sourceHash()));
    return Optional.of(e.hit());
  }

  private void remember(
      Site.DisclosureFile file,
      String key,
      String source,
      FileStamp sourceStamp,
      String sourceHash,
      Hit hit) {
    if (memory == null) {
      return;
    }
    Memory.Entry entry =
        new Memory.Entry(
            source,
            sourceStamp,
            sourceHash,
            new Hit(hit.loaded().withoutSourceMap(), hit.diagnostics(), hit.summary()));
    memory.kept.computeIfPresent(file.yaml(), (f, k) -> k.key().equals(key) ? k.with(entry) : k);
  }

  private static FileStamp sourceStamp(Site site, String source) {
    return source == null || source.equals("outside")
        ? FileStamp.NONE
        : FileStamp.of(site.root().resolve(source));
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
    Map<String, BigDecimal> figures = new HashMap<>();
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
