package org.touming.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.NIOFSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The terms whose exported postings differ between two indexes of one batch with the same number of
 * pages. The export numbers a document by its page and slot ({@link SearchIndex#PLACE}), so a
 * document is the same one in both where its place is: a term only one of them has differs, as does
 * a term whose places or frequencies differ, and every term of a document whose length in that
 * field (its norm, which each posting carries) changed.
 */
final class PartDiff {
  private PartDiff() {}

  /**
   * Adds the terms that differ between the batch indexes in {@code before} and {@code after}; false
   * (and nothing added) when they hold different numbers of pages.
   */
  static boolean touched(Path before, Path after, Set<BytesRef> out) throws IOException {
    try (NIOFSDirectory a = new NIOFSDirectory(before);
        NIOFSDirectory b = new NIOFSDirectory(after);
        IndexReader ra = DirectoryReader.open(a);
        IndexReader rb = DirectoryReader.open(b)) {
      long[] pa = SearchIndex.places(ra);
      long[] pb = SearchIndex.places(rb);
      if (pages(pa) != pages(pb)) {
        return false;
      }
      for (String field : SearchIndex.FIELDS) {
        field(ra, rb, pa, pb, field, out);
      }
      return true;
    }
  }

  private static long pages(long[] places) {
    return places.length == 0 ? 0 : (places[places.length - 1] >>> 32) + 1;
  }

  private static void field(
      IndexReader ra, IndexReader rb, long[] pa, long[] pb, String field, Set<BytesRef> out)
      throws IOException {
    boolean[] resized = resized(TermChunks.norms(ra, field), TermChunks.norms(rb, field), pa, pb);
    TermsEnum ea = iterator(ra, field);
    TermsEnum eb = iterator(rb, field);
    BytesRef ta = ea == null ? null : ea.next();
    BytesRef tb = eb == null ? null : eb.next();
    PostingsEnum a = null;
    PostingsEnum b = null;
    while (ta != null || tb != null) {
      int c = ta == null ? 1 : tb == null ? -1 : ta.compareTo(tb);
      if (c < 0) {
        out.add(BytesRef.deepCopyOf(ta));
        ta = ea.next();
      } else if (c > 0) {
        out.add(BytesRef.deepCopyOf(tb));
        tb = eb.next();
      } else {
        a = ea.postings(a, PostingsEnum.FREQS);
        b = eb.postings(b, PostingsEnum.FREQS);
        if (differ(a, b, pa, pb, resized)) {
          out.add(BytesRef.deepCopyOf(ta));
        }
        ta = ea.next();
        tb = eb.next();
      }
    }
  }

  /**
   * Per document of {@code before}, whether the document at its place in {@code after} has another
   * norm. Documents come in place order in both, so one pass over each finds the pairs.
   */
  private static boolean[] resized(byte[] na, byte[] nb, long[] pa, long[] pb) {
    boolean[] resized = new boolean[pa.length];
    for (int i = 0, j = 0; i < pa.length && j < pb.length; ) {
      if (pa[i] < pb[j]) {
        i++;
      } else if (pa[i] > pb[j]) {
        j++;
      } else {
        resized[i] = na[i] != nb[j];
        i++;
        j++;
      }
    }
    return resized;
  }

  private static TermsEnum iterator(IndexReader reader, String field) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, field);
    return terms == null ? null : terms.iterator();
  }

  private static boolean differ(
      PostingsEnum a, PostingsEnum b, long[] pa, long[] pb, boolean[] resized) throws IOException {
    while (true) {
      int da = a.nextDoc();
      int db = b.nextDoc();
      if (da == PostingsEnum.NO_MORE_DOCS || db == PostingsEnum.NO_MORE_DOCS) {
        return da != db;
      }
      if (pa[da] != pb[db] || a.freq() != b.freq() || resized[da]) {
        return true;
      }
    }
  }
}
