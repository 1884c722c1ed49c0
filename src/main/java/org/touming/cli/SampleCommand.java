package org.touming.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.touming.sample.SampleGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "sample",
    mixinStandardHelpOptions = true,
    description = {"生成一个完整的合成站点（每个文件都标明为合成数据），形状取自真实公开文件，用于规模测试与基准。", "同样的 --seed 生成逐字节相同的文件。"})
final class SampleCommand implements Callable<Integer> {
  @Option(
      names = "--disclosures",
      paramLabel = "N",
      required = true,
      description = "公开文件数量（1 到 100000）")
  int disclosures;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "随机种子（默认 1）")
  long seed;

  @Option(names = "--into", paramLabel = "DIR", required = true, description = "输出目录；必须不存在或为空")
  Path into;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (disclosures < 1 || disclosures > 100_000) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--disclosures 应在 1 到 100000 之间：" + disclosures);
    }
    if (Files.exists(into) && !isEmptyDirectory(into)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "输出目录 " + into + " 已存在且不为空；请指定新目录");
    }
    long start = System.nanoTime();
    new SampleGenerator().write(disclosures, seed, into);
    spec.commandLine()
        .getOut()
        .printf(
            "已生成 %d 个合成公开文件于 %s（%d ms）%n",
            disclosures, into, (System.nanoTime() - start) / 1_000_000);
    return 0;
  }

  private static boolean isEmptyDirectory(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }
}
