package org.touming.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.touming.content.ContentLoader;
import org.touming.internal.Sha256;

/**
 * Runs a command in a second JVM started with the options a build wants, when whoever started Java
 * chose no JVM options of their own. A jar cannot name JVM options, and Java's defaults suit a
 * build badly:
 *
 * <ul>
 *   <li>G1 grows its heap towards a quarter of the machine to keep collection under 8% of the time,
 *       so the full build of the 5,000-disclosure sample peaked at 3.6 GB on a 24 GB machine while
 *       holding under 1 GB. The parallel collector, allowed a fifth of the time for collecting
 *       before the heap grows, built it within 1.2 to 2.9 GB: it sizes its young generation by how
 *       long collections take, which follows the machine's load, and grew it past a gigabyte for
 *       objects that live a moment. With the young generation held to 320 MB the same build peaked
 *       at 1.34 to 1.43 GB in six runs, no slower; what lives longer still grows the heap as far as
 *       a larger site needs. A site of under {@value #SMALL_SITE} disclosures gets a cap of {@value
 *       #SMALL_SITE_YOUNG_CAP_MB} MB: the pages of the 500-disclosure sample collected 28 times
 *       instead of 12, yet paused 0.28 s instead of 0.44 s, and the kernel had fewer fresh pages to
 *       clear: 0.2 s less wall time and 0.25 s less CPU (medians of six paired differences). What
 *       outlives one collection there mostly lives to the end (the loaded disclosures), so it goes
 *       to the old generation at the second ({@value #SMALL_SITE_TENURING}) instead of being copied
 *       from one survivor space to the other up to fifteen times: 0.34 s of pauses became 0.19 s,
 *       and the pages took 0.15 s less wall time and 0.26 s less CPU (medians of six paired
 *       differences, all six faster). At 5,000 disclosures it saved 11% and 18% of the pauses in
 *       two runs, within the noise of the whole build, so larger sites keep Java's threshold.
 *   <li>A build runs a great deal of code a few thousand times each (loading, checking, templates,
 *       tables), and Java's defaults send all of it to the optimizing compiler: on that sample it
 *       compiled 2,500 methods, many several times over, and took a quarter of the CPU of the pages
 *       alone. Ten times its thresholds keep it for the code that runs hottest (the analyser, the
 *       index writer, the YAML reader) and took about a tenth off the CPU of both the pages alone
 *       and the full build. A site of under {@value #SMALL_SITE} disclosures is built before even
 *       that pays back: on the 500-disclosure sample the compilers took 10.8 s of the 14 s of CPU,
 *       and with the quick compiler alone the pages took 7.0 s instead of 8.9 s (medians of five,
 *       interleaved); at 1,500 and 2,500 the two were level, at 5,000 the quick compiler alone was
 *       half as slow again. It gets one compiler thread instead of two: on two cores a second one
 *       only takes turns with the build's own two threads, and the 500 pages took 0.3 s less wall
 *       time and 0.5 s less CPU (medians of seven paired differences; level at 900 disclosures).
 *   <li>A site of {@value #SMALL_SITE} disclosures or more starts with a heap of {@value
 *       #HEAP_PER_DISCLOSURE_KB} KB a disclosure (at most half the heap's limit and 2 GB). A build
 *       holds every disclosure once loaded (the 5,000-disclosure sample, about 1 GB), and grown
 *       from Java's starting heap the heap went through four collections of the whole heap on the
 *       way: 7.9 to 8.3 s of pauses in builds after an edit that took 30.8 to 34.6 s (three runs),
 *       loading 10.0 to 11.0 s of them. Started at 1.5 to 2 GB, one such collection was left: 4.2
 *       to 5.4 s of pauses, loading 5.8 to 7.7 s, the builds 26.5 to 34.2 s (four runs, median 28.0
 *       s).
 *   <li>A build touches gigabytes of fresh heap, and faulting it in 4 KB pages was 6% of the CPU:
 *       where the kernel hands out transparent huge pages to a program that asks, the heap asks.
 *   <li>Where the user has a cache folder, the second JVM maps the classes it needs from an archive
 *       the first build left there rather than loading them from the jar ({@link ClassArchive}).
 * </ul>
 *
 * The first JVM waits for the second and exits with its code.
 */
