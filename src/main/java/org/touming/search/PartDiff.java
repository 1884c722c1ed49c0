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
 * documents: a term only one of them has, a term whose documents or frequencies differ, and every
 * term of a document whose length in that field (its norm, which each posting carries) changed.
 */
final class PartDiff {
  private PartDiff() {}

  /**
   * Adds the terms that differ between the batch indexes in {@code before} and {@code after}; false
   * (and nothing added) when they hold different numbers of documents.
   */
  static boolean touched(Path before, Path after, Set<BytesRef> out) throws IOException {
    try (NIOFSDirectory a = new NIOFSDirectory(before);
        NIOFSDirectory b = new NIOFSDirectory(after);
        IndexReader ra = DirectoryReader.open(a);
        IndexReader rb = DirectoryReader.open(b)) {
      if (ra.maxDoc() != rb.maxDoc()) {
        return false;
      }
      for (String field : SearchIndex.FIELDS) {
        field(ra, rb, field, out);
      }
      return true;
    }
  }

  private static void field(IndexReader ra, IndexReader rb, String field, Set<BytesRef> out)
      throws IOException {
    byte[] na = TermChunks.norms(ra, field);
    byte[] nb = TermChunks.norms(rb, field);
    boolean[] resized = new boolean[na.length];
    for (int d = 0; d < na.length; d++) {
      resized[d] = na[d] != nb[d];
    }
    TermsEnum ea = iterator(ra, field);
    TermsEnum eb = iterator(rb, field);
    BytesRef ta = ea == null ? null : ea.next();
    BytesRef tb = eb == null ? null : eb.next();
    PostingsEnum pa = null;
    PostingsEnum pb = null;
    while (ta != null || tb != null) {
      int c = ta == null ? 1 : tb == null ? -1 : ta.compareTo(tb);
      if (c < 0) {
        out.add(BytesRef.deepCopyOf(ta));
        ta = ea.next();
      } else if (c > 0) {
        out.add(BytesRef.deepCopyOf(tb));
        tb = eb.next();
      } else {
        pa = ea.postings(pa, PostingsEnum.FREQS);
        pb = eb.postings(pb, PostingsEnum.FREQS);
        if (differ(pa, pb, resized)) {
          out.add(BytesRef.deepCopyOf(ta));
        }
        ta = ea.next();
        tb = eb.next();
      }
    }
  }

  private static TermsEnum iterator(IndexReader reader, String field) throws IOException {
    Terms terms = MultiTerms.getTerms(reader, field);
    return terms == null ? null : terms.iterator();
  }

  private static boolean differ(PostingsEnum a, PostingsEnum b, boolean[] resized)
      throws IOException {
    while (true) {
      int da = a.nextDoc();
      if (da != b.nextDoc()) {
        return true;
      }
      if (da == PostingsEnum.NO_MORE_DOCS) {
        return false;
      }
      if (a.freq() != b.freq() || resized[da]) {
        return true;
      }
    }
  }
}
