package org.touming.search;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.util.Version;
import org.touming.internal.AtomicFile;

/**
 * The words SmartChineseAnalyzer cut from each clause of a build, kept between builds (in {@code
 * .touming/}): cutting is most of a full build's time, and the next build after an edit meets
 * almost every clause again. A file written by another Lucene is not read: its dictionary may cut
 * differently. A file that cannot be read only means every clause is cut again.
 */
public final class WordStore {
  private static final byte[] HEADER =
      ("touming-words 2 lucene " + Version.LATEST + "\n").getBytes(StandardCharsets.UTF_8);
  // Past this the file is not read into memory at once; the build cuts its clauses instead.
  private static final long LARGEST = 1L << 30;

  private WordStore() {}

  /** The clauses kept in {@code file} and their words; empty when there is no usable file. */
  public static Map<String, String[]> read(Path file) {
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > LARGEST) {
        return Map.of();
      }
      ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
      byte[] header = new byte[HEADER.length];
      in.get(header);
      if (!Arrays.equals(header, HEADER)) {
        return Map.of();
      }
      String[] vocabulary = new String[count(in)];
      for (int i = 0; i < vocabulary.length; i++) {
        vocabulary[i] = string(in);
      }
      int clauses = count(in);
      Map<String, String[]> words = new ConcurrentHashMap<>(clauses * 4 / 3 + 1);
      for (int s = 0; s < clauses; s++) {
        String clause = string(in);
        String[] cut = new String[count(in)];
        for (int i = 0; i < cut.length; i++) {
          cut[i] = vocabulary[count(in)];
        }
        words.put(clause, cut);
      }
      return in.hasRemaining() ? Map.of() : words;
    } catch (IOException
        | BufferUnderflowException
        | IndexOutOfBoundsException
        | IllegalArgumentException e) {
      return Map.of();
    }
  }

  /** Replaces {@code file} with these clauses and their words; quietly does nothing on failure. */
  public static void write(Path file, Map<String, String[]> words) {
    try {
      Map<String, Integer> numbers = new HashMap<>();
      List<String> vocabulary = new ArrayList<>();
      for (String[] cut : words.values()) {
        for (String w : cut) {
          if (numbers.putIfAbsent(w, numbers.size()) == null) {
            vocabulary.add(w);
          }
        }
      }
      AtomicFile.write(
          file,
          out -> {
            out.write(HEADER);
            count(out, vocabulary.size());
            for (String w : vocabulary) {
              string(out, w);
            }
            count(out, words.size());
            for (Map.Entry<String, String[]> e : words.entrySet()) {
              string(out, e.getKey());
              count(out, e.getValue().length);
              for (String w : e.getValue()) {
                count(out, numbers.get(w));
              }
            }
          });
    } catch (IOException | RuntimeException ignored) {
      // The site is built; the next build cuts its clauses again.
    }
  }

  private static int count(ByteBuffer in) {
    int value = 0;
    for (int shift = 0; shift < 32; shift += 7) {
      byte b = in.get();
      value |= (b & 0x7F) << shift;
      if (b >= 0) {
        if (value < 0) {
          throw new IllegalArgumentException("negative count");
        }
        return value;
      }
    }
    throw new IllegalArgumentException("count too long");
  }

  private static String string(ByteBuffer in) {
    int length = count(in);
    String s = new String(in.array(), in.position(), length, StandardCharsets.UTF_8);
    in.position(in.position() + length);
    return s;
  }

  private static void count(OutputStream out, int value) throws IOException {
    while ((value & ~0x7F) != 0) {
      out.write((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write(value);
  }

  private static void string(OutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    count(out, bytes.length);
    out.write(bytes);
  }
}
