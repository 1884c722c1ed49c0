package org.touming.publish;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.touming.content.Amount;

/**
 * A CSV download: UTF-8 with a BOM so that Excel opens Chinese text correctly, numbers written
 * digit for digit, and text that a spreadsheet would run as a formula (=cmd|…, +, -, @) made inert
 * with a leading apostrophe.
 */
final class Csv {
  /**
   * A column: {@code type} is the Table Schema type; {@code columnType} the Fiscal Data Package
   * one.
   */
  record Column(String name, String title, String type, String columnType) {}

  private static final CsvMapper MAPPER =
      CsvMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private Csv() {}

  static byte[] write(List<Column> columns, List<List<Object>> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(0xEF);
    bytes.write(0xBB);
    bytes.write(0xBF);
    bytes.writeBytes(serialize(columns, rows, true));
    return bytes.toByteArray();
  }

  /**
   * The rows alone, without BOM or header: a file is its BOM, its header and the rows of each
   * disclosure in turn, so that {@code serve} can keep each disclosure's part between edits.
   */
  static byte[] rows(List<Column> columns, List<List<Object>> rows) {
    return serialize(columns, rows, false);
  }

  /** A whole file in parts: BOM and header, then the parts as {@link #rows} made them. */
  static List<byte[]> file(List<Column> columns, List<byte[]> parts) {
    List<byte[]> file = new ArrayList<>(parts.size() + 1);
    file.add(write(columns, List.of()));
    file.addAll(parts);
    return file;
  }

  private static byte[] serialize(List<Column> columns, List<List<Object>> rows, boolean header) {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(header).setLineSeparator("\r\n");
    columns.forEach(c -> schema.addColumn(c.name()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (var writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CsvGenerator g = MAPPER.getFactory().createGenerator(writer)) {
      g.setSchema(schema.build());
      for (List<Object> row : rows) {
        g.writeStartArray();
        for (Object cell : row) {
          cell(g, cell);
        }
        g.writeEndArray();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void cell(CsvGenerator g, Object cell) throws IOException {
    if (cell == null) {
      g.writeNull();
    } else if (cell instanceof Amount a) {
      if (a.isNumber()) {
        g.writeNumber(a.value());
      } else {
        g.writeString(inert(a.placeholder()));
      }
    } else if (cell instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (cell instanceof Integer i) {
      g.writeNumber(i);
    } else {
      g.writeString(inert(cell.toString()));
    }
  }

  static String inert(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
