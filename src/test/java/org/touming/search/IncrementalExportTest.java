package org.touming.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.content.Catalog;
import org.touming.internal.Sha256;
import org.touming.sample.SampleGenerator;

/**
 * The export after an edit, taking what it can from the previous one, gives the files of an export
 * made from nothing; and it takes most of them. The tests run with term chunks of 256 bytes (see
 * the pom), so a small site has hundreds.
 */
class IncrementalExportTest {
  /** Checksums of what an export wrote or kept; it may keep any file of {@code previous}. */
  private static final class Files implements ExportSink {
    final Map<String, String> files = new TreeMap<>();
    final Set<String> written = new TreeSet<>();
    private final Set<String> keptPaths = new TreeSet<>();
    private final Map<String, String> previous;
    int kept;

    Files(Map<String, String> previous) {
      this.previous = previous;
    }

    @Override
    public void write(String path, byte[] bytes) {
      files.put(path, Sha256.hex(bytes));
      written.add(path);
    }

    @Override
    public void write(String path, byte[] bytes, String sha256) {
      assertEquals(Sha256.hex(bytes), sha256, path);
      write(path, bytes);
    }

    @Override
    public boolean keep(String path, String sha256) {
      if (!sha256.equals(previous.get(path))) {
        return false;
      }
      files.put(path, sha256);
      keptPaths.add(path);
      kept++;
      return true;
    }

    long kept(String folder) {
      return keptPaths.stream().filter(p -> p.startsWith(folder)).count();
    }

    long written(String folder) {
      return written.stream().filter(p -> p.startsWith(folder)).count();
    }

    long all(String folder) {
      return files.keySet().stream().filter(p -> p.startsWith(folder)).count();
    }
  }

  private Catalog catalog;
  private Path parts;
  private Path state;
  private Path lucene;
  private String stateDigest;
  // The pages whose documents the last export made (rather than taking their count and digest).
  private final Set<String> made = new TreeSet<>();

  private void site(Path dir) throws Exception {
    new SampleGenerator().write(12, 3, dir.resolve("site"));
    catalog = SearchIndexTest.catalog(dir.resolve("site"));
    parts = dir.resolve("parts");
    state = dir.resolve("export");
    lucene = dir.resolve("lucene");
  }

  /** An export from nothing, keeping no state. */
  private Files fresh(List<SearchDocument> docs) throws Exception {
    Files out = new Files(Map.of());
    IndexExport.Documents documents = IndexExport.documents(catalog, out);
    try (SearchIndex index =
        SearchIndex.build(
            SearchPage.grouped(docs.iterator()),
            new Analysis(),
            d -> {},
            documents,
            () -> false,
            null,
            16)) {
      IndexExport.write(index, documents, out);
      LuceneFiles.write(index.directory(), out);
    }
    return out;
  }

  /**
   * An export that keeps its state and batches for the next; with {@code changed} (the pages edited
   * since) it takes what it can from {@code previous}.
   */
  private Files export(List<SearchDocument> docs, Set<String> changed, Files previous)
      throws Exception {
    Files out = new Files(previous == null ? Map.of() : previous.files);
    IndexExport.Documents documents =
        IndexExport.documents(catalog, out, state, changed, stateDigest);
    PartStore store = new PartStore(parts, true, () -> {});
    try (SearchIndex index =
        SearchIndex.build(
            documents.recalled(counted(docs)),
            new Analysis(),
            d -> {},
            documents,
            () -> false,
            store,
            16)) {
      stateDigest = IndexExport.write(index, documents, out);
      LuceneFiles.write(index, out, lucene, previous != null);
    }
    store.prune();
    return out;
  }

  /** The documents as pages that note in {@link #made} when their documents are made. */
  private Iterator<SearchPage> counted(List<SearchDocument> docs) {
    made.clear();
    List<SearchPage> pages = new ArrayList<>();
    SearchPage.grouped(docs.iterator())
        .forEachRemaining(
            p -> {
              List<SearchDocument> own = p.documents();
              pages.add(
                  new SearchPage(
                      p.url(),
                      p.region(),
                      p.department(),
                      p.year(),
                      p.kind(),
                      () -> {
                        made.add(p.url());
                        return own;
                      }));
            });
    return pages.iterator();
  }

  /** Fails naming the files that differ, not printing every checksum. */
  private static void assertSameFiles(Files expected, Files actual, String what) {
    Set<String> paths = new TreeSet<>(expected.files.keySet());
    paths.addAll(actual.files.keySet());
    paths.removeIf(p -> Objects.equals(expected.files.get(p), actual.files.get(p)));
    assertEquals(Set.of(), paths, what);
  }

  private int firstDisclosureDocument(List<SearchDocument> docs) {
    int i = 0;
    while (!docs.get(i).url().contains("#")) {
      i++;
    }
    return i;
  }

