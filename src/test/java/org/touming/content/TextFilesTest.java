package org.touming.content;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextFilesTest {
  private static Optional<String> decode(byte[] bytes, Diagnostics diagnostics) {
    return TextFiles.decode(bytes, "a.yml", diagnostics);
  }

  @Test
  void aReplacementCharacterTheAuthorWroteIsText() {
    Diagnostics diagnostics = new Diagnostics();
    String text = "title: 缺字\uFFFD的标题\n";
    assertEquals(Optional.of(text), decode(text.getBytes(UTF_8), diagnostics));
    assertEquals(List.of(), diagnostics.sorted());
  }

  @Test
  void aByteThatIsNotUtf8IsNamedWithItsLineEvenBesideAnAuthorsReplacementCharacter() {
    byte[] good = "a: \uFFFD\nb: 收入\n".getBytes(UTF_8);
    byte[] bytes = new byte[good.length + 1];
    System.arraycopy(good, 0, bytes, 0, good.length);
    bytes[good.length] = (byte) 0xC0;
    Diagnostics diagnostics = new Diagnostics();
    assertEquals(Optional.empty(), decode(bytes, diagnostics));
    String message = diagnostics.sorted().get(0).toString();
    assertTrue(message.contains("file.encoding") && message.contains("0xC0"), message);
    assertEquals(3, diagnostics.sorted().get(0).line(), message);
  }

  @Test
  void aByteOrderMarkIsDropped() {
    byte[] text = "a: 1\n".getBytes(UTF_8);
    byte[] bytes = new byte[text.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(text, 0, bytes, 3, text.length);
    assertEquals(Optional.of("a: 1\n"), decode(bytes, new Diagnostics()));
  }
}
