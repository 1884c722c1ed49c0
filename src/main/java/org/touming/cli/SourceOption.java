package org.touming.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The site folder every command works on. */
final class SourceOption {
  @Option(
      names = {"-s", "--source"},
      paramLabel = "DIR",
      description = "站点目录（含 site-config.yml 与 content/），默认为当前目录")
  Path source = Path.of(".");

  Path root() {
    return source.toAbsolutePath().normalize();
  }
}
