package org.touming.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.touming.content.ContentLoader;
import org.touming.content.Department;
import org.touming.content.Region;
import org.touming.internal.AtomicFile;
import org.touming.internal.YamlWriter;

/**
 * Writes an imported document into the site: its YAML and Markdown, a copy of the source beside
 * them, and the department and region when they are new. Each file is written whole or not at all
 * (temporary file, then rename).
 */
final class ContentWriter {
  private ContentWriter() {}

  /** The files written, relative to the site. */
  static List<String> write(
      Path root, Target target, Document doc, byte[] source, String sourceName) throws IOException {
    List<String> written = new ArrayList<>();
    String folder = target.folder();
    String sourceRel = "sources/" + target.base() + extension(sourceName);
    if (target.newRegion()) {
      appendRegion(root, target.region());
      written.add(ContentLoader.REGIONS);
    }
    if (target.newDepartment()) {
      written.add(
          write(
              root,
              folder + "/" + ContentLoader.DEPARTMENT,
              departmentYaml(target.department(), folder).getBytes(StandardCharsets.UTF_8)));
    }
    written.add(write(root, folder + "/" + sourceRel, source));
    written.add(
        write(
            root,
            folder + "/" + target.base() + ".yml",
            disclosureYaml(target, doc, sourceRel, sourceName, folder)
                .getBytes(StandardCharsets.UTF_8)));
    written.add(
        write(
            root,
            folder + "/" + target.base() + ".md",
            MarkdownText.write(doc.narrative()).getBytes(StandardCharsets.UTF_8)));
    return written;
  }

  static String disclosureYaml(
      Target target, Document doc, String sourceRel, String sourceName, String folder) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (doc.title() != null) {
      m.put("title", doc.title());
    }
    m.put("year", target.year());
    m.put("kind", target.kind().key());
    m.put("unit", unit(doc.figures()));
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("source", sourceRel);
    if (doc.title() != null) {
      provenance.put("original-title", doc.title());
    }
    m.put("provenance", provenance);
    m.putAll(doc.figures());
    String header =
        "# yaml-language-server: $schema="
            + up(folder)
            + "schemas/disclosure.schema.json\n"
            + "# 由 touming import 自 "
            + sourceName
            + "（"
            + doc.encoding()
            + "）导入；原文见 "
            + sourceRel
            + "\n";
    return YamlWriter.emit(header, m);
  }

  /** The disclosure's unit: what its tables state, 万元 when they state nothing. */
  @SuppressWarnings("unchecked")
  private static String unit(Map<String, Object> figures) {
    List<Object> units = new ArrayList<>();
    for (String key : new String[] {"performance", "procurement", "assets"}) {
      if (figures.get(key) instanceof Map<?, ?> t && t.get("unit") != null) {
        units.add(t.get("unit"));
      }
    }
    if (figures.get("projects") instanceof List<?> projects) {
      projects.forEach(
          p -> {
            Object u = ((Map<String, Object>) p).get("unit");
            if (u != null) {
              units.add(u);
            }
          });
    }
    return units.contains("万元") || units.isEmpty() ? "万元" : "元";
  }

  private static String departmentYaml(Department d, String folder) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", d.code());
    m.put("name", d.name());
    m.put("region", d.region());
    return YamlWriter.emit(
        "# yaml-language-server: $schema=" + up(folder) + "schemas/department.schema.json\n", m);
  }

  private static void appendRegion(Path root, Region r) throws IOException {
    Path file = root.resolve(ContentLoader.REGIONS);
    String before = Files.readString(file, StandardCharsets.UTF_8);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("code", r.code());
    entry.put("name", r.name());
    entry.put("parent", r.parent());
    entry.put("level", r.level());
    String item =
        YamlWriter.emit("", Map.of("regions", List.of(entry))).replaceFirst("^regions:\n", "");
    write(
        root,
        ContentLoader.REGIONS,
        (before.endsWith("\n") ? before : before + "\n")
            .concat(item)
            .getBytes(StandardCharsets.UTF_8));
  }

  private static String write(Path root, String rel, byte[] bytes) throws IOException {
    AtomicFile.write(root.resolve(rel), bytes);
    return rel;
  }

  private static String up(String folder) {
    return "../".repeat(folder.split("/").length);
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot > 0 && dot > name.lastIndexOf('/')
        ? name.substring(dot).toLowerCase(java.util.Locale.ROOT)
        : ".txt";
  }
}
