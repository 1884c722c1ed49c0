package org.touming.content;

import java.util.List;

/**
 * One department's disclosure for one year and kind: every figure and table of the published
 * document, in the document's own unit. Narrative is in {@link #narrative()}.
 */
public record Disclosure(
    DepartmentId department,
    String title,
    int year,
    Kind kind,
    MoneyUnit unit,
    boolean synthetic,
    Provenance provenance,
    List<OrgUnit> units,
    Income income,
    Expenditure expenditure,
    YearChange change,
    OperatingCosts operatingCosts,
    ThreePublic threePublic,
    Performance performance,
    List<ProjectPerformance> projects,
    Procurement procurement,
    Assets assets,
    List<GlossaryEntry> glossary,
    List<Table> tables,
    Narrative narrative) {

  public Disclosure {
    units = list(units);
    projects = list(projects);
    glossary = list(glossary);
    tables = list(tables);
    narrative = narrative == null ? Narrative.EMPTY : narrative;
  }

  public Disclosure with(DepartmentId department, Narrative narrative) {
    return new Disclosure(
        department,
        title,
        year,
        kind,
        unit,
        synthetic,
        provenance,
        units,
        income,
        expenditure,
        change,
        operatingCosts,
        threePublic,
        performance,
        projects,
        procurement,
        assets,
        glossary,
        tables,
        narrative);
  }

  static <T> List<T> list(List<T> items) {
    return items == null ? List.of() : List.copyOf(items);
  }

  public record Provenance(
      String source, String originalTitle, String published, String publisher, String note) {}

  /** A row of 部门机构设置. */
  public record OrgUnit(String name, String nature, String rank, String funding) {}

  public record Income(
      Amount total,
      Amount generalPublic,
      Amount governmentFund,
      Amount stateCapital,
      Amount specialAccount,
      Amount business,
      Amount other,
      Amount carryOver) {}

  public record Expenditure(
      Amount total,
      Amount basic,
      Amount personnel,
      Amount publicFunds,
      Amount project,
      Amount projectOwnLevel) {}

  /** A stated change against the previous year: signed amount (a decrease is negative) and why. */
  public record Change(Amount amount, String reason) {}

  /** 比上年增减. */
  public record YearChange(Integer comparedWith, Change total, Change basic, Change project) {}

  public record OperatingCosts(Amount amount, Change change) {}

  public record ThreePublic(
      Amount total,
      Amount overseas,
      Amount vehicles,
      Amount vehiclePurchase,
      Amount vehicleOperation,
      Amount reception,
      ThreePublicChange change) {}

  public record ThreePublicChange(
      Integer comparedWith,
      Change total,
      Change overseas,
      Change vehicles,
      Change vehiclePurchase,
      Change vehicleOperation,
      Change reception) {}

  /** 部门职责-工作活动绩效目标: responsibilities, their activities and indicators. */
  public record Performance(
      String caption, String tableLabel, MoneyUnit unit, List<Responsibility> responsibilities) {
    public Performance {
      responsibilities = list(responsibilities);
    }
  }

  public record Responsibility(
      String no,
      String name,
      Amount budget,
      String description,
      String goal,
      List<Indicator> indicators,
      List<Activity> activities) {
    public Responsibility {
      indicators = list(indicators);
      activities = list(activities);
    }
  }

  public record Activity(
      String no,
      String name,
      Amount budget,
      String description,
      String goal,
      List<Indicator> indicators) {
    public Activity {
      indicators = list(indicators);
    }
  }

  /** An indicator with its 优/良/中/差 standards. */
  public record Indicator(String name, String excellent, String good, String fair, String poor) {}

  /** 项目绩效目标表 of the newer template. */
  public record ProjectPerformance(
      String caption,
      String tableLabel,
      MoneyUnit unit,
      String code,
      String name,
      ProjectFunds funds,
      String summary,
      List<SpendingStep> schedule,
      String goal,
      List<ProjectIndicator> indicators) {
    public ProjectPerformance {
      schedule = list(schedule);
      indicators = list(indicators);
    }
  }

  public record ProjectFunds(Amount total, Amount fiscal, Amount other) {}

  public record SpendingStep(String period, String share) {}

  public record ProjectIndicator(
      String level1,
      String level2,
      String level3,
      String description,
      String value,
      String basis) {}

  public record Procurement(
      String caption,
      String tableLabel,
      MoneyUnit unit,
      ProcurementLine total,
      List<ProcurementLine> rows) {
    public Procurement {
      rows = list(rows);
    }
  }

  /** A procurement row with its funding-source columns; the 合计 row has the same shape. */
  public record ProcurementLine(
      String project,
      Amount projectBudget,
      String item,
      String catalogCode,
      String quantityUnit,
      Amount quantity,
      Amount unitPrice,
      Amount amount,
      Amount currentYear,
      Amount generalPublic,
      Amount governmentFund,
      Amount specialAccount,
      Amount otherIncome,
      Amount otherChannels) {}

  public record Assets(
      String caption,
      String preparedBy,
      String asOf,
      MoneyUnit unit,
      AssetLine total,
      List<AssetLine> rows) {
    public Assets {
      rows = list(rows);
    }
  }

  /** A row of the assets table; {@code details} are its 其中 rows, not added to the total. */
  public record AssetLine(String name, Amount quantity, Amount value, List<AssetLine> details) {
    public AssetLine {
      details = list(details);
    }
  }

  public record GlossaryEntry(String no, String term, String definition) {}

  /** A table the model has no dedicated shape for (the standard 收支总表 and others), kept whole. */
  public record Table(
      String caption,
      String section,
      MoneyUnit unit,
      List<List<String>> header,
      List<List<String>> rows,
      String note) {
    public Table {
      header = header == null ? List.of() : header.stream().map(List::copyOf).toList();
      rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
    }
  }
}
