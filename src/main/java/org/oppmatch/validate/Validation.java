package org.oppmatch.validate;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.ColumnSpec;
import org.oppmatch.schema.ColumnType;
import org.oppmatch.schema.InputTable;

/**
 * The rules of data-contract.md as Column expressions. A table's raw rows become typed rows with
 * the list of rules each broke ({@link #RULES_COL}, empty when accepted) and a message naming the
 * first; the job splits them into accepted rows and the quarantine in one pass.
 */
public final class Validation {
  /** Rules a row broke, in priority order; empty when the row is accepted. */
  public static final String RULES_COL = "_rules";

  /** The first broken rule's message, naming the column and the offending value. */
  public static final String DETAIL_COL = "_detail";

  private static final String RAW_PREFIX = "_raw_";
  private static final String ZONE_KNOWN = "_zone_known";
  private static final String NODE_KNOWN = "_node_known";

  private Validation() {}

  /**
   * What validation needs besides the row: the run date, the classification table's codes (empty:
   * shape check only), and the accepted zone and node ids for references (null when not needed).
   */
  public record Context(
      LocalDate runDate, Set<String> knownCodes, Dataset<Row> zoneIds, Dataset<Row> nodeIds) {}

  /** One rule: when {@code broken} is true the row breaks {@code rule}; {@code detail} says how. */
  record Check(String rule, Column broken, Column detail) {
    Check {
      // check() joins the broken rules with commas and splits them again
      if (rule.contains(",")) {
        throw new IllegalArgumentException("a rule name cannot contain a comma: " + rule);
      }
    }
  }

  /**
   * Typed contract columns, raw columns kept for the quarantine, rules and detail, duplicates
   * marked. Reads {@code raw} more than once (the duplicate check): the job caches {@link #check}'s
   * rows and marks the duplicates on the cache.
   */
  public static Dataset<Row> validate(Dataset<Row> raw, InputTable table, Context ctx) {
    return markDuplicates(check(raw, table, ctx), table);
  }

  /**
   * Every rule but duplicate_id, which needs the other rows of the key: {@link #markDuplicates}.
   */
  public static Dataset<Row> check(Dataset<Row> raw, InputTable table, Context ctx) {
    Dataset<Row> typed = raw.select(typedColumns(table));
    if (table == InputTable.ZONE_CHAIN || table == InputTable.OPPORTUNITIES) {
      typed = withReferenceFlags(typed, table, ctx);
    }
    List<Check> checks = checks(table, ctx);
    Column notMalformed = col(Cols.RAW_MALFORMED).isNull();
    List<Column> rules = new ArrayList<>();
    List<Column> details = new ArrayList<>();
    rules.add(when(col(Cols.RAW_MALFORMED).isNotNull(), lit(Rules.MALFORMED)));
    details.add(
        when(
            col(Cols.RAW_MALFORMED).isNotNull(),
            concat(lit("line cannot be read as a record: "), col(Cols.RAW_MALFORMED))));
    for (Check c : checks) {
      Column broken = notMalformed.and(coalesce(c.broken(), lit(false)));
      rules.add(when(broken, lit(c.rule())));
      details.add(when(broken, concat(lit(c.rule() + ": "), c.detail())));
    }
    // the broken rules in order, without filter(array(...), isNotNull): a higher-order function
    // is evaluated row by row outside generated code, with every check beneath it, which made it
    // the largest cost of validation; concat_ws skips the nulls (rule names have no comma: Check)
    Column joined = concat_ws(",", rules.toArray(Column[]::new));
    Dataset<Row> checked =
        typed.withColumns(
            java.util.Map.of(
                RULES_COL,
                    when(joined.equalTo(lit("")), array().cast("array<string>"))
                        .otherwise(split(joined, ",")),
                DETAIL_COL, coalesce(details.toArray(Column[]::new))));
    return checked;
  }

  /** Rows that broke no rule, with the contract's columns only. */
  public static Dataset<Row> accepted(Dataset<Row> validated, InputTable table) {
    return validated
        .filter(size(col(RULES_COL)).equalTo(0))
        .select(table.columns().stream().map(c -> col(c.name())).toArray(Column[]::new));
  }

