package org.touming.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.NIOFSDirectory;

/**
 * A directory that takes a file copied into it from another folder on the same disk as a hard link:
 * Lucene never changes a file once written, and joining a city's batch indexes copied hundreds of
 * megabytes on every build. Copies where the file system has no links. Nothing is forced to disk:
 * the joined index lives in a temporary folder for one build, and syncing its thousand files was
 * most of the time a join took after an edit.
 */
final class LinkedCopies extends NIOFSDirectory {
  LinkedCopies(Path folder) throws IOException {
    super(folder);
  }

  @Override
  public void copyFrom(Directory from, String source, String dest, IOContext context)
      throws IOException {
    if (FilterDirectory.unwrap(from) instanceof FSDirectory fs) {
      try {
        Files.createLink(getDirectory().resolve(dest), fs.getDirectory().resolve(source));
        return;
      } catch (UnsupportedOperationException | IOException e) {
        // no links here: copied below
      }
    }
    super.copyFrom(from, source, dest, context);
  }

  @Override
  public void sync(Collection<String> names) {}

  @Override
  public void syncMetaData() {}
}
