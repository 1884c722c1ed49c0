import java.io.OutputStream;
import java.io.PrintWriter;
import org.touming.cli.Main;

/**
 * Builds a site's pages alone (as bench/run does) again and again in one JVM, each time into a new
 * folder, and prints each build's wall time in milliseconds, one a line. Run from the source file
 * with Touming's jar on the class path: {@code java -cp touming.jar bench/Repeat.java SITE OUTPUT
 * RUNS}. Every build does the whole work again (nothing is read back from an earlier build); what
 * the JVM keeps from one to the next is its loaded classes and compiled code.
 */
public class Repeat {
  public static void main(String[] args) {
    String site = args[0];
    String output = args[1];
    int runs = Integer.parseInt(args[2]);
    PrintWriter quiet = new PrintWriter(OutputStream.nullOutputStream(), true);
    for (int i = 1; i <= runs; i++) {
      long start = System.nanoTime();
      int code =
          Main.execute(
              quiet,
              quiet,
              "build",
              "--source",
              site,
              "--full",
              "--no-search",
              "--output",
              output + "/" + i);
      long ms = (System.nanoTime() - start) / 1_000_000;
      if (code != 0) {
        System.err.println("build " + i + " exited with " + code);
        System.exit(code);
      }
      System.out.println(ms);
    }
  }
}
