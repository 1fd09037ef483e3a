package org.oppmatch.validate;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.ColumnSpec;
import org.oppmatch.schema.InputTable;

/**
 * The validated form of a table and its quarantine. A validated row holds where the record came
 * from, its raw text (only when the quarantine may need it: the row broke a rule, or its key
 * repeats and it may lose as a duplicate), its key as read, the rules it broke and the first one's
 * message, then the contract's typed columns. The rules themselves are {@link RowValidator}'s.
 */
public final class Validation {
  private Validation() {}

  public static final int FILE = 0;
  public static final int LINE = 1;
  public static final int RAW = 2;
  public static final int KEY = 3;
  public static final int RULES = 4;
  public static final int DETAIL = 5;

  /** A 64-bit hash of the typed key (null without one): what the duplicate search groups by. */
  public static final int KEY_HASH = 6;

  /** The name of the key hash column of a validated row. */
  public static final String KEY_HASH_COLUMN = "_key_hash";

  /** The name of the rules column of a validated row. */
  public static final String RULES_COLUMN = "_rules";

  /** Position of the table's first contract column in a validated row. */
  public static final int FIRST_VALUE = 7;

  /** The schema of a validated table: provenance, rules and the typed contract columns. */
  public static StructType schema(InputTable table) {
    StructType s =
        new StructType()
            .add(Cols.RAW_FILE, DataTypes.StringType, false)
            .add(Cols.RAW_LINE, DataTypes.LongType, false)
            .add(Cols.RAW_TEXT, DataTypes.StringType)
            .add("_key", DataTypes.StringType)
            .add(RULES_COLUMN, DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("_detail", DataTypes.StringType)
            .add(KEY_HASH_COLUMN, DataTypes.LongType);
    for (ColumnSpec c : table.columns()) {
      s = s.add(c.name(), c.type().sparkType());
    }
    return s;
  }

  /** Which validated rows keep their raw text: the quarantine shows it. */
  public static final class KeepText implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The rows that broke a rule: the only ones the quarantine can hold, without duplicates. */
    public static final KeepText REJECTED = new KeepText(false, null);

    /** Every row: for a small input, whose text costs less than reading the input again. */
    public static final KeepText ALL = new KeepText(true, null);

    private final boolean all;
    private final Broadcast<long[]> keyHashes;

    private KeepText(boolean all, Broadcast<long[]> keyHashes) {
      this.all = all;
      this.keyHashes = keyHashes;
    }

    /**
     * The rows that broke a rule, and those whose key's hash is among {@code keyHashes} (sorted):
     * the keys that repeat, all of whose rows but one are quarantined as duplicates.
     */
    public static KeepText rejectedAndKeys(Broadcast<long[]> keyHashes) {
      return new KeepText(false, keyHashes);
    }

    long[] keys() {
      return keyHashes == null ? null : keyHashes.value();
    }
  }

  /** A checked record as a validated row, keeping its raw text when {@code keep} says so. */
  private static Row toRow(RowValidator.Checked c, KeepText keep, long[] keys) {
    Object[] out = new Object[FIRST_VALUE + c.values().length];
    Long keyHash = c.keyValue() == null ? null : keyHash(c.keyValue());
    boolean keepText =
        keep.all
            || !c.accepted()
            || (keys != null
                && keyHash != null
                && java.util.Arrays.binarySearch(keys, keyHash) >= 0);
    out[FILE] = c.file();
    out[LINE] = c.line();
    out[RAW] = keepText ? c.text() : null;
    out[KEY] = c.recordKey();
    out[RULES] = c.rules().toArray(new String[0]);
    out[DETAIL] = c.detail();
    out[KEY_HASH] = keyHash;
    for (int i = 0; i < c.values().length; i++) {
      Object v = c.values()[i];
      out[FIRST_VALUE + i] = v instanceof java.time.LocalDate d ? java.sql.Date.valueOf(d) : v;
    }
    return RowFactory.create(out);
  }

  /**
   * Every raw row of a table checked by {@code validator}, in one pass, as validated rows (raw text
   * kept for the rows that broke a rule).
   */
  public static Dataset<Row> validate(Dataset<Row> raw, RowValidator validator, InputTable table) {
    return validate(raw, validator, table, KeepText.REJECTED);
  }

  /**
   * Every raw row checked, as validated rows keeping the raw text of the rows {@code keep} says.
   */
  public static Dataset<Row> validate(
      Dataset<Row> raw, RowValidator validator, InputTable table, KeepText keep) {
    return raw.mapPartitions(
        (MapPartitionsFunction<Row, Row>)
            rows -> {
              long[] keys = keep.keys();
              return new Iterator<>() {
                @Override
                public boolean hasNext() {
                  return rows.hasNext();
                }

                @Override
                public Row next() {
                  return toRow(validator.check(rows.next()), keep, keys);
                }
              };
            },
        Encoders.row(schema(table)));
  }

  /**
   * A 64-bit hash (XXH64, as Spark's {@code xxhash64} hashes a string) of a key: ids are grouped by
   * it, 8 bytes a row, and the few rows whose hash repeats are then compared by the ids themselves,
   * so a collision costs nothing but a look.
   */
  public static long keyHash(String key) {
    byte[] b = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return org.apache.spark.sql.catalyst.expressions.XXH64.hashUnsafeBytes(
        b, org.apache.spark.unsafe.Platform.BYTE_ARRAY_OFFSET, b.length, 42L);
  }

  /** Whether a validated row broke no rule. */
  public static boolean accepted(Row validated) {
    return validated.getList(RULES).isEmpty();
  }

