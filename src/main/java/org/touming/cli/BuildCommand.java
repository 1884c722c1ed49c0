package org.touming.cli;

import java.util.concurrent.Callable;
import org.touming.check.Checker;
import org.touming.content.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = {"构建站点。当前版本完成载入与检查两个阶段；有错误时不生成任何输出（退出码 1）。"})
final class BuildCommand implements Callable<Integer> {
  @Mixin SourceOption source;

  @Option(names = "--strict", description = "把警告当作错误")
  boolean strict;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    long start = System.nanoTime();
    Checker.Result result = new Checker().run(source.root());
    long errors = result.diagnostics().count(Severity.ERROR);
    long warnings = result.diagnostics().count(Severity.WARNING);
    var out = spec.commandLine().getOut();
    DiagnosticPrinter.print(
        result.diagnostics().sorted(),
        errors,
        warnings,
        result.disclosures(),
        DiagnosticPrinter.Format.text,
        out);
    if (errors > 0 || (strict && warnings > 0)) {
      out.println("构建中止：内容有错误");
      out.flush();
      return Main.CONTENT_ERRORS;
    }
    result
        .site()
        .ifPresent(
            site ->
                out.printf(
                    "载入：%d 个行政区划，%d 个部门，%d 个公开文件（%d ms）%n",
                    site.regions().size(),
                    site.departments().size(),
                    result.disclosures(),
                    (System.nanoTime() - start) / 1_000_000));
    out.flush();
    return 0;
  }
}
