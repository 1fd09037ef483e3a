package org.oppmatch.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The benchmark's I/O floor: what any Spark job on these inputs pays whatever it computes. In its
 * own JVM (start-up counted as for the job), it reads every input in full (all enterprise columns,
 * as the job does for its quarantine) and writes as many target rows as the job published, of the
 * same kind of columns, as one Parquet file.
 *
 * <p>Usage: {@code IoFloor --inputs DIR --output DIR --rows N}
 */
public final class IoFloor {
  private IoFloor() {}

  public static void main(String[] argv) {
    Map<String, String> a = BenchArgs.parse(argv, List.of("inputs", "output", "rows"));
    SparkSession spark = SparkSession.builder().appName("io-floor").getOrCreate();
    try {
      long t0 = System.nanoTime();
      long rows = run(spark, a.get("inputs"), a.get("output"), Long.parseLong(a.get("rows")));
      System.out.printf(
          java.util.Locale.ROOT,
          "[floor] read all inputs, wrote %d rows in %.1f s%n",
          rows,
          (System.nanoTime() - t0) / 1e9);
    } finally {
      spark.stop();
    }
  }

  static long run(SparkSession spark, String inputs, String output, long rows) {
    Dataset<Row> ents = spark.read().parquet(inputs + "/enterprises");
    ents.write().format("noop").mode(SaveMode.Overwrite).save();
    for (String t : List.of("zones", "chain_nodes", "zone_chain")) {
      spark
          .read()
          .option("header", true)
          .csv(inputs + "/" + t + ".csv")
          .write()
          .format("noop")
          .mode(SaveMode.Overwrite)
          .save();
    }
    spark
        .read()
        .parquet(inputs + "/opportunities")
        .write()
        .format("noop")
        .mode(SaveMode.Overwrite)
        .save();
    ents.limit((int) Math.min(Integer.MAX_VALUE, rows))
        .select(
            col("enterprise_id"),
            col("name").as("enterprise_name"),
            lit("zone").as("zone_id"),
            col("revenue_cny").as("score"),
            col("industry_codes").as("reasons"),
            col("business_scope").as("explanation"))
        .coalesce(1)
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(output);
    return spark.read().parquet(output).count();
  }
}
