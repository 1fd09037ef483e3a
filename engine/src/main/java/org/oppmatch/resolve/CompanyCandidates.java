package org.oppmatch.resolve;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.InputTable;
import org.oppmatch.validate.Duplicates;
import org.oppmatch.validate.Validation;

/**
 * The rows that may be one company with another row, found on the executors ({@link CompanyMerge}
 * clusters them there too):
 *
 * <ol>
 *   <li>the rows holding a USCC that another row holds (their hashes come from the aggregation that
 *       counts the enterprises by rule);
 *   <li>the rows of a name key ({@link CompanyKeys#nameKey}) that another row of the same key could
 *       join: one of the two without a USCC, and the same city or industry division. Every row with
 *       a name key sends 29 bytes (key, id, city and division hashes, whether it has a USCC) to the
 *       block of its key: one shuffle; each block is scanned in plain Java and its rows with a
 *       possible partner kept, as id hashes: the only thing the driver receives (8 bytes a
 *       candidate).
 * </ol>
 *
 * A name that is common across the pool (the same brand in many cities) makes a large block but few
 * candidates: rows are candidates only with a partner in the same city or division.
 */
public final class CompanyCandidates {
  private CompanyCandidates() {}

  /**
   * More candidate rows than this fail the run: their id hashes are collected (8 bytes each), and a
   * pool where most rows share a name with a possible partner is no pool of distinct firms.
   */
  static final int MAX_CANDIDATES = 20_000_000;

  private static final int FILE = Validation.FILE;
  private static final int LINE = Validation.LINE;
  private static final int KEY_HASH = Validation.KEY_HASH;
  static final int ID = at(Cols.ENTERPRISE_ID);
  static final int USCC = at(Cols.USCC);
  static final int NAME = at(Cols.NAME);
  private static final int CITY = at(Cols.CITY);
  private static final int CODES = at(Cols.INDUSTRY_CODES);
  static final int TAGS = at(Cols.TAGS);
  static final int SIGNALS = at(Cols.SIGNALS);
  private static final int UPDATED = at(Cols.UPDATED_AT);

  private static int at(String column) {
    return Validation.FIRST_VALUE + InputTable.ENTERPRISES.indexOf(column);
  }

  /** What the resolution reads of a row before it knows the row is a candidate. */
  private static final int[] KEY_COLUMNS = {
    Validation.RULES, FILE, LINE, KEY_HASH, ID, USCC, NAME, CITY, CODES
  };

