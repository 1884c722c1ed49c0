package org.touming.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordStoreTest {
  private static final List<String> texts = new ArrayList<>();

  @TempDir Path dir;

  @BeforeAll
  static void texts() {
    for (SearchDocument d : Sections.of(SearchIndexTest.catalog(Path.of("").toAbsolutePath()))) {
      texts.add(d.heading());
      texts.add(d.text());
    }
  }

  private static List<List<String>> cut(Analysis analysis) {
    List<List<String>> out = new ArrayList<>();
    for (String t : texts) {
      out.add(Arrays.asList(analysis.words(t)));
    }
    return out;
  }

  @Test
  void clausesReadBackGiveTheSameWordsWithoutCuttingAgain() {
    Analysis first = new Analysis(false);
    List<List<String>> expected = cut(first);
    assertTrue(first.cut() > 1000, "clauses cut: " + first.cut());
    Path file = dir.resolve("words");
    WordStore.write(file, first.clauses());

    Analysis second = new Analysis(false);
    second.remember(WordStore.read(file));
    assertEquals(expected, cut(second));
    assertEquals(0, second.cut(), "every clause came from the file");
    assertEquals(first.clauses().size(), second.clauses().size());

    second.words("这是一个从未出现过的句子：鲸鱼潜艇采购。");
    assertEquals(2, second.cut(), "each new clause is cut");
    second.words("这是一个从未出现过的句子：海豚潜艇采购。");
    assertEquals(3, second.cut(), "of a sentence half met before, only the new clause is cut");
  }

  @Test
  void aDamagedOrForeignFileIsNotRead() throws IOException {
    Analysis first = new Analysis(false);
    cut(first);
    Path file = dir.resolve("words");
    WordStore.write(file, first.clauses());
    byte[] bytes = Files.readAllBytes(file);

    Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
    assertEquals(Map.of(), WordStore.read(file), "truncated");
    byte[] foreign = bytes.clone();
    foreign[25] ^= 1; // in the header, within the Lucene version
    Files.write(file, foreign);
    assertEquals(Map.of(), WordStore.read(file), "another header");
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    Files.write(file, longer);
    assertEquals(Map.of(), WordStore.read(file), "trailing bytes");
    assertEquals(Map.of(), WordStore.read(dir.resolve("missing")));

    Analysis fresh = new Analysis(false);
    fresh.remember(WordStore.read(file));
    assertEquals(cut(first), cut(fresh));
    assertEquals(first.clauses().size(), fresh.cut(), "everything cut again");
  }

  @Test
  void aFolderThatCannotBeWrittenLosesOnlyTheStore() throws IOException {
    Path blocked = dir.resolve("file");
    Files.writeString(blocked, "not a folder");
    WordStore.write(blocked.resolve("words"), Map.of("句子。", new String[] {"句子", "。"}));
    assertEquals(Map.of(), WordStore.read(blocked.resolve("words")));
  }
}