  /**
   * A table validated as the job does it ({@link #validateCached}): every row with its rules, and
   * the raw text of its duplicate losers (null when it has none).
   */
  public record Validated(Dataset<Row> rows, Dataset<Row> loserTexts) {
    /** Rows that broke a rule, in the quarantine's shape, duplicate losers with their raw row. */
    public Dataset<Row> quarantined(InputTable table) {
      return Validation.quarantined(rows, table, loserTexts);
    }
  }

  /**
   * Validates a table the way the job does: {@link #check} into a slim cache ({@link #forCache},
   * kept by {@code persist}), duplicates flagged on it with the (also kept) losers, and the losers'
   * raw text read again from {@code raw} ({@link #rawTextOf}).
   */
  public static Validated validateCached(
      Dataset<Row> raw,
      InputTable table,
      Context ctx,
      java.util.function.UnaryOperator<Dataset<Row>> persist) {
    Dataset<Row> checked = persist.apply(forCache(check(raw, table, ctx), table));
    Dataset<Row> losers = duplicateLosers(checked, table);
    if (losers == null) {
      return new Validated(checked, null);
    }
    losers = persist.apply(losers);
    return new Validated(flagDuplicates(checked, losers, table), rawTextOf(raw, losers));
  }

  /**
   * Rows that broke a rule, in the quarantine's shape, from a table validated as the job caches it
   * ({@link #forCache}): a duplicate loser's raw row is taken from {@code loserTexts} ({@link
   * #rawTextOf}; null when the table has no losers).
   */
  public static Dataset<Row> quarantined(
      Dataset<Row> validated, InputTable table, Dataset<Row> loserTexts) {
    Dataset<Row> q = quarantineRows(validated, table);
    if (loserTexts == null) {
      return q;
    }
    return q.join(
            loserTexts,
            q.col(Cols.SOURCE_FILE)
                .equalTo(loserTexts.col(TEXT_FILE))
                .and(q.col(Cols.ROW_NUMBER).equalTo(loserTexts.col(TEXT_LINE))),
            "left")
        .withColumn(Cols.RAW_ROW, coalesce(col(Cols.RAW_ROW), col(TEXT_OF)))
        .drop(TEXT_FILE, TEXT_LINE, TEXT_OF);
  }

  /** The raw columns the quarantine reads: its record key (the key, or the first two columns). */
  private static List<String> quarantineKeyColumns(InputTable table) {
    return table
        .keyColumn()
        .map(List::of)
        .orElse(List.of(table.columns().get(0).name(), table.columns().get(1).name()));
  }

  /**
   * What the job caches of {@link #check}: without the raw copy of every column (the rules have
   * read them; the quarantine needs only its record key's) and without the raw text of rows that
   * broke no rule. Of a clean input those were over half the cached bytes, which at 10M enterprises
   * spilled tens of GB to local disk. The few rows that then lose as duplicates get their raw text
   * read again from the source ({@link #rawTextOf}).
   */
  public static Dataset<Row> forCache(Dataset<Row> checked, InputTable table) {
    List<String> keys = quarantineKeyColumns(table).stream().map(k -> RAW_PREFIX + k).toList();
    List<Column> kept = new ArrayList<>();
    for (String c : checked.columns()) {
      if (c.equals(Cols.RAW_MALFORMED)
          || c.equals(Cols.RAW_TYPE_ERRORS)
          || (c.startsWith(RAW_PREFIX) && !keys.contains(c))) {
        continue;
      }
      kept.add(
          c.equals(Cols.RAW_TEXT)
              ? when(size(col(RULES_COL)).gt(0), col(Cols.RAW_TEXT)).as(Cols.RAW_TEXT)
              : col(c));
    }
    return checked.select(kept.toArray(Column[]::new));
  }

  /**
   * The raw text of the {@link #duplicateLosers} read again from the source rows ({@code raw}, what
   * {@code RawReader.read} returns), so only a table with duplicates costs a second read. An EXISTS
   * filter on file and line against the few (broadcast) losers, not a semi join: Spark pushes the
   * filter beneath the reader's projection, so the raw text (a JSON of every column for Parquet) is
   * made for the losers alone, where a semi join stays above it and makes every row's.
   */
  public static Dataset<Row> rawTextOf(Dataset<Row> raw, Dataset<Row> losers) {
    Dataset<Row> at = broadcast(losers.select(col(DUP_FILE), col(DUP_LINE)));
    Column isLoser =
        at.where(
                col(DUP_FILE)
                    .equalTo(col(Cols.RAW_FILE).outer())
                    .and(col(DUP_LINE).equalTo(col(Cols.RAW_LINE).outer())))
            .exists();
    return raw.where(isLoser)
        .select(
            col(Cols.RAW_FILE).as(TEXT_FILE),
            col(Cols.RAW_LINE).as(TEXT_LINE),
            col(Cols.RAW_TEXT).as(TEXT_OF));
  }

