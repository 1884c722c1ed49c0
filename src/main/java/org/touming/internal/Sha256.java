package org.touming.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lowercase hex: the manifest's checksums and the build cache's keys. */
public final class Sha256 {
  /**
   * The system property the launcher sets to {@code unrolled} where it runs a build with the quick
   * compiler only, under which {@link UnrolledSha256} is the faster.
   */
  public static final String IMPLEMENTATION = "touming.sha256";

  private static final boolean UNROLLED = "unrolled".equals(System.getProperty(IMPLEMENTATION, ""));

  private Sha256() {}

  public static MessageDigest digest() {
    if (UNROLLED) {
      return new UnrolledSha256();
    }
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every Java has SHA-256
    }
  }

  /** The SHA-256 of the bytes. */
  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  /** The hex of a finished digest. */
  public static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }

  public static String file(Path file) throws IOException {
    MessageDigest digest = digest();
    update(digest, file);
    return hex(digest);
  }

  /** Feeds a file's bytes to a digest, 64 KB at a time. */
  public static void update(MessageDigest digest, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
  }
}
