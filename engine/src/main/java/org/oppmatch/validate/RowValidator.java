package org.oppmatch.validate;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.oppmatch.model.IndustryNames;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.ColumnSpec;
import org.oppmatch.schema.ColumnType;
import org.oppmatch.schema.InputTable;

/**
 * The rules of data-contract.md for one input table, in plain Java: a raw record (the reader's
 * text, {@link InputTable#rawSchema()}) becomes its typed values and the rules it broke, with a
 * message naming the column and value of the first. The job applies it to the enterprises once per
 * partition and to the small reference tables on the driver; duplicate keys need the other rows and
 * are found afterwards ({@link Duplicates}).
 */
public final class RowValidator implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Positions of the reader's own fields in a raw row; the table's columns follow them. */
  public static final int FILE = InputTable.RAW_FILE_AT;

  public static final int LINE = InputTable.RAW_LINE_AT;
  public static final int TEXT = InputTable.RAW_TEXT_AT;
  public static final int MALFORMED = InputTable.RAW_MALFORMED_AT;
  public static final int TYPE_ERRORS = InputTable.RAW_TYPE_ERRORS_AT;

  /** Which bytes of the record did not decode in its file's encoding (null: none). */
  public static final int BAD_ENCODING = InputTable.RAW_BAD_ENCODING_AT;

  public static final int FIRST_COLUMN = InputTable.RAW_FIRST_COLUMN_AT;

  private static final Pattern SIGNAL = Pattern.compile("^[a-z_]+:[0-9]{4}-[0-9]{2}-[0-9]{2}$");

  private final InputTable table;
  private final int runYear;
  private final Set<String> knownCodes;
  private final LocalDate runDate;
  private final Set<String> knownZones;
  private final Set<String> knownNodes;
  private final java.util.Map<String, Integer> positions = new java.util.HashMap<>();
  private final Readings readings;

  /**
   * @param knownCodes the classification table's codes (empty: the shape check only)
   * @param knownZones accepted zone ids (for zone_chain, opportunities and outcomes; else unused)
   * @param knownNodes accepted chain node ids (for zone_chain; else unused)
   */
  public RowValidator(
      InputTable table,
      LocalDate runDate,
      Set<String> knownCodes,
      Set<String> knownZones,
      Set<String> knownNodes) {
    this(table, runDate, knownCodes, knownZones, knownNodes, Readings.DEFAULT);
  }

  /**
   * How the values of a registry export are read: the industry names' codes (from the
   * classification the engine ships, or the configured one) and the currencies' rates ({@code
   * inputs.fx_to_cny}).
   */
  public record Readings(
      Map<String, IndustryNames.Lookup> industryByName, Map<String, Double> fxToCny)
      implements Serializable {
    public static final Readings DEFAULT =
        new Readings(
            IndustryNames.byName(IndustryNames.shipped()),
            org.oppmatch.config.JobConfig.Inputs.defaultRates());

    public Readings {
      industryByName = new java.util.HashMap<>(industryByName);
      fxToCny = new java.util.HashMap<>(fxToCny);
    }
  }

  /**
   * @param readings how industry names and money in other currencies are read
   */
  public RowValidator(
      InputTable table,
      LocalDate runDate,
      Set<String> knownCodes,
      Set<String> knownZones,
      Set<String> knownNodes,
      Readings readings) {
    this.readings = readings;
    this.table = table;
    this.runYear = runDate.getYear();
    this.runDate = runDate;
    // copies: the validator is sent to the executors, and a map's key set is no serializable set
    this.knownCodes = new java.util.HashSet<>(knownCodes);
    this.knownZones = new java.util.HashSet<>(knownZones);
    this.knownNodes = new java.util.HashSet<>(knownNodes);
    for (int i = 0; i < table.columns().size(); i++) {
      positions.put(table.columns().get(i).name(), i);
    }
  }

  /**
   * A checked record: where it came from, its typed values in the table's column order (String,
   * String[], Double, Integer, Boolean, LocalDate), the raw value of its key (or of its first two
   * columns) for the quarantine, and the rules it broke in the contract's order with the first
   * one's message (empty and null when accepted).
   */
  public record Checked(
      String file,
      long line,
      String text,
      String recordKey,
      Object[] values,
      int keyIndex,
      List<String> rules,
      String detail) {
    public boolean accepted() {
      return rules.isEmpty();
    }

    /** The typed value of the table's key column (null for a table without one, or absent). */
    public String keyValue() {
      return keyIndex < 0 ? null : (String) values[keyIndex];
    }
  }

  public Checked check(Row raw) {
    String malformed = raw.isNullAt(MALFORMED) ? null : raw.getString(MALFORMED);
    List<ColumnSpec> columns = table.columns();
    Object[] values = new Object[columns.size()];
    List<String> rules = new ArrayList<>(1);
    StringBuilder detail = new StringBuilder();
    String badBytes = raw.isNullAt(BAD_ENCODING) ? null : raw.getString(BAD_ENCODING);
    if (badBytes != null) {
      rules.add(Rules.BAD_ENCODING);
      detail.append(Rules.BAD_ENCODING).append(": ").append(badBytes);
    }
    if (malformed != null) {
      rules.add(Rules.MALFORMED);
      if (detail.isEmpty()) {
        detail.append("line cannot be read as a record: ").append(malformed);
      }
    } else {
      Subject r = new Subject(raw, values, rules, detail);
      for (int i = 0; i < values.length; i++) {
        values[i] = typed(columns.get(i), rawValue(raw, i));
      }
      if (badBytes == null) {
        characters(r);
      }
      typeChecks(r, stringList(raw.get(TYPE_ERRORS)));
      if (table == InputTable.ENTERPRISES) {
        registryDefaults(r);
      }
      for (int i = 0; i < values.length; i++) {
        ColumnSpec c = columns.get(i);
        if (c.required() && absent(values[i])) {
          r.broke(Rules.MISSING_REQUIRED, c.name() + " is required");
        }
      }
      if (table == InputTable.ENTERPRISES) {
        if (absent(value(r, Cols.ENTERPRISE_ID))) {
          r.broke(Rules.MISSING_REQUIRED, "enterprise_id or uscc is required");
        }
        if (absent(value(r, Cols.INDUSTRY_CODES))) {
          r.broke(Rules.MISSING_REQUIRED, "industry_codes or industry_names is required");
        }
      }
      switch (table) {
        case ENTERPRISES -> enterpriseChecks(r);
        case ZONES -> {
          codes(r, Cols.LEAD_INDUSTRIES);
          inRange(r, Cols.LATITUDE, -90, 90, Rules.INVALID_COORDINATES);
          inRange(r, Cols.LONGITUDE, -180, 180, Rules.INVALID_COORDINATES);
          nonNegative(r, Cols.LAND_HA, Cols.FACTORY_M2, Cols.OFFICE_M2);
        }
        case CHAIN_NODES -> {
          vocabulary(r, Cols.POSITION, Rules.POSITIONS, Rules.INVALID_POSITION);
          codes(r, Cols.INDUSTRY_CODES);
        }
        case ZONE_CHAIN -> {
          reference(r, Cols.ZONE_ID, knownZones, Rules.UNKNOWN_ZONE, "zones");
          reference(r, Cols.NODE_ID, knownNodes, Rules.UNKNOWN_NODE, "chain_nodes");
          vocabulary(r, Cols.STATUS, Rules.STATUSES, Rules.INVALID_STATUS);
          inRange(r, Cols.PRIORITY, 1, 5, Rules.OUT_OF_RANGE);
        }
        case OPPORTUNITIES -> {
          reference(r, Cols.ZONE_ID, knownZones, Rules.UNKNOWN_ZONE, "zones");
          codes(r, Cols.INDUSTRY_CODES);
          nonNegative(r, Cols.BUDGET);
        }
        case OUTCOMES -> {
          reference(r, Cols.ZONE_ID, knownZones, Rules.UNKNOWN_ZONE, "zones");
          vocabulary(r, Cols.STAGE, Rules.STAGES, Rules.INVALID_STAGE);
          LocalDate at = (LocalDate) value(r, Cols.STAGE_DATE);
          if (at != null && at.isAfter(runDate)) {
            r.broke(Rules.FUTURE_DATE, "stage_date " + at + " is after the run date " + runDate);
          }
          nonNegative(r, Cols.INVESTMENT);
        }
      }
    }
    return new Checked(
        raw.getString(FILE),
        raw.getLong(LINE),
        raw.isNullAt(TEXT) ? null : raw.getString(TEXT),
        recordKey(raw),
        values,
        table.keyColumn().map(this::index).orElse(-1),
        rules,
        detail.isEmpty() ? null : detail.toString());
  }

  /** The record's key as read (its key column, or its first two columns joined by '/'). */
  private String recordKey(Row raw) {
    if (table.keyColumn().isPresent()) {
      Object v = rawValue(raw, index(table.keyColumn().get()));
      if (v == null && table == InputTable.ENTERPRISES) {
        // a registry export's row has no id of its own: its USCC is its id (version 3)
        v = rawValue(raw, index(Cols.USCC));
      }
      return v == null ? null : v.toString();
    }
    return orEmpty(rawValue(raw, 0)) + "/" + orEmpty(rawValue(raw, 1));
  }

  private static String orEmpty(Object v) {
    return v == null ? "" : v instanceof String[] a ? String.join(",", a) : v.toString();
  }

  /**
   * A column's raw value: its text, or its array's items; in an optional column a marker of "none"
   * (-, --, —, /, 暂无, 未公开, 无) is no value (a boolean's 无 is false, as before).
   */
  private Object rawValue(Row raw, int column) {
    Object v = raw.get(FIRST_COLUMN + column);
    if (v == null) {
      return null;
    }
    ColumnSpec c = table.columns().get(column);
    boolean markers = !c.required() && c.type() != ColumnType.BOOLEAN;
    if (v instanceof String s) {
      return markers && isMarker(s) ? null : s;
    }
    List<String> items = stringList(v);
    if (markers && items.stream().anyMatch(RowValidator::isMarker)) {
      items = items.stream().filter(x -> !isMarker(x)).toList();
    }
    return toArray(items);
  }

  /** An empty marker (-, --, —, /, 暂无, 未公开, 无), spaces aside; none is longer than 3. */
  private static boolean isMarker(String s) {
    if (s == null || s.length() > 8) {
      return false;
    }
    String t = s.trim();
    return t.length() <= 3 && Rules.EMPTY_MARKERS.contains(t);
  }

  /** The record under check, its typed values, and what it broke so far. */
  private record Subject(Row raw, Object[] values, List<String> rules, StringBuilder detail) {
    void broke(String rule, String message) {
      if (rules.isEmpty()) {
        detail.append(rule).append(": ").append(message);
      }
      rules.add(rule);
    }
  }

  // ---- typed values ----------------------------------------------------------------------------

  private boolean isVocabulary(String column) {
    return column.equals(Cols.STATUS)
        || column.equals(Cols.POSITION)
        || column.equals(Cols.STAGE)
        || column.equals(Cols.TAGS)
        || (table == InputTable.ENTERPRISES && column.equals(Cols.SIGNALS));
  }

  private Object typed(ColumnSpec c, Object raw) {
    boolean vocab = isVocabulary(c.name());
    if (c.type() == ColumnType.STRING_ARRAY) {
      if (raw == null) {
        return null;
      }
      String[] items = raw instanceof String s ? new String[] {s} : (String[]) raw;
      List<String> out = new ArrayList<>(items.length);
      boolean tags = c.name().equals(Cols.TAGS);
      for (String x : items) {
        String t = trimSpaces(x);
        if (t != null && !t.isEmpty()) {
          if (tags) {
            t = org.oppmatch.model.Tag.keyOf(t);
          }
          out.add(vocab ? t.toLowerCase(Locale.ROOT) : t);
        }
      }
      return out.toArray(new String[0]);
    }
    String text = Values.text(raw == null ? null : raw.toString());
    if (table == InputTable.ENTERPRISES && text != null) {
      if (c.name().equals(Cols.REGISTERED_CAPITAL) || c.name().equals(Cols.REVENUE)) {
        Double plain = Values.toDouble(text);
        return plain != null ? plain : Money.toCny(text, readings.fxToCny());
      }
      if (c.name().equals(Cols.FOUNDED_YEAR) && Values.toInt(text) == null) {
        // 成立日期: a date, whose year is used
        LocalDate d = Values.toDate(text);
        return d == null ? null : d.getYear();
      }
    }
    return switch (c.type()) {
      case STRING -> {
        if (text == null) {
          yield null;
        }
        if (c.name().equals(Cols.COUNTRY) || c.name().equals(Cols.USCC)) {
          yield text.toUpperCase(Locale.ROOT);
        }
        yield vocab ? text.toLowerCase(Locale.ROOT) : text;
      }
      case DOUBLE -> Values.toDouble(text);
      case INT -> Values.toInt(text);
      case BOOLEAN -> Values.toBoolean(text);
      case DATE -> Values.toDate(text);
      case STRING_ARRAY -> throw new IllegalStateException("arrays are typed above");
    };
  }

  private static String trimSpaces(String s) {
    return Values.trimSpaces(s);
  }

  private static boolean absent(Object v) {
    return v == null || (v instanceof String[] a && a.length == 0);
  }

  // ---- the rules -------------------------------------------------------------------------------

  /**
   * A registry export's defaults (data-contract.md, version 3): the id is the USCC when the row has
   * none, the country CN; industry names become codes after the row's own codes (a name of no
   * class, or of two, is {@code unknown_industry_name}); a registration status outside the lists is
   * {@code unknown_status}.
   */
  private void registryDefaults(Subject r) {
    Object[] v = r.values();
    if (v[index(Cols.ENTERPRISE_ID)] == null && v[index(Cols.USCC)] != null) {
      v[index(Cols.ENTERPRISE_ID)] = v[index(Cols.USCC)];
    }
    if (v[index(Cols.COUNTRY)] == null) {
      v[index(Cols.COUNTRY)] = "CN";
    }
    String[] names = strings(v[index(Cols.INDUSTRY_NAMES)]);
    if (names.length > 0) {
      java.util.LinkedHashSet<String> codes =
          new java.util.LinkedHashSet<>(List.of(strings(v[index(Cols.INDUSTRY_CODES)])));
      List<String> problems = new ArrayList<>();
      for (String name : joinedNames(names)) {
        IndustryNames.Lookup l = readings.industryByName().get(name);
        if (l == null || l.code() == null) {
          problems.add(l == null ? "'" + name + "' is no GB/T 4754-2017 name" : l.problem());
        } else {
          codes.add(l.code());
        }
      }
      if (!problems.isEmpty()) {
        r.broke(Rules.UNKNOWN_INDUSTRY_NAME, "industry_names: " + String.join("; ", problems));
      }
      v[index(Cols.INDUSTRY_CODES)] = codes.toArray(new String[0]);
    }
    String status = (String) v[index(Cols.REGISTRATION_STATUS)];
    if (status != null && RegistrationStatus.of(status) == null) {
      r.broke(
          Rules.UNKNOWN_STATUS,
          "registration_status '"
              + status
              + "' is neither active ("
              + String.join("、", RegistrationStatus.ACTIVE_WORDS)
              + ") nor inactive ("
              + String.join("、", RegistrationStatus.INACTIVE_WORDS)
              + ")");
    }
  }

  /**
   * The names of an industry_names value: its items as the reader split them, with items that a '、'
   * inside a classification name had split joined again (计算机、通信和其他电子设备制造业).
   */
  private List<String> joinedNames(String[] items) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < items.length) {
      int taken = 1;
      for (int j = items.length; j > i + 1; j--) {
        String joined = String.join("、", java.util.Arrays.asList(items).subList(i, j));
        if (readings.industryByName().containsKey(joined)) {
          taken = j - i;
          break;
        }
      }
      out.add(String.join("、", java.util.Arrays.asList(items).subList(i, i + taken)));
      i += taken;
    }
    return out;
  }

  /**
   * The text values' characters: a U+FFFD is a character an earlier conversion lost ({@code
   * bad_encoding}); a control character other than a tab, or a line break outside a free-text
   * column, is {@code control_character}.
   */
  private void characters(Subject r) {
    List<ColumnSpec> columns = table.columns();
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec c = columns.get(i);
      Object v = r.values()[i];
      String[] texts =
          v instanceof String s ? new String[] {s} : v instanceof String[] a ? a : new String[0];
      boolean freeText = Rules.FREE_TEXT.contains(c.name());
      for (String t : texts) {
        for (int k = 0; k < t.length(); k++) {
          char ch = t.charAt(k);
          if (ch == '\uFFFD') {
            r.broke(
                Rules.BAD_ENCODING,
                c.name() + " holds U+FFFD at character " + (k + 1) + ": a character lost before");
            return;
          }
          boolean control = ch < 0x20 || ch == 0x7f;
          boolean allowed = ch == '\t' || (freeText && (ch == '\n' || ch == '\r'));
          if (control && !allowed) {
            r.broke(
                Rules.CONTROL_CHARACTER,
                c.name()
                    + " holds the control character "
                    + String.format(Locale.ROOT, "U+%04X", (int) ch)
                    + " at character "
                    + (k + 1));
            return;
          }
        }
      }
    }
  }

  private void typeChecks(Subject r, List<String> typeErrors) {
    List<ColumnSpec> columns = table.columns();
    for (int i = 0; i < columns.size(); i++) {
      ColumnSpec c = columns.get(i);
      if (c.type() != ColumnType.STRING && c.type() != ColumnType.STRING_ARRAY) {
        Object raw = rawValue(r.raw(), i);
        if (raw != null && Values.text(raw.toString()) != null && r.values()[i] == null) {
          r.broke(Rules.BAD_TYPE, c.name() + " '" + raw + "' is not a " + c.type().contractName());
        }
      }
      if (typeErrors != null && typeErrors.contains(c.name())) {
        r.broke(Rules.BAD_TYPE, c.name() + " is not a " + c.type().contractName());
      }
    }
  }

  private void enterpriseChecks(Subject r) {
    String uscc = (String) value(r, Cols.USCC);
    if (uscc != null && !Uscc.isValid(uscc)) {
      r.broke(
          Rules.INVALID_USCC,
          "uscc '" + uscc + "' is not an 18-character code with a right check character");
    }
    String country = (String) value(r, Cols.COUNTRY);
    if (country != null && !Rules.COUNTRIES.contains(country)) {
      r.broke(
          Rules.INVALID_COUNTRY,
          "country '" + rawText(r, Cols.COUNTRY) + "' is not ISO 3166-1 alpha-2");
    }
    if ((value(r, Cols.LATITUDE) == null) != (value(r, Cols.LONGITUDE) == null)) {
      r.broke(Rules.INVALID_COORDINATES, "latitude and longitude must be given both or neither");
    }
    inRange(r, Cols.LATITUDE, -90, 90, Rules.INVALID_COORDINATES);
    inRange(r, Cols.LONGITUDE, -180, 180, Rules.INVALID_COORDINATES);
    codes(r, Cols.INDUSTRY_CODES);
    nonNegative(
        r, Cols.REGISTERED_CAPITAL, Cols.REVENUE, Cols.EMPLOYEES, Cols.FOUNDED_YEAR, Cols.PATENTS);
    inRange(r, Cols.RD_RATIO, 0, 1, Rules.OUT_OF_RANGE);
    Integer founded = (Integer) value(r, Cols.FOUNDED_YEAR);
    if (founded != null && founded > runYear) {
      r.broke(
          Rules.FUTURE_YEAR,
          "founded_year " + founded + " is after the run date's year " + runYear);
    }
    List<String> unknownTags = new ArrayList<>();
    for (String t : strings(value(r, Cols.TAGS))) {
      if (!Rules.TAGS.contains(t)) {
        unknownTags.add(t);
      }
    }
    if (!unknownTags.isEmpty()) {
      r.broke(
          Rules.UNKNOWN_TAG,
          "tags has "
              + String.join(";", unknownTags)
              + ", not one of "
              + String.join(", ", Rules.TAGS));
    }
    List<String> badSignals = new ArrayList<>();
    for (String s : strings(value(r, Cols.SIGNALS))) {
      if (!isValidSignal(s)) {
        badSignals.add(s);
      }
    }
    if (!badSignals.isEmpty()) {
      r.broke(
          Rules.INVALID_SIGNAL,
          "signals has "
              + String.join(";", badSignals)
              + ", not kind:YYYY-MM-DD with kind in "
              + String.join(", ", Rules.SIGNAL_KINDS));
    }
  }

  /** {@code kind:YYYY-MM-DD} with a known kind and a real date. */
  public static boolean isValidSignal(String s) {
    if (s == null || !SIGNAL.matcher(s).find()) {
      return false;
    }
    String[] parts = s.split(":", -1);
    return Rules.SIGNAL_KINDS.contains(parts[0]) && Values.toDate(parts[1]) != null;
  }

  private void codes(Subject r, String column) {
    List<String> bad = new ArrayList<>();
    for (String c : strings(value(r, column))) {
      if (!IndustryCodes.isValid(c, knownCodes)) {
        bad.add(c);
      }
    }
    if (!bad.isEmpty()) {
      r.broke(
          Rules.INVALID_INDUSTRY_CODE,
          column
              + " has "
              + String.join(";", bad)
              + (knownCodes.isEmpty()
                  ? ", not a GB/T 4754-2017 code (2-4 digits, major class 01-97)"
                  : ", not a class of the GB/T 4754-2017 table"));
    }
  }

  private void nonNegative(Subject r, String... columns) {
    for (String c : columns) {
      Object v = value(r, c);
      if (v instanceof Number n && n.doubleValue() < 0) {
        r.broke(Rules.NEGATIVE_VALUE, c + " " + rawText(r, c) + " is negative");
      }
    }
  }

  private void inRange(Subject r, String c, double lo, double hi, String rule) {
    Object v = value(r, c);
    // NaN is out of every range
    if (v instanceof Number n && !(n.doubleValue() >= lo && n.doubleValue() <= hi)) {
      r.broke(
          rule,
          c + " " + rawText(r, c) + " is outside " + Values.plain(lo) + ".." + Values.plain(hi));
    }
  }

  private void vocabulary(Subject r, String c, List<String> allowed, String rule) {
    Object v = value(r, c);
    if (v != null && !allowed.contains(v)) {
      r.broke(rule, c + " '" + rawText(r, c) + "' is not one of " + String.join(", ", allowed));
    }
  }

  private void reference(Subject r, String c, Set<String> known, String rule, String parent) {
    Object v = value(r, c);
    if (v != null && !known.contains(v)) {
      r.broke(rule, c + " '" + v + "' is not an accepted row of " + parent);
    }
  }

  private Object value(Subject r, String column) {
    return r.values()[index(column)];
  }

  private String rawText(Subject r, String column) {
    return String.valueOf(rawValue(r.raw(), index(column)));
  }

  private int index(String column) {
    Integer i = positions.get(column);
    if (i == null) {
      throw new IllegalArgumentException(table.tableName() + " has no column " + column);
    }
    return i;
  }

  private static String[] strings(Object v) {
    return v == null ? new String[0] : (String[]) v;
  }

  /** The elements of an array value as Spark or a reader hands it over (null: absent). */
  static List<String> stringList(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String[] a) {
      return java.util.Arrays.asList(a);
    }
    if (v instanceof List<?> l) {
      List<String> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(x == null ? null : x.toString()));
      return out;
    }
    if (v instanceof scala.collection.Seq<?> s) {
      List<String> out = new ArrayList<>(s.size());
      for (int i = 0; i < s.size(); i++) {
        Object x = s.apply(i);
        out.add(x == null ? null : x.toString());
      }
      return out;
    }
    throw new IllegalArgumentException("not an array value: " + v.getClass());
  }

  private static String[] toArray(List<String> l) {
    return l.toArray(new String[0]);
  }
}
