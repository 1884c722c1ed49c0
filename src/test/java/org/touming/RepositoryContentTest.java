package org.touming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.touming.check.Checker;
import org.touming.content.Diagnostic;
import org.touming.content.Severity;

/** The repository is itself a site; its real content must load without errors. */
class RepositoryContentTest {
  @Test
  void bundledContentHasNoErrors() {
    Checker.Result result = new Checker().run(Path.of("").toAbsolutePath());
    List<String> errors =
        result.diagnostics().sorted().stream()
            .filter(d -> d.severity() == Severity.ERROR)
            .map(Diagnostic::format)
            .toList();
    assertEquals(List.of(), errors);
    assertEquals(result.site().orElseThrow().disclosures().size(), result.disclosures());
  }
}
