package org.oppmatch;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.try_element_at;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.oppmatch.config.ConfigLoader;
import org.oppmatch.config.JobConfig;
import org.oppmatch.io.InputLocator;
import org.oppmatch.io.InputSource;
import org.oppmatch.io.RawReader;
import org.oppmatch.match.Matching;
import org.oppmatch.match.OpportunityMatches;
import org.oppmatch.match.Targets;
import org.oppmatch.publish.Manifest;
import org.oppmatch.publish.Publisher;
import org.oppmatch.publish.StageTimer;
import org.oppmatch.rank.Allocation;
import org.oppmatch.rank.Explanations;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.InputTable;
import org.oppmatch.score.Scoring;
import org.oppmatch.validate.IndustryCodes;
import org.oppmatch.validate.Validation;

/**
 * The nightly matching job: reads and validates the five inputs, matches enterprises to zones on
 * the industry hierarchy, scores, allocates and ranks, and publishes targets, opportunity matches
 * and the quarantine with a manifest written last (job-contract.md).
 */
public final class NightlyJob {
  public static final String TARGETS = "targets";
  public static final String OPPORTUNITY_MATCHES = "opportunity_matches";
  public static final String QUARANTINE = "quarantine";

  /** Outputs in the order they are published; the manifest follows them. */
  public static final List<String> OUTPUTS = List.of(TARGETS, OPPORTUNITY_MATCHES, QUARANTINE);

  private final SparkSession spark;
  private final JobArgs args;
  private final JobConfig config;
  private final PrintStream progress;

  public NightlyJob(SparkSession spark, JobArgs args, JobConfig config, PrintStream progress) {
    this.spark = spark;
    this.args = args;
    this.config = config;
    this.progress = progress;
  }

  public static void main(String[] argv) {
    JobArgs args;
    JobConfig config;
    try {
      args = JobArgs.parse(argv);
      config = loadConfig(args.config(), new Configuration());
    } catch (JobFailure e) {
      System.err.println("nightly: " + e.kind().label() + ": " + e.getMessage());
      System.exit(e.kind().exitCode());
      return;
    }
    SparkSession spark =
        SparkSession.builder()
            .appName("opportunity-engine nightly " + args.runDate())
            .getOrCreate();
    int code;
    try {
      code = execute(spark, args, config, System.out, System.err);
    } finally {
      spark.stop();
    }
    System.exit(code);
  }

  /** Runs the job on a session and returns the exit code of job-contract.md. */
  public static int execute(
      SparkSession spark, JobArgs args, JobConfig config, PrintStream out, PrintStream err) {
    try {
      new NightlyJob(spark, args, config, out).run();
      return 0;
    } catch (JobFailure e) {
      err.println("nightly: " + e.kind().label() + ": " + oneLine(e.getMessage()));
      return e.kind().exitCode();
    } catch (Exception | LinkageError | AssertionError e) {
      err.println("nightly: failed: " + oneLine(String.valueOf(e)));
      e.printStackTrace(err);
      return 1;
    }
  }

  /** Parses arguments and configuration and runs; for tests and launchers that hold a session. */
  public static int execute(SparkSession spark, String[] argv, PrintStream out, PrintStream err) {
    JobArgs args;
    JobConfig config;
    try {
      args = JobArgs.parse(argv);
      config = loadConfig(args.config(), spark.sparkContext().hadoopConfiguration());
    } catch (JobFailure e) {
      err.println("nightly: " + e.kind().label() + ": " + oneLine(e.getMessage()));
      return e.kind().exitCode();
    }
    return execute(spark, args, config, out, err);
  }

  static JobConfig loadConfig(Optional<String> location, Configuration conf) {
    if (location.isEmpty()) {
      return ConfigLoader.parse(null, "defaults");
    }
    Path p = new Path(location.get());
    try (InputStream in = p.getFileSystem(conf).open(p)) {
      return ConfigLoader.parse(
          new String(in.readAllBytes(), StandardCharsets.UTF_8), location.get());
    } catch (IOException e) {
      throw JobFailure.badArguments(
          "--config " + location.get() + " cannot be read: " + e.getMessage());
    }
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
  }

