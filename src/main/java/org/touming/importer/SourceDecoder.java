package org.touming.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.touming.internal.Encodings;

/**
 * Decodes a source document in whatever Chinese Windows tools saved it as: UTF-8 with or without
 * BOM, UTF-16 (LE or BE), or GB18030 (which includes GBK).
 */
final class SourceDecoder {
  record Decoded(String text, String encoding) {}

  private SourceDecoder() {}

  static Optional<Decoded> decode(byte[] bytes) {
    Optional<Charset> utf16 = Encodings.utf16(bytes);
    if (utf16.isPresent()) {
      return Encodings.decode(bytes, 0, utf16.get())
          .map(t -> new Decoded(t.replace("\uFEFF", ""), utf16.get().name()));
    }
    int offset = Encodings.hasBom(bytes, StandardCharsets.UTF_8) ? 3 : 0;
    Optional<String> utf8 = Encodings.decode(bytes, offset, StandardCharsets.UTF_8);
    if (utf8.isPresent()) {
      return Optional.of(new Decoded(utf8.get(), offset == 3 ? "UTF-8 (BOM)" : "UTF-8"));
    }
    Optional<Decoded> gb =
        Encodings.decode(bytes, 0, Encodings.GB18030).map(t -> new Decoded(t, "GB18030"));
    if (gb.isPresent()) {
      return gb;
    }
    // UTF-16 without a BOM and without a single ASCII character to give it away.
    return Encodings.decode(bytes, 0, StandardCharsets.UTF_16LE)
        .map(t -> new Decoded(t, "UTF-16LE"));
  }
}
