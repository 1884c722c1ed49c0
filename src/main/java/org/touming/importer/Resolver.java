package org.touming.importer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.touming.content.Department;
import org.touming.content.DepartmentId;
import org.touming.content.Kind;
import org.touming.content.Region;
import org.touming.content.Site;

/**
 * Decides where a document belongs: flags first, then what the document states, then the content
 * already in the site. Creates a region or department only when nothing matches, and stops with the
 * flag to pass when a needed fact is neither stated nor given.
 */
final class Resolver {

  /** What the user passed on the command line; any of it may be null. */
  record Flags(String region, String department, Integer year, Kind kind) {}

  private Resolver() {}

  static Target resolve(Document doc, Flags flags, Site site, String sourceName)
      throws ImportException {
    Document.Facts facts = doc.facts();
    Integer year = flags.year() != null ? flags.year() : facts.year();
    if (year == null) {
      throw new ImportException(sourceName + "：文件中没有写明年度；请用 --year YYYY 指定");
    }
    Kind kind = flags.kind() != null ? flags.kind() : facts.kind();
    if (kind == null) {
      throw new ImportException(sourceName + "：无法从文件判断是预算还是决算；请用 --kind budget 或 --kind final 指定");
    }
    Map<String, Region> regions =
        site.regions().stream().collect(Collectors.toMap(Region::code, Function.identity()));
    Region region;
    boolean newRegion = false;
    // A code, given or printed (a project code starts with the division code), wins over names.
    String regionCode = flags.region() != null ? flags.region() : facts.regionCode();
    if (regionCode == null) {
      region =
          byName(facts.names(), site.regions())
              .orElseThrow(
                  () ->
                      new ImportException(
                          sourceName
                              + "：无法从文件判断所属行政区划（content/regions.yml 中没有与 "
                              + facts.names()
                              + " 相符的）；请用 --region 行政区划代码 指定"));
    } else if (regions.containsKey(regionCode)) {
      region = regions.get(regionCode);
    } else {
      region =
          newRegion(regionCode, facts.names(), regions)
              .orElseThrow(
                  () ->
                      new ImportException(
                          sourceName
                              + "：行政区划 "
                              + regionCode
                              + " 不在 content/regions.yml 中，文件中也没有它的名称；请先在 content/regions.yml 中添加"));
      newRegion = true;
    }
    String name = facts.departmentName();
    String code = flags.department() != null ? flags.department() : facts.unitCode();
    List<Department> inRegion =
        site.departments().stream().filter(d -> d.region().equals(region.code())).toList();
    Department department = null;
    String how;
    if (code != null) {
      department =
          site.departments().stream()
              .filter(d -> d.id().equals(new DepartmentId(region.code(), code)))
              .findFirst()
              .orElse(null);
      how = department != null ? "已有部门（按编码）" : null;
    } else {
      how = null;
    }
    if (department == null && name != null && flags.department() == null) {
      department = inRegion.stream().filter(d -> sameName(d, name)).findFirst().orElse(null);
      how = department != null ? "已有部门（按名称）" : how;
    }
    boolean newDepartment = false;
    if (department == null) {
      if (code == null) {
        throw new ImportException(sourceName + "：文件中没有写明预算单位编码；请用 --department 编码 指定");
      }
      if (name == null) {
        throw new ImportException(
            sourceName + "：文件中没有写明部门名称，无法新建部门 " + code + "；请先在 content/ 中建立该部门的 department.yml");
      }
      department = new Department(code, name, region.code(), null, false, List.of(), null);
      newDepartment = true;
      how = "新建部门";
    }
    String folder = site.folderOf(department.id());
    if (folder == null) {
      folder = "content/" + region.code() + "/" + department.code();
    }
    return new Target(region, newRegion, department, newDepartment, how, year, kind, folder);
  }

  private static boolean sameName(Department d, String name) {
    return d.name().equals(name) || d.formerNames().stream().anyMatch(f -> f.name().equals(name));
  }

  /** The most specific region whose name the document prints (广阳区 over 廊坊市). */
  static Optional<Region> byName(List<String> names, List<Region> regions) {
    Map<String, Region> byCode =
        regions.stream().collect(Collectors.toMap(Region::code, Function.identity(), (a, b) -> a));
    List<Region> matches = new ArrayList<>();
    for (Region r : regions) {
      if (names.stream().anyMatch(n -> n.contains(r.name()))) {
        matches.add(r);
      }
    }
    return matches.stream()
        .max(
            Comparator.comparingInt((Region r) -> depth(r, byCode))
                .thenComparing(r -> r.name().length()));
  }

  private static int depth(Region r, Map<String, Region> byCode) {
    int d = 0;
    for (Region p = r;
        p != null && d < 10;
        p = p.parent() == null ? null : byCode.get(p.parent())) {
      d++;
    }
    return d;
  }

  /** A region given by code only: named after the last place name the document prints. */
  private static Optional<Region> newRegion(
      String code, List<String> names, Map<String, Region> regions) {
    if (!code.matches("[0-9]{6}")) {
      return Optional.empty();
    }
    for (String n : names) {
      Optional<String> place = lastPlace(n);
      if (place.isPresent()) {
        String city = code.substring(0, 4) + "00";
        String province = code.substring(0, 2) + "0000";
        String parent =
            regions.containsKey(city) && !city.equals(code)
                ? city
                : regions.containsKey(province) && !province.equals(code) ? province : null;
        String level = code.endsWith("0000") ? "province" : code.endsWith("00") ? "city" : "county";
        return Optional.of(new Region(code, place.get(), parent, level));
      }
    }
    return Optional.empty();
  }

  /**
   * The last place name in an organisation name: cut after each 省/市/区/县/旗, keep pieces of two to
   * eight characters (大厂回族自治县) that do not start like an organ (区委区直机关 yields 委区, which is not a
   * place). 中共秦皇岛市山海关区委区直机关工作委员会 → 山海关区; 三河市燕郊高新技术产业开发区 → 三河市.
   */
  static Optional<String> lastPlace(String name) {
    String last = null;
    int start = 0;
    for (int i = 0; i < name.length(); i++) {
      if ("省市区县旗".indexOf(name.charAt(i)) >= 0) {
        String piece = name.substring(start, i + 1).replaceFirst("^(中共|中国共产党)", "");
        if (piece.length() >= 2
            && piece.length() <= 8
            && "委直党办局处科部".indexOf(piece.charAt(0)) < 0
            && !piece.endsWith("省")) {
          last = piece;
        }
        start = i + 1;
      }
    }
    return Optional.ofNullable(last);
  }
}
