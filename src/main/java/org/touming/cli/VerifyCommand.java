package org.touming.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.touming.publish.Manifest;
import org.touming.publish.Output;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {"按 SHA256SUMS 核对一份站点副本（镜像、存档），列出缺少、多出或被改动的每个文件。", "退出码：0 完全一致；1 有差异。"})
final class VerifyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "站点输出目录（含 SHA256SUMS）")
  Path dir;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    var out = spec.commandLine().getOut();
    if (!Files.isRegularFile(dir.resolve(Output.MANIFEST))) {
      out.println(dir + "：没有 " + Output.MANIFEST + "，无法核对");
      out.flush();
      return Main.CONTENT_ERRORS;
    }
    Manifest.Report r = Manifest.verify(dir);
    r.malformed().forEach(m -> out.println("格式错误 " + m));
    r.missing().forEach(m -> out.println("缺少 " + m));
    r.extra().forEach(m -> out.println("多出 " + m));
    r.changed().forEach(m -> out.println("改动 " + m));
    out.println(
        r.ok()
            ? "一致：所有文件与 " + Output.MANIFEST + " 相符"
            : "不一致：缺少 "
                + r.missing().size()
                + "，多出 "
                + r.extra().size()
                + "，改动 "
                + r.changed().size());
    out.flush();
    return r.ok() ? 0 : Main.CONTENT_ERRORS;
  }
}
