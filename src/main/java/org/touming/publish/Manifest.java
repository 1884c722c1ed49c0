package org.touming.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;
import org.touming.internal.Parallel;
import org.touming.internal.Sha256;

/**
 * {@code SHA256SUMS}: one line per file, {@code <hex> <path>}, sorted by path, in the format {@code
 * sha256sum -c} reads, so an archivist can verify a mirror with or without Touming.
 */
public final class Manifest {
  private Manifest() {}

  public static void write(Path dir) throws IOException {
    write(dir, Map.of());
  }

  /**
   * As {@link #write(Path)}, taking the hashes of files already digested as they were written
   * (reading a city's 2 GB back would take seconds); every other file is read. Returns what it
   * wrote.
   */
  static ManifestText write(Path dir, Map<String, String> known) throws IOException {
    ManifestText text = ManifestText.of(hashes(dir, known), null);
    Files.write(dir.resolve(Output.MANIFEST), text.bytes());
    return text;
  }

  /** Every file below {@code dir} except the manifest itself, by relative path. */
  static Map<String, String> hashes(Path dir) throws IOException {
    return hashes(dir, Map.of());
  }

  private static Map<String, String> hashes(Path dir, Map<String, String> known)
      throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    Map<String, String> out = new ConcurrentSkipListMap<>();
    Parallel.forEachIndexOnFiles(
        files.size(),
        i -> {
          Path p = files.get(i);
          String rel = dir.relativize(p).toString().replace('\\', '/');
          if (!rel.equals(Output.MANIFEST)) {
            String hash = known.get(rel);
            out.put(rel, hash != null ? hash : Sha256.file(p));
          }
        });
    return new TreeMap<>(out);
  }

  /** What differs between a folder and its manifest. */
  public record Report(
      List<String> missing, List<String> extra, List<String> changed, List<String> malformed) {
    public boolean ok() {
      return missing.isEmpty() && extra.isEmpty() && changed.isEmpty() && malformed.isEmpty();
    }
  }

  public static Report verify(Path dir) throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    List<String> malformed = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(dir.resolve(Output.MANIFEST), StandardCharsets.UTF_8)) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      int sep = line.indexOf("  ");
      if (sep != 64 || !line.substring(0, 64).matches("[0-9a-f]{64}")) {
        malformed.add(Output.MANIFEST + ":" + n + ": " + line);
        continue;
      }
      expected.put(line.substring(66), line.substring(0, 64));
    }
    Map<String, String> actual = hashes(dir);
    List<String> missing = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (var e : expected.entrySet()) {
      String have = actual.get(e.getKey());
      if (have == null) {
        missing.add(e.getKey());
      } else if (!have.equals(e.getValue())) {
        changed.add(e.getKey());
      }
    }
    List<String> extra = actual.keySet().stream().filter(k -> !expected.containsKey(k)).toList();
    return new Report(missing, extra, changed, malformed);
  }
}
