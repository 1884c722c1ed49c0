package org.touming.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class VarintsTest {
  @Test
  void valuesAreLeb128AsTheBrowserReadsThem() {
    Varints v = new Varints().add(0).add(127).add(128).add(300).add(Long.MAX_VALUE).addByte(0xFE);
    byte[] expected = {
      0,
      0x7F,
      (byte) 0x80,
      0x01,
      (byte) 0xAC,
      0x02, // 0, 127, 128, 300
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      0x7F, // 2^63 - 1: nine bytes
      (byte) 0xFE
    };
    assertArrayEquals(expected, v.bytes());
    assertEquals(expected.length, v.size());
    assertEquals(Base64.getEncoder().encodeToString(expected), v.base64());
  }

  @Test
  void growsPastItsFirstArrayWithoutLosingAByte() {
    Varints v = new Varints();
    byte[] block = new byte[1000];
    for (int i = 0; i < block.length; i++) {
      block[i] = (byte) i;
    }
    for (int i = 0; i < 5000; i++) {
      v.add(i);
    }
    for (byte b : block) {
      v.addByte(b);
    }
    byte[] all = v.bytes();
    assertEquals(128 + (5000 - 128) * 2 + 1000, all.length);
    assertEquals(all.length, v.size());
    assertEquals((byte) 0x87, all[all.length - 1000 - 2]); // 4999 = 0x87 0x27
    assertEquals(0x27, all[all.length - 1000 - 1]);
    for (int i = 0; i < block.length; i++) {
      assertEquals(block[i], all[all.length - 1000 + i]);
    }
  }
}
