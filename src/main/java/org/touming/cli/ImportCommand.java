package org.touming.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.touming.check.Checker;
import org.touming.content.ContentLoader;
import org.touming.content.Diagnostic;
import org.touming.content.Diagnostics;
import org.touming.content.Kind;
import org.touming.content.Severity;
import org.touming.content.Site;
import org.touming.importer.ImportException;
import org.touming.importer.Importer;
import org.touming.importer.Imports;
import org.touming.importer.Target;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "导入 Word 文件的纯文本导出（UTF-8、UTF-16 或 GB18030/GBK），写成 YAML + Markdown 内容，",
      "并把原文保存在内容旁的 sources/ 中。地区、部门、年度与类型从文件内容推断；选项优先。",
      "不会覆盖已有的公开文件，除非给出 --force。每个未能归入模型的原文行都会列出。"
    })
final class ImportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "要导入的文本文件")
  List<Path> files;

  @Mixin SourceOption source;

  @Option(
      names = "--into",
      paramLabel = "CONTENT_DIR",
      description = "站点的 content/ 目录（默认：站点目录下的 content/）")
  Path into;

  @Option(names = "--region", paramLabel = "CODE", description = "行政区划代码（六位）")
  String region;

  @Option(names = "--department", paramLabel = "CODE", description = "预算单位编码")
  String department;

  @Option(names = "--year", paramLabel = "YYYY", description = "年度")
  Integer year;

  @Option(names = "--kind", paramLabel = "KIND", description = "budget（预算）或 final（决算）")
  Kind kind;

  @Option(names = "--force", description = "覆盖已有的公开文件")
  boolean force;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    long start = System.nanoTime();
    PrintWriter out = spec.commandLine().getOut();
    Path root = source.root();
    if (into != null) {
      Path content = into.toAbsolutePath().normalize();
      if (!content.getFileName().toString().equals(ContentLoader.CONTENT)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--into 应指向站点的 content/ 目录：" + into);
      }
      root = content.getParent();
    }
    if (year != null && (year < 1990 || year > 2100)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--year 应在 1990 到 2100 之间：" + year);
    }
    Importer importer = new Importer();
    ContentLoader loader = new ContentLoader();
    List<String> written = new ArrayList<>();
    boolean failed = false;
    for (Path file : files) {
      Diagnostics loading = new Diagnostics();
      Optional<Site> site = loader.loadSite(root, loading);
      if (site.isEmpty()) {
        loading.sorted().forEach(d -> out.println(d.format()));
        return Main.CONTENT_ERRORS;
      }
      try {
        Imports.Result result =
            Imports.run(
                importer,
                site.get(),
                file,
                new Imports.Flags(region, department, year, kind),
                force);
        Target t = result.target();
        out.printf(
            "%s → %s/%s.yml（%s %s，%s %s %s，%s；%s）%n",
            file,
            t.folder(),
            t.base(),
            t.region().code(),
            t.region().name(),
            t.department().code(),
            t.department().name(),
            t.how(),
            t.year() + "年" + t.kind().label(),
            result.document().encoding());
        result.written().forEach(w -> out.println("  写入 " + w));
        out.println("  读入 " + Imports.summary(result.document()));
        for (var u : result.document().unplaced()) {
          out.printf(
              "  %s:%d: 未能归入（%s）：%s%n",
              file.getFileName(), u.line(), u.why(), u.text().replace('\n', ' '));
        }
        written.addAll(result.written());
      } catch (ImportException e) {
        out.println("touming import: " + e.getMessage());
        failed = true;
      }
      out.flush();
    }
    if (!written.isEmpty()) {
      List<Diagnostic> found =
          new Checker()
              .run(root).diagnostics().sorted().stream()
                  .filter(d -> written.contains(d.file()))
                  .toList();
      found.forEach(d -> out.println(d.format()));
      long errors = found.stream().filter(d -> d.severity() == Severity.ERROR).count();
      out.printf(
          "导入的内容：%d 个错误，%d 个警告（%d ms）%n",
          errors, found.size() - errors, (System.nanoTime() - start) / 1_000_000);
      failed |= errors > 0;
    }
    out.flush();
    return failed ? Main.CONTENT_ERRORS : 0;
  }
}