  /** Runs the whole job; on any failure writes a failure manifest and rethrows. */
  public void run() throws IOException {
    Instant started = Instant.now();
    String attempt =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC)
            .format(started);
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Publisher publisher = new Publisher(hadoop, args.output(), args.runDate(), attempt);
    Manifest manifest = new Manifest(args.runDate(), attempt, started);
    manifest.config(ConfigLoader.toJson(config), ConfigLoader.hash(config));
    StageTimer timer = new StageTimer(progress);
    manifest.stages(timer);
    List<Dataset<?>> cached = new ArrayList<>();
    try {
      publisher.cleanStale();
      runStages(publisher, manifest, timer, cached);
      publisher.publish(OUTPUTS);
      publisher.writeAtomically(
          publisher.manifest(), manifest.toJson(Manifest.SUCCEEDED, null, null));
      progress.println(
          "[nightly] published run_date=" + args.runDate() + " to " + publisher.root());
    } catch (IOException | RuntimeException | Error e) {
      String kind = e instanceof JobFailure f ? f.kind().label() : "error";
      try {
        publisher.writeAtomically(
            publisher.failedManifest(),
            manifest.toJson(
                Manifest.FAILED,
                kind,
                oneLine(String.valueOf(e.getMessage() == null ? e : e.getMessage()))));
      } catch (IOException | RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      cached.forEach(Dataset::unpersist);
    }
  }

