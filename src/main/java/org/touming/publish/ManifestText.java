package org.touming.publish;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An output's manifest as written: its paths in order, each line's checksum and where it stands,
 * and the bytes. A build after an edit that leaves the same files (most do) copies these bytes and
 * replaces the checksums that changed, instead of sorting a city's 70,000 paths and formatting
 * every line again: that was a tenth of such a build.
 */
final class ManifestText {
  private static final int HEX = 64;
  private final Map<String, String> all;
  private final String[] paths;
  private final String[] hashes;
  private final int[] starts;
  private final byte[] bytes;
  private volatile Set<String> files;

  private ManifestText(
      Map<String, String> all,
      String[] paths,
      String[] hashes,
      int[] starts,
      byte[] bytes,
      Set<String> files) {
    this.all = all;
    this.paths = paths;
    this.hashes = hashes;
    this.starts = starts;
    this.bytes = bytes;
    this.files = files;
  }

  /**
   * The manifest of the files {@code all} (path to SHA-256, a map no one changes any more), made
   * from {@code before} (the last one written, or null) where it lists the same paths.
   */
  static ManifestText of(Map<String, String> all, ManifestText before) {
    ManifestText patched = before == null ? null : before.patched(all);
    return patched != null ? patched : made(all);
  }

  private static ManifestText made(Map<String, String> all) {
    // Sorted as an array, not a tree: the paths share long prefixes, and a tree compares each many
    // more times.
    String[] paths = all.keySet().toArray(new String[0]);
    Arrays.parallelSort(paths);
    String[] hashes = new String[paths.length];
    int[] starts = new int[paths.length];
    ByteArrayOutputStream out = new ByteArrayOutputStream(paths.length * 128);
    for (int i = 0; i < paths.length; i++) {
      hashes[i] = all.get(paths[i]);
      starts[i] = out.size();
      out.writeBytes(hashes[i].getBytes(StandardCharsets.UTF_8));
      out.write(' ');
      out.write(' ');
      out.writeBytes(paths[i].getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
    return new ManifestText(all, paths, hashes, starts, out.toByteArray(), null);
  }

  /** This manifest with the checksums of {@code all}; null when {@code all} has other paths. */
  private ManifestText patched(Map<String, String> all) {
    if (all.size() != paths.length) {
      return null;
    }
    String[] now = new String[paths.length];
    for (int i = 0; i < paths.length; i++) {
      now[i] = all.get(paths[i]);
      if (now[i] == null || now[i].length() != HEX) {
        return null;
      }
    }
    byte[] b = bytes;
    for (int i = 0; i < paths.length; i++) {
      if (!now[i].equals(hashes[i])) {
        if (b == bytes) {
          b = bytes.clone();
        }
        for (int k = 0; k < HEX; k++) {
          b[starts[i] + k] = (byte) now[i].charAt(k);
        }
      }
    }
    return new ManifestText(all, paths, now, starts, b, files());
  }

  /** The checksum of every file listed, by path. */
  Map<String, String> hashes() {
    return all;
  }

  /** Every file of the output: those listed and the manifest itself; not to be changed. */
  Set<String> files() {
    Set<String> f = files;
    if (f == null) {
      Set<String> made = new HashSet<>(all.keySet());
      made.add(Output.MANIFEST);
      f = Collections.unmodifiableSet(made);
      files = f;
    }
    return f;
  }

  /**
   * Whether this manifest lists the files {@code other} lists, as one made from it by {@link #of}
   * does when the paths are the same.
   */
  boolean listsSameFiles(ManifestText other) {
    return other != null && other.paths == paths;
  }

  /** Whether this is {@code other} with not one checksum changed, as {@link #of} makes it. */
  boolean unchangedFrom(ManifestText other) {
    return listsSameFiles(other) && other.bytes == bytes;
  }

  byte[] bytes() {
    return bytes;
  }
}
