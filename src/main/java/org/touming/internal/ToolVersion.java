package org.touming.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fingerprint of the running Touming: the SHA-256 of its jar (or of its class folder when run
 * from a build tree). Whatever a build cached is only reused by the very same code, templates and
 * schemas that made it.
 */
public final class ToolVersion {
  private static volatile String id;

  private ToolVersion() {}

  public static String id() {
    String known = id;
    if (known == null) {
      known = compute();
      id = known;
    }
    return known;
  }

  private static String compute() {
    try {
      Path code =
          Path.of(ToolVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      MessageDigest digest = Sha256.digest();
      List<Path> files;
      if (Files.isDirectory(code)) {
        try (Stream<Path> walk = Files.walk(code)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
      } else {
        files = List.of(code);
      }
      for (Path f : files) {
        digest.update(code.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
        Sha256.update(digest, f);
      }
      return Sha256.hex(digest);
    } catch (IOException | URISyntaxException | RuntimeException e) {
      // Unknown code: nothing cached can be trusted to match it.
      return "unknown-" + System.nanoTime();
    }
  }
}
