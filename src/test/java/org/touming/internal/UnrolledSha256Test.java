package org.touming.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UnrolledSha256Test {
  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Test
  void theStandardsExamples() {
    // FIPS 180-4 examples (NIST's SHA256.pdf and SHA2_Additional.pdf).
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        hex(new UnrolledSha256().digest(new byte[0])));
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        hex(new UnrolledSha256().digest("abc".getBytes(US_ASCII))));
    assertEquals(
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        hex(
            new UnrolledSha256()
                .digest(
                    "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
                        .getBytes(US_ASCII))));
    MessageDigest million = new UnrolledSha256();
    byte[] a = new byte[1000];
    Arrays.fill(a, (byte) 'a');
    for (int i = 0; i < 1000; i++) {
      million.update(a);
    }
    assertEquals(
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", hex(million.digest()));
  }

  @Test
  void agreesWithTheJdksOverEveryLengthAroundTheBlocksAndAnyCutOfTheInput() throws Exception {
    Random random = new Random(7);
    MessageDigest ours = new UnrolledSha256();
    for (int length = 0; length < 1200; length += length < 300 ? 1 : 37) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      byte[] expected = MessageDigest.getInstance("SHA-256").digest(data);
      // In pieces of any size, single bytes among them; the digest is reused after each result.
      for (int at = 0; at < length; ) {
        int piece = Math.min(length - at, random.nextInt(3) == 0 ? 1 : random.nextInt(150));
        if (piece == 1 && random.nextBoolean()) {
          ours.update(data[at]);
        } else {
          ours.update(data, at, piece);
        }
        at += piece;
      }
      assertArrayEquals(expected, ours.digest(), "length " + length);
    }
  }

  @Test
  void resetForgetsWhatWasFed() {
    MessageDigest ours = new UnrolledSha256();
    ours.update("something else".getBytes(US_ASCII));
    ours.reset();
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        hex(ours.digest("abc".getBytes(US_ASCII))));
    assertEquals(32, ours.getDigestLength());
    assertEquals("SHA-256", ours.getAlgorithm());
  }
}
