package org.oppmatch.validate;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.oppmatch.model.EngagementStage;
import org.oppmatch.model.SignalKind;
import org.oppmatch.model.Tag;

/** Names of the validation rules, as the quarantine and the manifest report them. */
public final class Rules {
  private Rules() {}

  /** A line that cannot be read as a record. */
  public static final String MALFORMED = "malformed";

  /** A value that does not parse as its column's type (NaN and infinities among them). */
  public static final String BAD_TYPE = "bad_type";

  /**
   * Bytes that do not decode in the file's encoding, or a U+FFFD (a character an earlier conversion
   * lost): the record is quarantined with each bad byte shown as {@code \xNN}.
   */
  public static final String BAD_ENCODING = "bad_encoding";

  /**
   * A control character (U+0000 to U+001F, U+007F) in a text value, other than a tab, and other
   * than a line break in a free-text column ({@link #FREE_TEXT}).
   */
  public static final String CONTROL_CHARACTER = "control_character";

  /** The free-text columns: a line break inside them is text, not a control character. */
  public static final Set<String> FREE_TEXT =
      Set.of("business_scope", "products", "description", "title", "address", "note");

  /** A required value that is absent or blank (or an empty required array). */
  public static final String MISSING_REQUIRED = "missing_required";

  /** A second row with the same key; the newest updated_at (then the first read) is kept. */
  public static final String DUPLICATE_ID = "duplicate_id";

  public static final String UNKNOWN_TAG = "unknown_tag";
  public static final String INVALID_USCC = "invalid_uscc";
  public static final String INVALID_COUNTRY = "invalid_country";
  public static final String INVALID_COORDINATES = "invalid_coordinates";
  public static final String INVALID_INDUSTRY_CODE = "invalid_industry_code";
  public static final String NEGATIVE_VALUE = "negative_value";
  public static final String OUT_OF_RANGE = "out_of_range";
  public static final String FUTURE_YEAR = "future_year";
  public static final String INVALID_SIGNAL = "invalid_signal";

  /** An outcome dated after the run date: the run date is the day of the data. */
  public static final String FUTURE_DATE = "future_date";

  public static final String INVALID_POSITION = "invalid_position";
  public static final String INVALID_STATUS = "invalid_status";
  public static final String INVALID_STAGE = "invalid_stage";
  public static final String UNKNOWN_ZONE = "unknown_zone";

  /** An industry name of no class of the GB/T 4754-2017 table, or of two (version 3). */
  public static final String UNKNOWN_INDUSTRY_NAME = "unknown_industry_name";

  /** A registration status that is neither active nor inactive (version 3). */
  public static final String UNKNOWN_STATUS = "unknown_status";

  /** What a registry writes for "none" in an optional column (version 3). */
  public static final Set<String> EMPTY_MARKERS = Set.of("-", "--", "—", "/", "暂无", "未公开", "无");

  public static final String UNKNOWN_NODE = "unknown_node";

  public static final List<String> TAGS = Tag.keys();

  public static final List<String> SIGNAL_KINDS = SignalKind.keys();

  public static final List<String> POSITIONS = List.of("upstream", "midstream", "downstream");

  public static final List<String> STATUSES = List.of("strong", "weak", "missing");

  public static final List<String> STAGES = EngagementStage.keys();

  /** ISO 3166-1 alpha-2 codes, as the JDK knows them. */
  public static final Set<String> COUNTRIES = new TreeSet<>(Set.of(Locale.getISOCountries()));
}
