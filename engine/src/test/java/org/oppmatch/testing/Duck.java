package org.oppmatch.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DuckDB as an independent reader of the job's Parquet output. */
public final class Duck {
  private Duck() {}

  /** Rows of a query as column-name-to-value maps, in the query's order. */
  public static List<Map<String, Object>> query(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      ResultSetMetaData m = r.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (r.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= m.getColumnCount(); i++) {
          Object v = r.getObject(i);
          if (v instanceof java.sql.Array a) {
            // an array may hold nulls (score_history): List.of would refuse them
            v = java.util.Arrays.asList((Object[]) a.getArray());
          }
          row.put(m.getColumnLabel(i), v);
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB query failed: " + sql, e);
    }
  }

  /** The Parquet files of one output partition, as a DuckDB table expression. */
  public static String parquet(java.nio.file.Path partitionDir) {
    return "read_parquet('" + partitionDir.toString().replace("'", "''") + "/*.parquet')";
  }
}
