package org.touming.content;

import java.util.List;

/**
 * The columns of the 政府采购预算 table, by their YAML field names, in the order the published table
 * prints them. The importer reads cells by this order, the checker sums the columns that add up,
 * the CSV export writes them: one list, so the three cannot drift apart.
 */
public final class ProcurementColumns {
  /** Every column, left to right as published. */
  public static final List<String> TABLE =
      List.of(
          "project",
          "project-budget",
          "item",
          "catalog-code",
          "quantity-unit",
          "quantity",
          "unit-price",
          "amount",
          "current-year",
          "general-public",
          "government-fund",
          "special-account",
          "other-income",
          "other-channels");

  /** The columns holding text rather than figures. */
  public static final List<String> TEXT =
      List.of("project", "item", "catalog-code", "quantity-unit");

  /** The columns whose rows add up to the 合计 row: the amount and, after it, its funding sources. */
  public static final List<String> SUMMED = TABLE.subList(TABLE.indexOf("amount"), TABLE.size());

  private ProcurementColumns() {}

  /** The figure columns, in table order. */
  public static List<String> figures() {
    return TABLE.stream().filter(c -> !TEXT.contains(c)).toList();
  }
}
