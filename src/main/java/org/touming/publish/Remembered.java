package org.touming.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.touming.internal.FileStamp;
import org.touming.internal.Sha256;

/**
 * What a build that runs again in the same process ({@code build --watch}) keeps of its last run,
 * each part with the stamp of the file it stands for: the state it saved, the manifest it wrote,
 * and the checksum of each file everything depends on. A part whose file is no longer as stamped is
 * read from disk again. It also keeps the writer of the last run that finished, whose series, table
 * rows and cut clauses the next run takes over ({@link SiteWriter#takeOver}).
 */
final class Remembered {
  private record Hashed(FileStamp stamp, String sha256) {}

  private record State(Path file, FileStamp stamp, BuildState state) {}

  private record Manifest(Path file, FileStamp stamp, ManifestText text, String sha256) {}

  private final Map<Path, Hashed> hashed = new ConcurrentHashMap<>();
  private volatile State state;
  private volatile Manifest manifest;

  private record Writer(SiteWriter writer, String global) {}

  private volatile Writer writer;

  /**
   * The SHA-256 of a source file, hashed again only when its stamp is not one to trust ({@link
   * FileStamp#trusted}).
   */
  String sha256(Path file) throws IOException {
    FileStamp now = FileStamp.of(file);
    Hashed h = hashed.get(file);
    if (h != null && h.stamp().trusted(now)) {
      return h.sha256();
    }
    String sha256 = Sha256.file(file);
    hashed.put(file, new Hashed(now, sha256));
    return sha256;
  }

  /** The state saved in {@code file}: the one kept, while the file is the one it was saved to. */
  BuildState state(Path file) {
    State s = state;
    if (s != null && s.file().equals(file) && s.stamp().same(FileStamp.of(file))) {
      return s.state();
    }
    return BuildState.read(file);
  }

  /** The checksum of an output's manifest, as {@link BuildState#manifestOf}. */
  String manifestOf(Path output) {
    Manifest m = kept(output);
    return m != null ? m.sha256() : BuildState.manifestOf(output);
  }

  /**
   * The checksum of every file listed by the manifest of {@code output} that this process wrote
   * with {@code state}, by path, not to be changed: exactly the files that state recorded. Null
   * when that is not the manifest kept.
   */
  Map<String, String> manifest(Path output, BuildState state) {
    ManifestText text = manifestText(output, state);
    return text == null ? null : text.hashes();
  }

  /** The text of the manifest {@link #manifest} gives the checksums of, when it was kept. */
  ManifestText manifestText(Path output, BuildState state) {
    Manifest m = kept(output);
    State s = this.state;
    return m == null || s == null || s.state() != state ? null : m.text();
  }

  private Manifest kept(Path output) {
    Manifest m = manifest;
    Path file = output.resolve(Output.MANIFEST);
    return m != null && m.file().equals(file) && m.stamp().same(FileStamp.of(file)) ? m : null;
  }

  /**
   * The writer of the last run that finished, if everything every page depends on is as it was then
   * ({@code global}, {@link BuildState#global}); forgotten once taken, so that a run that fails
   * leaves nothing for the next to take over.
   */
  SiteWriter takeWriter(String global) {
    Writer w = writer;
    writer = null;
    return w != null && w.global().equals(global) ? w.writer() : null;
  }

  /** Keeps the writer of a run that finished, with the digest of what every page depended on. */
  void keepWriter(SiteWriter finished, String global) {
    writer = new Writer(finished, global);
  }

  /**
   * Keeps what a run left: the state it saved to {@code stateFile} (null when it could not be
   * saved) and the manifest it wrote in {@code output}.
   */
  void keep(Path stateFile, BuildState saved, Path output, ManifestText text) {
    state = saved == null ? null : new State(stateFile, FileStamp.of(stateFile), saved);
    Path file = output.resolve(Output.MANIFEST);
    manifest = saved == null ? null : new Manifest(file, FileStamp.of(file), text, saved.manifest);
  }
}
