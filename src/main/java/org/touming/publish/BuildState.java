package org.touming.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.touming.content.ContentLoader;
import org.touming.content.Department;
import org.touming.content.Site;
import org.touming.internal.AtomicFile;
import org.touming.internal.Parallel;
import org.touming.internal.Sha256;
import org.touming.internal.ToolVersion;

/**
 * What the last build of an output wrote, kept beside the site in {@code .touming/}: the digest of
 * everything every page depends on (configuration, regions, departments, theme, the list of
 * disclosures, the running Touming), each disclosure's own inputs, and the files each part of the
 * site was written to — a disclosure's page and data, a department's page and charts, a region's
 * page, charts and ranking. The next build leaves the files of every part whose inputs are
 * unchanged in the previous output as they are and renders the rest.
 */
final class BuildState {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int VERSION = 2;

  /** One written file as it was left: its size, time and identity on disk. */
  record Written(String path, long size, String modified, String key) {}

  final String global;
  final String manifest;
  final Map<String, String> inputs;
  final Map<String, List<Written>> files;
  // Per site table, each disclosure's rows in the order they were written: [YAML file, bytes].
  final Map<String, List<Map.Entry<String, Integer>>> tables;
  // The digest of the search export's state this build left (empty for none): the next build
  // reads that state only if it is still the one this build finished with.
  final String search;

  BuildState(
      String global,
      String manifest,
      Map<String, String> inputs,
      Map<String, List<Written>> files,
      Map<String, List<Map.Entry<String, Integer>>> tables,
      String search) {
    this.global = global;
    this.manifest = manifest;
    this.inputs = inputs;
    this.files = files;
    this.tables = tables;
    this.search = search;
  }

  /** Where the state of a build into {@code target} is kept. */
  static Path file(Path root, Path target) {
    String id =
        Sha256.hex(target.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
    return root.resolve(".touming").resolve("outputs").resolve(id.substring(0, 40) + ".json");
  }

  /** The file a build of {@code target} locks while it writes there ({@link OutputLock}). */
  static Path lockFile(Path root, Path target) {
    Path state = file(root, target);
    String name = state.getFileName().toString();
    return state.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".lock");
  }