final class Launcher {
  static final String LAUNCHED = "touming.launched";
  static final List<String> OPTIONS = List.of("-XX:+UseParallelGC", "-XX:GCTimeRatio=4");
  static final List<String> COMPILERS =
      List.of(
          "-XX:Tier4InvocationThreshold=50000",
          "-XX:Tier4MinInvocationThreshold=6000",
          "-XX:Tier4CompileThreshold=150000",
          "-XX:Tier4BackEdgeThreshold=400000");
  // The quick compiler never turns the JDK's SHA-256 into the processor's SHA instructions.
  static final List<String> QUICK_COMPILER_ONLY =
      List.of(
          "-XX:TieredStopAtLevel=1",
          "-XX:CICompilerCount=1",
          "-D" + Sha256.IMPLEMENTATION + "=unrolled");
  static final int SMALL_SITE = 1000;
  static final int HEAP_PER_DISCLOSURE_KB = 320;
  static final long INITIAL_HEAP_CAP = 2L << 30;
  // From this many disclosures the starting heap is at its cap, so counting stops there.
  static final int COUNT_UP_TO =
      (int)
          ((INITIAL_HEAP_CAP + HEAP_PER_DISCLOSURE_KB * 1024L - 1)
              / (HEAP_PER_DISCLOSURE_KB * 1024L));
  // Commands that read a site's content, where its size decides the compilers and starting heap.
  private static final Set<String> READ_SITE = Set.of("build", "check");
  private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");
  static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";
  static final long YOUNG_CAP_MB = 320;
  static final long SMALL_SITE_YOUNG_CAP_MB = 128;
  static final String SMALL_SITE_TENURING = "-XX:MaxTenuringThreshold=1";
  private static final Path HUGE_PAGES_SETTING =
      Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
  // Commands that run to an end, where throughput counts. serve and build --watch stay with G1 and
  // Java's compilers: a full collection of the parallel collector would stop a rebuild for a second
  // or more, and a rebuild's code, run a few times an edit, would wait long for optimized code
  // under the raised thresholds.
  private static final Set<String> BATCH = Set.of("build", "check", "import", "sample", "verify");
  private static final Set<String> WATCH = Set.of("-w", "--watch");

  private Launcher() {}

  /**
   * The second JVM's command line, or empty when this JVM runs the command itself: it was started
   * with options other than system properties (a heap, a collector, an agent, a debugger: the
   * user's own choice), it is the second JVM already, or the command is not one that runs to an end
   * (serve, build --watch, help).
   */
  static Optional<List<String>> command(
      Optional<String> java,
      List<String> jvmOptions,
      String classPath,
      long maxHeap,
      boolean hugePages,
      Supplier<OptionalInt> disclosures,
      Supplier<Optional<ClassArchive>> classArchive,
      String... args) {
    boolean own = jvmOptions.stream().anyMatch(o -> !o.startsWith("-D"));
    boolean launched = jvmOptions.stream().anyMatch(o -> o.startsWith("-D" + LAUNCHED + "="));
    if (java.isEmpty()
        || classPath.isEmpty()
        || own
        || launched
        || args.length == 0
        || !BATCH.contains(args[0])
        || Arrays.stream(args).anyMatch(WATCH::contains)) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(java.get());
    command.addAll(OPTIONS);
    OptionalInt count = disclosures.get();
    boolean small = count.isPresent() && count.getAsInt() < SMALL_SITE;
    if (small) {
      command.addAll(QUICK_COMPILER_ONLY);
      command.add(SMALL_SITE_TENURING);
    } else {
      command.addAll(COMPILERS);
      if (count.isPresent()) {
        long start =
            Math.min(
                count.getAsInt() * (HEAP_PER_DISCLOSURE_KB * 1024L),
                Math.min(maxHeap / 2, INITIAL_HEAP_CAP));
        command.add("-Xms" + start / (1024 * 1024) + "m");
      }
    }
    long youngCap = small ? SMALL_SITE_YOUNG_CAP_MB : YOUNG_CAP_MB;
    // The young generation is at most a third of the heap anyway; below that the cap would only
    // make the JVM warn that it exceeds the heap (a machine of under 4 GB).
    if (maxHeap > 3 * youngCap * 1024 * 1024) {
      command.add("-XX:MaxNewSize=" + youngCap + "m");
    }
    if (hugePages) {
      command.add(HUGE_PAGES);
    }
    Optional<ClassArchive> archive = classArchive.get();
    if (archive.isPresent()) {
      ClassArchive a = archive.get();
      if (a.ready()) {
        command.add(ClassArchive.USE + a.file());
        command.add(ClassArchive.QUIET);
      } else if (args[0].equals("build") && Arrays.stream(args).noneMatch(HELP::contains)) {
        // build loads the most classes: written from check, sample or a build's help, the archive
        // would lack the templates', the charts' and the index's.
        Optional<Path> pending = a.pending(ProcessHandle.current().pid());
        if (pending.isPresent()) {
          command.add(ClassArchive.DUMP + pending.get());
          command.add(ClassArchive.QUIET);
        }
      }
    }
    command.addAll(jvmOptions);
    command.add("-D" + LAUNCHED + "=true");
    command.add("-cp");
    command.add(classPath);
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return Optional.of(command);
  }

