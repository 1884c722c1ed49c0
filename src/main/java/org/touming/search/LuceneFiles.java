package org.touming.search;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.touming.internal.Sha256;

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
    SegmentInfos infos = SegmentInfos.readLatestCommit(dir);
    List<byte[][]> replacements = new ArrayList<>();
    Map<String, SegmentInfo> segments = new HashMap<>();
    String[] files = dir.listAll();
    Arrays.sort(files);
    // Each segment's ids come from its own bytes, so that a batch an edit left alone keeps its
    // files byte for byte; the commit's from all of them.
    MessageDigest commit = Sha256.digest();
    int n = 0;
    for (SegmentCommitInfo sci : infos) {
      byte[] seed = digestOf(dir, sci, infos);
      commit.update(seed);
      byte[] id = id(seed, "segment " + n);
      replacements.add(new byte[][] {sci.info.getId(), id});
      if (sci.getId() != null) {
        replacements.add(new byte[][] {sci.getId(), id(seed, "commit-info " + n)});
      }
      segments.put(sci.info.name + ".si", withoutDiagnostics(sci.info, id));
      n++;
    }
    replacements.add(new byte[][] {infos.getId(), id(commit.digest(), "commit")});
    for (String file : files) {
      if (file.equals("write.lock")) {
        continue;
      }
      byte[] bytes;
      if (segments.containsKey(file)) {
        bytes = segmentInfo(segments.get(file));
      } else {
        bytes = read(dir, file);
        for (byte[][] r : replacements) {
          replaceAll(bytes, r[0], r[1], idSpan(file, bytes));
        }
        fixFooter(bytes);
      }
      out.write(FOLDER + file, bytes);
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
    for (String file : new java.util.TreeSet<>(segment.files())) {
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
