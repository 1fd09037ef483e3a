package org.oppmatch.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares one output partition of two or more runs exactly, read independently of Spark with
 * DuckDB: same columns (names and types, in order), same number of rows, and row by row in file
 * order every column equal. It also checks that the expected partition is in the published order
 * (the key columns ascending, each key once), so "same order" means the contract's order.
 *
 * <pre>
 * CompareOutputs KEY_COLUMNS EXPECTED_DIR ACTUAL_DIR [ACTUAL_DIR...]
 * e.g. CompareOutputs zone_id,rank local/targets/run_date=D client/targets/run_date=D
 * </pre>
 *
 * Exit code 0 when every actual equals the expected, 1 when one differs (the first differences are
 * printed), 2 on bad arguments or an unreadable partition. jobs/cluster-check runs it.
 */
public final class CompareOutputs {
  private static final int MAX_REPORTED = 10;

  private CompareOutputs() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println(
          "usage: CompareOutputs KEY_COLUMNS EXPECTED_DIR ACTUAL_DIR [ACTUAL_DIR...]");
      System.exit(2);
    }
    List<String> keys = List.of(args[0].split(","));
    try {
      Table expected = read(Path.of(args[1]));
      List<String> problems = orderProblems(Path.of(args[1]), keys);
      problems.forEach(p -> System.err.println("compare: " + args[1] + ": " + p));
      boolean allEqual = problems.isEmpty();
      for (int i = 2; i < args.length; i++) {
        List<String> diffs = differences(expected, read(Path.of(args[i])));
        if (diffs.isEmpty()) {
          System.out.printf(
              "compare: %s equals %s (%d rows, %d columns)%n",
              args[i], args[1], expected.rows.size(), expected.columns.size());
        } else {
          allEqual = false;
          System.err.printf("compare: %s differs from %s:%n", args[i], args[1]);
          diffs.forEach(d -> System.err.println("  " + d));
        }
      }
      System.exit(allEqual ? 0 : 1);
    } catch (IllegalArgumentException | SQLException e) {
      System.err.println("compare: " + e.getMessage());
      System.exit(2);
    }
  }

  /** A partition's columns ("name TYPE") and rows, values as DuckDB renders them. */
  record Table(List<String> columns, List<List<String>> rows) {}

  static Table read(Path partition) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      // one thread: rows come back in file order, the order the job published them in
      s.execute("SET threads = 1");
      s.execute("SET preserve_insertion_order = true");
      try (ResultSet r = s.executeQuery("SELECT * FROM " + parquet(partition))) {
        ResultSetMetaData m = r.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= m.getColumnCount(); i++) {
          columns.add(m.getColumnLabel(i) + " " + m.getColumnTypeName(i));
        }
        List<List<String>> rows = new ArrayList<>();
        while (r.next()) {
          List<String> row = new ArrayList<>(columns.size());
          for (int i = 1; i <= columns.size(); i++) {
            // DuckDB's text form: doubles in their shortest round-trip form, lists and maps in
            // element order, so text equality is value equality
            row.add(r.getString(i));
          }
          rows.add(row);
        }
        return new Table(columns, rows);
      }
    }
  }

  /** Whether the partition is sorted by the keys, ascending, each key once. */
  static List<String> orderProblems(Path partition, List<String> keys) throws SQLException {
    String k = String.join(", ", keys);
    String sql =
        "SELECT count(*) FILTER (WHERE prev_key >= cur_key) AS out_of_order, "
            + "count(*) - count(DISTINCT cur_key) AS duplicates FROM ("
            + "SELECT struct_pack("
            + k
            + ") AS cur_key, lag(struct_pack("
            + k
            + ")) OVER (ORDER BY filename, file_row_number) AS prev_key FROM "
            + parquet(partition, true)
            + ")";
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      List<String> problems = new ArrayList<>();
      if (r.getLong(1) > 0) {
        problems.add(r.getLong(1) + " rows not in ascending (" + k + ") order");
      }
      if (r.getLong(2) > 0) {
        problems.add(r.getLong(2) + " duplicate (" + k + ") keys");
      }
      return problems;
    }
  }

  static List<String> differences(Table expected, Table actual) {
    List<String> out = new ArrayList<>();
    if (!expected.columns.equals(actual.columns)) {
      out.add("columns: expected " + expected.columns + ", got " + actual.columns);
      return out;
    }
    if (expected.rows.size() != actual.rows.size()) {
      out.add("rows: expected " + expected.rows.size() + ", got " + actual.rows.size());
    }
    int n = Math.min(expected.rows.size(), actual.rows.size());
    int differing = 0;
    for (int i = 0; i < n; i++) {
      List<String> e = expected.rows.get(i);
      List<String> a = actual.rows.get(i);
      for (int j = 0; j < e.size(); j++) {
        if (!Objects.equals(e.get(j), a.get(j))) {
          differing++;
          if (differing <= MAX_REPORTED) {
            out.add(
                "row "
                    + (i + 1)
                    + " column "
                    + expected.columns.get(j)
                    + ": expected "
                    + e.get(j)
                    + ", got "
                    + a.get(j));
          }
        }
      }
    }
    if (differing > MAX_REPORTED) {
      out.add("... " + differing + " differing values in all");
    }
    return out;
  }

  private static String parquet(Path partition) {
    return parquet(partition, false);
  }

  private static String parquet(Path partition, boolean rowNumbers) {
    if (!Files.isDirectory(partition)) {
      throw new IllegalArgumentException("no such partition: " + partition);
    }
    return "read_parquet('"
        + partition.toString().replace("'", "''")
        + "/*.parquet'"
        + (rowNumbers ? ", filename = true, file_row_number = true" : "")
        + ")";
  }
}