  /** The second JVM's command line for this JVM and these arguments, if one is wanted. */
  static Optional<List<String>> command(String... args) {
    if (Boolean.getBoolean(LAUNCHED)) {
      // The second JVM: asking for this JVM's command line and options cost it 20 ms.
      return Optional.empty();
    }
    return command(
        ProcessHandle.current().info().command(),
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
        System.getProperty("java.class.path", ""),
        // This JVM's heap limit is the second's: both are Java's default, a quarter of the machine.
        Runtime.getRuntime().maxMemory(),
        hugePages(HUGE_PAGES_SETTING),
        () -> READ_SITE.contains(args[0]) ? disclosures(source(args)) : OptionalInt.empty(),
        // Located only for a second JVM: it hashes the class path's names, sizes and times.
        () -> ClassArchive.locate(System.getProperty("java.class.path", "")),
        args);
  }

  /** The site folder the arguments name ({@code -s}/{@code --source}), or the current one. */
  static Path source(String... args) {
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if ((a.equals("-s") || a.equals("--source")) && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      } else if (a.startsWith("--source=")) {
        return Path.of(a.substring("--source=".length()));
      } else if (a.startsWith("-s=")) {
        return Path.of(a.substring("-s=".length()));
      } else if (a.startsWith("-s") && a.length() > 2) {
        return Path.of(a.substring(2));
      }
    }
    return Path.of(".");
  }

  /**
   * How many disclosures the site holds (YAML files in its content other than departments and
   * regions), counted up to {@link #COUNT_UP_TO}; empty when its content cannot be read, which gets
   * the options of a large site of unknown size.
   */
  static OptionalInt disclosures(Path site) {
    Path content = site.resolve(ContentLoader.CONTENT);
    Path regions = site.resolve(ContentLoader.REGIONS);
    if (!Files.isDirectory(content)) {
      return OptionalInt.empty();
    }
    // From the real folder: walked through a link, a content folder would count as one file.
    try (Stream<Path> walk = Files.walk(content.toRealPath())) {
      long found =
          walk.filter(
                  p -> {
                    String name = p.getFileName().toString();
                    return name.endsWith(".yml")
                        && !name.equals(ContentLoader.DEPARTMENT)
                        && !name.equals(regions.getFileName().toString());
                  })
              .limit(COUNT_UP_TO)
              .count();
      return OptionalInt.of((int) found);
    } catch (IOException | RuntimeException e) {
      return OptionalInt.empty();
    }
  }

  /**
   * Whether the kernel gives huge pages to a program that asks ({@code [always]} or {@code
   * [madvise]} chosen in its setting). Asked where it says {@code [never]}, or where there is no
   * such setting, the JVM would print a warning on every build.
   */
  static boolean hugePages(Path setting) {
    try {
      String chosen = Files.readString(setting, StandardCharsets.US_ASCII);
      return chosen.contains("[always]") || chosen.contains("[madvise]");
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Runs the second JVM on this one's terminal and streams and returns its exit code; empty when it
   * could not be started (the command then runs here).
   */
  static Optional<Integer> run(List<String> command) {
    Process child;
    try {
      child = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    // Ctrl-C reaches both JVMs; a TERM sent to this one alone is passed on. Either way this one
    // waits, so that the second's last words come before the shell's prompt.
    Thread stop =
        new Thread(
            () -> {
              child.destroy();
              try {
                child.waitFor(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "touming-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    while (true) {
      try {
        int code = child.waitFor();
        ClassArchive.settle(command, code);
        try {
          Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
          // already stopping: the hook has waited for the child
        }
        return Optional.of(code);
      } catch (InterruptedException e) {
        // keep waiting: the child decides when the command is over
      }
    }
  }
}