  private static final String TEXT_FILE = "_text_file";
  private static final String TEXT_LINE = "_text_line";
  private static final String TEXT_OF = "_text_of";

  private static Dataset<Row> quarantineRows(Dataset<Row> validated, InputTable table) {
    List<String> keyCols = quarantineKeyColumns(table);
    Column key =
        table.keyColumn().isPresent()
            ? col(RAW_PREFIX + keyCols.get(0))
            : concat(
                coalesce(col(RAW_PREFIX + keyCols.get(0)), lit("")),
                lit("/"),
                coalesce(col(RAW_PREFIX + keyCols.get(1)), lit("")));
    return validated
        .filter(size(col(RULES_COL)).gt(0))
        .select(
            lit(table.tableName()).as(Cols.INPUT),
            try_element_at(col(RULES_COL), lit(1)).as(Cols.RULE),
            col(RULES_COL).as(Cols.RULES),
            col(DETAIL_COL).as(Cols.DETAIL),
            col(Cols.RAW_FILE).as(Cols.SOURCE_FILE),
            col(Cols.RAW_LINE).as(Cols.ROW_NUMBER),
            key.as(Cols.RECORD_KEY),
            col(Cols.RAW_TEXT).as(Cols.RAW_ROW));
  }

  // ---- typed columns ---------------------------------------------------------------------------

  private static Column[] typedColumns(InputTable table) {
    List<Column> out = new ArrayList<>();
    out.add(col(Cols.RAW_FILE));
    out.add(col(Cols.RAW_LINE));
    out.add(col(Cols.RAW_TEXT));
    out.add(col(Cols.RAW_MALFORMED));
    out.add(col(Cols.RAW_TYPE_ERRORS));
    for (ColumnSpec c : table.columns()) {
      out.add(typed(c, table).as(c.name()));
      out.add(col(c.name()).as(RAW_PREFIX + c.name()));
    }
    return out.toArray(Column[]::new);
  }

  /** Values the contract lists as a closed vocabulary are compared in lower case. */
  private static boolean isVocabulary(InputTable table, String column) {
    return column.equals(Cols.STATUS)
        || column.equals(Cols.POSITION)
        || column.equals(Cols.STAGE)
        || column.equals(Cols.TAGS)
        || (table == InputTable.ENTERPRISES && column.equals(Cols.SIGNALS));
  }

  private static Column typed(ColumnSpec c, InputTable table) {
    Column raw = col(c.name());
    Column text = nullIfBlank(trim(raw));
    boolean vocab = isVocabulary(table, c.name());
    return switch (c.type()) {
      case STRING -> {
        Column t = vocab ? lower(text) : text;
        if (c.name().equals(Cols.COUNTRY) || c.name().equals(Cols.USCC)) {
          t = upper(text);
        }
        yield t;
      }
      case STRING_ARRAY ->
          filter(transform(raw, x -> vocab ? lower(trim(x)) : trim(x)), x -> x.notEqual(lit("")));
      case DOUBLE -> text.try_cast(DataTypes.DoubleType);
      case INT -> text.try_cast(DataTypes.IntegerType);
      case BOOLEAN ->
          when(text.isin("是", "有"), lit(true))
              .when(text.isin("否", "无"), lit(false))
              .otherwise(text.try_cast(DataTypes.BooleanType));
      case DATE -> parseDate(text);
    };
  }

  /** ISO dates, and the slashed form Excel writes (2026/11/20). */
  static Column parseDate(Column text) {
    return coalesce(
        text.try_cast(DataTypes.DateType), to_date(try_to_timestamp(text, lit("yyyy/M/d"))));
  }

  private static Column nullIfBlank(Column c) {
    return when(c.notEqual(lit("")), c);
  }

