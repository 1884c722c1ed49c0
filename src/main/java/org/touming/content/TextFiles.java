package org.touming.content;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.touming.internal.Encodings;

/** Reads content files as UTF-8 and, when they are not, says which encoding they look like. */
public final class TextFiles {
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private TextFiles() {}

  public static Optional<String> readUtf8(Path file, String rel, Diagnostics diagnostics) {
    byte[] bytes;
    try {
      if (Files.size(file) > MAX_BYTES) {
        diagnostics.error(rel, Mark.START, "file.too-large", "文件超过 64 MB，无法作为内容读取");
        return Optional.empty();
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      diagnostics.error(rel, Mark.START, "file.unreadable", "无法读取文件：" + e.getMessage());
      return Optional.empty();
    }
    return decode(bytes, rel, diagnostics);
  }

  static Optional<String> decode(byte[] bytes, String rel, Diagnostics diagnostics) {
    int offset = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      offset = 3; // a UTF-8 BOM, as Windows editors write it
    }
    var utf16 = Encodings.utf16(bytes);
    if (utf16.isPresent()) {
      diagnostics.error(
          rel,
          Mark.START,
          "file.encoding",
          "文件不是 UTF-8 编码，看起来是 "
              + utf16.get().name()
              + (Encodings.hasBom(bytes, utf16.get()) ? "（带 BOM）" : "")
              + "；请另存为 UTF-8");
      return Optional.empty();
    }
    try {
      // Decoding replaces what is not UTF-8 with U+FFFD; only a text that has one needs the strict
      // decoder to tell a replaced byte from a U+FFFD the author wrote.
      String text = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
      if (text.indexOf('\uFFFD') >= 0) {
        text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                .toString();
      }
      if (text.indexOf('\0') >= 0) {
        diagnostics.error(
            rel, markOf(text, text.indexOf('\0')), "file.encoding", "文件含有 NUL 字符，不是文本文件");
        return Optional.empty();
      }
      return Optional.of(text);
    } catch (CharacterCodingException e) {
      int bad = firstInvalidUtf8(bytes, offset);
      Mark mark = lineOf(bytes, bad);
      String guess =
          Encodings.decode(bytes, offset, Encodings.GB18030).isPresent()
              ? "GB18030/GBK（中文 Windows 常用编码）"
              : "未知编码";
      diagnostics.error(
          rel,
          mark,
          "file.encoding",
          "文件不是 UTF-8 编码（第 "
              + mark.line()
              + " 行有无效字节 0x"
              + String.format("%02X", bytes[bad] & 0xff)
              + "），看起来是 "
              + guess
              + "；请另存为 UTF-8");
      return Optional.empty();
    }
  }

  private static int firstInvalidUtf8(byte[] b, int from) {
    int i = from;
    while (i < b.length) {
      int c = b[i] & 0xff;
      int n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
      if (n < 0) {
        return i;
      }
      for (int k = 1; k <= n; k++) {
        if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
          return i;
        }
      }
      i += n + 1;
    }
    return Math.max(from, b.length - 1);
  }

  private static Mark lineOf(byte[] b, int index) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < index && i < b.length; i++) {
      if (b[i] == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Mark(line, index - lineStart + 1);
  }

  private static Mark markOf(String text, int index) {
    int line = 1;
    int start = 0;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        start = i + 1;
      }
    }
    return new Mark(line, index - start + 1);
  }
}
