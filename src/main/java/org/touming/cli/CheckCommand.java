package org.touming.cli;

import java.util.concurrent.Callable;
import org.touming.check.Checker;
import org.touming.content.Severity;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "载入并检查全部内容：YAML 格式、字段与类型、引用、重复，以及公开数字是否自洽。",
      "退出码：0 无错误；1 有错误（--strict 时警告也算）；2 用法错误。"
    })
final class CheckCommand implements Callable<Integer> {
  @Mixin SourceOption source;

  @Option(names = "--strict", description = "把警告当作错误（退出码 1）")
  boolean strict;

  @Option(names = "--format", paramLabel = "FORMAT", description = "输出格式：text（默认）或 json")
  DiagnosticPrinter.Format format = DiagnosticPrinter.Format.text;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Checker.Result result = new Checker().run(source.root());
    long errors = result.diagnostics().count(Severity.ERROR);
    long warnings = result.diagnostics().count(Severity.WARNING);
    DiagnosticPrinter.print(
        result.diagnostics().sorted(),
        errors,
        warnings,
        result.disclosures(),
        format,
        spec.commandLine().getOut());
    return errors > 0 || (strict && warnings > 0) ? Main.CONTENT_ERRORS : 0;
  }
}
