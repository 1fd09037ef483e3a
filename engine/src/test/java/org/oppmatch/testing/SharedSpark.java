package org.oppmatch.testing;

import org.apache.spark.sql.SparkSession;

/** One local Spark session for the whole test JVM: UI off, two shuffle partitions. */
public final class SharedSpark {
  private static SparkSession spark;

  private SharedSpark() {}

  public static synchronized SparkSession get() {
    if (spark == null) {
      spark =
          SparkSession.builder()
              .master("local[2]")
              .appName("oppmatch-tests")
              .config("spark.ui.enabled", "false")
              // as the job runs: file: paths without a chmod process per file
              .config(
                  "spark.hadoop." + org.oppmatch.io.LocalFiles.KEY,
                  org.oppmatch.io.LocalFiles.class.getName())
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .config("spark.sql.session.timeZone", "UTC")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.sql.adaptive.enabled", "true")
              // the status store keeps the plans of recent queries (the job's are wide) in the
              // heap even with the UI off; the suite ran out of a 3 GiB heap once (CI, 2026-11-23)
              .config("spark.sql.ui.retainedExecutions", "20")
              .config("spark.ui.retainedJobs", "50")
              .config("spark.ui.retainedStages", "50")
              .config("spark.ui.retainedTasks", "1000")
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop));
    }
    return spark;
  }
}
