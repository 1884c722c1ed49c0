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
      Path folder = dir.resolve("cache-" + root.getFileName());
      List<Loaded<Disclosure>> checked = run(root, Cache.in(folder, true));
      List<Loaded<Disclosure>> restored = Collections.synchronizedList(new ArrayList<>());
      Cache again = Cache.in(folder, true);
      Checker.Result result = new Checker().run(root, restored::add, again);
      restored.sort(Comparator.comparing(Loaded::file));
      assertEquals(checked.size(), restored.size());
      assertTrue(checked.size() > 3);
      for (int i = 0; i < checked.size(); i++) {
        Loaded<Disclosure> a = checked.get(i);
        Loaded<Disclosure> b = restored.get(i);
        assertEquals(a.file(), b.file());
        assertEquals(a.tree(), b.tree(), a.file()); // decimals compared with their scale
        assertEquals(a.value(), b.value(), a.file());
        assertTrue(
            a.sourceMap().has("/year") && !b.sourceMap().has("/year"), "read back, not parsed");
      }
      assertEquals(new Checker().run(root).diagnostics().sorted(), result.diagnostics().sorted());
      try (var files = Files.list(folder)) {
        List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
        assertEquals(3, names.size(), names.toString());
        assertEquals(List.of("index.json", "lock"), names.subList(0, 2));
        assertTrue(names.get(2).startsWith("pack-"), "one pack for all entries: " + names);
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
