package org.oppmatch.score;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile_approx;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.oppmatch.schema.Cols;

/**
 * Enterprise size as a percentile within its industry (the GB/T 4754 division, two digits, of its
 * primary code): revenue, registered capital and employees each placed among the firms of the same
 * division, then averaged. A firm of 300 people is large in software and small in car making; a
 * percentile says which. Divisions with fewer than {@code minGroup} firms use the whole pool.
 *
 * <p>The cut points come from one aggregation ({@code percentile_approx} per division: partial
 * aggregates, a shuffle of one small row per division and partition) and are broadcast back, so no
 * window sorts the millions of enterprises and a skewed division costs no more than any other.
 */
public final class IndustrySize {
  private IndustrySize() {}

  /** Cut points per measure: 1% .. 99%. */
  static final int CUTS = 99;

  private static final String DIVISION = "_division";
  private static final String ALL = "*";
  private static final String[] MEASURES = {Cols.REVENUE, Cols.REGISTERED_CAPITAL, Cols.EMPLOYEES};

  /** The two-digit division of the primary industry code. */
  static Column division(Column industryCodes) {
    return try_element_at(industryCodes, lit(1)).substr(1, 2);
  }

  /** Adds {@code out}, the size value 0..1 (see {@link FactorMath#sizeValue(double[])}). */
  public static Dataset<Row> withSizeValue(Dataset<Row> enterprises, int minGroup, String out) {
    Dataset<Row> measured = enterprises.withColumn(DIVISION, division(col(Cols.INDUSTRY_CODES)));
    Column[] cutAggs = new Column[MEASURES.length + 1];
    Column levels = array(cutLevels());
    for (int i = 0; i < MEASURES.length; i++) {
      cutAggs[i] =
          percentile_approx(col(MEASURES[i]).cast("double"), levels, lit(10_000)).as("_q" + i);
    }
    cutAggs[MEASURES.length] = count(lit(1)).as("_n");
    Dataset<Row> byDivision =
        measured
            .groupBy(col(DIVISION))
            .agg(cutAggs[0], java.util.Arrays.copyOfRange(cutAggs, 1, cutAggs.length))
            .filter(col("_n").geq(minGroup));
    Dataset<Row> whole =
        measured
            .agg(cutAggs[0], java.util.Arrays.copyOfRange(cutAggs, 1, cutAggs.length))
            .withColumn(DIVISION, lit(ALL));
    Dataset<Row> d = byDivision.withColumnRenamed(DIVISION, "_d_div");
    Dataset<Row> w = whole.select(selectRenamed("_w"));
    Dataset<Row> joined =
        measured
            .join(broadcast(d), measured.col(DIVISION).equalTo(d.col("_d_div")), "left")
            .crossJoin(broadcast(w));
    List<Column> percentiles = new ArrayList<>();
    for (int i = 0; i < MEASURES.length; i++) {
      Column cuts = when(col("_d_div").isNotNull(), col("_q" + i)).otherwise(col("_w" + i));
      Column v = col(MEASURES[i]).cast("double");
      percentiles.add(when(v.isNotNull().and(cuts.isNotNull()), percentile(v, cuts)));
    }
    // the mean of the known percentiles, as plain arithmetic: a filter over an array of them ran
    // interpreted and called each percentile function once per use; here generated code computes
    // each once (common subexpressions) and adds them in the same order (adding 0.0 is exact)
    Column known = lit(0);
    Column sum = lit(0.0);
    for (Column p : percentiles) {
      known = known.plus(when(p.isNotNull(), lit(1)).otherwise(lit(0)));
      sum = sum.plus(coalesce(p, lit(0.0)));
    }
    List<String> drop = new ArrayList<>(List.of(DIVISION, "_d_div", "_n", "_wn"));
    for (int i = 0; i < MEASURES.length; i++) {
      drop.add("_q" + i);
      drop.add("_w" + i);
    }
    return joined
        .withColumn(out, when(known.equalTo(0), lit(0.0)).otherwise(sum.divide(known)))
        .drop(drop.toArray(String[]::new));
  }

  private static Column[] selectRenamed(String prefix) {
    List<Column> cols = new ArrayList<>();
    for (int i = 0; i < MEASURES.length; i++) {
      cols.add(col("_q" + i).as(prefix + i));
    }
    cols.add(col("_n").as(prefix + "n"));
    return cols.toArray(Column[]::new);
  }

  private static Column[] cutLevels() {
    Column[] out = new Column[CUTS];
    for (int i = 0; i < CUTS; i++) {
      out[i] = lit((i + 1) / 100.0);
    }
    return out;
  }

  /**
   * As {@link FactorMath#percentile(double, double[])}, which it calls: the mid-rank share of cut
   * points. A function of ours rather than two {@code size(filter(...))} over the 99 cut points:
   * those lambdas run interpreted, six per enterprise, and were the largest cost of the feature
   * stage in a profile at 100k enterprises (README, Scale and speed).
   */
  static Column percentile(Column value, Column cuts) {
    return PERCENTILE.apply(value, cuts);
  }

  private static final UserDefinedFunction PERCENTILE =
      udf(
          (UDF2<Double, scala.collection.Seq<Object>, Double>)
              (v, cuts) -> {
                if (v == null || cuts == null) {
                  return null;
                }
                double[] c = new double[cuts.size()];
                for (int i = 0; i < c.length; i++) {
                  c[i] = ((Number) cuts.apply(i)).doubleValue();
                }
                return FactorMath.percentile(v, c);
              },
          DataTypes.DoubleType);
}
