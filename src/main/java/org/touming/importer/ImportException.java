package org.touming.importer;

/** An import that cannot go on, with a message that says what to pass or fix. */
public final class ImportException extends Exception {
  public ImportException(String message) {
    super(message);
  }
}
