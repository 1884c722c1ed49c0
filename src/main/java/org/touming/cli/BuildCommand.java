package org.touming.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.touming.content.Severity;
import org.touming.internal.ToolVersion;
import org.touming.publish.Progress;
import org.touming.publish.SiteBuild;
import org.touming.serve.WatchBuild;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {
      "构建站点：检查内容，生成全部页面、开放数据、订阅与 SHA256SUMS，完成后整体替换输出目录。",
      "内容有错误时不写任何输出（退出码 1）；构建中途失败时，原有输出保持不变。",
      "--watch：构建后继续监视修改，在同一进程中再次构建，只更新输出中改动的文件。"
    })
final class BuildCommand implements Callable<Integer> {
  @Mixin SourceOption source;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      description = "输出目录（默认取 site-config.yml 的 output，即 public/）")
  Path output;

  @Option(names = "--strict", description = "把警告当作错误")
  boolean strict;

  @Option(names = "--no-search", description = "不生成搜索索引（用于单独衡量页面生成；搜索页将无法使用）")
  boolean noSearch;

  @Option(names = "--full", description = "全部重新构建：不读回 .touming/ 中上次构建留下的检查结果，也不沿用上次输出中未改动的部分")
  boolean full;

  @Option(
      names = {"-w", "--watch"},
      description = "构建后不退出：监视内容、主题与配置，每次修改后在同一进程中再次构建，只更新输出中改动的文件（Ctrl+C 退出）")
  boolean watch;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    long start = System.nanoTime();
    ToolVersion.prepare();
    Progress progress = TerminalProgress.forTerminal();
    SiteBuild build = new SiteBuild().progress(progress).search(!noSearch).full(full);
    var out = spec.commandLine().getOut();
    if (watch) {
      return watch(build, progress, start, out);
    }
    SiteBuild.Result result = build.deleteInBackground(true).run(source.root(), output, strict);
    return report(result, progress, start, out);
  }

  private Integer watch(SiteBuild build, Progress progress, long start, PrintWriter out)
      throws IOException, InterruptedException {
    WatchBuild watching = new WatchBuild(source.root(), output, strict, build, out);
    // Ctrl+C ends the JVM without returning from here: the hook waits for the build under way and
    // for its state to be saved, so that the next build finds it.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(watching)));
    synchronized (out) {
      report(watching.start(), progress, start, out);
      out.println("监视内容、主题与配置：每次修改后再次构建并更新输出（Ctrl+C 退出）");
      out.flush();
    }
    new CountDownLatch(1).await();
    return 0;
  }

  private static void closeQuietly(WatchBuild watching) {
    try {
      watching.close();
    } catch (IOException | RuntimeException e) {
      // Shutting down: at worst the next build is a full one.
    }
  }

  private static int report(
      SiteBuild.Result result, Progress progress, long start, PrintWriter out) {
    if (progress instanceof TerminalProgress terminal) {
      terminal.finish();
    }
    long errors = result.diagnostics().count(Severity.ERROR);
    long warnings = result.diagnostics().count(Severity.WARNING);
    DiagnosticPrinter.print(
        result.diagnostics().sorted(),
        errors,
        warnings,
        result.disclosures(),
        DiagnosticPrinter.Format.text,
        out);
    if (!result.written()) {
      out.println("构建中止：" + (errors > 0 ? "内容有错误" : "有警告（--strict）") + "，未写任何输出");
      out.flush();
      return Main.CONTENT_ERRORS;
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (result.upToDate()) {
      out.printf("输出已是最新：自上次构建以来内容、主题与配置都未改动，%s 保持原样（%d ms）%n", result.output(), millis);
      out.flush();
      return 0;
    }
    out.printf(
        "已生成 %d 个页面、%d 个文件到 %s（%d ms）%n", result.pages(), result.files(), result.output(), millis);
    if (result.reused() > 0) {
      out.printf("其中 %d 个文件未受改动影响，取自上次的输出%n", result.reused());
    }
    out.println(result.stagesLine());
    out.flush();
    return 0;
  }
}
