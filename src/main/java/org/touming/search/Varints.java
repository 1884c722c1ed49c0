package org.touming.search;

import java.util.Arrays;
import java.util.Base64;

/**
 * Unsigned LEB128 varints, as assets/search.js reads them back. A plain growing array: the export
 * writes a byte or more for every posting of the site, and ByteArrayOutputStream takes a lock for
 * each (a fifth of the export's time).
 */
final class Varints {
  private byte[] bytes = new byte[256];
  private int size;

  Varints add(long value) {
    room(10);
    while ((value & ~0x7FL) != 0) {
      bytes[size++] = (byte) ((value & 0x7F) | 0x80);
      value >>>= 7;
    }
    bytes[size++] = (byte) value;
    return this;
  }

  Varints addByte(int b) {
    room(1);
    bytes[size++] = (byte) b;
    return this;
  }

  private void room(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  int size() {
    return size;
  }

  byte[] bytes() {
    return Arrays.copyOf(bytes, size);
  }

  String base64() {
    return Base64.getEncoder().encodeToString(bytes());
  }
}
