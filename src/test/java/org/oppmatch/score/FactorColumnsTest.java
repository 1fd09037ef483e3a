package org.oppmatch.score;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.oppmatch.testing.SharedSpark;

/**
 * The Column expressions of {@link FactorColumns} give the numbers of the plain-Java {@link
 * FactorMath} on a grid of inputs, nulls included: the arithmetic has one definition.
 */
class FactorColumnsTest {
  static final double EPS = 1e-9;
  static final LocalDate RUN = LocalDate.of(2026, 11, 20);

  static final StructType SCHEMA =
      new StructType()
          .add("depth", "int")
          .add("primary", "boolean")
          .add("role", "string")
          .add("priority", "int")
          .add("leader", "boolean")
          .add("tags", DataTypes.createArrayType(DataTypes.StringType))
          .add("revenue", "double")
          .add("patents", "int")
          .add("rd", "double")
          .add("signal", "string")
          .add("growth", "double")
          .add("metro", "boolean")
          .add("dist", "double")
          .add("country", "string")
          .add("supplier", "boolean")
          .add("manufacturing", "boolean")
          .add("employees", "int")
          .add("factory", "double")
          .add("land", "double")
          .add("office", "double");

  static List<Row> grid() {
    List<Row> rows = new ArrayList<>();
    String[] roles = {"fill_gap", "strengthen", "extend", "none"};
    Integer[] priorities = {1, 3, 5, null};
    String[][] tags = {{}, {"listed"}, {"high_tech", "fortune_global_500", "bogus"}};
    Double[] revenues = {null, 0.0, 3e6, 5e9, 1e13};
    String[] signals = {null, "expansion:2026-11-20", "hiring:2026-01-05", "financing:2026-12-01"};
    Double[] distances = {null, 10.0, 300.0, 2000.0};
    int i = 0;
    for (String role : roles) {
      for (Integer p : priorities) {
        for (String[] t : tags) {
          for (Double rev : revenues) {
            i++;
            rows.add(
                RowFactory.create(
                    2 + i % 3,
                    i % 2 == 0,
                    role,
                    p,
                    i % 5 == 0,
                    t,
                    rev,
                    i % 4 == 0 ? null : i * 7,
                    i % 3 == 0 ? null : (i % 11) / 50.0,
                    signals[i % signals.length],
                    i % 6 == 0 ? null : (i % 9 - 3) / 10.0,
                    i % 7 == 0,
                    distances[i % distances.length],
                    i % 8 == 0 ? null : (i % 3 == 0 ? "DE" : "CN"),
                    i % 2 == 1,
                    i % 3 != 0,
                    i % 5 == 0 ? null : i * 3,
                    i % 4 == 0 ? null : i * 100.0,
                    i % 6 == 0 ? null : (i % 5) / 2.0,
                    i % 7 == 0 ? null : i * 20.0));
          }
        }
      }
    }
    return rows;
  }

