package org.touming.cli;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.touming.serve.Serve;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "在本机预览站点：构建到临时目录，监视内容、主题与配置，只重建修改影响到的部分，并自动刷新已打开的浏览器。",
      "构建错误同时显示在页面和终端中。只监听 127.0.0.1。"
    })
final class ServeCommand implements Callable<Integer> {
  @Mixin SourceOption source;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "端口（默认 8080；0 表示任选空闲端口）")
  int port;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Serve started;
    try {
      started = new Serve(source.root(), port, spec.commandLine().getOut());
    } catch (BindException e) {
      spec.commandLine()
          .getErr()
          .println("touming serve: 端口 " + port + " 已被占用；用 --port 指定另一个端口，或用 --port 0 任选空闲端口");
      return 2;
    } catch (IOException e) {
      spec.commandLine()
          .getErr()
          .println(
              "touming serve: 无法启动预览（临时目录 "
                  + System.getProperty("java.io.tmpdir")
                  + "）："
                  + (e instanceof NoSuchFileException ? "路径不存在 " : "")
                  + e.getMessage());
      return Main.IO_ERROR;
    }
    try (Serve serve = started) {
      serve.start();
      // Ctrl+C ends the JVM without leaving the try block: the hook removes the preview folder.
      Runtime.getRuntime().addShutdownHook(new Thread(serve::closeQuietly));
      new CountDownLatch(1).await();
    }
    return 0;
  }
}
