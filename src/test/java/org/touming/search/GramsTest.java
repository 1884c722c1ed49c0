package org.touming.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GramsTest {
  @Test
  void pairsOfHanLoneCharactersAndFoldedLatinRuns() {
    assertArrayEquals(
        new String[] {"部门", "门预", "预算", "2024", "年", "abc12", "公"},
        Grams.of("部门预算 ２０２４年，ABC１2 ·公"));
  }

  @Test
  void onePassGivesWhatTheQueryRunsGive() {
    // The document side cuts in one pass, the query side run by run (QueryPlan): they must agree,
    // or a query would look for bigrams no document has.
    int[] alphabet = {
      '部', '门', '预', '算', '〇', 'a', 'Z', '7', 'Ａ', 'ｚ', '９', ' ', '，', '\n', '-', 'é', 0x20000,
      0x2A6D6, 0x1F600, 'ア', '한'
    };
    Random random = new Random(7);
    for (int round = 0; round < 5_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
      }
      assertArrayEquals(byRuns(text.toString()), Grams.of(text.toString()), text.toString());
    }
  }

  private static String[] byRuns(String text) {
    List<String> out = new ArrayList<>();
    for (Grams.Run run : Grams.runs(text)) {
      if (run.kind() != Grams.Kind.OTHER) {
        Grams.grams(run, out::add);
      }
    }
    return out.toArray(String[]::new);
  }
}