  private static Dataset<Row> withReferenceFlags(
      Dataset<Row> typed, InputTable table, Context ctx) {
    Dataset<Row> zones =
        ctx.zoneIds()
            .select(col(Cols.ZONE_ID).as("_ref_zone"), lit(true).as(ZONE_KNOWN))
            .distinct();
    Dataset<Row> out =
        typed
            .join(broadcast(zones), typed.col(Cols.ZONE_ID).equalTo(zones.col("_ref_zone")), "left")
            .drop("_ref_zone");
    if (table == InputTable.ZONE_CHAIN) {
      Dataset<Row> nodes =
          ctx.nodeIds()
              .select(col(Cols.NODE_ID).as("_ref_node"), lit(true).as(NODE_KNOWN))
              .distinct();
      out =
          out.join(broadcast(nodes), out.col(Cols.NODE_ID).equalTo(nodes.col("_ref_node")), "left")
              .drop("_ref_node");
    }
    return out;
  }

  // ---- the rules -------------------------------------------------------------------------------

  private static List<Check> checks(InputTable table, Context ctx) {
    List<Check> checks = new ArrayList<>();
    for (ColumnSpec c : table.columns()) {
      if (c.type() != ColumnType.STRING && c.type() != ColumnType.STRING_ARRAY) {
        checks.add(
            new Check(
                Rules.BAD_TYPE,
                col(RAW_PREFIX + c.name())
                    .isNotNull()
                    .and(nullIfBlank(trim(col(RAW_PREFIX + c.name()))).isNotNull())
                    .and(col(c.name()).isNull()),
                concat(
                    lit(c.name() + " '"),
                    col(RAW_PREFIX + c.name()),
                    lit("' is not a " + c.type().contractName()))));
      }
      checks.add(
          new Check(
              Rules.BAD_TYPE,
              coalesce(array_contains(col(Cols.RAW_TYPE_ERRORS), lit(c.name())), lit(false)),
              lit(c.name() + " is not a " + c.type().contractName())));
    }
    for (ColumnSpec c : table.columns()) {
      if (c.required()) {
        Column absent =
            c.type().isArray()
                ? col(c.name()).isNull().or(size(col(c.name())).equalTo(0))
                : col(c.name()).isNull();
        checks.add(new Check(Rules.MISSING_REQUIRED, absent, lit(c.name() + " is required")));
      }
    }
    switch (table) {
      case ENTERPRISES -> enterpriseChecks(checks, ctx);
      case ZONES -> {
        codes(checks, Cols.LEAD_INDUSTRIES, ctx);
        inRange(checks, Cols.LATITUDE, -90, 90, Rules.INVALID_COORDINATES);
        inRange(checks, Cols.LONGITUDE, -180, 180, Rules.INVALID_COORDINATES);
        nonNegative(checks, Cols.LAND_HA, Cols.FACTORY_M2, Cols.OFFICE_M2);
      }
      case CHAIN_NODES -> {
        vocabulary(checks, Cols.POSITION, Rules.POSITIONS, Rules.INVALID_POSITION);
        codes(checks, Cols.INDUSTRY_CODES, ctx);
      }
      case ZONE_CHAIN -> {
        reference(checks, Cols.ZONE_ID, ZONE_KNOWN, Rules.UNKNOWN_ZONE, "zones");
        reference(checks, Cols.NODE_ID, NODE_KNOWN, Rules.UNKNOWN_NODE, "chain_nodes");
        vocabulary(checks, Cols.STATUS, Rules.STATUSES, Rules.INVALID_STATUS);
        inRange(checks, Cols.PRIORITY, 1, 5, Rules.OUT_OF_RANGE);
      }
      case OPPORTUNITIES -> {
        reference(checks, Cols.ZONE_ID, ZONE_KNOWN, Rules.UNKNOWN_ZONE, "zones");
        codes(checks, Cols.INDUSTRY_CODES, ctx);
        nonNegative(checks, Cols.BUDGET);
      }
      case OUTCOMES -> {
        vocabulary(checks, Cols.STAGE, Rules.STAGES, Rules.INVALID_STAGE);
        nonNegative(checks, Cols.INVESTMENT);
      }
    }
    return checks;
  }

