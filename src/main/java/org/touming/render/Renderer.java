package org.touming.render;

import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Renders pages through the theme's FreeMarker templates with auto-escaping on: every value a
 * template prints is HTML-escaped unless the template marks pre-rendered Markdown as safe.
 * Thread-safe once built.
 */
public final class Renderer {
  private final Configuration freemarker;
  private final Strings strings;
  private final View.Site site;

  public Renderer(Theme theme, Strings strings, View.Site site) {
    this.freemarker = theme.freemarker();
    this.strings = strings;
    this.site = site;
  }

  public Strings strings() {
    return strings;
  }

  /** A template failure, located in the template so that a theme author can fix it. */
  public static final class TemplateProblem extends Exception {
    private final String template;
    private final int line;
    private final int column;

    TemplateProblem(String template, int line, int column, String message) {
      super(message);
      this.template = template;
      this.line = line;
      this.column = column;
    }

    public String template() {
      return template;
    }

    public int line() {
      return line;
    }

    public int column() {
      return column;
    }
  }

  public byte[] render(String template, View.Page page, Object view) throws TemplateProblem {
    try {
      Template t = freemarker.getTemplate(template);
      Text out = new Text();
      t.process(new View.Model(site, page, strings, view), out);
      return out.text.toString().getBytes(StandardCharsets.UTF_8);
    } catch (ParseException e) {
      throw new TemplateProblem(
          e.getTemplateName() == null ? template : e.getTemplateName(),
          e.getLineNumber(),
          e.getColumnNumber(),
          "模板语法错误：" + e.getEditorMessage());
    } catch (TemplateException e) {
      Integer line = e.getLineNumber();
      Integer column = e.getColumnNumber();
      throw new TemplateProblem(
          e.getTemplateSourceName() == null ? template : e.getTemplateSourceName(),
          line == null ? 1 : line,
          column == null ? 1 : column,
          "模板出错：" + firstLine(e.getMessageWithoutStackTop()));
    } catch (IOException e) {
      throw new TemplateProblem(template, 1, 1, "找不到或无法读取模板：" + e.getMessage());
    }
  }

  /** A StringWriter without StringBuffer's lock on every write. */
  private static final class Text extends Writer {
    final StringBuilder text = new StringBuilder(64 * 1024);

    @Override
    public void write(char[] buffer, int offset, int length) {
      text.append(buffer, offset, length);
    }

    @Override
    public void write(String s, int offset, int length) {
      text.append(s, offset, offset + length);
    }

    @Override
    public void write(String s) {
      text.append(s);
    }

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }
}
