package org.oppmatch.feedback;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.oppmatch.model.EngagementStage;
import org.oppmatch.schema.Cols;

/**
 * A row of the outcomes input (data-contract.md): a zone's team reached a stage with an enterprise
 * on a day, with the investment in yuan when there is one and the team's note (version 3) when it
 * wrote one.
 */
public record OutcomeRow(
    String enterpriseId,
    String zoneId,
    EngagementStage stage,
    LocalDate stageDate,
    BigDecimal investmentCny,
    String note) {

  /** The outcomes table's columns, in the contract's order. */
  public static final List<String> COLUMNS =
      List.of(
          Cols.ENTERPRISE_ID,
          Cols.ZONE_ID,
          Cols.STAGE,
          Cols.STAGE_DATE,
          Cols.INVESTMENT,
          Cols.NOTE);

  /** The value of one of {@link #COLUMNS} as the CSV file holds it; "" when absent. */
  public String value(String column) {
    return switch (column) {
      case Cols.ENTERPRISE_ID -> enterpriseId;
      case Cols.ZONE_ID -> zoneId;
      case Cols.STAGE -> stage.key();
      case Cols.STAGE_DATE -> stageDate.toString();
      case Cols.INVESTMENT -> investmentCny == null ? "" : plain(investmentCny);
      case Cols.NOTE -> note == null ? "" : note;
      default -> "";
    };
  }

  /** The row as {@link #key} compares it. */
  public String key() {
    return key(
        enterpriseId,
        zoneId,
        stage.key(),
        stageDate.toString(),
        investmentCny == null ? "" : plain(investmentCny),
        note);
  }

  /**
   * The identity of an outcome row, written by hand or by the import: its values with the spelling
   * differences that do not change what the engine reads taken out (surrounding spaces, the stage's
   * case, 5e7 against 50000000.0). A note is part of it: a row imported again with its note edited
   * is a new row, whose note is then the latest.
   */
  public static String key(
      String enterpriseId,
      String zoneId,
      String stage,
      String stageDate,
      String investment,
      String note) {
    return String.join(
        "\u0000",
        trim(enterpriseId),
        trim(zoneId),
        trim(stage).toLowerCase(Locale.ROOT),
        date(trim(stageDate)),
        number(trim(investment)),
        trim(note));
  }

  private static String trim(String s) {
    return s == null ? "" : s.trim();
  }

  private static String date(String s) {
    try {
      return LocalDate.parse(s).toString();
    } catch (DateTimeParseException e) {
      return s;
    }
  }

  private static String number(String s) {
    if (s.isEmpty()) {
      return s;
    }
    try {
      return plain(new BigDecimal(s));
    } catch (NumberFormatException e) {
      return s;
    }
  }

  static String plain(BigDecimal d) {
    return d.stripTrailingZeros().toPlainString();
  }
}