  private void runStages(
      Publisher publisher, Manifest manifest, StageTimer timer, List<Dataset<?>> cached)
      throws IOException {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    // 1. find every table and check its columns before any Spark job runs
    Map<InputTable, InputSource> sources = new EnumMap<>(InputTable.class);
    InputLocator locator = new InputLocator(hadoop, args.inputs(), config.parsedInputFormats());
    RawReader reader = new RawReader(spark);
    long t0 = System.currentTimeMillis();
    for (InputTable t : InputTable.values()) {
      Optional<InputSource> src = locator.locate(t);
      if (src.isEmpty() && t.mandatory()) {
        throw JobFailure.inputContract(
            "input table "
                + t.tableName()
                + " is missing: expected "
                + t.tableName()
                + ".csv, .jsonl, .parquet or a directory "
                + t.tableName()
                + "/ in "
                + args.inputs());
      }
      src.ifPresent(s -> sources.put(t, s));
    }
    for (InputSource s : sources.values()) {
      reader.checkColumns(s);
    }
    Map<String, String> industryNames =
        config.classificationTable == null
            ? Map.of()
            : IndustryCodes.loadTable(config.classificationTable, hadoop);
    timer.record("check_inputs", System.currentTimeMillis() - t0, -1);

    // 2. validate: parents first, since zone_chain and opportunities refer to them
    Map<InputTable, Dataset<Row>> validated = new EnumMap<>(InputTable.class);
    Map<InputTable, Dataset<Row>> accepted = new EnumMap<>(InputTable.class);
    Set<String> known = industryNames.keySet();
    for (InputTable t : sources.keySet()) {
      Validation.Context ctx =
          new Validation.Context(
              args.runDate(),
              known,
              accepted.get(InputTable.ZONES),
              accepted.get(InputTable.CHAIN_NODES));
      Dataset<Row> v =
          Validation.validate(reader.read(sources.get(t)), t, ctx)
              .persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(v);
      validated.put(t, v);
      Manifest.InputCounts counts =
          timed(timer, "validate_" + t.tableName(), () -> countRules(v, sources.get(t)));
      manifest.input(t.tableName(), counts);
      Dataset<Row> ok = Validation.accepted(v, t);
      accepted.put(t, t == InputTable.ENTERPRISES ? ok : ok.cache());
    }
    checkQuarantineShares(manifest);

    // 3. match, score, allocate, rank, explain
    Dataset<Row> zones = accepted.get(InputTable.ZONES);
    Dataset<Row> targets =
        Targets.leadTargets(zones)
            .unionByName(
                Targets.nodeTargets(
                    accepted.get(InputTable.ZONE_CHAIN), accepted.get(InputTable.CHAIN_NODES)))
            .unionByName(
                Targets.opportunityTargets(
                    Targets.openOpportunities(
                        accepted.get(InputTable.OPPORTUNITIES), args.runDate()),
                    zones));
    Dataset<Row> keyedTargets = Targets.keyed(targets).cache();
    cached.add(keyedTargets);
    Dataset<Row> features =
        Matching.withEnterpriseFeatures(
            accepted.get(InputTable.ENTERPRISES), args.runDate(), config);
    Dataset<Row> matches =
        Matching.matchTargets(Matching.keyed(features), keyedTargets, config)
            .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(matches);
    timed(timer, "match_industry_codes", matches::count);

    Dataset<Row> ranked =
        Matching.pairs(matches, config.opportunities.minSimilarity)
            .transform(p -> Scoring.withZone(p, zones))
            .transform(p -> Scoring.score(p, config))
            .transform(s -> Allocation.allocate(s, config))
            .transform(a -> Allocation.rankWithinZones(a, config))
            .transform(r -> Explanations.explain(r, config, args.runDate(), industryNames))
            .transform(this::withPreviousRun);
    Column runDate = lit(java.sql.Date.valueOf(args.runDate())).as(Cols.RUN_DATE);
    Dataset<Row> targetsOut =
        ranked.select(
            runDate,
            col(Cols.ZONE_ID),
            col(org.oppmatch.match.Features.ZONE_NAME).as("zone_name"),
            col(Cols.RANK),
            col(Cols.ENTERPRISE_ID),
            col(Cols.NAME).as(Cols.ENTERPRISE_NAME),
            col(Cols.SCORE),
            col(Cols.TIER),
            col(Cols.CHAIN_ROLE),
            col(Cols.MATCHED_NODE_IDS),
            col(Cols.MATCHED_OPPORTUNITY_IDS),
            col(Cols.REASONS),
            col(Cols.EXPLANATION),
            col(Cols.SCORE_COMPONENTS),
            col(Cols.COMPETING_ZONES),
            col(Cols.IS_NEW),
            col(Cols.PREVIOUS_RANK),
            col(Cols.GROUP_ID));
    long nTargets =
        timed(
            timer,
            "score_rank_write",
            () ->
                write(
                    targetsOut.orderBy(col(Cols.ZONE_ID), col(Cols.RANK)).coalesce(1),
                    publisher.staged(TARGETS)));
    manifest.output(TARGETS, nTargets);

    Dataset<Row> oppOut =
        OpportunityMatches.rank(matches, config)
            .select(col("*"))
            .withColumn(Cols.RUN_DATE, lit(java.sql.Date.valueOf(args.runDate())));
    Dataset<Row> oppOrdered =
        oppOut.select(
            col(Cols.RUN_DATE),
            col(Cols.OPPORTUNITY_ID),
            col(Cols.RANK),
            col(Cols.ENTERPRISE_ID),
            col(Cols.ENTERPRISE_NAME),
            col(Cols.SIMILARITY),
            col(Cols.REASONS));
    long nOpp =
        timed(
            timer,
            "opportunity_matches",
            () ->
                write(
                    oppOrdered.orderBy(col(Cols.OPPORTUNITY_ID), col(Cols.RANK)).coalesce(1),
                    publisher.staged(OPPORTUNITY_MATCHES)));
    manifest.output(OPPORTUNITY_MATCHES, nOpp);

    Dataset<Row> quarantine = null;
    for (Map.Entry<InputTable, Dataset<Row>> e : validated.entrySet()) {
      Dataset<Row> q = Validation.quarantined(e.getValue(), e.getKey());
      quarantine = quarantine == null ? q : quarantine.unionByName(q);
    }
    Dataset<Row> quarantineOut =
        quarantine.select(lit(java.sql.Date.valueOf(args.runDate())).as(Cols.RUN_DATE), col("*"));
    long nQ =
        timed(
            timer,
            "quarantine",
            () -> write(quarantineOut.coalesce(1), publisher.staged(QUARANTINE)));
    manifest.output(QUARANTINE, nQ);
  }