  /** The state saved earlier; null when there is none or it cannot be read. */
  static BuildState read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      JsonNode n = JSON.readTree(Files.readAllBytes(file));
      if (n.path("version").asInt() != VERSION) {
        return null;
      }
      Map<String, String> inputs = new HashMap<>();
      n.path("inputs")
          .fields()
          .forEachRemaining(e -> inputs.put(e.getKey(), e.getValue().asText()));
      Map<String, List<Written>> files = new HashMap<>();
      n.path("files")
          .fields()
          .forEachRemaining(
              e -> {
                List<Written> list = new ArrayList<>();
                for (JsonNode w : e.getValue()) {
                  list.add(
                      new Written(
                          w.get(0).asText(),
                          w.get(1).asLong(),
                          w.get(2).asText(),
                          w.get(3).asText()));
                }
                files.put(e.getKey(), list);
              });
      Map<String, List<Map.Entry<String, Integer>>> tables = new HashMap<>();
      n.path("tables")
          .fields()
          .forEachRemaining(
              e -> {
                List<Map.Entry<String, Integer>> rows = new ArrayList<>();
                for (JsonNode r : e.getValue()) {
                  rows.add(Map.entry(r.get(0).asText(), r.get(1).asInt()));
                }
                tables.put(e.getKey(), rows);
              });
      return new BuildState(
          n.path("global").asText(),
          n.path("manifest").asText(),
          inputs,
          files,
          tables,
          n.path("search").asText());
    } catch (IOException | RuntimeException e) {
      return null; // unreadable state: build everything
    }
  }

  /** Saves this state; false when it cannot be, which only makes the next build a full one. */
  boolean write(Path file) {
    try {
      ObjectNode n = JSON.createObjectNode();
      n.put("version", VERSION);
      n.put("global", global);
      n.put("manifest", manifest);
      n.put("search", search == null ? "" : search);
      ObjectNode in = n.putObject("inputs");
      new TreeMap<>(inputs).forEach(in::put);
      ObjectNode fs = n.putObject("files");
      new TreeMap<>(files)
          .forEach(
              (scope, list) -> {
                ArrayNode a = fs.putArray(scope);
                for (Written w : list) {
                  a.addArray().add(w.path()).add(w.size()).add(w.modified()).add(w.key());
                }
              });
      ObjectNode ts = n.putObject("tables");
      new TreeMap<>(tables)
          .forEach(
              (sheet, rows) -> {
                ArrayNode a = ts.putArray(sheet);
                rows.forEach(r -> a.addArray().add(r.getKey()).add(r.getValue()));
              });
      AtomicFile.write(file, JSON.writeValueAsBytes(n));
      return true;
    } catch (IOException | RuntimeException ignored) {
      return false; // the site is built; only the next build's shortcut is lost
    }
  }

  /** A file of the output as it is on disk now. */
  static Written written(Path output, String path) throws IOException {
    BasicFileAttributes a = Files.readAttributes(output.resolve(path), BasicFileAttributes.class);
    // The time as a count of nanoseconds: formatting it as a date cost more than looking the file
    // up, and a city's output has 70,000 files to look at after each edit.
    return new Written(
        path,
        a.size(),
        Long.toString(a.lastModifiedTime().to(TimeUnit.NANOSECONDS)),
        String.valueOf(a.fileKey()));
  }

  /**
   * Whether every file of these scopes is still in the output exactly as the build left it; only
   * those {@code changes} names are looked at on disk.
   */
  boolean intact(Path output, Set<String> scopes, OutputWatch.Changes changes) {
    List<Written> all = new ArrayList<>();
    for (String scope : scopes) {
      for (Written w : files.getOrDefault(scope, List.of())) {
        if (changes.mayHaveChanged(w.path())) {
          all.add(w);
        }
      }
    }
    // A city's output is 70,000 files to look at: on every core, and no further once one differs.
    AtomicBoolean intact = new AtomicBoolean(true);
    Parallel.forEachIndex(
        all.size(),
        i -> {
          if (intact.get() && !intact(output, all.get(i))) {
            intact.set(false);
          }
        });
    return intact.get();
  }

  /** Whether one file is still in the output exactly as the build left it. */
  static boolean intact(Path output, Written w) {
    try {
      return w.equals(written(output, w.path()));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * As {@link #intact(Path, Written)}, looking on disk only where {@code changes} name the file.
   */
  static boolean intact(Path output, Written w, OutputWatch.Changes changes) {
    return w != null && (!changes.mayHaveChanged(w.path()) || intact(output, w));
  }

  /** A file's SHA-256 in hex. */
  interface Hasher {
    String sha256(Path file) throws IOException;
  }

  /**
   * The digest of what every page of the site depends on besides its own disclosures: the running
   * Touming, the build options, the configuration, the regions, every department file, the theme
   * files in the site, and which disclosure files there are; each file's checksum from {@code
   * hasher} ({@link Sha256#file}, or what a resident build kept).
   */
  static String global(Site site, String theme, boolean search, Hasher hasher) throws IOException {
    Path root = site.root();
    MessageDigest digest = Sha256.digest();
    update(digest, "tool " + ToolVersion.id() + " search " + search + " theme " + theme);
    List<Path> files = new ArrayList<>();
    files.add(root.resolve(ContentLoader.CONFIG));
    files.add(root.resolve(ContentLoader.REGIONS));
    for (Department d : site.departments()) {
      files.add(root.resolve(site.folderOf(d.id())).resolve(ContentLoader.DEPARTMENT));
    }
    for (String folder :
        List.of("layouts", "assets", "i18n", "themes/" + Objects.requireNonNullElse(theme, ""))) {
      Path p = root.resolve(folder);
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
      }
    }
    for (Path f : files) {
      update(digest, "\n" + root.relativize(f).toString().replace('\\', '/') + "\n");
      if (Files.isRegularFile(f)) {
        update(digest, hasher.sha256(f));
      }
    }
    for (Site.DisclosureFile f : site.disclosures()) {
      update(digest, "\n" + f.department() + " " + f.yaml() + " " + f.markdown());
    }
    return Sha256.hex(digest);
  }

  private static void update(MessageDigest digest, String s) {
    digest.update(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The SHA-256 of an output's manifest, or "none". */
  static String manifestOf(Path output) {
    Path m = output.resolve(Output.MANIFEST);
    try {
      return Files.isRegularFile(m) ? Sha256.file(m) : "none";
    } catch (IOException e) {
      return "none";
    }
  }

  /** Which files a build wrote, by the part of the site they belong to. */
  static final class Recorder {
    private final Map<String, Set<String>> byScope = new ConcurrentHashMap<>();

    /** A sink that notes every file written through it as belonging to {@code scope}. */
    Sink scoped(Sink out, String scope) {
      Set<String> paths = byScope.computeIfAbsent(scope, k -> ConcurrentHashMap.newKeySet());
      return new Sink() {
        @Override
        public void write(String path, List<byte[]> parts) throws IOException {
          paths.add(path);
          out.write(path, parts);
        }

        @Override
        public void write(String path, byte[] bytes, String sha256) throws IOException {
          paths.add(path);
          out.write(path, bytes, sha256);
        }

        @Override
        public boolean keep(String path, String sha256) throws IOException {
          boolean kept = out.keep(path, sha256);
          if (kept) {
            paths.add(path);
          }
          return kept;
        }
      };
    }

    Map<String, Set<String>> byScope() {
      return byScope;
    }
  }
}