  @Test
  void anEditedParagraphWritesOnlyTheChunksItTouches(@TempDir Path dir) throws Exception {
    site(dir);
    List<SearchDocument> docs = new ArrayList<>(Sections.of(catalog));
    Files before = export(docs, null, null);
    int at = Math.max(firstDisclosureDocument(docs), docs.size() / 2);
    SearchDocument d = docs.get(at);
    docs.set(at, Edits.withText(d, d.text() + "另购鲸鱼潜艇一艘。"));

    Files after = export(docs, Set.of(d.page()), before);

    assertSameFiles(fresh(docs), after, "");
    long terms = after.all("search/t/");
    assertTrue(terms > 100, "term chunks: " + terms);
    assertTermChunksWrittenUnder(after, terms, 5);
    // A page's documents are chunked on their own: only the edited page's chunks are written.
    assertEquals(chunks(docs, d.page()), after.written("search/d/"), "document chunks written");
    assertTrue(after.kept > terms / 2, "kept: " + after.kept);
    // The Lucene copy writes the segment of the edited batch, and the commit, again.
    long segments = after.all("search/lucene/");
    assertTrue(
        after.written("search/lucene/") * 5 < segments,
        "Lucene files written again: " + after.written("search/lucene/") + " of " + segments);
    // Only the edited page is cut again; the others are known by the count and digest the
    // previous export kept.
    assertEquals(Set.of(d.page()), made);
  }

  /** Fewer than one in {@code share} of the {@code terms} term chunks written again. */
  private static void assertTermChunksWrittenUnder(Files export, long terms, int share) {
    long written = export.written("search/t/");
    assertTrue(written * share < terms, "term chunks written again: " + written + " of " + terms);
  }

  /** How many document chunks hold the documents of the page. */
  private static long chunks(List<SearchDocument> docs, String page) {
    return docs.stream()
        .filter(x -> x.page().equals(page))
        .map(x -> IndexExport.chunk(x.slot()))
        .distinct()
        .count();
  }

  /**
   * A section added to a disclosure takes a slot of its own: no other document changes its page or
   * slot, so the term chunks written are those of the section's terms, and the document chunks
   * those of its page.
   */
  @Test
  void aDocumentAddedToAPageWritesOnlyItsTermsAndItsPagesDocumentChunks(@TempDir Path dir)
      throws Exception {
    site(dir);
    List<SearchDocument> docs = new ArrayList<>(Sections.of(catalog));
    Files before = export(docs, null, null);
    int at = Math.max(firstDisclosureDocument(docs), docs.size() / 3);
    String page = docs.get(at).page();
    int added = Edits.insert(docs, at, "工作保障措施", "本节新增：另购鲸鱼潜艇一艘。");

    Files after = export(docs, Set.of(page), before);

    assertSameFiles(fresh(docs), after, "");
    long terms = after.all("search/t/");
    assertTermChunksWrittenUnder(after, terms, 10);
    assertEquals(chunks(docs, page), after.written("search/d/"), "document chunks written");
    assertEquals(after.all("search/d/") - chunks(docs, page), after.kept("search/d/"));
    assertEquals(Set.of(page), made);

    docs.remove(added);
    Files undone = export(docs, Set.of(page), after);

    assertSameFiles(before, undone, "the section taken away again");
    assertEquals(chunks(docs, page), undone.written("search/d/"), "document chunks written");
    assertTermChunksWrittenUnder(undone, terms, 10);
  }

  /**
   * A build that exported an edit and then failed never recorded its state; when the edit is then
   * undone, the state it left must not stand for the pages, whose digests would be the edit's.
   */
  @Test
  void aStateOtherThanTheLastFinishedBuildsIsNotRead(@TempDir Path dir) throws Exception {
    site(dir);
    List<SearchDocument> docs = new ArrayList<>(Sections.of(catalog));
    Files before = export(docs, null, null);
    String finished = stateDigest;
    List<SearchDocument> edited = new ArrayList<>(docs);
    int at = firstDisclosureDocument(docs) + 2;
    edited.set(at, Edits.withText(docs.get(at), "鲸鱼潜艇的预算"));
    export(edited, Set.of(docs.get(at).page()), before);

    stateDigest = finished;
    Files after = export(docs, Set.of(), before);

    assertSameFiles(fresh(docs), after, "");
  }

  @Test
  void aRenamedDisclosureChangesTheLengthOfEveryTitleAndStillMatchesAFreshExport(@TempDir Path dir)
      throws Exception {
    site(dir);
    List<SearchDocument> docs = new ArrayList<>(Sections.of(catalog));
    Files before = export(docs, null, null);
    String page = docs.get(firstDisclosureDocument(docs) + 3).page();
    for (int i = 0; i < docs.size(); i++) {
      if (docs.get(i).url().startsWith(page + "#")) {
        docs.set(i, Edits.withTitle(docs.get(i), docs.get(i).title() + " 修订稿"));
      }
    }
    Files after = export(docs, Set.of(page), before);
    assertSameFiles(fresh(docs), after, "");
    assertTrue(after.kept > after.all("search/") / 2, "kept: " + after.kept);
  }

