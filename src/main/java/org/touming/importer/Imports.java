package org.touming.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.touming.content.Kind;
import org.touming.content.Site;

/** One import: read a source file, decide where it goes, write it unless that would overwrite. */
public final class Imports {
  /** Command-line overrides; any may be null. */
  public record Flags(String region, String department, Integer year, Kind kind) {}

  public record Result(Document document, Target target, List<String> written) {}

  private Imports() {}

  public static Result run(Importer importer, Site site, Path file, Flags flags, boolean force)
      throws ImportException, IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ImportException(file + "：文件不存在");
    }
    String name = file.getFileName().toString();
    Document doc =
        importer
            .read(bytes)
            .orElseThrow(
                () -> new ImportException(name + "：无法识别文件编码（不是 UTF-8、UTF-16 或 GB18030/GBK）"));
    Target target =
        Resolver.resolve(
            doc,
            new Resolver.Flags(flags.region(), flags.department(), flags.year(), flags.kind()),
            site,
            name);
    String yml = target.folder() + "/" + target.base() + ".yml";
    if (!force && Files.exists(site.root().resolve(yml))) {
      throw new ImportException(name + "：" + yml + " 已存在；确认要替换时加 --force");
    }
    return new Result(doc, target, ContentWriter.write(site.root(), target, doc, bytes, name));
  }

  /** What was read, in counts a reviewer can compare with the source. */
  @SuppressWarnings("unchecked")
  public static String summary(Document doc) {
    Map<String, Object> f = doc.figures();
    StringBuilder sb = new StringBuilder();
    count(sb, "机构", f.get("units"));
    if (f.get("performance") instanceof Map<?, ?> p
        && p.get("responsibilities") instanceof List<?> rs) {
      int activities = 0;
      int indicators = 0;
      for (Object r : rs) {
        Map<String, Object> rm = (Map<String, Object>) r;
        indicators += size(rm.get("indicators"));
        if (rm.get("activities") instanceof List<?> as) {
          activities += as.size();
          for (Object a : as) {
            indicators += size(((Map<String, Object>) a).get("indicators"));
          }
        }
      }
      sb.append("职责 ")
          .append(rs.size())
          .append("，活动 ")
          .append(activities)
          .append("，指标 ")
          .append(indicators)
          .append("；");
    }
    count(sb, "项目绩效表", f.get("projects"));
    if (f.get("procurement") instanceof Map<?, ?> p) {
      count(sb, "采购行", p.get("rows"));
    }
    if (f.get("assets") instanceof Map<?, ?> a) {
      count(sb, "资产行", a.get("rows"));
    }
    count(sb, "名词", f.get("glossary"));
    count(sb, "其他表格", f.get("tables"));
    int paragraphs = doc.narrative().values().stream().mapToInt(List::size).sum();
    sb.append("叙述段落 ")
        .append(paragraphs)
        .append("（")
        .append(doc.narrative().size())
        .append(" 个部分）");
    for (String key :
        new String[] {"income", "expenditure", "change", "operating-costs", "three-public"}) {
      if (!f.containsKey(key)) {
        sb.append("；未读到 ").append(key);
      }
    }
    return sb.toString();
  }

  private static void count(StringBuilder sb, String label, Object list) {
    if (list instanceof List<?> l) {
      sb.append(label).append(" ").append(l.size()).append("；");
    }
  }

  private static int size(Object list) {
    return list instanceof List<?> l ? l.size() : 0;
  }
}
