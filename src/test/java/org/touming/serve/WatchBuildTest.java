package org.touming.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.publish.BuiltSite;
import org.touming.publish.SiteBuild;

/**
 * build --watch: an edit reaches the output on its own, the output is then a full build's, an error
 * leaves it as it was and says so, and a fix brings the edit in.
 */
class WatchBuildTest {
  private static void awaitBuilds(WatchBuild watch, int count) throws InterruptedException {
    for (int i = 0; i < 400 && watch.builds() < count; i++) {
      Thread.sleep(50);
    }
    assertTrue(watch.builds() >= count, "built " + watch.builds() + " times, not " + count);
  }

  @Test
  void editsErrorsAndFixesReachTheOutput(@TempDir Path dir) throws Exception {
    Path root = dir.resolve("site");
    Path out = dir.resolve("out");
    Path edited = ServeTest.sampleWithTotal(root);
    String yaml = Files.readString(edited);
    String before = ServeTest.TOTAL;
    StringWriter log = new StringWriter();
    try (WatchBuild watch =
        new WatchBuild(root, out, false, new SiteBuild(), new PrintWriter(log, true))) {
      assertTrue(watch.start().written());

      Files.writeString(edited, yaml.replace(before, "expenditure:\n  total: 26128.8\n"));
      awaitBuilds(watch, 2);
      assertTrue(log.toString().contains("已更新 " + out), log.toString());
      assertSameAsFullBuild(root, out, dir.resolve("full-1"));
      String manifest = Files.readString(out.resolve("SHA256SUMS"));

      Files.writeString(edited, yaml.replace(before, "expenditure:\n  total: [26128.8]\n"));
      awaitBuilds(watch, 3);
      assertTrue(log.toString().contains("未更新输出：内容有错误"), log.toString());
      assertTrue(log.toString().contains("content/990101/101/2018-budget.yml:"), log.toString());
      assertTrue(manifest.equals(Files.readString(out.resolve("SHA256SUMS"))), "output untouched");

      Files.writeString(edited, yaml.replace(before, "expenditure:\n  total: 36128.8\n"));
      awaitBuilds(watch, 4);
      assertSameAsFullBuild(root, out, dir.resolve("full-2"));
    }
  }

  private static void assertSameAsFullBuild(Path root, Path out, Path fresh) throws Exception {
    assertTrue(new SiteBuild().full(true).run(root, fresh, false).written());
    BuiltSite.assertSameFiles(fresh, out);
  }
}
