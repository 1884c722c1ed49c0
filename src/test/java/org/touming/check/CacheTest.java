package org.touming.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.content.Disclosure;
import org.touming.content.Loaded;
import org.touming.sample.SampleGenerator;

/** A disclosure read back from the cache is the disclosure the loader made, value for value. */
class CacheTest {
  @Test
  void whatIsReadBackEqualsWhatWasChecked(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site");
    new SampleGenerator().write(25, 4, site);
    // The repository's real disclosures too: 元 documents, placeholders, source documents.
    Path real = Path.of("").toAbsolutePath();
    for (Path root : List.of(site, real)) {
      Cache cache = Cache.in(dir.resolve("cache-" + root.getFileName()), true);
      List<Loaded<Disclosure>> checked = run(root, cache);
      Checker.Result again;
      List<Loaded<Disclosure>> restored = Collections.synchronizedList(new ArrayList<>());
      again = new Checker().run(root, restored::add, cache);
      restored.sort(Comparator.comparing(Loaded::file));
      assertEquals(checked.size(), restored.size());
      assertTrue(checked.size() > 3);
      for (int i = 0; i < checked.size(); i++) {
        Loaded<Disclosure> a = checked.get(i);
        Loaded<Disclosure> b = restored.get(i);
        assertEquals(a.file(), b.file());
        assertEquals(a.tree(), b.tree(), a.file()); // decimals compared with their scale
        assertEquals(a.value(), b.value(), a.file());
      }
      assertEquals(new Checker().run(root).diagnostics().sorted(), again.diagnostics().sorted());
      try (var entries = Files.list(dir.resolve("cache-" + root.getFileName()))) {
        assertEquals(checked.size(), entries.count(), "one entry per disclosure");
      }
    }
  }

  private static List<Loaded<Disclosure>> run(Path root, Cache cache) {
    List<Loaded<Disclosure>> loaded = Collections.synchronizedList(new ArrayList<>());
    new Checker().run(root, loaded::add, cache);
    loaded.sort(Comparator.comparing(Loaded::file));
    return loaded;
  }
}
