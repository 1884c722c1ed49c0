package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.touming.internal.Sha256;

class ManifestTextTest {
  @Test
  void aManifestMadeFromTheLastOneEqualsOneMadeAfresh() {
    Random random = new Random(3);
    Map<String, String> files = new HashMap<>();
    for (int i = 0; i < 500; i++) {
      files.put(path(random), hash(random));
    }
    ManifestText last = ManifestText.of(Map.copyOf(files), null);
    for (int round = 0; round < 200; round++) {
      String some =
          files.keySet().stream().sorted().skip(random.nextInt(files.size())).findFirst().get();
      switch (random.nextInt(4)) {
        case 0 -> files.put(some, hash(random)); // a file changed
        case 1 -> files.remove(some);
        case 2 -> files.put(path(random), hash(random)); // a file added
        default -> {} // nothing changed
      }
      Map<String, String> now = Map.copyOf(files);
      ManifestText made = ManifestText.of(now, last);
      assertArrayEquals(ManifestText.of(now, null).bytes(), made.bytes(), "round " + round);
      assertArrayEquals(text(now), made.bytes(), "round " + round);
      last = made;
    }
  }

  private static byte[] text(Map<String, String> files) {
    StringBuilder sb = new StringBuilder();
    files.keySet().stream()
        .sorted()
        .forEach(p -> sb.append(files.get(p)).append("  ").append(p).append('\n'));
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String path(Random random) {
    return "部门/" + random.nextInt(40) + "/页-" + random.nextInt(1000) + ".html";
  }

  private static String hash(Random random) {
    return Sha256.hex(Integer.toString(random.nextInt()).getBytes(StandardCharsets.UTF_8));
  }
}
