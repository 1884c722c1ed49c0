package org.touming.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.touming.internal.AtomicFile;
import org.touming.internal.Sha256;
import org.touming.internal.ToolVersion;

/**
 * What one build's search export was made of, kept (in {@code .touming/}) so that the next build
 * after an edit writes again only the files the edit changed: the batches of the index in order
 * (their {@link PartStore} keys), each page's document count and digest, its number and the
 * checksums of its document chunks, and the first term and checksum of each term chunk. A checksum
 * is only trusted where the previous output's manifest gives the same one for the same path. The
 * state is only read where the build that wrote it finished and recorded its digest: the pages'
 * digests stand in for their documents, and a state whose build failed after writing it would
 * describe an edit that the sources may since have lost.
 */
record ExportState(
    List<String> batches,
    Map<String, Page> pages,
    List<String> termStarts,
    List<String> termHashes) {

  ExportState {
    batches = List.copyOf(batches);
    pages = Map.copyOf(pages);
    termStarts = List.copyOf(termStarts);
    termHashes = List.copyOf(termHashes);
  }

  // The state this process wrote last, by its digest: serve reads it again after every edit, and
  // parsing a city's (3 MB) took a tenth of a second.
  private record Recent(String digest, ExportState state) {}

  private static volatile Recent recent;

  /**
   * How many documents a page had, their {@link SearchPage#digest}, the page's place among the
   * pages with documents, and the checksum of each of its document chunks by the chunk's number.
   */
  record Page(int count, String digest, int number, Map<Integer, String> chunks) {
    Page {
      chunks = Collections.unmodifiableSortedMap(new TreeMap<>(chunks));
    }
  }

  private static String header() {
    return "touming-search-export 4 "
        + ToolVersion.id()
        + " "
        + IndexExport.TERM_CHUNK_BYTES
        + " "
        + IndexExport.DOCS_PER_CHUNK;
  }

  /**
   * The state kept in {@code file}, or null where there is none this Touming can use or its digest
   * is not {@code digest}.
   */
  static ExportState read(Path file, String digest) {
    try {
      Recent last = recent;
      if (last != null && last.digest().equals(digest)) {
        return last.state();
      }
      if (digest == null || !Files.isRegularFile(file)) {
        return null;
      }
      byte[] bytes = Files.readAllBytes(file);
      if (!digest.equals(Sha256.hex(bytes))) {
        return null;
      }
      BufferedReader in =
          new BufferedReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
      if (!header().equals(in.readLine())) {
        return null;
      }
      List<String> batches = lines(in, "batches");
      Map<String, Page> pages = new HashMap<>();
      for (String line : lines(in, "pages")) {
        String[] f = line.split("\t");
        if (f.length != 5) {
          return null;
        }
        Map<Integer, String> chunks = new TreeMap<>();
        for (String chunk : f[4].split(",")) {
          int colon = chunk.indexOf(':');
          chunks.put(Integer.parseInt(chunk.substring(0, colon)), chunk.substring(colon + 1));
        }
        pages.put(f[0], new Page(Integer.parseInt(f[1]), f[2], Integer.parseInt(f[3]), chunks));
      }
      List<String> termStarts = new ArrayList<>();
      List<String> termHashes = new ArrayList<>();
      for (String line : lines(in, "term-chunks")) {
        int tab = line.indexOf('\t');
        termHashes.add(line.substring(0, tab));
        termStarts.add(line.substring(tab + 1));
      }
      if (in.readLine() != null) {
        return null;
      }
      return new ExportState(batches, pages, termStarts, termHashes);
    } catch (IOException | RuntimeException e) {
      return null; // an unreadable state only means a full export
    }
  }

  private static List<String> lines(BufferedReader in, String name) throws IOException {
    int count = Integer.parseInt(value(in.readLine(), name));
    List<String> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String line = in.readLine();
      if (line == null) {
        throw new IOException("cut short");
      }
      lines.add(line);
    }
    return lines;
  }

  private static String value(String line, String name) throws IOException {
    if (line == null || !line.startsWith(name + " ")) {
      throw new IOException("expected " + name);
    }
    return line.substring(name.length() + 1);
  }

  /** Writes the state; returns its digest, which the next build must give to {@link #read}. */
  String write(Path file) throws IOException {
    StringBuilder sb = new StringBuilder(header()).append('\n');
    list(sb, "batches", batches);
    sb.append("pages ").append(pages.size()).append('\n');
    pages.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                sb.append(e.getKey())
                    .append('\t')
                    .append(e.getValue().count())
                    .append('\t')
                    .append(e.getValue().digest())
                    .append('\t')
                    .append(e.getValue().number())
                    .append('\t')
                    .append(chunks(e.getValue()))
                    .append('\n'));
    sb.append("term-chunks ").append(termStarts.size()).append('\n');
    for (int i = 0; i < termStarts.size(); i++) {
      sb.append(termHashes.get(i)).append('\t').append(termStarts.get(i)).append('\n');
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    AtomicFile.write(file, bytes);
    String digest = Sha256.hex(bytes);
    recent = new Recent(digest, this);
    return digest;
  }

  private static String chunks(Page page) {
    StringBuilder sb = new StringBuilder();
    page.chunks()
        .forEach(
            (k, hash) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append(':').append(hash));
    return sb.toString();
  }

  private static void list(StringBuilder sb, String name, List<String> lines) {
    sb.append(name).append(' ').append(lines.size()).append('\n');
    lines.forEach(l -> sb.append(l).append('\n'));
  }
}