  @Test
  void aFileThePreviousOutputNoLongerHasAsWrittenIsMadeAgain(@TempDir Path dir) throws Exception {
    site(dir);
    List<SearchDocument> docs = new ArrayList<>(Sections.of(catalog));
    Files before = export(docs, null, null);
    Map<String, String> altered = new HashMap<>(before.files);
    altered.replaceAll((path, hash) -> path.hashCode() % 3 == 0 ? "0" + hash.substring(1) : hash);
    Files tampered = new Files(Map.of());
    tampered.files.putAll(altered);
    int at = firstDisclosureDocument(docs) + 1;
    docs.set(at, Edits.withText(docs.get(at), "鲸鱼潜艇"));
    Files after = export(docs, Set.of(docs.get(at).page()), tampered);
    assertSameFiles(fresh(docs), after, "");
  }

  /**
   * A chunk whose first term is gone may begin elsewhere, or join the chunk before it, as a fresh
   * export would: the bigrams here are each a chunk's first term held by one document only.
   */
  @Test
  void aChunkWhoseFirstTermIsGoneEndsAsInAFreshExport(@TempDir Path dir) throws Exception {
    site(dir);
    List<SearchDocument> docs = new ArrayList<>(Sections.of(catalog));
    Files previous = export(docs, null, null);
    int removed = 0;
    for (String start : ExportState.read(state, stateDigest).termStarts()) {
      if (start.length() != 2 || !start.chars().allMatch(Character::isIdeographic)) {
        continue;
      }
      List<Integer> holders = new ArrayList<>();
      for (int i = 0; i < docs.size(); i++) {
        SearchDocument d = docs.get(i);
        if ((d.title() + "|" + d.heading() + "|" + d.context() + "|" + d.text()).contains(start)) {
          holders.add(i);
        }
      }
      if (holders.size() != 1 || !docs.get(holders.get(0)).url().contains("#")) {
        continue;
      }
      SearchDocument d = docs.get(holders.get(0));
      if (!d.text().contains(start) || (d.title() + d.heading() + d.context()).contains(start)) {
        continue;
      }
      docs.set(holders.get(0), Edits.withText(d, d.text().replace(start, "。")));
      Files next = export(docs, Set.of(d.page()), previous);
      assertSameFiles(fresh(docs), next, "without " + start);
      previous = next;
      if (++removed == 6) {
        break;
      }
    }
    assertTrue(removed >= 3, "first terms removed: " + removed);
  }

  /**
   * Edits at random, each build starting from the last one's state: texts cut short or grown,
   * titles changed, documents added and removed. Small chunks make edits remove chunks' first terms
   * and move their boundaries.
   */
  @Test
  void everyEditInASeriesGivesTheFilesOfAFreshExport(@TempDir Path dir) throws Exception {
    site(dir);
    List<SearchDocument> docs = new ArrayList<>(Sections.of(catalog));
    Random random = new Random(7);
    Files previous = export(docs, null, null);
    int first = firstDisclosureDocument(docs);
    long kept = 0;
    for (int round = 0; round < 12; round++) {
      Set<String> changed = new TreeSet<>();
      for (int edit = 0; edit < 1 + random.nextInt(3); edit++) {
        int at = first + random.nextInt(docs.size() - first);
        SearchDocument d = docs.get(at);
        changed.add(d.page());
        String other = docs.get(first + random.nextInt(docs.size() - first)).text();
        switch (random.nextInt(5)) {
          case 0 -> docs.set(at, Edits.withText(d, d.text().substring(0, d.text().length() / 2)));
          case 1 ->
              docs.set(at, Edits.withText(d, d.text() + other.substring(0, other.length() / 3)));
          case 2 -> docs.set(at, Edits.withTitle(d, d.title() + round));
          case 3 -> Edits.insert(docs, at, "新增" + round, other);
          default -> {
            if (docs.get(at - 1).url().startsWith(d.page() + "#")) {
              docs.remove(at);
            }
          }
        }
      }
      Files next = export(docs, changed, previous);
      assertSameFiles(fresh(docs), next, "round " + round + ", edited " + changed);
      assertTrue(
          next.written("search/t/") < next.all("search/t/"),
          "round " + round + ": term chunks written " + next.written("search/t/"));
      kept += next.kept;
      previous = next;
    }
    assertTrue(kept > 0, "files kept over the rounds: " + kept);
  }
}
