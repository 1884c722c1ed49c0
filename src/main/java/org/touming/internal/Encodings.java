package org.touming.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Recognises the encodings Chinese Windows tools save text in. */
public final class Encodings {
  public static final Charset GB18030 = Charset.forName("GB18030");

  private Encodings() {}

  /** UTF-16 by its byte order mark, or by the zero bytes of mostly-ASCII UTF-16 text. */
  public static Optional<Charset> utf16(byte[] b) {
    if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    // Without a BOM: the zero high bytes of ASCII characters (digits, tabs, newlines), which even
    // a text that is mostly Chinese has, fall mostly on one side (a CJK character such as 一,
    // U+4E00, puts a few on the other). UTF-8 and GB18030 text have no zero bytes at all.
    int n = Math.min(b.length, 8192) & ~1;
    int evenZero = 0;
    int oddZero = 0;
    for (int i = 0; i < n; i += 2) {
      evenZero += b[i] == 0 ? 1 : 0;
      oddZero += b[i + 1] == 0 ? 1 : 0;
    }
    int enough = 2;
    if (oddZero >= enough && evenZero * 3 <= oddZero) {
      return Optional.of(StandardCharsets.UTF_16LE);
    }
    if (evenZero >= enough && oddZero * 3 <= evenZero) {
      return Optional.of(StandardCharsets.UTF_16BE);
    }
    return Optional.empty();
  }

  public static boolean hasBom(byte[] b, Charset charset) {
    if (charset.equals(StandardCharsets.UTF_8)) {
      return b.length >= 3
          && (b[0] & 0xff) == 0xEF
          && (b[1] & 0xff) == 0xBB
          && (b[2] & 0xff) == 0xBF;
    }
    return b.length >= 2 && ((b[0] & 0xff) == 0xFF || (b[0] & 0xff) == 0xFE);
  }

  /** Strict decoding: empty when the bytes are not valid in that charset. */
  public static Optional<String> decode(byte[] bytes, int offset, Charset charset) {
    try {
      return Optional.of(
          charset
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