  @Test
  void columnsAndPlainJavaAgreeOnEveryFactor() {
    Dataset<Row> df = SharedSpark.get().createDataFrame(grid(), SCHEMA);
    Dataset<Row> out =
        df.select(
            col("*"),
            FactorColumns.industryFit(col("depth"), col("primary"), 0.7).as("c_industry"),
            FactorColumns.chainRole(
                    col("role"), col("priority"), col("leader"), col("primary"), 0.7)
                .as("c_chain"),
            FactorColumns.strength(
                    FactorColumns.tagValue(col("tags")),
                    // any value 0..1 serves as the size value here (IndustrySizeTest has its own)
                    coalesce(col("rd"), lit(0.0)),
                    FactorColumns.rndValue(col("patents"), col("rd")))
                .as("c_strength"),
            FactorColumns.momentum(
                    FactorColumns.signalSum(
                        org.apache.spark.sql.functions.array(col("signal")), RUN, 90),
                    col("growth"))
                .as("c_momentum"),
            FactorColumns.geography(col("metro"), col("dist"), col("country"), 300, col("supplier"))
                .as("c_geo"),
            FactorColumns.capacity(
                    col("manufacturing"),
                    col("employees"),
                    col("factory"),
                    col("land"),
                    col("office"))
                .as("c_capacity"),
            FactorColumns.budgetFit(col("office").multiply(1e4), col("revenue")).as("c_budget"),
            FactorColumns.opportunitySimilarity(
                    FactorColumns.industryFit(col("depth"), col("primary"), 0.7),
                    coalesce(col("rd"), lit(0.0)).multiply(2),
                    0.3,
                    FactorColumns.budgetFit(col("office").multiply(1e4), col("revenue")))
                .as("c_opp"));
    List<Row> rows = out.collectAsList();
    assertEquals(grid().size(), rows.size());
    for (Row r : rows) {
      String at = r.toString();
      assertEquals(
          FactorMath.industryFit(r.getAs("depth"), r.getAs("primary"), 0.7),
          r.<Double>getAs("c_industry"),
          EPS,
          at);
      assertEquals(
          FactorMath.chainRole(
              r.getAs("role"), r.getAs("priority"), r.getAs("leader"), r.getAs("primary"), 0.7),
          r.<Double>getAs("c_chain"),
          EPS,
          at);
      List<String> tags = r.getList(r.fieldIndex("tags"));
      assertEquals(
          FactorMath.strength(
              tags,
              r.isNullAt(r.fieldIndex("rd")) ? 0 : r.<Double>getAs("rd"),
              r.getAs("patents"),
              r.getAs("rd")),
          r.<Double>getAs("c_strength"),
          EPS,
          at);
      String s = r.getAs("signal");
      double signalSum =
          s == null
              ? 0
              : FactorMath.signalWeight(
                  s.split(":")[0],
                  java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse(s.split(":")[1]), RUN),
                  90);
      assertEquals(
          FactorMath.momentum(signalSum, r.getAs("growth")),
          r.<Double>getAs("c_momentum"),
          EPS,
          at);
      assertEquals(
          FactorMath.geography(
              r.getAs("metro"), r.getAs("dist"), r.getAs("country"), 300, r.getAs("supplier")),
          r.<Double>getAs("c_geo"),
          EPS,
          at);
      assertEquals(
          FactorMath.capacity(
              r.getAs("manufacturing"),
              r.getAs("employees"),
              r.getAs("factory"),
              r.getAs("land"),
              r.getAs("office")),
          r.<Double>getAs("c_capacity"),
          EPS,
          at);
      Double office = r.getAs("office");
      Double budget = office == null ? null : office * 1e4;
      double budgetFit = FactorMath.budgetFit(budget, r.getAs("revenue"));
      assertEquals(budgetFit, r.<Double>getAs("c_budget"), EPS, at);
      double rd = r.isNullAt(r.fieldIndex("rd")) ? 0 : r.<Double>getAs("rd");
      assertEquals(
          FactorMath.opportunitySimilarity(
              FactorMath.industryFit(r.getAs("depth"), r.getAs("primary"), 0.7),
              rd * 2,
              0.3,
              budgetFit),
          r.<Double>getAs("c_opp"),
          EPS,
          at);
    }
  }

  @Test
  void roundingToCentsMatchesSpark() {
    double[] values = {0.565, 1.005, 0.575, 0.145, 0.0034 * 25, 12.344999, 99.995};
    Dataset<Row> df =
        SharedSpark.get()
            .createDataFrame(
                Arrays.stream(values).mapToObj(v -> RowFactory.create(v)).toList(),
                new StructType().add("v", "double"));
    List<Row> rounded =
        df.select(col("v"), org.apache.spark.sql.functions.round(col("v"), 2).as("r"))
            .collectAsList();
    for (Row r : rounded) {
      assertEquals(
          FactorMath.round2(r.getDouble(0)),
          r.getDouble(1),
          0.0,
          "round(" + r.getDouble(0) + ", 2)");
    }
  }
}
