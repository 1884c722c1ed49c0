package org.touming.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates read view records as the default wrapper let them: as properties and as methods. */
class RecordWrapperTest {
  private static String render(String template, Object model) throws Exception {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_33);
    cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
    cfg.setNumberFormat("computer");
    cfg.setObjectWrapper(new RecordWrapper(Configuration.VERSION_2_3_33));
    StringWriter out = new StringWriter();
    new Template("t", new StringReader(template), cfg).process(model, out);
    return out.toString();
  }

  private static final View.Page PAGE =
      new View.Page("a/b/index.html", "../../", "T<i>", "", List.of(new View.Link("x", "y")));
  private static final View.Cell CELL = new View.Cell("1 & 2", true, 2, 1, 3, false, null);

  @Test
  void readsComponentsAsPropertiesAndAsMethods() throws Exception {
    var model = Map.of("page", PAGE, "c", CELL);
    assertEquals(
        "../../|../../|T&lt;i&gt;|1 &amp; 2|true|2|3|no href|1",
        render(
            "${page.root}|${page.root()}|${page.title}|${c.text()}|${c.header()?c}|${c.colspan}"
                + "|${c.level()}|<#if c.href()?has_content>href<#else>no href</#if>"
                + "|${page.breadcrumbs()?size}",
            model));
  }

  @Test
  void methodsWithArgumentsAndNestedRecordsStillWork() throws Exception {
    var model = Map.of("page", PAGE, "c", CELL);
    assertEquals(
        "../../x|x y|2",
        render(
            "${page.href('x')}|<#list page.breadcrumbs as l>${l.href} ${l.text()}</#list>"
                + "|${c.span(2, 1).colspan}",
            model));
  }

  @Test
  void aMissingPropertyIsATemplateError() {
    assertThrows(TemplateException.class, () -> render("${c.nothing}", Map.of("c", CELL)));
    assertThrows(TemplateException.class, () -> render("${c.text(1)}", Map.of("c", CELL)));
  }
}
