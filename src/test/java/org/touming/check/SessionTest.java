package org.touming.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.content.ContentLoader;
import org.touming.content.Diagnostic;
import org.touming.content.Diagnostics;
import org.touming.sample.SampleGenerator;

/** serve's session re-checks one file and its department's years; the result is a fresh check's. */
class SessionTest {
  private static final String EDITED = "content/990101/101/2018-budget.yml";

  @Test
  void afterAnEditTheDiagnosticsAreThoseOfAFreshCheck(@TempDir Path root) throws Exception {
    new SampleGenerator().write(40, 3, root);
    ContentLoader loader = new ContentLoader();
    Session session = Session.open(loader, root, new Diagnostics()).orElseThrow();
    List<Diagnostic> before = session.diagnostics();

    Path file = root.resolve(EDITED);
    String yaml = Files.readString(file);
    String total = "expenditure:\n  total: 16128.8\n";
    assertTrue(yaml.contains(total), "the sample still has the figure this test edits");
    Files.writeString(file, yaml.replace(total, "expenditure:\n  total: 26128.8\n"));
    assertTrue(session.update(EDITED));

    List<Diagnostic> after = session.diagnostics();
    assertNotEquals(before, after);
    assertTrue(
        after.stream()
            .anyMatch(
                d ->
                    d.file().equals("content/990101/101/2019-budget.yml")
                        && d.rule().equals("change.previous-year")),
        "the next year's stated change no longer matches: " + after);
    assertEquals(Session.open(loader, root, new Diagnostics()).orElseThrow().diagnostics(), after);
  }
}