  // ---- the quarantine ---------------------------------------------------------------------------

  /** The quarantine's columns (without the run date the job adds). */
  public static final StructType QUARANTINE =
      new StructType()
          .add(Cols.INPUT, DataTypes.StringType)
          .add(Cols.RULE, DataTypes.StringType)
          .add(Cols.RULES, DataTypes.createArrayType(DataTypes.StringType, false))
          .add(Cols.DETAIL, DataTypes.StringType)
          .add(Cols.SOURCE_FILE, DataTypes.StringType)
          .add(Cols.ROW_NUMBER, DataTypes.LongType)
          .add(Cols.RECORD_KEY, DataTypes.StringType)
          .add(Cols.RAW_ROW, DataTypes.StringType);

  /** A rejected record as a quarantine row. */
  public static Row quarantineRow(
      InputTable table,
      String file,
      long line,
      String key,
      List<String> rules,
      String detail,
      String raw) {
    return RowFactory.create(
        table.tableName(),
        rules.get(0),
        rules.toArray(new String[0]),
        detail,
        file,
        line,
        visible(key),
        visible(raw));
  }

  /**
   * Text as the quarantine shows it: no output ever holds U+FFFD, so one in the input is written
   * {@code \uFFFD} (bad bytes are {@code \xNN} already, as the reader decoded them).
   */
  public static String visible(String text) {
    return text == null || text.indexOf('\uFFFD') < 0 ? text : text.replace("\uFFFD", "\\uFFFD");
  }

  /**
   * The quarantine rows of a validated table held by Spark (the enterprises), in file order: every
   * row that broke a rule, and the duplicate losers under {@code duplicate_id}. A text input's
   * validated rows hold the raw text of both ({@code rawTextKept}: validated keeping the text of
   * the repeated keys' rows); a Parquet input's hold none (its raw text is a JSON of the whole
   * row), and it is read again from the source ({@code raw}, the reader's rows with their text) for
   * the quarantined rows alone.
   */
  public static Dataset<Row> quarantined(
      Dataset<Row> validated,
      InputTable table,
      Duplicates duplicates,
      java.util.function.Supplier<Dataset<Row>> raw,
      boolean rawTextKept) {
    int key = FIRST_VALUE + table.indexOf(table.keyColumn().orElseThrow());
    Dataset<Row> rows =
        validated.mapPartitions(
            (MapPartitionsFunction<Row, Row>)
                it -> {
                  List<Row> out = new ArrayList<>();
                  while (it.hasNext()) {
                    Row v = it.next();
                    List<String> rules = v.getList(RULES);
                    String file = v.getString(FILE);
                    long line = v.getLong(LINE);
                    if (!rules.isEmpty()) {
                      out.add(
                          quarantineRow(
                              table,
                              file,
                              line,
                              v.getString(KEY),
                              rules,
                              v.getString(DETAIL),
                              v.getString(RAW)));
                    } else if (duplicates.isLoser(v.getString(key), file, line)) {
                      out.add(
                          quarantineRow(
                              table,
                              file,
                              line,
                              v.getString(KEY),
                              List.of(Rules.DUPLICATE_ID),
                              duplicates.detail(v.getString(key)),
                              v.getString(RAW)));
                    }
                  }
                  return out.iterator();
                },
            Encoders.row(QUARANTINE));
    if (rawTextKept) {
      return rows;
    }
    // the positions come back (few: the quarantine limit bounds them) and go out again as a plan
    // of their own, which the reader's filter can refer to
    Dataset<Row> missing =
        validated
            .sparkSession()
            .createDataFrame(
                rows.filter(col(Cols.RAW_ROW).isNull())
                    .select(col(Cols.SOURCE_FILE), col(Cols.ROW_NUMBER))
                    .collectAsList(),
                new StructType()
                    .add(DUP_FILE, DataTypes.StringType)
                    .add(DUP_LINE, DataTypes.LongType));
    Dataset<Row> texts = rawTextOf(raw.get(), missing);
    return rows.join(
            broadcast(texts),
            rows.col(Cols.SOURCE_FILE)
                .equalTo(texts.col(TEXT_FILE))
                .and(rows.col(Cols.ROW_NUMBER).equalTo(texts.col(TEXT_LINE))),
            "left")
        .select(
            col(Cols.INPUT),
            col(Cols.RULE),
            col(Cols.RULES),
            col(Cols.DETAIL),
            col(Cols.SOURCE_FILE),
            col(Cols.ROW_NUMBER),
            col(Cols.RECORD_KEY),
            // a Parquet row's text shows a U+FFFD as the quarantine's other rows do
            org.apache
                .spark
                .sql
                .functions
                .regexp_replace(
                    org.apache.spark.sql.functions.coalesce(col(Cols.RAW_ROW), col(TEXT_OF)),
                    "\uFFFD",
                    "\\\\uFFFD")
                .as(Cols.RAW_ROW));
  }

  private static final String DUP_FILE = "_dup_file";
  private static final String DUP_LINE = "_dup_line";

  private static final String TEXT_FILE = "_text_file";
  private static final String TEXT_LINE = "_text_line";
  private static final String TEXT_OF = "_text_of";

  /**
   * The raw text of the rows at {@code losers} (file and line) read again from the source rows
   * ({@code raw}, what {@code RawReader.read} returns). An EXISTS filter on file and line against
   * the few (broadcast) losers, not a semi join: Spark pushes the filter beneath the reader's
   * projection, so the raw text (a JSON of every column for Parquet) is made for the losers alone,
   * where a semi join stays above it and makes every row's.
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
}
