package org.touming.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileDigestsTest {
  private final FileDigests digests = new FileDigests();
  private final Path file = Path.of("content", "990101", "101", "2024-budget.yml");

  @Test
  void theSameBytesFromTheSameFileGiveTheirSha256Back() {
    byte[] bytes = "year: 2024\n".getBytes(UTF_8);
    String sha = digests.record(file, bytes);
    assertEquals(Sha256.hex(bytes), sha);
    assertEquals(Optional.of(sha), digests.sha256(file, bytes.clone()));
    assertEquals(
        Optional.of(sha),
        digests.sha256(Path.of("content/990101/../990101/101/2024-budget.yml"), bytes));
  }

  @Test
  void bytesEditedSinceOrAnotherFileAreNotKnown() {
    digests.record(file, "year: 2024\n".getBytes(UTF_8));
    assertTrue(digests.sha256(file, "year: 2025\n".getBytes(UTF_8)).isEmpty(), "same length");
    assertTrue(digests.sha256(file, "year: 2024\n\n".getBytes(UTF_8)).isEmpty(), "longer");
    assertTrue(
        digests
            .sha256(Path.of("content/990101/101/2023-budget.yml"), "year: 2024\n".getBytes(UTF_8))
            .isEmpty());
  }
}
