package org.oppmatch.schema;

import static org.oppmatch.schema.ColumnSpec.optional;
import static org.oppmatch.schema.ColumnSpec.required;
import static org.oppmatch.schema.ColumnType.BOOLEAN;
import static org.oppmatch.schema.ColumnType.DATE;
import static org.oppmatch.schema.ColumnType.DOUBLE;
import static org.oppmatch.schema.ColumnType.INT;
import static org.oppmatch.schema.ColumnType.STRING;
import static org.oppmatch.schema.ColumnType.STRING_ARRAY;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The input tables of data-contract.md, each with its explicit schema and key column. */
public enum InputTable {
  ENTERPRISES(
      "enterprises",
      Cols.ENTERPRISE_ID,
      true,
      List.of(
          // version 3: the id defaults to the USCC, the country to CN (requiredColumns says how)
          optional(Cols.ENTERPRISE_ID, STRING),
          optional(Cols.USCC, STRING),
          required(Cols.NAME, STRING),
          optional(Cols.COUNTRY, STRING),
          optional(Cols.PROVINCE, STRING),
          optional(Cols.CITY, STRING),
          optional(Cols.LATITUDE, DOUBLE),
          optional(Cols.LONGITUDE, DOUBLE),
          optional(Cols.INDUSTRY_CODES, STRING_ARRAY),
          optional(Cols.BUSINESS_SCOPE, STRING),
          optional(Cols.PRODUCTS, STRING),
          optional(Cols.REGISTERED_CAPITAL, DOUBLE),
          optional(Cols.REVENUE, DOUBLE),
          optional(Cols.EMPLOYEES, INT),
          optional(Cols.FOUNDED_YEAR, INT),
          optional(Cols.PATENTS, INT),
          optional(Cols.RD_RATIO, DOUBLE),
          optional(Cols.REVENUE_GROWTH, DOUBLE),
          optional(Cols.TAGS, STRING_ARRAY),
          optional(Cols.SIGNALS, STRING_ARRAY),
          optional(Cols.LOCAL_PRESENCE, BOOLEAN),
          optional(Cols.GROUP_ID, STRING),
          optional(Cols.UPDATED_AT, DATE),
          optional(Cols.INDUSTRY_NAMES, STRING_ARRAY),
          optional(Cols.REGISTRATION_STATUS, STRING),
          optional(Cols.LEGAL_REPRESENTATIVE, STRING),
          optional(Cols.PHONE, STRING),
          optional(Cols.EMAIL, STRING),
          optional(Cols.WEBSITE, STRING),
          optional(Cols.ADDRESS, STRING))),
  ZONES(
      "zones",
      Cols.ZONE_ID,
      true,
      List.of(
          required(Cols.ZONE_ID, STRING),
          required(Cols.NAME_ZH, STRING),
          optional(Cols.NAME_EN, STRING),
          required(Cols.ECOSYSTEM, STRING),
          optional(Cols.DISTRICT, STRING),
          optional(Cols.LATITUDE, DOUBLE),
          optional(Cols.LONGITUDE, DOUBLE),
          required(Cols.LEAD_INDUSTRIES, STRING_ARRAY),
          optional(Cols.TRACKS, STRING_ARRAY),
          optional(Cols.LAND_HA, DOUBLE),
          optional(Cols.FACTORY_M2, DOUBLE),
          optional(Cols.OFFICE_M2, DOUBLE))),
  CHAIN_NODES(
      "chain_nodes",
      Cols.NODE_ID,
      true,
      List.of(
          required(Cols.NODE_ID, STRING),
          required(Cols.ECOSYSTEM, STRING),
          required(Cols.NAME_ZH, STRING),
          required(Cols.POSITION, STRING),
          required(Cols.INDUSTRY_CODES, STRING_ARRAY),
          optional(Cols.KEYWORDS, STRING_ARRAY))),
  ZONE_CHAIN(
      "zone_chain",
      null,
      true,
      List.of(
          required(Cols.ZONE_ID, STRING),
          required(Cols.NODE_ID, STRING),
          required(Cols.STATUS, STRING),
          optional(Cols.PRIORITY, INT))),
  OPPORTUNITIES(
      "opportunities",
      Cols.OPPORTUNITY_ID,
      true,
      List.of(
          required(Cols.OPPORTUNITY_ID, STRING),
          required(Cols.TITLE, STRING),
          optional(Cols.PUBLISHER, STRING),
          optional(Cols.ZONE_ID, STRING),
          optional(Cols.ECOSYSTEM, STRING),
          optional(Cols.INDUSTRY_CODES, STRING_ARRAY),
          required(Cols.DESCRIPTION, STRING),
          optional(Cols.KEYWORDS, STRING_ARRAY),
          optional(Cols.COOPERATION_MODE, STRING),
          optional(Cols.BUDGET, DOUBLE),
          optional(Cols.PUBLISHED_DATE, DATE),
          optional(Cols.DEADLINE, DATE))),
  OUTCOMES(
      "outcomes",
      null,
      false,
      List.of(
          required(Cols.ENTERPRISE_ID, STRING),
          required(Cols.ZONE_ID, STRING),
          required(Cols.STAGE, STRING),
          required(Cols.STAGE_DATE, DATE),
          optional(Cols.INVESTMENT, DOUBLE),
          // version 3: the team's note (备注), shown on the lead's row in the next lists
          optional(Cols.NOTE, STRING)));

  private final String tableName;
  private final String keyColumn;
  private final boolean mandatory;
  private final List<ColumnSpec> columns;

