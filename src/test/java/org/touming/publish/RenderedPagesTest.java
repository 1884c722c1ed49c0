package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.touming.render.View;

class RenderedPagesTest {
  private final List<String> asked = new ArrayList<>();

  private Sink previousOutputHas(String path, String sha256) {
    return new Sink() {
      @Override
      public void write(String p, List<byte[]> parts) {
        throw new AssertionError("nothing is written");
      }

      @Override
      public boolean keep(String p, String sha) {
        asked.add(p);
        return p.equals(path) && sha.equals(sha256);
      }
    };
  }

  private static View.Page page(String title) {
    return new View.Page("a/index.html", "../", title, "", List.of(new View.Link("", "首页")));
  }

  @Test
  void aPageIsTakenOnlyWhenTemplatePageAndViewAreEqualAndTheOutputStillHasIt() throws Exception {
    RenderedPages pages = new RenderedPages();
    List<View.Link> view = List.of(new View.Link("x/", "某部门"));
    Sink out = previousOutputHas("a/index.html", "abc");
    assertFalse(pages.kept(out, "t.ftlh", page("甲"), view), "nothing rendered yet");

    pages.note("t.ftlh", page("甲"), view, "abc");
    assertTrue(pages.kept(out, "t.ftlh", page("甲"), List.of(new View.Link("x/", "某部门"))));
    assertFalse(pages.kept(out, "u.ftlh", page("甲"), view), "another template");
    assertFalse(pages.kept(out, "t.ftlh", page("乙"), view), "another title");
    assertFalse(
        pages.kept(out, "t.ftlh", page("甲"), List.of(new View.Link("x/", "另一部门"))), "another view");
    assertFalse(
        pages.kept(previousOutputHas("a/index.html", "changed"), "t.ftlh", page("甲"), view),
        "the output's file is not the one rendered");
  }
}