  /** previous_rank and is_new against the latest succeeded run before this run date. */
  private Dataset<Row> withPreviousRun(Dataset<Row> ranked) {
    Publisher publisher;
    Optional<LocalDate> previous;
    try {
      publisher =
          new Publisher(
              spark.sparkContext().hadoopConfiguration(), args.output(), args.runDate(), "probe");
      previous =
          publisher.previousSucceededRun(p -> Manifest.isSucceeded(publisher.fileSystem(), p));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (previous.isEmpty()) {
      return ranked
          .withColumn(Cols.PREVIOUS_RANK, lit(null).cast("int"))
          .withColumn(Cols.IS_NEW, lit(true));
    }
    Path prevTargets = new Path(new Path(publisher.root(), TARGETS), "run_date=" + previous.get());
    Dataset<Row> prev =
        spark
            .read()
            .parquet(prevTargets.toString())
            .select(
                col(Cols.ZONE_ID).as("_p_zone"),
                col(Cols.ENTERPRISE_ID).as("_p_ent"),
                col(Cols.RANK).as(Cols.PREVIOUS_RANK));
    return ranked
        .join(
            broadcast(prev),
            ranked
                .col(Cols.ZONE_ID)
                .equalTo(prev.col("_p_zone"))
                .and(ranked.col(Cols.ENTERPRISE_ID).equalTo(prev.col("_p_ent"))),
            "left")
        .drop("_p_zone", "_p_ent")
        .withColumn(Cols.IS_NEW, col(Cols.PREVIOUS_RANK).isNull());
  }

  private static long write(Dataset<Row> df, Path staged) {
    df.write().mode(SaveMode.Overwrite).parquet(staged.toString());
    return df.sparkSession().read().parquet(staged.toString()).count();
  }

  private static Manifest.InputCounts countRules(Dataset<Row> validated, InputSource src) {
    Map<String, Long> byRule = new LinkedHashMap<>();
    long accepted = 0;
    // one small row per rule: bounded by the number of rules, whatever the input size
    List<Row> rows =
        validated
            .groupBy(try_element_at(col(Validation.RULES_COL), lit(1)).as("r"))
            .count()
            .orderBy(col("r"))
            .collectAsList();
    long quarantined = 0;
    for (Row r : rows) {
      if (r.isNullAt(0)) {
        accepted = r.getLong(1);
      } else {
        byRule.put(r.getString(0), r.getLong(1));
        quarantined += r.getLong(1);
      }
    }
    long read = accepted + quarantined;
    return new Manifest.InputCounts(
        src.location(),
        src.format().name().toLowerCase(java.util.Locale.ROOT),
        read,
        accepted,
        quarantined,
        byRule,
        read == 0 ? 0.0 : (double) quarantined / read);
  }

  private void checkQuarantineShares(Manifest manifest) {
    List<String> over = new ArrayList<>();
    manifest
        .inputs()
        .forEach(
            (name, c) -> {
              if (c.quarantineShare() > config.quarantineLimit) {
                over.add(
                    String.format(
                        java.util.Locale.ROOT,
                        "%s: %d of %d rows quarantined (%.2f%%) %s",
                        c.location(),
                        c.quarantined(),
                        c.rowsRead(),
                        100 * c.quarantineShare(),
                        c.quarantinedByRule()));
              }
            });
    if (!over.isEmpty()) {
      throw JobFailure.inputContract(
          "quarantine share above the limit of "
              + (100 * config.quarantineLimit)
              + "%: "
              + String.join("; ", over));
    }
  }

  private static <T> T timed(StageTimer timer, String name, java.util.function.Supplier<T> stage) {
    long t0 = System.currentTimeMillis();
    T result = stage.get();
    long rows =
        result instanceof Long l ? l : result instanceof Manifest.InputCounts c ? c.rowsRead() : -1;
    timer.record(name, System.currentTimeMillis() - t0, rows);
    return result;
  }
}