  InputTable(String tableName, String keyColumn, boolean mandatory, List<ColumnSpec> columns) {
    this.tableName = tableName;
    this.keyColumn = keyColumn;
    this.mandatory = mandatory;
    this.columns = columns;
  }

  /** The table's name: its file is NAME.csv, NAME.jsonl, NAME.parquet or a directory NAME/. */
  public String tableName() {
    return tableName;
  }

  /** The unique key column, if the contract gives the table one. */
  public Optional<String> keyColumn() {
    return Optional.ofNullable(keyColumn);
  }

  /**
   * The columns whose values no two rows may share: the key column, or for zone_chain the pair
   * (zone_id, node_id); none for outcomes.
   */
  public List<String> uniqueColumns() {
    if (keyColumn != null) {
      return List.of(keyColumn);
    }
    return this == ZONE_CHAIN ? List.of(Cols.ZONE_ID, Cols.NODE_ID) : List.of();
  }

  /**
   * A record's unique key from its typed values ({@link #uniqueColumns}, joined by ", " when there
   * are two), null when a part is absent or the table has none.
   */
  public String uniqueKey(Object[] values) {
    List<String> columns = uniqueColumns();
    if (columns.isEmpty()) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (String c : columns) {
      Object v = values[indexOf(c)];
      if (v == null) {
        return null;
      }
      if (!b.isEmpty()) {
        b.append(", ");
      }
      b.append(v);
    }
    return b.toString();
  }

  /** Whether a run fails when the table is absent (outcomes is optional). */
  public boolean mandatory() {
    return mandatory;
  }

  public List<ColumnSpec> columns() {
    return columns;
  }

  public Optional<ColumnSpec> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The position of a column among the table's columns. */
  public int indexOf(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(tableName + " has no column " + column);
  }

  /**
   * What a file of the table must hold, each a column or alternatives ("enterprise_id or uscc"):
   * the required columns, and for enterprises (version 3) an id or a USCC, and industry codes or
   * names.
   */
  public List<List<String>> requiredColumns() {
    List<List<String>> out = new java.util.ArrayList<>();
    columns.stream().filter(ColumnSpec::required).forEach(c -> out.add(List.of(c.name())));
    if (this == ENTERPRISES) {
      out.add(0, List.of(Cols.ENTERPRISE_ID, Cols.USCC));
      out.add(List.of(Cols.INDUSTRY_CODES, Cols.INDUSTRY_NAMES));
    }
    return out;
  }

  /** The required columns (or alternatives) a file with these columns lacks, in words. */
  public List<String> missingColumns(java.util.Set<String> present) {
    List<String> out = new java.util.ArrayList<>();
    for (List<String> need : requiredColumns()) {
      if (need.stream().noneMatch(present::contains)) {
        out.add(String.join(" or ", need));
      }
    }
    return out;
  }

  /**
   * The contract column a file's column name means: its own name, or one of its Chinese aliases
   * (data-contract.md, version 3: every enterprises column; outcomes the headers of the engine's
   * own workbooks); null for an extra column.
   */
  public String columnOf(String header) {
    if (header == null) {
      return null;
    }
    String h = header.trim();
    if (column(h).isPresent()) {
      return h;
    }
    return ColumnAliases.of(this).get(h);
  }

  /**
   * Where each of the table's columns is among a file's column names (-1: absent). Two names that
   * mean one column fail the run (exit code 3), naming both.
   */
  public int[] positions(List<String> header, String file) {
    int[] at = new int[columns.size()];
    java.util.Arrays.fill(at, -1);
    for (int i = 0; i < header.size(); i++) {
      String c = columnOf(header.get(i));
      if (c == null) {
        continue;
      }
      int k = indexOf(c);
      if (at[k] >= 0) {
        throw org.oppmatch.JobFailure.inputContract(
            file
                + ": the columns "
                + header.get(at[k]).trim()
                + " and "
                + header.get(i).trim()
                + " both mean "
                + c);
      }
      at[k] = i;
    }
    return at;
  }

  /** Positions of a reader's own fields in a raw row ({@link #rawSchema}); the columns follow. */
  public static final int RAW_FILE_AT = 0;

  public static final int RAW_LINE_AT = 1;
  public static final int RAW_TEXT_AT = 2;
  public static final int RAW_MALFORMED_AT = 3;
  public static final int RAW_TYPE_ERRORS_AT = 4;
  public static final int RAW_BAD_ENCODING_AT = 5;
  public static final int RAW_FIRST_COLUMN_AT = 6;

  /**
   * The schema every reader produces, whatever the file format: contract columns as text (arrays as
   * arrays of text), plus where each record came from and what went wrong while parsing it.
   */
  public StructType rawSchema() {
    StructType s =
        new StructType()
            .add(Cols.RAW_FILE, DataTypes.StringType, false)
            .add(Cols.RAW_LINE, DataTypes.LongType, false)
            .add(Cols.RAW_TEXT, DataTypes.StringType, true)
            .add(Cols.RAW_MALFORMED, DataTypes.StringType, true)
            .add(Cols.RAW_TYPE_ERRORS, DataTypes.createArrayType(DataTypes.StringType, false), true)
            .add(Cols.RAW_BAD_ENCODING, DataTypes.StringType, true);
    for (ColumnSpec c : columns) {
      s =
          s.add(
              new StructField(
                  c.name(), c.type().rawType(), true, org.apache.spark.sql.types.Metadata.empty()));
    }
    return s;
  }

  public static Optional<InputTable> byName(String name) {
    for (InputTable t : values()) {
      if (t.tableName.equals(name)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
