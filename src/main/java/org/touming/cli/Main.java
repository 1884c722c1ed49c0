package org.touming.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.touming.internal.OutOfMemory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar touming.jar COMMAND}. Exit codes: 0 ok, 1 content errors, 2 wrong usage. */
@Command(
    name = "touming",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "透明 Touming: 部门预算/决算信息公开 → 静态开放数据网站",
    subcommands = {
      CheckCommand.class,
      BuildCommand.class,
      ImportCommand.class,
      VerifyCommand.class,
      ServeCommand.class,
      SampleCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int CONTENT_ERRORS = 1;
  public static final int USAGE = 2;
  public static final int INTERNAL = 70;

  /** The system refused: a folder that cannot be created or written, a port that cannot be used. */
  public static final int IO_ERROR = 74;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "缺少命令：check、build、import 或 sample");
  }

  // Set by main: a process of its own, which a thread that dies of an uncaught error ends.
  private static volatile boolean ownProcess;

  /** Ends the process, even when running its shutdown hooks runs out of memory. */
  private static void exit(int code) {
    try {
      System.exit(code);
    } catch (Throwable e) {
      Runtime.getRuntime().halt(code);
    }
  }

  public static void main(String[] args) {
    ownProcess = true;
    Optional<Integer> second = Launcher.command(args).flatMap(Launcher::run);
    System.exit(second.isPresent() ? second.get() : execute(args));
  }

  public static int execute(String... args) {
    return execute(
        new PrintWriter(System.out, true, UTF_8), new PrintWriter(System.err, true, UTF_8), args);
  }

  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    if (Boolean.getBoolean("touming.debug")) {
      err.println("touming: " + jvm());
    }
    OutOfMemoryNotice outOfMemory = new OutOfMemoryNotice(err, ownProcess, args);
    // Loaded now: the fork/join pool initializes this class only when a task fails, and if that
    // failure is running out of memory, the class can never load and the real cause is lost.
    try {
      Class.forName("java.util.concurrent.ForkJoinTask$Aux");
    } catch (ClassNotFoundException e) {
      // Another JDK: nothing to prepare.
    }
    // A worker thread that runs out of memory would otherwise print a Java stack trace of its own.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> {
          try {
            if (OutOfMemory.causes(e)) {
              outOfMemory.tell();
            } else {
              err.println("touming: 内部错误（" + thread.getName() + "）：" + e);
              err.flush();
            }
          } catch (OutOfMemoryError whileSaying) {
            outOfMemory.tell();
          } finally {
            if (ownProcess) {
              // The command may be waiting for what the thread was to do, and would wait for good:
              // a fork/join worker that died of it left a task never done. A build's staging
              // folder is moved aside as on Ctrl-C.
              exit(INTERNAL);
            }
          }
        });
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (OutOfMemory.causes(e)) {
            // Several threads ran out at once and one error came back wrapped in another.
            outOfMemory.tell();
            return INTERNAL;
          }
          commandLine.getErr().println("touming: 内部错误：" + e);
          if (Boolean.getBoolean("touming.debug")) {
            e.printStackTrace(commandLine.getErr());
          }
          return INTERNAL;
        });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      // Not a bug in the content: say what to do instead of printing a Java stack trace.
      outOfMemory.tell();
      return INTERNAL;
    } catch (StackOverflowError e) {
      err.println("touming: 内部错误：调用栈溢出；请报告此问题");
      err.flush();
      return INTERNAL;
    }
  }

  /** The collector and heap limit this JVM runs with (for {@code -Dtouming.debug=true}). */
  private static String jvm() {
    List<String> collectors = new ArrayList<>();
    ManagementFactory.getGarbageCollectorMXBeans().forEach(b -> collectors.add(b.getName()));
    return "Java "
        + System.getProperty("java.version")
        + "，收集器 "
        + String.join("、", collectors)
        + "，堆上限 "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024)
        + " MB"
        + ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(o -> o.startsWith(ClassArchive.USE) || o.startsWith(ClassArchive.DUMP))
            .map(o -> o.startsWith(ClassArchive.USE) ? "，类从归档映射" : "，退出时写类归档")
            .findFirst()
            .orElse("");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"touming " + (v == null ? "dev" : v)};
    }
  }
}
