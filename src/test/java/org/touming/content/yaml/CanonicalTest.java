package org.touming.content.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class CanonicalTest {
  @Test
  void equalStringsGiveOneInstanceOnEveryThreadWhateverElseWasMetBetween() throws Exception {
    String first = Canonical.of(new String("财政拨款"));
    // Enough other strings to pass through every slot of a thread's recent ones several times.
    List<String> others = new ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      others.add(Canonical.of("key-" + i));
    }
    assertSame(first, Canonical.of(new String("财政拨款")));
    assertSame(first, ForkJoinPool.commonPool().submit(() -> Canonical.of("财政拨" + "款")).get());
    for (int i = 0; i < others.size(); i += 997) {
      assertEquals("key-" + i, others.get(i));
      assertSame(others.get(i), Canonical.of(new String("key-" + i)));
    }
    assertNull(Canonical.of(null));
  }

  @Test
  void longTextIsNotKept() {
    String text = "本部门2019年预算收入5176.58万元，比上年增加393.11万元。";
    String copy = new String(text);
    assertSame(copy, Canonical.ofShort(copy));
  }
}