  private static void enterpriseChecks(List<Check> checks, Context ctx) {
    checks.add(
        new Check(
            Rules.INVALID_USCC,
            col(Cols.USCC).isNotNull().and(UsccColumns.isValid(col(Cols.USCC)).unary_$bang()),
            concat(
                lit("uscc '"),
                col(Cols.USCC),
                lit("' is not an 18-character code with a right check character"))));
    checks.add(
        new Check(
            Rules.INVALID_COUNTRY,
            col(Cols.COUNTRY).isin(Rules.COUNTRIES.toArray()).unary_$bang(),
            concat(
                lit("country '"),
                col(RAW_PREFIX + Cols.COUNTRY),
                lit("' is not ISO 3166-1 alpha-2"))));
    checks.add(
        new Check(
            Rules.INVALID_COORDINATES,
            col(Cols.LATITUDE).isNull().notEqual(col(Cols.LONGITUDE).isNull()),
            lit("latitude and longitude must be given both or neither")));
    inRange(checks, Cols.LATITUDE, -90, 90, Rules.INVALID_COORDINATES);
    inRange(checks, Cols.LONGITUDE, -180, 180, Rules.INVALID_COORDINATES);
    codes(checks, Cols.INDUSTRY_CODES, ctx);
    nonNegative(
        checks,
        Cols.REGISTERED_CAPITAL,
        Cols.REVENUE,
        Cols.EMPLOYEES,
        Cols.FOUNDED_YEAR,
        Cols.PATENTS);
    inRange(checks, Cols.RD_RATIO, 0, 1, Rules.OUT_OF_RANGE);
    checks.add(
        new Check(
            Rules.FUTURE_YEAR,
            col(Cols.FOUNDED_YEAR).gt(lit(ctx.runDate().getYear())),
            concat(
                lit("founded_year "),
                col(Cols.FOUNDED_YEAR).cast(DataTypes.StringType),
                lit(" is after the run date's year " + ctx.runDate().getYear()))));
    checks.add(
        new Check(
            Rules.UNKNOWN_TAG,
            exists(col(Cols.TAGS), t -> t.isin(Rules.TAGS.toArray()).unary_$bang()),
            concat(
                lit("tags has "),
                array_join(
                    filter(col(Cols.TAGS), t -> t.isin(Rules.TAGS.toArray()).unary_$bang()), ";"),
                lit(", not one of " + String.join(", ", Rules.TAGS)))));
    checks.add(
        new Check(
            Rules.INVALID_SIGNAL,
            exists(col(Cols.SIGNALS), s -> isValidSignal(s).unary_$bang()),
            concat(
                lit("signals has "),
                array_join(filter(col(Cols.SIGNALS), s -> isValidSignal(s).unary_$bang()), ";"),
                lit(
                    ", not kind:YYYY-MM-DD with kind in "
                        + String.join(", ", Rules.SIGNAL_KINDS)))));
  }

