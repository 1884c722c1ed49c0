package org.touming.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import org.touming.internal.Sha256;

/**
 * One page's search documents, made only when something needs their text. A page the last build
 * exported and no edit has touched since is known by its document count and digest alone ({@link
 * #recall}): a build after an edit then cuts, hashes and indexes only the documents of the batches
 * around the edit, not the text of every disclosure on the site.
 *
 * <p>The filter values (region, department, year, kind) are the page's: every document of a page
 * has the same.
 */
public final class SearchPage {
  private final String url;
  private final String region;
  private final String department;
  private final int year;
  private final String kind;
  private final Supplier<List<SearchDocument>> source;
  // Guarded by this. The documents while a batch holds them, so that they are made once for it.
  private List<SearchDocument> held;
  private int count = -1;
  private String digest;

  SearchPage(
      String url,
      String region,
      String department,
      int year,
      String kind,
      Supplier<List<SearchDocument>> source) {
    this.url = url;
    this.region = region;
    this.department = department;
    this.year = year;
    this.kind = kind;
    this.source = source;
  }

  /** The page of these documents, which must all have its address and filter values. */
  static SearchPage of(List<SearchDocument> documents) {
    SearchDocument first = documents.get(0);
    List<SearchDocument> copy = List.copyOf(documents);
    return new SearchPage(
        first.page(), first.region(), first.department(), first.year(), first.kind(), () -> copy);
  }

  /** The documents in runs of one page each, as pages. */
  public static Iterator<SearchPage> grouped(Iterator<SearchDocument> documents) {
    return new Iterator<>() {
      private SearchDocument next = documents.hasNext() ? documents.next() : null;

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public SearchPage next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        List<SearchDocument> run = new ArrayList<>();
        String page = next.page();
        while (next != null && next.page().equals(page)) {
          run.add(next);
          next = documents.hasNext() ? documents.next() : null;
        }
        return of(run);
      }
    };
  }

  public String url() {
    return url;
  }

  String region() {
    return region;
  }

  String department() {
    return department;
  }

  int year() {
    return year;
  }

  String kind() {
    return kind;
  }

  /** Takes the count and digest the previous build found, instead of making the documents. */
  synchronized void recall(int documents, String pageDigest) {
    this.count = documents;
    this.digest = pageDigest;
  }

  /** How many documents the page has. */
  synchronized int count() {
    if (count < 0) {
      count = hold().size();
    }
    return count;
  }

  /** A digest of every field of every document, in order. */
  synchronized String digest() {
    if (digest == null) {
      MessageDigest md = Sha256.digest();
      for (SearchDocument d : documents()) {
        update(md, d.url());
        update(md, d.title());
        update(md, d.heading());
        update(md, d.context());
        update(md, d.text());
        update(md, d.region());
        update(md, d.department());
        update(md, Integer.toString(d.year()));
        update(md, d.kind());
        update(md, Integer.toString(d.slot()));
      }
      digest = Sha256.hex(md);
    }
    return digest;
  }

  private static void update(MessageDigest digest, String s) {
    byte[] bytes = (s == null ? "\u0000" : s).getBytes(StandardCharsets.UTF_8);
    // The length first, so that no two different pages give the same bytes.
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  /** The documents, made if need be and kept until {@link #release}. */
  synchronized List<SearchDocument> hold() {
    if (held == null) {
      held = ordered(source.get());
      if (count >= 0 && count != held.size()) {
        throw new IllegalStateException(
            url + ": " + held.size() + " documents where the last build had " + count);
      }
      count = held.size();
    }
    return held;
  }

  /** The documents, held or made afresh (and not kept). */
  synchronized List<SearchDocument> documents() {
    return held != null ? held : ordered(source.get());
  }

  /** The documents, which must come in increasing slot order: the export numbers them so. */
  private List<SearchDocument> ordered(List<SearchDocument> documents) {
    for (int i = 1; i < documents.size(); i++) {
      if (documents.get(i).slot() <= documents.get(i - 1).slot()) {
        throw new IllegalStateException(
            url + ": slot " + documents.get(i).slot() + " after " + documents.get(i - 1).slot());
      }
    }
    return documents;
  }

  /** Lets go of the documents once the batch holding them is indexed. */
  synchronized void release() {
    held = null;
  }
}
