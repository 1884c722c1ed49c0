package org.touming.search;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.CRC32;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.touming.internal.AtomicFile;
import org.touming.internal.Sha256;
import org.touming.internal.ToolVersion;

/**
 * Copies the Lucene index into the site so that Java users and Luke can open it, byte for byte the
 * same on every build. Lucene stamps each commit and segment with random 16-byte ids, and its
 * segment info with diagnostics (time, operating system, Java version) written in an order that
 * changes from one JVM to the next; the copy replaces each id with one derived from the index's own
 * bytes, writes the segment info again without diagnostics, and recomputes each file's CRC32
 * footer. The result opens and passes CheckIndex.
 */
public final class LuceneFiles {
  public static final String FOLDER = "search/lucene/";

  private LuceneFiles() {}

  public static void write(Directory dir, ExportSink out) throws IOException {
    write(dir, List.of(), out, null, false);
  }

  /**
   * As {@link #write(Directory, ExportSink)}, for an index joined from kept batches ({@link
   * SearchIndex#parts}): a segment at the same place from the same batch as in the build that left
   * {@code state} has the same files, which are taken from the previous output where it still has
   * them (when {@code read}), without reading the index (a city's is hundreds of megabytes).
   */
  public static void write(SearchIndex index, ExportSink out, Path state, boolean read)
      throws IOException {
    write(index.directory(), index.parts(), out, state, read);
  }

  private static void write(
      Directory dir, List<Path> parts, ExportSink out, Path state, boolean read)
      throws IOException {
    SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
    Map<String, Segment> before = state != null && read ? Segment.read(state) : Map.of();
    Map<String, Segment> after = new TreeMap<>();
    List<String> places = new ArrayList<>();
    List<Segment> known = new ArrayList<>();
    List<byte[]> seeds = new ArrayList<>();
    // Each segment's ids come from its own bytes, so that a batch an edit left alone keeps its
    // files byte for byte; the commit's from all of them.
    MessageDigest commit = Sha256.digest();
    int n = 0;
    for (SegmentCommitInfo sci : infos) {
      String place = parts.size() == infos.size() ? n + " " + parts.get(n).getFileName() : null;
      Segment previous = place == null ? null : before.get(place);
      byte[] seed = previous != null ? previous.seed() : digestOf(dir, sci, infos);
      places.add(place);
      known.add(previous);
      seeds.add(seed);
      commit.update(seed);
      n++;
    }
    byte[][] commitIds = {infos.getId(), id(commit.digest(), "commit")};
    // Each segment's files hold its own ids and the commit's; the commit holds every segment's and
    // its own.
    List<List<byte[][]>> own = new ArrayList<>();
    List<byte[][]> all = new ArrayList<>();
    n = 0;
    for (SegmentCommitInfo sci : infos) {
      byte[] seed = seeds.get(n);
      List<byte[][]> ids = new ArrayList<>();
      ids.add(new byte[][] {sci.info.getId(), id(seed, "segment " + n)});
      if (sci.getId() != null) {
        ids.add(new byte[][] {sci.getId(), id(seed, "commit-info " + n)});
      }
      all.addAll(ids);
      ids.add(commitIds);
      own.add(ids);
      n++;
    }
    all.add(commitIds);
    Set<String> inSegments = new HashSet<>();
    n = 0;
    for (SegmentCommitInfo sci : infos) {
      List<byte[][]> replacements = own.get(n);
      SegmentInfo info = withoutDiagnostics(sci.info, replacements.get(0)[1]);
      String place = places.get(n);
      Segment previous = known.get(n);
      Map<String, String> written = new TreeMap<>();
      for (String file : new TreeSet<>(sci.files())) {
        inSegments.add(file);
        String kept = previous == null ? null : previous.files().get(file);
        if (kept != null && out.keep(FOLDER + file, kept)) {
          written.put(file, kept);
          continue;
        }
        byte[] bytes;
        if (file.equals(sci.info.name + ".si")) {
          bytes = segmentInfo(info);
        } else {
          bytes = read(dir, file);
          for (byte[][] r : replacements) {
            replaceAll(bytes, r[0], r[1], idSpan(file, bytes));
          }
          fixFooter(bytes);
        }
        String sha = Sha256.hex(bytes);
        out.write(FOLDER + file, bytes, sha);
        written.put(file, sha);
      }
      if (place != null) {
        after.put(place, new Segment(seeds.get(n), written));
      }
      n++;
    }
    String[] files = dir.listAll();
    Arrays.sort(files);
    for (String file : files) {
      if (file.equals("write.lock") || inSegments.contains(file)) {
        continue;
      }
      byte[] bytes = read(dir, file);
      for (byte[][] r : all) {
        replaceAll(bytes, r[0], r[1], idSpan(file, bytes));
      }
      fixFooter(bytes);
      out.write(FOLDER + file, bytes);
    }
    if (state != null) {
      Segment.write(state, after);
    }
  }

