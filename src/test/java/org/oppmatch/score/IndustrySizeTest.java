package org.oppmatch.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.oppmatch.schema.Cols;
import org.oppmatch.testing.SharedSpark;

/** Size as a percentile within the industry division, with the whole pool for small divisions. */
class IndustrySizeTest {
  static final StructType SCHEMA =
      new StructType()
          .add(Cols.ENTERPRISE_ID, "string")
          .add(Cols.INDUSTRY_CODES, DataTypes.createArrayType(DataTypes.StringType))
          .add(Cols.REVENUE, "double")
          .add(Cols.REGISTERED_CAPITAL, "double")
          .add(Cols.EMPLOYEES, "int");

  static Map<String, Double> sizes(List<Row> rows, int minGroup) {
    Dataset<Row> df = SharedSpark.get().createDataFrame(rows, SCHEMA);
    Map<String, Double> out = new HashMap<>();
    for (Row r :
        IndustrySize.withSizeValue(df, minGroup, "size")
            .select(Cols.ENTERPRISE_ID, "size")
            .collectAsList()) {
      out.put(r.getString(0), r.getDouble(1));
    }
    return out;
  }

  @Test
  void aFirmIsMeasuredAgainstItsOwnDivision() {
    List<Row> rows = new ArrayList<>();
    // software (65): 40 firms of 1..40 million revenue; cars (36): 40 firms of 1..40 billion
    for (int i = 1; i <= 40; i++) {
      rows.add(RowFactory.create("S" + i, new String[] {"6511"}, i * 1e6, null, i * 10));
      rows.add(RowFactory.create("C" + i, new String[] {"3610", "3670"}, i * 1e9, null, i * 1000));
    }
    Map<String, Double> size = sizes(rows, 30);
    // the largest software firm is large for software though smaller than any car maker
    assertTrue(size.get("S40") > 0.95, size.toString());
    assertTrue(size.get("C1") < 0.05, size.toString());
    assertEquals(size.get("S20"), size.get("C20"), 1e-9);
    for (int i = 2; i <= 40; i++) {
      assertTrue(size.get("S" + i) > size.get("S" + (i - 1)), "grows with revenue at " + i);
    }
    assertEquals(size.keySet().size(), rows.size(), "no firm lost or doubled by the joins");
  }

  @Test
  void aSmallDivisionUsesTheWholePoolAndUnknownMeasuresAreSkipped() {
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      rows.add(RowFactory.create("S" + i, new String[] {"6511"}, i * 1e6, i * 1e6, null));
    }
    rows.add(RowFactory.create("X_big", new String[] {"2710"}, 1e9, null, null));
    rows.add(RowFactory.create("X_none", new String[] {"2710"}, null, null, null));
    rows.add(RowFactory.create("X_nocode", null, 2e7, null, null));
    Map<String, Double> size = sizes(rows, 30);
    // 27 has two firms: measured against the pool, where 1e9 is the top (the 99% cut point)
    assertEquals(0.99, size.get("X_big"), 0.001);
    assertEquals(0.0, size.get("X_none"), 1e-9);
    // no code: the pool as well; 20 million is the middle of 1..40 million
    assertEquals(0.5, size.get("X_nocode"), 0.05);
  }

  @Test
  void columnPercentileEqualsPlainJava() {
    double[] cuts = {1, 2, 2, 2, 5, 8, 13};
    Dataset<Row> df =
        SharedSpark.get()
            .createDataFrame(
                List.of(
                    RowFactory.create(0.5),
                    RowFactory.create(2.0),
                    RowFactory.create(3.0),
                    RowFactory.create(13.0),
                    RowFactory.create(99.0)),
                new StructType().add("v", "double"));
    for (Row r :
        df.select(col("v"), IndustrySize.percentile(col("v"), lit(cuts)).as("p")).collectAsList()) {
      assertEquals(FactorMath.percentile(r.getDouble(0), cuts), r.getDouble(1), 1e-12);
    }
  }
}
