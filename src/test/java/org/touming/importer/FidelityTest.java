package org.touming.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The repository's content against the source documents kept beside it: at least 99.5% of the
 * source's numbers, every non-header table cell and every prose paragraph. The same measure is
 * applied to a fresh import of each source, so the importer itself is held to it.
 */
class FidelityTest {
  static Stream<Path> sources() throws IOException {
    try (Stream<Path> walk = Files.walk(Path.of("content"))) {
      List<Path> found =
          walk.filter(
                  p ->
                      p.toString().endsWith(".txt")
                          && p.getParent() != null
                          && p.getParent().getFileName().toString().equals("sources"))
              .sorted()
              .toList();
      assertEquals(4, found.size(), "the four seed documents are kept as sources");
      return found.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void contentHoldsItsSource(Path source) throws Exception {
    Path folder = source.getParent().getParent();
    String base = source.getFileName().toString().replaceFirst("\\.txt$", "");
    String text = SourceDecoder.decode(Files.readAllBytes(source)).orElseThrow().text();
    Fidelity f =
        Fidelity.measure(
            text,
            Files.readString(folder.resolve(base + ".yml")),
            Files.readString(folder.resolve(base + ".md")));
    System.out.println("fidelity (committed content) " + f.summary(source.toString()));
    assertFaithful(f);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sources")
  void freshImportHoldsItsSource(Path source) throws Exception {
    byte[] bytes = Files.readAllBytes(source);
    Document doc = new Importer().read(bytes).orElseThrow();
    assertEquals(List.of(), doc.unplaced(), "every source line placed");
    String text = new String(bytes, StandardCharsets.UTF_8);
    Fidelity f =
        Fidelity.measure(text, ImportedFiles.yaml(doc), MarkdownText.write(doc.narrative()));
    System.out.println("fidelity (fresh import) " + f.summary(source.toString()));
    assertFaithful(f);
  }

  private static void assertFaithful(Fidelity f) {
    assertTrue(f.coverage() >= 0.995, () -> String.format("number coverage %.4f", f.coverage()));
    assertEquals(List.of(), f.missingCells(), "table cells missing from the content");
    assertEquals(List.of(), f.missingParagraphs(), "paragraphs missing from the Markdown");
    assertTrue(f.cells() > 0 || f.paragraphs() > 0);
  }
}
