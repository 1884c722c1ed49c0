package org.touming.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.touming.internal.Sha256;

/**
 * Writes the terms of every field, merged in Lucene's order (UTF-8 bytes, which is code point
 * order; the browser compares the same way), into chunks as they stream: no term list is held.
 *
 * <p>Where a chunk ends depends on the terms, not on the bytes before it: a chunk of at least
 * {@link #least} bytes ends before a term whose hash is a multiple of eight, and any chunk ends
 * once it reaches {@link #most}. A chunk is named after its first term's first code point and its
 * place among the chunks that share it ({@code 4e00-2}). So an edit changes the chunks that hold
 * the terms it touched, and the chunks after them keep their bytes and names: {@link #update}
 * writes again only those, and takes the rest from the previous output.
 */
final class TermChunks {
  private final int least = IndexExport.TERM_CHUNK_BYTES / 2;
  private final int most = IndexExport.TERM_CHUNK_BYTES * 2;
  private final IndexReader reader;
  private final ExportSink out;
  private final List<String> fields = SearchIndex.FIELDS;
  private final TermsEnum[] enums;
  private final BytesRef[] current;
  private final byte[][] norms;
  private final int[] pageOf;
  private final int[] slotOf;
  private PostingsEnum pe;
  private final List<String> starts = new ArrayList<>();
  private final List<String> hashes = new ArrayList<>();
  private final List<String> chunkTerms = new ArrayList<>();
  private Varints data = new Varints();

  /**
   * The chunks of the reader's terms, each posting naming its document by the page number {@code
   * pageOf} and the slot {@code slotOf} give it.
   */
  TermChunks(IndexReader reader, ExportSink out, int[] pageOf, int[] slotOf) throws IOException {
    this.reader = reader;
    this.out = out;
    this.pageOf = pageOf;
    this.slotOf = slotOf;
    this.enums = new TermsEnum[fields.size()];
    this.current = new BytesRef[fields.size()];
    this.norms = new byte[fields.size()][];
    for (int f = 0; f < fields.size(); f++) {
      norms[f] = norms(reader, fields.get(f));
    }
  }

  /** Every chunk, from the index alone. */
  void writeAll() throws IOException {
    seek(null);
    for (BytesRef t = least(); t != null; t = least()) {
      if (!chunkTerms.isEmpty() && cut(t)) {
        flush();
      }
      add(t);
    }
    flush();
  }

  /**
   * The chunks of an index that differs from the one {@code previous} was exported from only in the
   * {@code touched} terms (their postings, or whether they exist), with page numbers unchanged. The
   * chunks that hold no touched term are the previous build's files, taken as they are where they
   * keep their names and the previous output still has them; the others are written again from
   * their first term until the chunks meet a previous boundary at a chunk left alone.
   */
  void update(ExportState previous, Set<BytesRef> touched) throws IOException {
    List<String> before = previous.termStarts();
    int n = before.size();
    BytesRef[] bounds = new BytesRef[n];
    for (int i = 0; i < n; i++) {
      bounds[i] = new BytesRef(before.get(i));
    }
    boolean[] redo = new boolean[n];
    for (BytesRef t : touched) {
      redo[Math.max(0, chunkOf(bounds, t))] = true;
    }
    // A chunk begins where the one before it ended only if its first term is still there; a first
    // term no edit touched is.
    for (int i = n - 1; i > 0; i--) {
      if (redo[i] && touched.contains(bounds[i]) && !exists(bounds[i])) {
        redo[i - 1] = true;
      }
    }
    int i = 0;
    while (i < n) {
      if (!redo[i]) {
        take(previous, i, bounds);
        i++;
        continue;
      }
      seek(i == 0 ? null : bounds[i]);
      int b = i + 1;
      i = n;
      for (BytesRef t = least(); t != null; t = least()) {
        while (b < n && bounds[b].compareTo(t) < 0) {
          b++;
        }
        if (!chunkTerms.isEmpty() && cut(t)) {
          flush();
          if (b < n && !redo[b] && bounds[b].bytesEquals(t)) {
            i = b;
            break;
          }
        }
        add(t);
      }
    }
    flush();
  }

  /** The previous chunk {@code i}, which holds no touched term, as chunk number starts.size(). */
  private void take(ExportState previous, int i, BytesRef[] bounds) throws IOException {
    String start = previous.termStarts().get(i);
    String hash = previous.termHashes().get(i);
    starts.add(start);
    String name = name(starts, starts.size() - 1);
    if (name.equals(name(previous.termStarts(), i)) && out.keep(path(name), hash)) {
      hashes.add(hash);
      return;
    }
    starts.remove(starts.size() - 1);
    seek(bounds[i]);
    BytesRef end = i + 1 < bounds.length ? bounds[i + 1] : null;
    for (BytesRef t = least(); t != null && (end == null || t.compareTo(end) < 0); t = least()) {
      add(t);
    }
    flush();
  }

  /** The first term of each chunk, in order. */
  List<String> starts() {
    return starts;
  }

  /** The SHA-256 of each chunk's file, in order. */
  List<String> hashes() {
    return hashes;
  }

  /**
   * The file of the chunk {@code k} of a list of first terms; the browser names it the same way.
   */
  static String name(List<String> starts, int k) {
    int cp = firstCodePoint(starts.get(k));
    int j = k;
    while (j > 0 && firstCodePoint(starts.get(j - 1)) == cp) {
      j--;
    }
    return Integer.toHexString(cp) + "-" + (k - j);
  }

  private static int firstCodePoint(String s) {
    return s.isEmpty() ? 0 : s.codePointAt(0);
  }

