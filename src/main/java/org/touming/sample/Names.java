package org.touming.sample;

import java.util.Random;

/** Invented place and department names for synthetic regions (division codes 99xxxx are unused). */
final class Names {
  private static final String SYLLABLES = "澄安临和清泉松岭云溪青石嘉丰永宁华阳秀川湖桥长乐平远德兴新源鹤峰";
  private static final String[] DEPARTMENTS = {
    "委办公室",
    "人民政府办公室",
    "财政局",
    "教育局",
    "卫生健康局",
    "民政局",
    "住房和城乡建设局",
    "交通运输局",
    "农业农村局",
    "自然资源和规划局",
    "生态环境分局",
    "市场监督管理局",
    "文化广电和旅游局",
    "人力资源和社会保障局",
    "应急管理局",
    "司法局",
    "审计局",
    "统计局",
    "退役军人事务局",
    "水务局",
    "城市管理综合行政执法局",
    "科学技术局",
    "商务局",
    "发展和改革局",
    "工业和信息化局",
    "医疗保障局",
    "信访局",
    "机关事务服务中心",
    "档案馆",
    "融媒体中心",
    "妇女联合会",
    "工商业联合会",
    "总工会",
    "委组织部",
    "委宣传部",
    "委统一战线工作部",
    "委政法委员会",
    "人民法院",
    "人民检察院",
    "公安分局"
  };

  private Names() {}

  static String place(Random r) {
    return ""
        + SYLLABLES.charAt(r.nextInt(SYLLABLES.length()))
        + SYLLABLES.charAt(r.nextInt(SYLLABLES.length()));
  }

  static String department(int n, Random r) {
    if (n < DEPARTMENTS.length) {
      return DEPARTMENTS[n];
    }
    return place(r) + (r.nextBoolean() ? "镇人民政府" : "街道办事处");
  }

  /** Three digits like 260 or 912; one in five a six-digit sub-unit code like 263001. */
  static String unitCode(int n, Random r) {
    String base = String.valueOf(101 + n);
    return r.nextInt(5) == 0 ? base + String.format("%03d", 1 + r.nextInt(9)) : base;
  }

  static String kind(String name) {
    if (name.endsWith("镇人民政府") || name.endsWith("街道办事处")) {
      return "乡镇（街道）";
    }
    if (name.contains("委") && !name.contains("委员会") || name.endsWith("部")) {
      return "党委部门";
    }
    return name.endsWith("院") ? "司法机关" : "政府部门";
  }
}
