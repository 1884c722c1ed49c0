package org.touming.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PartsDigestTest {
  @Test
  void equalsTheDigestOfTheJoinedPartsAfterEveryKindOfChange() {
    Random random = new Random(7);
    PartsDigest digest = new PartsDigest();
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      parts.add(bytes(random, 1 + random.nextInt(200_000)));
    }
    assertEquals(joined(parts), digest.of(parts));
    for (int round = 0; round < 60; round++) {
      int at = random.nextInt(parts.size());
      switch (random.nextInt(6)) {
        case 0 -> parts.set(at, bytes(random, 1 + random.nextInt(200_000)));
        case 1 -> parts.set(at, parts.get(at).clone()); // the same bytes in a new array
        case 2 -> parts.add(at, bytes(random, random.nextInt(3_000)));
        case 3 -> parts.remove(at);
        case 4 -> parts.set(at, parts.set(parts.size() - 1 - at, parts.get(at)));
        default -> {} // nothing changed
      }
      if (parts.isEmpty()) {
        parts.add(bytes(random, 10));
      }
      assertEquals(joined(parts), digest.of(new ArrayList<>(parts)), "round " + round);
    }
  }

  @Test
  void anEmptyFileAndOneOfEmptyParts() {
    PartsDigest digest = new PartsDigest();
    assertEquals(joined(List.of()), digest.of(List.of()));
    assertEquals(joined(List.of()), digest.of(List.of(new byte[0], new byte[0])));
    assertEquals(joined(List.of(new byte[] {1})), digest.of(List.of(new byte[0], new byte[] {1})));
  }

  private static byte[] bytes(Random random, int length) {
    byte[] b = new byte[length];
    random.nextBytes(b);
    return b;
  }

  private static String joined(List<byte[]> parts) {
    var d = Sha256.digest();
    parts.forEach(d::update);
    return Sha256.hex(d);
  }
}