  /** `kind:YYYY-MM-DD` with a known kind and a real date. */
  public static Column isValidSignal(Column s) {
    Column kind = try_element_at(split(s, ":"), lit(1));
    Column date = try_element_at(split(s, ":"), lit(2));
    return s.rlike("^[a-z_]+:[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        .and(kind.isin(Rules.SIGNAL_KINDS.toArray()))
        .and(date.try_cast(DataTypes.DateType).isNotNull());
  }

  private static void codes(List<Check> checks, String column, Context ctx) {
    checks.add(
        new Check(
            Rules.INVALID_INDUSTRY_CODE,
            exists(col(column), c -> IndustryCodes.isValid(c, ctx.knownCodes()).unary_$bang()),
            concat(
                lit(column + " has "),
                array_join(
                    filter(
                        col(column), c -> IndustryCodes.isValid(c, ctx.knownCodes()).unary_$bang()),
                    ";"),
                lit(
                    ctx.knownCodes().isEmpty()
                        ? ", not a GB/T 4754-2017 code (2-4 digits, major class 01-97)"
                        : ", not a class of the GB/T 4754-2017 table"))));
  }

  private static void nonNegative(List<Check> checks, String... columns) {
    for (String c : columns) {
      checks.add(
          new Check(
              Rules.NEGATIVE_VALUE,
              col(c).lt(0),
              concat(lit(c + " "), col(RAW_PREFIX + c), lit(" is negative"))));
    }
  }

  private static void inRange(List<Check> checks, String c, double lo, double hi, String rule) {
    checks.add(
        new Check(
            rule,
            col(c).lt(lo).or(col(c).gt(hi)),
            concat(
                lit(c + " "),
                col(RAW_PREFIX + c),
                lit(" is outside " + fmt(lo) + ".." + fmt(hi)))));
  }

  private static void vocabulary(List<Check> checks, String c, List<String> values, String rule) {
    checks.add(
        new Check(
            rule,
            col(c).isin(values.toArray()).unary_$bang(),
            concat(
                lit(c + " '"),
                col(RAW_PREFIX + c),
                lit("' is not one of " + String.join(", ", values)))));
  }

  private static void reference(
      List<Check> checks, String c, String knownFlag, String rule, String parent) {
    checks.add(
        new Check(
            rule,
            col(c).isNotNull().and(col(knownFlag).isNull()),
            concat(lit(c + " '"), col(c), lit("' is not an accepted row of " + parent))));
  }

  /**
   * Among rows that broke no other rule, the second and later rows of a key become duplicate_id:
   * the newest updated_at is kept (enterprises), then the first read. Reads {@code checked} twice
   * (cache it): once to count the rows per key (a shuffle of the keys alone), then to flag the
   * losing rows, found among the few rows of repeated keys, by a broadcast join. A window over all
   * rows by key would shuffle every whole row (with its raw text) for the sake of a few repeats.
   */
  public static Dataset<Row> markDuplicates(Dataset<Row> checked, InputTable table) {
    return flagDuplicates(checked, duplicateLosers(checked, table), table);
  }

  /**
   * The rows of {@code checked} that lose to an earlier or newer row of the same key (key, file,
   * line): few, and read by every later use of the table, so the job caches them. Null for a table
   * without a key.
   */
  public static Dataset<Row> duplicateLosers(Dataset<Row> checked, InputTable table) {
    if (table.keyColumn().isEmpty()) {
      return null;
    }
    String key = table.keyColumn().get();
    Column clean = size(col(RULES_COL)).equalTo(0);
    Dataset<Row> cleanRows = checked.filter(clean.and(col(key).isNotNull()));
    Dataset<Row> repeated =
        cleanRows
            .groupBy(col(key).as(DUP_KEY))
            .count()
            .filter(col("count").gt(1))
            .select(col(DUP_KEY));
    List<Column> order = new ArrayList<>();
    if (table.column(Cols.UPDATED_AT).isPresent()) {
      order.add(col(Cols.UPDATED_AT).desc_nulls_last());
    }
    order.add(col(Cols.RAW_FILE).asc());
    order.add(col(Cols.RAW_LINE).asc());
    Dataset<Row> losers =
        cleanRows
            .join(broadcast(repeated), cleanRows.col(key).equalTo(repeated.col(DUP_KEY)))
            .withColumn(
                "_n",
                row_number()
                    .over(Window.partitionBy(col(key)).orderBy(order.toArray(Column[]::new))))
            .filter(col("_n").gt(1))
            .select(
                col(key).as(DUP_KEY),
                col(Cols.RAW_FILE).as(DUP_FILE),
                col(Cols.RAW_LINE).as(DUP_LINE),
                lit(true).as(DUP));
    return losers;
  }

  /** {@code checked} with the {@link #duplicateLosers} marked duplicate_id. */
  public static Dataset<Row> flagDuplicates(
      Dataset<Row> checked, Dataset<Row> losers, InputTable table) {
    if (losers == null) {
      return checked;
    }
    String key = table.keyColumn().orElseThrow();
    // losers are at most the quarantine limit's share of the rows, or the run stops anyway
    Dataset<Row> flagged =
        checked
            .join(
                broadcast(losers),
                checked
                    .col(key)
                    .equalTo(losers.col(DUP_KEY))
                    .and(checked.col(Cols.RAW_FILE).equalTo(losers.col(DUP_FILE)))
                    .and(checked.col(Cols.RAW_LINE).equalTo(losers.col(DUP_LINE))),
                "left")
            .drop(DUP_KEY, DUP_FILE, DUP_LINE);
    Column dup = coalesce(col(DUP), lit(false));
    return flagged
        .withColumn(
            DETAIL_COL,
            when(
                    dup,
                    concat(
                        lit(Rules.DUPLICATE_ID + ": " + key + " '"),
                        col(key),
                        lit(
                            table.column(Cols.UPDATED_AT).isPresent()
                                ? "' appears again; the row with the newest updated_at is kept"
                                : "' appears again; the first row is kept")))
                .otherwise(col(DETAIL_COL)))
        .withColumn(RULES_COL, when(dup, array(lit(Rules.DUPLICATE_ID))).otherwise(col(RULES_COL)))
        .drop(DUP);
  }

  private static final String DUP_KEY = "_dup_key";
  private static final String DUP_FILE = "_dup_file";
  private static final String DUP_LINE = "_dup_line";
  private static final String DUP = "_dup";

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
