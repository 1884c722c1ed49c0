package org.touming.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.touming.content.Catalog;
import org.touming.sample.SampleGenerator;

/** A table joined from each disclosure's serialized rows is the table serialized whole. */
class CsvTest {
  @Test
  void joinedPartsEqualTheWholeTable(@TempDir Path dir) throws Exception {
    new SampleGenerator().write(20, 4, dir);
    int sheets = 0;
    for (Path root : List.of(Path.of("").toAbsolutePath(), dir)) {
      Catalog catalog = new SiteBuild().prepare(root, false).catalog();
      for (DataExport.Sheet sheet : Sheets.all(catalog)) {
        List<List<Object>> all = new ArrayList<>();
        List<byte[]> parts = new ArrayList<>();
        catalog
            .disclosures()
            .forEach(
                l -> {
                  all.addAll(sheet.rows().apply(l));
                  parts.add(Csv.rows(sheet.columns(), sheet.rows().apply(l)));
                });
        assertArrayEquals(
            Csv.write(sheet.columns(), all),
            joined(Csv.file(sheet.columns(), parts)),
            sheet.name());
        sheets++;
      }
      assertArrayEquals(
          Csv.write(Sheets.all(catalog).get(0).columns(), List.of()),
          joined(Csv.file(Sheets.all(catalog).get(0).columns(), List.of())),
          "no rows");
    }
    assertTrue(sheets >= 12, "sheets compared: " + sheets);
  }

  private static byte[] joined(List<byte[]> parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }
}