  /**
   * The validated rows with only {@link #KEY_COLUMNS}, the others null in their places (same
   * schema, same positions): the cached table then decodes those columns alone, so a row that only
   * needs its name key never has its texts turned into strings.
   */
  static Dataset<Row> keyColumns(Dataset<Row> validated) {
    StructField[] fields = validated.schema().fields();
    Column[] columns = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      columns[i] = lit(null).cast(fields[i].dataType()).as(fields[i].name());
    }
    for (int i : KEY_COLUMNS) {
      columns[i] = column(validated, i);
    }
    return validated.select(columns);
  }

  /** The validated rows' column at {@code position}. */
  static Column column(Dataset<Row> validated, int position) {
    return validated.col(validated.schema().fields()[position].name());
  }

  static final StructType KEYED =
      new StructType()
          .add("name_key", DataTypes.LongType, false)
          .add("id", DataTypes.LongType, false)
          .add("has_uscc", DataTypes.BooleanType, false)
          .add("city", DataTypes.IntegerType, false)
          .add("division", DataTypes.IntegerType, false);

  /**
   * The id hashes of the rows of one name key with a possible partner among the accepted
   * enterprises (duplicate losers left out), sorted; with the rows of the USCCs several rows hold,
   * they are the candidates {@link CompanyMerge} clusters.
   */
  public static long[] find(Dataset<Row> validated, Duplicates duplicates) {
    validated.sparkSession().sparkContext().setJobDescription("company candidates: name blocks");
    // each partition's hashes as one primitive array: 8 bytes a candidate on the driver
    List<long[]> parts =
        keyColumns(validated)
            .mapPartitions(
                (MapPartitionsFunction<Row, Row>) it -> keyed(it, duplicates), Encoders.row(KEYED))
            .repartition(col("name_key"))
            .sortWithinPartitions("name_key")
            .javaRDD()
            .mapPartitions(it -> List.of(toArray(scan(it))).iterator())
            .collect();
    validated.sparkSession().sparkContext().setJobDescription(null);
    long n = parts.stream().mapToLong(a -> a.length).sum();
    if (n > MAX_CANDIDATES) {
      throw new IllegalStateException(
          "more than " + MAX_CANDIDATES + " enterprises share a name key with a possible partner");
    }
    long[] out = new long[(int) n];
    int at = 0;
    for (long[] a : parts) {
      System.arraycopy(a, 0, out, at, a.length);
      at += a.length;
    }
    java.util.Arrays.sort(out);
    return out;
  }

  private static long[] toArray(Iterator<Long> it) {
    long[] a = new long[1024];
    int n = 0;
    while (it.hasNext()) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, n * 2);
      }
      a[n++] = it.next();
    }
    return java.util.Arrays.copyOf(a, n);
  }

  /** Each accepted, kept row's block key and what its block compares; rows without a key none. */
  private static Iterator<Row> keyed(Iterator<Row> rows, Duplicates duplicates) {
    return Runs.mapped(
        rows,
        r -> {
          if (!kept(r, duplicates)) {
            return null;
          }
          String key = CompanyKeys.nameKey(r.getString(NAME));
          if (key == null) {
            return null;
          }
          String city = Companies.cityKey(r.getString(CITY));
          String division = Companies.division(r.<String>getList(CODES).get(0));
          return RowFactory.create(
              Validation.keyHash("N:" + key),
              r.getLong(KEY_HASH),
              !r.isNullAt(USCC) && !r.getString(USCC).isBlank(),
              city == null ? 0 : city.hashCode() | 1,
              division == null ? 0 : Integer.parseInt(division));
        });
  }

  /** An accepted row that is no duplicate's loser: a row the resolution and the scoring read. */
  static boolean kept(Row r, Duplicates duplicates) {
    return Validation.accepted(r)
        && !duplicates.isLoser(r.getString(ID), r.getString(FILE), r.getLong(LINE));
  }

  /**
   * The rows of each block (consecutive rows of one key) that have a possible partner in it: a row
   * without a USCC with any other row of its city or division, a row with one with a row without
   * one there. The driver applies the exact rule (a city's name, one code the prefix of the other).
   */
  static Iterator<Long> scan(Iterator<Row> sorted) {
    return Runs.byRuns(sorted, r -> r.getLong(0), CompanyCandidates::scanBlock);
  }

  private static List<Long> scanBlock(List<Row> block) {
    List<Long> out = new ArrayList<>();
    if (block.size() < 2) {
      return out;
    }
    // per city and per division: rows, and rows without a USCC
    Map<Integer, int[]> cities = new HashMap<>();
    Map<Integer, int[]> divisions = new HashMap<>();
    for (Row r : block) {
      int noUscc = r.getBoolean(2) ? 0 : 1;
      count(cities, r.getInt(3), noUscc);
      count(divisions, r.getInt(4), noUscc);
    }
    for (Row r : block) {
      if (partnered(r.getBoolean(2), cities.get(r.getInt(3)))
          || partnered(r.getBoolean(2), divisions.get(r.getInt(4)))) {
        out.add(r.getLong(1));
      }
    }
    return out;
  }

  private static void count(Map<Integer, int[]> buckets, int bucket, int noUscc) {
    if (bucket != 0) {
      int[] c = buckets.computeIfAbsent(bucket, b -> new int[2]);
      c[0]++;
      c[1] += noUscc;
    }
  }

  private static boolean partnered(boolean hasUscc, int[] bucket) {
    return bucket != null && (hasUscc ? bucket[1] >= 1 : bucket[0] >= 2);
  }

  /** What the clustering reads of a validated row. */
  public static Companies.Candidate candidate(Row r) {
    Date updated = r.isNullAt(UPDATED) ? null : r.getDate(UPDATED);
    return new Companies.Candidate(
        r.getString(ID),
        r.getString(USCC),
        r.getString(NAME),
        r.getString(CITY),
        r.<String>getList(CODES).get(0),
        updated == null ? null : updated.toLocalDate(),
        strings(r, TAGS),
        strings(r, SIGNALS));
  }

  private static String[] strings(Row r, int i) {
    return r.isNullAt(i) ? new String[0] : r.<String>getList(i).toArray(String[]::new);
  }
}
