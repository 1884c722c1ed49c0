package org.touming.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class OutOfMemoryNoticeTest {
  @Test
  void threadsThatFindOutTogetherPrintTheAdviceOnce() throws Exception {
    // The command and a worker that died of it both tell; the user reads it once.
    StringWriter text = new StringWriter();
    OutOfMemoryNotice notice =
        new OutOfMemoryNotice(new PrintWriter(text), false, "build", "--source", "site");
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  go.await();
                } catch (InterruptedException e) {
                  return;
                }
                notice.tell();
              });
      t.start();
      threads.add(t);
    }
    go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    notice.tell();
    List<String> lines = text.toString().lines().toList();
    assertEquals(1, lines.size(), text.toString());
    assertTrue(
        lines.get(0).startsWith("touming: 内存不足（Java 堆上限 ")
            && lines.get(0).endsWith("java -Xmx8g -jar touming.jar build --source site"),
        lines.get(0));
  }
}
