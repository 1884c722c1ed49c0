package org.touming.importer;

import org.touming.content.Department;
import org.touming.content.Kind;
import org.touming.content.Region;

/** The YAML an import would write for a document, without a site around it. */
final class ImportedFiles {
  private ImportedFiles() {}

  static String yaml(Document doc) {
    Integer year = doc.facts().year() == null ? 2019 : doc.facts().year();
    Kind kind = doc.facts().kind() == null ? Kind.BUDGET : doc.facts().kind();
    Target target =
        new Target(
            new Region("999999", "测试", null, "county"),
            false,
            new Department("1", "测试", "999999", null, false, java.util.List.of(), null),
            false,
            "test",
            year,
            kind,
            "content/999999/1");
    return ContentWriter.disclosureYaml(target, doc, "sources/x.txt", "x.txt", target.folder());
  }
}
