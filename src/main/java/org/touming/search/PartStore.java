package org.touming.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.util.Version;
import org.touming.internal.Folders;
import org.touming.internal.Sha256;
import org.touming.internal.ToolVersion;

/**
 * The index of every batch of documents, kept between builds (in {@code .touming/}) under the
 * digest of the batch's documents: after an edit only the batch holding the edited disclosure's
 * documents is cut and indexed again, and the rest are joined as they are. A folder only gets its
 * digest's name once its index is complete; one another Touming made is never taken.
 */
public final class PartStore {
  private final Path folder;
  private final boolean take;
  private final Runnable beforeCutting;
  private final String salt;
  private final Set<String> used = ConcurrentHashMap.newKeySet();
  private final AtomicInteger reused = new AtomicInteger();
  private final AtomicInteger made = new AtomicInteger();

  /**
   * How many batches are cut before what earlier builds cut is read: at 5,000 disclosures reading
   * it (90 MB) took longer than cutting the one batch an edit changes (a build after an edit's
   * search stage took 3.0 s without it, 3.5-5.2 s with it).
   */
  static final int CUT_UNAIDED = 2;

  private int cut;
  private Set<String> rehearsed = Set.of();

  /**
   * Parts kept in {@code folder}, taken when {@code take} (else every batch is made again and kept
   * for the next build); {@code beforeCutting} runs once, before the batch past the first {@link
   * #CUT_UNAIDED} that are not taken is cut (to read what earlier builds cut only when it is worth
   * it).
   */
  public PartStore(Path folder, boolean take, Runnable beforeCutting) {
    this.folder = folder;
    this.take = take;
    this.beforeCutting = beforeCutting;
    this.salt = "touming-part 3 lucene " + Version.LATEST + " tool " + ToolVersion.id();
  }

  /**
   * Makes a batch holding one of these pages (by address) again even where its index is kept, and
   * then keeps the one it had: a rehearsal's ({@code SiteBuild.rehearse}), which indexes what an
   * edit would index without changing a document. Returns this store.
   */
  public PartStore rehearsing(Set<String> pages) {
    this.rehearsed = Set.copyOf(pages);
    return this;
  }

  /** Whether the batch is made again for a rehearsal ({@link #rehearsing}). */
  boolean rehearses(List<SearchPage> batch) {
    return !rehearsed.isEmpty() && batch.stream().anyMatch(p -> rehearsed.contains(p.url()));
  }

  /** The key of a batch: its pages' addresses, document counts and digests. */
  String key(List<SearchPage> batch) {
    StringBuilder sb = new StringBuilder(salt);
    for (SearchPage p : batch) {
      sb.append('\n').append(p.url()).append(' ').append(p.count()).append(' ').append(p.digest());
    }
    return Sha256.hex(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The kept index of the batch with this key, or null. */
  Path find(String key) {
    Path p = folder.resolve(key);
    if (take && Files.isDirectory(p)) {
      used.add(key);
      reused.incrementAndGet();
      return p;
    }
    return null;
  }

  /** A new folder to index a batch into, for {@link #keep}. */
  Path fresh() throws IOException {
    synchronized (this) {
      if (++cut == CUT_UNAIDED + 1) {
        beforeCutting.run();
      }
    }
    Files.createDirectories(folder);
    return Files.createTempDirectory(folder, ".new-");
  }

  /** Gives a finished batch index its key's name; returns where it now is. */
  Path keep(Path built, String key) throws IOException {
    Path p = folder.resolve(key);
    used.add(key);
    made.incrementAndGet();
    try {
      Files.move(built, p, StandardCopyOption.ATOMIC_MOVE);
      return p;
    } catch (IOException e) {
      if (Files.isDirectory(p)) { // the same batch twice in one build
        Folders.deleteQuietly(built);
        return p;
      }
      throw e;
    }
  }

  /** Deletes every kept index this build did not use, and any left unfinished. */
  public void prune() {
    if (!Files.isDirectory(folder)) {
      return;
    }
    try (Stream<Path> list = Files.list(folder)) {
      for (Path p : list.toList()) {
        if (!used.contains(p.getFileName().toString())) {
          Folders.deleteQuietly(p);
        }
      }
    } catch (IOException e) {
      // A leftover part only takes room; the next build prunes again.
    }
  }

  /** How many batches this build took as they were kept. */
  public int reused() {
    return reused.get();
  }

  /** How many batches this build cut and indexed. */
  public int made() {
    return made.get();
  }
}