  static String path(String name) {
    return "search/t/" + name + ".js";
  }

  /** The last chunk whose first term is at most {@code t}; -1 when t comes before them all. */
  private static int chunkOf(BytesRef[] bounds, BytesRef t) {
    int lo = 0;
    int hi = bounds.length - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (bounds[mid].compareTo(t) <= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private boolean exists(BytesRef term) throws IOException {
    for (String f : fields) {
      Terms terms = MultiTerms.getTerms(reader, f);
      if (terms != null && terms.iterator().seekExact(term)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the chunk being filled ends before {@code term}. */
  private boolean cut(BytesRef term) {
    int size = data.size() * 4 / 3 + chunkTerms.size() * 7;
    return size >= most || (size >= least && (hash(term) & 7) == 0);
  }

  /** FNV-1a over the term's bytes, mixed: the same on every JVM, unlike BytesRef's. */
  static int hash(BytesRef term) {
    int h = 0x811c9dc5;
    for (int i = term.offset; i < term.offset + term.length; i++) {
      h = (h ^ (term.bytes[i] & 0xff)) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }

  /** Positions every field at its first term at or after {@code from} (its first, when null). */
  private void seek(BytesRef from) throws IOException {
    for (int f = 0; f < fields.size(); f++) {
      current[f] = null;
      // One enum per field, sought again: after an edit the chunks written again are hundreds of
      // runs, and a new enum over every segment for each was a fifth of the export.
      if (enums[f] == null || from == null) {
        Terms terms = MultiTerms.getTerms(reader, fields.get(f));
        if (terms == null) {
          enums[f] = null;
          continue;
        }
        enums[f] = terms.iterator();
      }
      if (from == null) {
        current[f] = enums[f].next();
      } else if (enums[f].seekCeil(from) != TermsEnum.SeekStatus.END) {
        current[f] = enums[f].term();
      }
    }
  }

  private BytesRef least() {
    BytesRef least = null;
    for (BytesRef t : current) {
      if (t != null && (least == null || t.compareTo(least) < 0)) {
        least = t;
      }
    }
    return least;
  }

  /**
   * Adds the term and its postings in every field that has it, and moves those fields on. Per field
   * the document frequency, then per posting a varint code: bit 0 set for a frequency of one, bit 1
   * set for a document of the previous posting's page, and above them the slot's gap from the
   * previous posting's less one (same page) or the page gap less one (another page; the first
   * posting's gap is from page -1). Then the frequency where it is not one, the slot on another
   * page, and the document's one-byte norm. A document keeps its page and slot when documents of
   * other pages, or other documents of its page, come or go; over half the postings are of the
   * previous posting's page and take one byte before the norm.
   */
  private void add(BytesRef least) throws IOException {
    BytesRef term = BytesRef.deepCopyOf(least);
    chunkTerms.add(term.utf8ToString());
    int mask = 0;
    for (int f = 0; f < fields.size(); f++) {
      mask |= current[f] != null && current[f].bytesEquals(term) ? 1 << f : 0;
    }
    data.addByte(mask);
    for (int f = 0; f < fields.size(); f++) {
      if ((mask & (1 << f)) == 0) {
        continue;
      }
      pe = enums[f].postings(pe, PostingsEnum.FREQS);
      data.add(enums[f].docFreq());
      int page = -1;
      int slot = 0;
      for (int doc = pe.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = pe.nextDoc()) {
        int freq = pe.freq();
        boolean samePage = pageOf[doc] == page;
        long code =
            samePage
                ? (long) (slotOf[doc] - slot - 1) << 2 | 2
                : (long) (pageOf[doc] - page - 1) << 2;
        data.add(code | (freq == 1 ? 1 : 0));
        if (freq != 1) {
          data.add(freq);
        }
        if (!samePage) {
          data.add(slotOf[doc]);
        }
        data.addByte(norms[f][doc]);
        page = pageOf[doc];
        slot = slotOf[doc];
      }
      current[f] = enums[f].next();
    }
  }

  private void flush() throws IOException {
    if (chunkTerms.isEmpty()) {
      return;
    }
    starts.add(chunkTerms.get(0));
    String name = name(starts, starts.size() - 1);
    byte[] bytes = script(name, String.join(" ", chunkTerms), data);
    String hash = Sha256.hex(bytes);
    out.write(path(name), bytes, hash);
    hashes.add(hash);
    chunkTerms.clear();
    data = new Varints();
  }

  /**
   * {@code toumingSearch.t(name, terms, data)} with the data in base64, as {@link
   * IndexExport#script} writes it: base64 needs no escaping in JSON, so its bytes go in as they
   * are, not through a string that a city's common terms make tens of megabytes long.
   */
  private static byte[] script(String name, String terms, Varints data) throws IOException {
    byte[] head = IndexExport.script("t", name, terms, "");
    byte[] base64 = Base64.getEncoder().encode(data.bytes());
    // The head ends with the empty string's closing quote and the call's end: `"");\n`.
    int open = head.length - 4;
    byte[] out = Arrays.copyOf(head, open + base64.length + 4);
    System.arraycopy(base64, 0, out, open, base64.length);
    System.arraycopy(head, open, out, open + base64.length, 4);
    return out;
  }

  static byte[] norms(IndexReader reader, String field) throws IOException {
    long[] values = SearchIndex.values(reader, leaf -> leaf.getNormValues(field));
    byte[] norms = new byte[values.length];
    for (int doc = 0; doc < values.length; doc++) {
      norms[doc] = (byte) values[doc];
    }
    return norms;
  }
}
