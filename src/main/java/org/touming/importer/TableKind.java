package org.touming.importer;

import org.touming.importer.Blocks.Table;

/** Which of the model's tables a flattened table is, told by its header words. */
enum TableKind {
  UNITS,
  PERFORMANCE,
  PROCUREMENT,
  ASSETS,
  PROJECT,
  OTHER;

  static TableKind of(Table table) {
    String head = table.head(6);
    if (head.contains("单位名称") && (head.contains("单位性质") || head.contains("经费保障形式"))) {
      return UNITS;
    }
    if (head.contains("职责活动") || (head.contains("绩效指标") && head.contains("评价标准"))) {
      return PERFORMANCE;
    }
    if (head.contains("采购物品名称") || head.contains("政府采购项目来源")) {
      return PROCUREMENT;
    }
    if (head.contains("资产总额") || head.contains("固定资产占用")) {
      return ASSETS;
    }
    if (head.contains("项目编码")
        || (table.head(40).contains("一级指标") && table.head(40).contains("三级指标"))) {
      return PROJECT;
    }
    return OTHER;
  }
}
