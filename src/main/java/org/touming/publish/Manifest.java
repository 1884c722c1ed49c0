package org.touming.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code SHA256SUMS}: one line per file, {@code <hex> <path>}, sorted by path, in the format {@code
 * sha256sum -c} reads, so an archivist can verify a mirror with or without Touming.
 */
public final class Manifest {
  private Manifest() {}

  public static void write(Path dir) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (var e : hashes(dir).entrySet()) {
      sb.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
    }
    Files.writeString(dir.resolve(Output.MANIFEST), sb.toString(), StandardCharsets.UTF_8);
  }

  /** Every file below {@code dir} except the manifest itself, by relative path. */
  static Map<String, String> hashes(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (!rel.equals(Output.MANIFEST)) {
          out.put(rel, sha256(p));
        }
      }
    }
    return out;
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[65536];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
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
