package org.touming.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.touming.internal.OutOfMemory;

/**
 * Tells the user once that the heap ran out, from whichever thread finds out first: the command's,
 * or a worker that died of it. Everything it writes is made before the work starts.
 */
final class OutOfMemoryNotice {
  private final PrintWriter err;
  private final String text;
  private final byte[] encoded;
  // Standard error itself, in a process of its own: writing bytes there allocates nothing, while a
  // writer encodes through buffers it allocates, which failed while the heap was still full.
  private final FileOutputStream raw;
  private boolean told;

  OutOfMemoryNotice(PrintWriter err, boolean ownProcess, String... args) {
    this.err = err;
    this.text = "touming: " + OutOfMemory.advice(String.join(" ", args));
    this.encoded = (text + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
    this.raw = ownProcess ? new FileOutputStream(FileDescriptor.err) : null;
  }

  /** Prints the advice unless it was printed already; a second caller waits for the first. */
  synchronized void tell() {
    if (told) {
      return;
    }
    told = true;
    if (raw == null) {
      err.println(text);
      err.flush();
      return;
    }
    try {
      err.flush();
    } catch (OutOfMemoryError e) {
      // what the writer held back is lost either way
    }
    try {
      raw.write(encoded);
    } catch (IOException e) {
      // standard error is closed: the exit code still says what happened
    }
  }
}
