package org.oppmatch.sample;

/**
 * The ways a planted bad row breaks data-contract.md, each naming the quarantine rule it should
 * trigger and the column it breaks. The contract fixes duplicate_id, unknown_tag, bad_type and
 * malformed; the other names are those of org.oppmatch.validate.Rules (e.g. a blank name and an
 * empty industry_codes are both missing_required).
 */
public enum PlantedKind {
  INVALID_USCC("invalid_uscc", "uscc"),
  UNKNOWN_TAG("unknown_tag", "tags"),
  INVALID_COUNTRY("invalid_country", "country"),
  LAT_WITHOUT_LON("invalid_coordinates", "longitude"),
  LAT_OUT_OF_RANGE("invalid_coordinates", "latitude"),
  INVALID_INDUSTRY_CODE("invalid_industry_code", "industry_codes"),
  EMPTY_INDUSTRY_CODES("missing_required", "industry_codes"),
  NEGATIVE_REVENUE("negative_value", "revenue_cny"),
  RD_RATIO_OUT_OF_RANGE("out_of_range", "rd_ratio"),
  FUTURE_FOUNDED_YEAR("future_year", "founded_year"),
  MALFORMED_SIGNAL("invalid_signal", "signals"),
  BLANK_NAME("missing_required", "name"),
  NON_NUMBER_EMPLOYEES("bad_type", "employees"),
  DUPLICATE_ID("duplicate_id", "enterprise_id"),
  UNTERMINATED_QUOTE("malformed", ""),
  TOO_MANY_FIELDS("malformed", "");

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