  /**
   * What the copy of one segment was, by its place and batch ("3 KEY"): the digest its ids come
   * from, and each file's checksum.
   */
  private record Segment(byte[] seed, Map<String, String> files) {
    private static final String HEADER = "touming-lucene-copy 1 " + ToolVersion.id();

    static Map<String, Segment> read(Path file) {
      Map<String, Segment> segments = new HashMap<>();
      try {
        if (!Files.isRegularFile(file)) {
          return segments;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
          return segments;
        }
        for (String line : lines.subList(1, lines.size())) {
          String[] f = line.split("\t");
          Map<String, String> files = new TreeMap<>();
          for (int i = 2; i + 1 < f.length; i += 2) {
            files.put(f[i], f[i + 1]);
          }
          segments.put(f[0], new Segment(HexFormat.of().parseHex(f[1]), files));
        }
        return segments;
      } catch (IOException | RuntimeException e) {
        return new HashMap<>(); // only means reading the index again
      }
    }

    static void write(Path file, Map<String, Segment> segments) throws IOException {
      StringBuilder sb = new StringBuilder(HEADER).append('\n');
      segments.forEach(
          (place, s) -> {
            sb.append(place).append('\t').append(HexFormat.of().formatHex(s.seed()));
            s.files().forEach((name, sha) -> sb.append('\t').append(name).append('\t').append(sha));
            sb.append('\n');
          });
      AtomicFile.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  private static SegmentInfo withoutDiagnostics(SegmentInfo si, byte[] id) {
    SegmentInfo copy =
        new SegmentInfo(
            si.dir,
            si.getVersion(),
            si.getMinVersion(),
            si.name,
            si.maxDoc(),
            si.getUseCompoundFile(),
            si.getHasBlocks(),
            si.getCodec(),
            Map.of(),
            id,
            si.getAttributes(),
            si.getIndexSort());
    copy.setFiles(si.files());
    return copy;
  }

  /** The segment info file as the codec writes it. */
  private static byte[] segmentInfo(SegmentInfo si) throws IOException {
    try (Directory memory = new ByteBuffersDirectory()) {
      si.getCodec().segmentInfoFormat().write(memory, si, IOContext.DEFAULT);
      return read(memory, si.name + ".si");
    }
  }

  /** A digest of a segment's files without their ids and checksums: same content, same ids. */
  private static byte[] digestOf(Directory dir, SegmentCommitInfo segment, SegmentInfos infos)
      throws IOException {
    MessageDigest md = Sha256.digest();
    for (String file : new TreeSet<>(segment.files())) {
      if (file.endsWith(".si")) {
        continue;
      }
      byte[] bytes = read(dir, file);
      replaceAll(bytes, infos.getId(), new byte[16], idSpan(file, bytes));
      replaceAll(bytes, segment.info.getId(), new byte[16], idSpan(file, bytes));
      md.update(file.getBytes(StandardCharsets.UTF_8));
      md.update(bytes, 0, Math.max(0, bytes.length - 8));
    }
    return md.digest();
  }

  private static byte[] id(byte[] seed, String role) {
    MessageDigest md = Sha256.digest();
    md.update(seed);
    md.update(role.getBytes(StandardCharsets.UTF_8));
    return Arrays.copyOf(md.digest(), 16);
  }

  private static byte[] read(Directory dir, String file) throws IOException {
    try (IndexInput in = dir.openInput(file, IOContext.READONCE)) {
      byte[] bytes = new byte[Math.toIntExact(in.length())];
      in.readBytes(bytes, 0, bytes.length);
      return bytes;
    }
  }

  /**
   * Where ids can be: anywhere in the commit file, else only in the index header at the start of
   * the file (magic, codec name, version, id, suffix), so large files are not scanned through.
   */
  private static int idSpan(String file, byte[] bytes) {
    return file.startsWith("segments") ? bytes.length : Math.min(bytes.length, HEADER_SPAN);
  }

  private static final int HEADER_SPAN = 512;

  static void replaceAll(byte[] bytes, byte[] from, byte[] to, int within) {
    if (from == null || from.length == 0) {
      return;
    }
    outer:
    for (int i = 0; i + from.length <= within; i++) {
      for (int j = 0; j < from.length; j++) {
        if (bytes[i + j] != from[j]) {
          continue outer;
        }
      }
      System.arraycopy(to, 0, bytes, i, to.length);
      i += from.length - 1;
    }
  }

  /**
   * Lucene's footer ends with the CRC32 of everything before the checksum, as a big-endian long.
   */
  private static void fixFooter(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    ByteBuffer.wrap(bytes, bytes.length - 8, 8).putLong(crc.getValue());
  }
}
