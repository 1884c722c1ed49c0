package org.touming.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.touming.check.Checker;
import org.touming.content.Diagnostic;

/** A copy of a fixture site in a temporary folder, edited one line at a time by a test. */
public final class FixtureSite {
  public static final String DISCLOSURE = "content/131003/260/2019-budget.yml";
  private final Path root;

  private FixtureSite(Path root) {
    this.root = root;
  }

  public static FixtureSite copy(String name, Path into) {
    try {
      Path source = Path.of(FixtureSite.class.getResource("/org/touming/fixtures/" + name).toURI());
      try (Stream<Path> walk = Files.walk(source)) {
        for (Path p : walk.toList()) {
          Path target = into.resolve(source.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(target);
          } else {
            Files.copy(p, target);
          }
        }
      }
      return new FixtureSite(into);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path root() {
    return root;
  }

  /**
   * Replaces the one occurrence of {@code find} in a file; fails the test if it is not there once.
   */
  public FixtureSite edit(String file, String find, String replace) {
    String text = read(file);
    int at = text.indexOf(find);
    assertEquals(at, text.lastIndexOf(find), "fixture text must occur once: " + find);
    if (at < 0) {
      throw new AssertionError("fixture text not found in " + file + ": " + find);
    }
    return write(file, text.substring(0, at) + replace + text.substring(at + find.length()));
  }

  public String read(String file) {
    try {
      return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public FixtureSite write(String file, String text) {
    return writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
  }

  public FixtureSite writeBytes(String file, byte[] bytes) {
    try {
      Path p = root.resolve(file);
      Files.createDirectories(p.getParent());
      Files.write(p, bytes);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public FixtureSite delete(String file) {
    try {
      Files.delete(root.resolve(file));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Diagnostic> check() {
    return new Checker().run(root).diagnostics().sorted();
  }
}
