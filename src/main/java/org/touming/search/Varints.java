package org.touming.search;

import java.io.ByteArrayOutputStream;
import java.util.Base64;

/** Unsigned LEB128 varints, as assets/search.js reads them back. */
final class Varints {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  Varints add(long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
    return this;
  }

  Varints addByte(int b) {
    out.write(b & 0xFF);
    return this;
  }

  Varints addAll(byte[] bytes) {
    out.write(bytes, 0, bytes.length);
    return this;
  }

  int size() {
    return out.size();
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  String base64() {
    return Base64.getEncoder().encodeToString(out.toByteArray());
  }
}
