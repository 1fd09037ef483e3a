package org.oppmatch.stage;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.oppmatch.config.JobConfig;
import org.oppmatch.io.InputSource;
import org.oppmatch.publish.Manifest;
import org.oppmatch.schema.InputTable;
import org.oppmatch.validate.Duplicates;
import org.oppmatch.validate.RowValidator;
import org.oppmatch.validate.Rules;
import org.oppmatch.validate.Validation;

/**
 * The enterprises of a run: read and validated in one pass (each rule a plain-Java check, {@link
 * RowValidator}), kept in Spark's cache for the passes that follow, counted by rule, and their
 * duplicate ids found.
 */
public final class EnterpriseInput {
  /** A CSV or JSON Lines file is read by one task; beyond this size its rows are spread out. */
  static final long SPREAD_ABOVE_BYTES = 32L << 20;

  private final InputSource source;
  private final Dataset<Row> raw;
  private final Dataset<Row> validated;
  private final Map<String, Long> byFirstRule;
  private final long clean;
  private Duplicates duplicates;

  private EnterpriseInput(
      InputSource source,
      Dataset<Row> raw,
      Dataset<Row> validated,
      Map<String, Long> byFirstRule,
      long clean) {
    this.source = source;
    this.raw = raw;
    this.validated = validated;
    this.byFirstRule = byFirstRule;
    this.clean = clean;
    this.duplicates = Duplicates.none(InputTable.ENTERPRISES);
  }

  /**
   * Reads and validates the enterprises into the cache, and counts them by first broken rule: one
   * Spark job, the only full read of the input.
   */
  public static EnterpriseInput read(
      SparkSession spark, RunInputs inputs, ReferenceData reference, JobConfig config, LocalDate runDate) {
    InputSource src = inputs.source(InputTable.ENTERPRISES).orElseThrow();
    Dataset<Row> raw = inputs.reader().read(src);
    RowValidator validator =
        new RowValidator(
            InputTable.ENTERPRISES,
            runDate,
            inputs.industryNames().keySet(),
            java.util.Set.of(),
            java.util.Set.of());
    Dataset<Row> validated = Validation.validate(spread(spark, raw, src), validator, InputTable.ENTERPRISES);
    validated.persist(StorageLevel.MEMORY_AND_DISK());
    spark.sparkContext().setJobDescription("read and validate enterprises");
    Map<String, Long> byRule =
        validated
            .select(org.apache.spark.sql.functions.col(Validation.RULES_COLUMN))
            .javaRDD()
            .aggregate(
                new HashMap<String, Long>(),
                (m, r) -> {
                  java.util.List<String> rules = r.getList(0);
                  m.merge(rules.isEmpty() ? "" : rules.get(0), 1L, Long::sum);
                  return m;
                },
                (a, b) -> {
                  b.forEach((k, v) -> a.merge(k, v, Long::sum));
                  return a;
                });
    spark.sparkContext().setJobDescription(null);
    long clean = byRule.getOrDefault("", 0L);
    byRule.remove("");
    return new EnterpriseInput(src, raw, validated, byRule, clean);
  }

  /**
   * The raw rows in at least as many partitions as the session has cores: one large text file is
   * one task's work, and every later pass would run on one core.
   */
  private static Dataset<Row> spread(SparkSession spark, Dataset<Row> raw, InputSource src) {
    int cores = spark.sparkContext().defaultParallelism();
    if (src.format() == org.oppmatch.io.InputFormat.PARQUET || src.files().size() >= cores) {
      return raw;
    }
    long bytes = 0;
    for (String f : src.files()) {
      try {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(f);
        bytes += p.getFileSystem(spark.sparkContext().hadoopConfiguration()).getFileStatus(p).getLen();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return bytes > SPREAD_ABOVE_BYTES ? raw.repartition(cores) : raw;
  }

  /**
   * Finds the duplicate ids among the rows that broke no other rule (one Spark job, a shuffle of the
   * keys alone). More losers than the quarantine limit allows fail the run on the limit.
   */
  public Duplicates findDuplicates(double quarantineLimit) {
    long limit = (long) Math.floor(quarantineLimit * (clean + quarantinedBeforeDuplicates())) + 1;
    validated.sparkSession().sparkContext().setJobDescription("find duplicate enterprise ids");
    duplicates = Duplicates.find(validated, InputTable.ENTERPRISES, limit);
    validated.sparkSession().sparkContext().setJobDescription(null);
    return duplicates;
  }

  private long quarantinedBeforeDuplicates() {
    return byFirstRule.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The enterprises' counts into the manifest: accepted, and quarantined by rule. */
  public void countInto(Manifest manifest) {
    Map<String, Long> byRule = new HashMap<>(byFirstRule);
    if (!duplicates.isEmpty()) {
      byRule.merge(Rules.DUPLICATE_ID, (long) duplicates.loserCount(), Long::sum);
    }
    manifest.input(
        InputTable.ENTERPRISES.tableName(),
        Manifest.counts(
            source.location(),
            source.format().name().toLowerCase(Locale.ROOT),
            accepted(),
            byRule));
    if (duplicates.truncated()) {
      throw org.oppmatch.JobFailure.inputContract(
          source.location()
              + ": more than "
              + duplicates.loserCount()
              + " rows repeat an enterprise_id, above the quarantine limit");
    }
  }

  /** Enterprises that broke no rule and are not a duplicate's loser. */
  public long accepted() {
    return clean - duplicates.loserCount();
  }

  public Dataset<Row> validated() {
    return validated;
  }

  public Duplicates duplicates() {
    return duplicates;
  }

  /** The rejected enterprises in the quarantine's shape, duplicate losers with their raw text. */
  public Dataset<Row> quarantine() {
    return Validation.quarantined(validated, InputTable.ENTERPRISES, duplicates, raw);
  }

  public InputSource source() {
    return source;
  }

  /** Drops the cache. */
  public void release() {
    validated.unpersist();
  }
}
