package org.touming.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.touming.content.Diagnostic;

/** Prints diagnostics as {@code path:line:column: severity [rule] message} lines, or as JSON. */
final class DiagnosticPrinter {
  enum Format {
    text,
    json
  }

  private DiagnosticPrinter() {}

  static void print(
      List<Diagnostic> diagnostics,
      long errors,
      long warnings,
      int disclosures,
      Format format,
      PrintWriter out) {
    if (format == Format.json) {
      printJson(diagnostics, errors, warnings, disclosures, out);
      return;
    }
    for (Diagnostic d : diagnostics) {
      out.println(d.format());
    }
    out.println("检查了 " + disclosures + " 个公开文件：" + errors + " 个错误，" + warnings + " 个警告");
    out.flush();
  }

  private static void printJson(
      List<Diagnostic> diagnostics, long errors, long warnings, int disclosures, PrintWriter out) {
    try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeNumberField("disclosures", disclosures);
      g.writeNumberField("errors", errors);
      g.writeNumberField("warnings", warnings);
      g.writeArrayFieldStart("diagnostics");
      for (Diagnostic d : diagnostics) {
        g.writeStartObject();
        g.writeStringField("file", d.file());
        g.writeNumberField("line", d.line());
        g.writeNumberField("column", d.column());
        g.writeStringField("severity", d.severity().label());
        g.writeStringField("rule", d.rule());
        g.writeStringField("message", d.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }
}
