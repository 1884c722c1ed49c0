package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import nu.validator.xml.SystemErrErrorHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.sample.SampleGenerator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Every page of a built site passes the Nu HTML Checker with no error. */
class HtmlValidityTest {
  private static final class Errors implements ErrorHandler {
    final List<String> found = new ArrayList<>();
    Path current;

    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) {
      found.add(
          current + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
    }

    @Override
    public void fatalError(SAXParseException e) {
      error(e);
    }
  }

  @Test
  void everyPageOfTheBundledAndASampleSiteIsValid(@TempDir Path dir) throws Exception {
    Path real = BuiltSite.build(Path.of("").toAbsolutePath(), dir.resolve("real"));
    new SampleGenerator().write(25, 4, dir.resolve("sample-site"));
    Path sample = BuiltSite.build(dir.resolve("sample-site"), dir.resolve("sample"));
    Errors errors = new Errors();
    SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, true);
    validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", new SystemErrErrorHandler());
    validator.setUpValidatorAndParsers(errors, false, false);
    // The checker must see errors where there are some, or this test proves nothing.
    Path broken = dir.resolve("broken.html");
    java.nio.file.Files.writeString(
        broken,
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><title>x</title></head><body><table><tr><td>1</td></tr><p></body></html>");
    errors.current = broken;
    validator.checkHtmlFile(broken.toFile(), true);
    assertTrue(!errors.found.isEmpty(), "the validator reports a broken page");
    errors.found.clear();
    int pages = 0;
    for (Path root : List.of(real, sample)) {
      for (Path page : BuiltSite.files(root, ".html")) {
        errors.current = root.relativize(page);
        validator.checkHtmlFile(page.toFile(), true);
        pages++;
      }
    }
    assertTrue(pages > 40, "pages checked: " + pages);
    assertEquals(List.of(), errors.found);
  }
}
