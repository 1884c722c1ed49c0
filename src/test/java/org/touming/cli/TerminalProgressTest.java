package org.touming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
  private static final String CLEAR = "\r\033[K";

  @Test
  void oneLineWithStageCountAndTimeLeftRewrittenAtMostFiveTimesASecond()
      throws InterruptedException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TerminalProgress p = new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    p.update("载入与检查", 5, 10);
    p.update("载入与检查", 6, 10); // within 200 ms of the last line: not shown
    p.update("载入与检查", 10, 10); // the end of a stage is always shown
    p.update("搜索索引", 1024, 0); // a new stage, still within 200 ms: not shown
    Thread.sleep(250);
    p.update("搜索索引", 2048, 0); // a count without a total
    p.finish();
    assertEquals(
        CLEAR + "载入与检查 5/10 · 约剩 0 秒" + CLEAR + "载入与检查 10/10" + CLEAR + "搜索索引 2048" + CLEAR,
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void nothingShownNothingCleared() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8)).finish();
    assertEquals("", bytes.toString(StandardCharsets.UTF_8));
  }
}
