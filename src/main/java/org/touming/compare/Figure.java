package org.touming.compare;

/**
 * The figures compared across years and regions: where each is in a disclosure, and where the
 * disclosure states its change against the previous year, when it does.
 */
public enum Figure {
  INCOME_TOTAL("income-total", "收入合计", "/income/total", null),
  INCOME_GENERAL_PUBLIC("income-general-public", "一般公共预算收入", "/income/general-public", null),
  INCOME_GOVERNMENT_FUND("income-government-fund", "政府性基金收入", "/income/government-fund", null),
  INCOME_STATE_CAPITAL("income-state-capital", "国有资本经营收入", "/income/state-capital", null),
  INCOME_SPECIAL_ACCOUNT("income-special-account", "财政专户核拨收入", "/income/special-account", null),
  INCOME_BUSINESS("income-business", "事业收入", "/income/business", null),
  INCOME_OTHER("income-other", "其他收入", "/income/other", null),
  INCOME_CARRY_OVER("income-carry-over", "上年结转", "/income/carry-over", null),
  EXPENDITURE_TOTAL("expenditure-total", "支出合计", "/expenditure/total", "/change/total/amount"),
  EXPENDITURE_BASIC("expenditure-basic", "基本支出", "/expenditure/basic", "/change/basic/amount"),
  EXPENDITURE_PERSONNEL("expenditure-personnel", "人员经费", "/expenditure/personnel", null),
  EXPENDITURE_PUBLIC_FUNDS("expenditure-public-funds", "日常公用经费", "/expenditure/public-funds", null),
  EXPENDITURE_PROJECT(
      "expenditure-project", "项目支出", "/expenditure/project", "/change/project/amount"),
  OPERATING_COSTS(
      "operating-costs", "机关运行经费", "/operating-costs/amount", "/operating-costs/change/amount"),
  THREE_PUBLIC_TOTAL(
      "three-public-total", "“三公”经费合计", "/three-public/total", "/three-public/change/total/amount"),
  THREE_PUBLIC_OVERSEAS(
      "three-public-overseas",
      "因公出国（境）费",
      "/three-public/overseas",
      "/three-public/change/overseas/amount"),
  THREE_PUBLIC_VEHICLES(
      "three-public-vehicles",
      "公务用车购置及运维费",
      "/three-public/vehicles",
      "/three-public/change/vehicles/amount"),
  THREE_PUBLIC_VEHICLE_PURCHASE(
      "three-public-vehicle-purchase",
      "公务用车购置费",
      "/three-public/vehicle-purchase",
      "/three-public/change/vehicle-purchase/amount"),
  THREE_PUBLIC_VEHICLE_OPERATION(
      "three-public-vehicle-operation",
      "公务用车运维费",
      "/three-public/vehicle-operation",
      "/three-public/change/vehicle-operation/amount"),
  THREE_PUBLIC_RECEPTION(
      "three-public-reception",
      "公务接待费",
      "/three-public/reception",
      "/three-public/change/reception/amount"),
  PROCUREMENT_TOTAL("procurement-total", "政府采购金额", "/procurement/total/amount", null),
  ASSETS_TOTAL("assets-total", "固定资产总额", "/assets/total/value", null);

  private final String key;
  private final String label;
  private final String pointer;
  private final String change;

  Figure(String key, String label, String pointer, String change) {
    this.key = key;
    this.label = label;
    this.pointer = pointer;
    this.change = change;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public String pointer() {
    return pointer;
  }

  /** The pointer of the stated change against the previous year, or null. */
  public String change() {
    return change;
  }

  /** The table whose own unit applies to this figure (procurement, assets), or null. */
  String table() {
    String first = pointer.substring(1, pointer.indexOf('/', 1));
    return first.equals("procurement") || first.equals("assets") ? first : null;
  }
}
