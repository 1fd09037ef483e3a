package org.oppmatch.sample;

import org.oppmatch.validate.Rules;

/**
 * The ways a planted bad row breaks data-contract.md, each naming the quarantine rule it should
 * trigger and the column it breaks. The contract fixes duplicate_id, unknown_tag, bad_type and
 * malformed; the others are the engine's own rule names (e.g. a blank name and an empty
 * industry_codes are both missing_required).
 */
public enum PlantedKind {
  INVALID_USCC(Rules.INVALID_USCC, "uscc"),
  UNKNOWN_TAG(Rules.UNKNOWN_TAG, "tags"),
  INVALID_COUNTRY(Rules.INVALID_COUNTRY, "country"),
  LAT_WITHOUT_LON(Rules.INVALID_COORDINATES, "longitude"),
  LAT_OUT_OF_RANGE(Rules.INVALID_COORDINATES, "latitude"),
  INVALID_INDUSTRY_CODE(Rules.INVALID_INDUSTRY_CODE, "industry_codes"),
  EMPTY_INDUSTRY_CODES(Rules.MISSING_REQUIRED, "industry_codes"),
  NEGATIVE_REVENUE(Rules.NEGATIVE_VALUE, "revenue_cny"),
  RD_RATIO_OUT_OF_RANGE(Rules.OUT_OF_RANGE, "rd_ratio"),
  FUTURE_FOUNDED_YEAR(Rules.FUTURE_YEAR, "founded_year"),
  MALFORMED_SIGNAL(Rules.INVALID_SIGNAL, "signals"),
  BLANK_NAME(Rules.MISSING_REQUIRED, "name"),
  NON_NUMBER_EMPLOYEES(Rules.BAD_TYPE, "employees"),
  DUPLICATE_ID(Rules.DUPLICATE_ID, "enterprise_id"),
  UNTERMINATED_QUOTE(Rules.MALFORMED, ""),
  TOO_MANY_FIELDS(Rules.MALFORMED, "");

  private final String rule;
  private final String column;

  PlantedKind(String rule, String column) {
    this.rule = rule;
    this.column = column;
  }

  /** The quarantine rule the row should be reported under. */
  public String rule() {
    return rule;
  }

  /** The column the row breaks; empty for a line that is not a readable record. */
  public String column() {
    return column;
  }
}
