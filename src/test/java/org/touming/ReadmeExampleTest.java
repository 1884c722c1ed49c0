package org.touming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.check.Checker;
import org.touming.content.Diagnostic;

/** The README's complete example is a site that checks clean, so the documentation cannot rot. */
class ReadmeExampleTest {
  @Test
  void exampleSiteChecksClean(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher m = Pattern.compile("```(yaml|markdown)\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(2));
    }
    assertEquals(5, blocks.size(), "regions, department, disclosure, narrative, site-config");
    Path dept = dir.resolve("content/131003/912");
    Files.createDirectories(dept.resolve("sources"));
    Files.writeString(dir.resolve("content/regions.yml"), blocks.get(0));
    Files.writeString(dept.resolve("department.yml"), blocks.get(1));
    Files.writeString(dept.resolve("2019-budget.yml"), blocks.get(2));
    Files.writeString(dept.resolve("2019-budget.md"), blocks.get(3));
    Files.writeString(dir.resolve("site-config.yml"), blocks.get(4));
    Files.writeString(dept.resolve("sources/2019-budget.txt"), "source");
    List<String> found =
        new Checker().run(dir).diagnostics().sorted().stream().map(Diagnostic::format).toList();
    assertEquals(List.of(), found);
  }
}
