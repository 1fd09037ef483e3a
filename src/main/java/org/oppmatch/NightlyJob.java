package org.oppmatch;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
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
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.oppmatch.config.ConfigLoader;
import org.oppmatch.config.JobConfig;
import org.oppmatch.export.ExportStage;
import org.oppmatch.io.InputLocator;
import org.oppmatch.io.InputSource;
import org.oppmatch.io.RawReader;
import org.oppmatch.match.Features;
import org.oppmatch.match.Matching;
import org.oppmatch.match.OpportunityMatches;
import org.oppmatch.match.Targets;
import org.oppmatch.match.TextFeatures;
import org.oppmatch.publish.Changes;
import org.oppmatch.publish.FaultInjection;
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

  public static final String DROPPED = "dropped";

  private static final String CACHE_COMPRESSED = "spark.sql.inMemoryColumnarStorage.compressed";

  private static final String RDD_COMPRESS = "spark.rdd.compress";

  /** Outputs in the order they are published; the manifest follows them. */
  public static final List<String> OUTPUTS =
      List.of(
          TARGETS,
          OPPORTUNITY_MATCHES,
          QUARANTINE,
          DROPPED,
          ExportStage.EXPORTS,
          ExportStage.REPORT);

  /** The outputs this run publishes: the people's exports can be switched off. */
  private List<String> outputs() {
    return config.exports.enabled
        ? OUTPUTS
        : OUTPUTS.stream()
            .filter(o -> !o.equals(ExportStage.EXPORTS) && !o.equals(ExportStage.REPORT))
            .toList();
  }

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
    SparkSession.Builder builder =
        SparkSession.builder().appName("opportunity-engine nightly " + args.runDate());
    if (!new SparkConf().contains(RDD_COMPRESS)) {
      // cached tables that no longer fit in the heap are spilled to local disk; uncompressed, the
      // 10M-enterprise run filled 78 GB of it (README, Measured). LZ4 costs only the spilled
      // blocks, so a run that fits in memory pays nothing
      builder.config(RDD_COMPRESS, true);
    }
    SparkSession spark = builder.getOrCreate();
    int code;
    String master = spark.sparkContext().master();
    try {
      code = execute(spark, args, config, System.out, System.err);
    } finally {
      spark.stop();
    }
    // on YARN an explicit System.exit, even 0, marks the application failed: there a success
    // just returns; everywhere else the exit code is the contract's, and stray threads cannot
    // keep the process alive
    if (code != 0 || !master.startsWith("yarn")) {
      System.exit(code);
    }
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
      for (String date : Publisher.recover(publisher.fileSystem(), publisher.root())) {
        progress.println("[nightly] completed the interrupted publication of run_date=" + date);
      }
      publisher.cleanStale();
      if (!spark.conf().contains(CACHE_COMPRESSED)) {
        // the cached tables are read once or twice within the run: compressing them cost more
        // than it saved (3-5 s at 1M enterprises, ../shared/notes/performance.md)
        spark.conf().set(CACHE_COMPRESSED, false);
      }
      spark
          .sparkContext()
          .setJobGroup("nightly-" + args.runDate(), "nightly run " + args.runDate(), false);
      Inputs inputs = readAndValidate(manifest, timer, cached);
      writeOutputs(inputs, publisher, manifest, timer, cached);
      FaultInjection.at("publish");
      publisher.publish(outputs(), manifest.toJson(Manifest.SUCCEEDED, null, null));
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
      spark.sparkContext().clearJobGroup();
    }
  }

  /** The validated inputs of a run: every table's rows with their rules, and the accepted ones. */
  record Inputs(
      Map<InputTable, Validation.Validated> validated,
      Map<InputTable, Dataset<Row>> accepted,
      Map<String, String> industryNames) {}

  /**
   * Finds every table, checks its columns before any Spark job runs, then validates each in one
   * pass (parents first: zone_chain and opportunities refer to zones and chain nodes).
   */
  private Inputs readAndValidate(Manifest manifest, StageTimer timer, List<Dataset<?>> cached)
      throws IOException {
    FaultInjection.at("check_inputs");
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
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

    FaultInjection.at("validate");
    Map<InputTable, Validation.Validated> validated = new EnumMap<>(InputTable.class);
    Map<InputTable, Dataset<Row>> accepted = new EnumMap<>(InputTable.class);
    Dataset<Row> ruleCounts = null;
    for (InputTable t : sources.keySet()) {
      Validation.Context ctx =
          new Validation.Context(
              args.runDate(),
              industryNames.keySet(),
              accepted.get(InputTable.ZONES),
              accepted.get(InputTable.CHAIN_NODES));
      // checked once into the cache; duplicates are flagged on the cache (Validation)
      Validation.Validated checked =
          Validation.validateCached(
              reader.read(sources.get(t)),
              t,
              ctx,
              d -> {
                Dataset<Row> kept = d.persist(StorageLevel.MEMORY_AND_DISK());
                cached.add(kept);
                return kept;
              });
      validated.put(t, checked);
      Dataset<Row> v = checked.rows();
      Dataset<Row> ok = Validation.accepted(v, t);
      accepted.put(t, t == InputTable.ENTERPRISES ? ok : ok.cache());
      Dataset<Row> counts =
          v.groupBy(try_element_at(col(Validation.RULES_COL), lit(1)).as("rule"))
              .count()
              .withColumn("table", lit(t.tableName()));
      ruleCounts = ruleCounts == null ? counts : ruleCounts.unionByName(counts);
    }
    // every table read and validated in one Spark job; a small row per table and rule comes back
    Dataset<Row> allCounts = ruleCounts;
    List<Row> counted = timed(timer, "read_and_validate", () -> allCounts.collectAsList());
    for (InputTable t : sources.keySet()) {
      manifest.input(
          t.tableName(),
          inputCounts(
              sources.get(t),
              counted.stream()
                  .filter(r -> r.<String>getAs("table").equals(t.tableName()))
                  .toList()));
    }
    checkQuarantineShares(manifest);
    return new Inputs(validated, accepted, industryNames);
  }

  /** Matches, scores, ranks, and writes every output of the run to the attempt's staging. */
  private void writeOutputs(
      Inputs in, Publisher publisher, Manifest manifest, StageTimer timer, List<Dataset<?>> cached)
      throws IOException {
    FaultInjection.at("match");
    Dataset<Row> zones = in.accepted().get(InputTable.ZONES);
    Dataset<Row> openOpportunities =
        Targets.openOpportunities(in.accepted().get(InputTable.OPPORTUNITIES), args.runDate());
    Dataset<Row> enterprises = in.accepted().get(InputTable.ENTERPRISES);
    TextFeatures.Model text =
        timed(
            timer,
            "fit_text_features",
            () ->
                Matching.fitText(
                    enterprises,
                    manifest.inputs().get(InputTable.ENTERPRISES.tableName()).accepted(),
                    openOpportunities,
                    config));
    Dataset<Row> zoneTargets =
        Targets.leadTargets(zones)
            .unionByName(
                Targets.nodeTargets(
                    in.accepted().get(InputTable.ZONE_CHAIN),
                    in.accepted().get(InputTable.CHAIN_NODES)));
    Dataset<Row> keyedTargets = Targets.keyed(zoneTargets).cache();
    cached.add(keyedTargets);
    Dataset<Row> keyedOpportunityTargets =
        Targets.keyed(Targets.opportunityTargets(openOpportunities, zones, text)).cache();
    cached.add(keyedOpportunityTargets);
    Dataset<Row> opportunityZones = Targets.opportunityZones(openOpportunities, zones).cache();
    cached.add(opportunityZones);
    // each match computes the per-enterprise features it reads from the (cached) enterprises: the
    // zone match its factors and size percentiles, the opportunity match the text terms; caching
    // one wide table of both cost more to build and read than either computation
    Dataset<Row> spread = spreadOverCores(enterprises);
    Dataset<Row> features = Matching.withEnterpriseFeatures(spread, args.runDate(), config);
    Dataset<Row> keyedEnterprises = Matching.keyed(features);
    Dataset<Row> matches =
        Matching.matchTargets(keyedEnterprises, keyedTargets, config)
            .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(matches);
    timed(timer, "match_industry_codes", matches::count);
    Dataset<Row> matchedOpportunities =
        Matching.matchOpportunities(
                Matching.withTextTerms(spread, text),
                Matching.opportunityIndex(keyedOpportunityTargets, opportunityZones, config))
            .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(matchedOpportunities);
    timed(timer, "match_opportunities", matchedOpportunities::count);
    Dataset<Row> opportunityMatches = Matching.opportunityMatchRows(matchedOpportunities);
    if (Boolean.getBoolean("oppmatch.explain")) {
      // the physical plans of the two match stages, for profiling (jobs/bench, README)
      matches.explain("formatted");
      matchedOpportunities.explain("formatted");
    }

    FaultInjection.at("score_rank");
    Optional<LocalDate> previousDate =
        publisher.previousSucceededRun(p -> Manifest.isSucceeded(publisher.fileSystem(), p));
    Dataset<Row> previous =
        previousDate
            .map(d -> spark.read().parquet(publisher.publishedFor(TARGETS, d).toString()).cache())
            .orElse(null);
    if (previous != null) {
      cached.add(previous);
    }
    Dataset<Row> ranked =
        Matching.pairs(matches, Matching.opportunitiesPerZone(matchedOpportunities))
            .transform(p -> Scoring.withZone(p, zones))
            .transform(p -> Scoring.score(p, config))
            .transform(s -> Allocation.allocate(s, config))
            .transform(a -> Allocation.rankWithinZones(a, config))
            .transform(
                r ->
                    Explanations.explain(
                        r, openOpportunities, config, args.runDate(), in.industryNames()))
            .transform(r -> Changes.withMovement(r, previous));
    Dataset<Row> targetsOut = ranked.select(targetColumns());
    if (Boolean.getBoolean("oppmatch.explain")) {
      targetsOut.explain("formatted");
    }
    long nTargets =
        timed(
            timer,
            "score_rank_write",
            () ->
                write(
                    targetsOut.orderBy(col(Cols.ZONE_ID), col(Cols.RANK)).coalesce(1),
                    publisher.staged(TARGETS)));
    manifest.output(TARGETS, nTargets);
    Dataset<Row> published = spark.read().parquet(publisher.staged(TARGETS).toString()).cache();
    cached.add(published);

    FaultInjection.at("opportunity_matches");
    Dataset<Row> oppOut =
        OpportunityMatches.rank(opportunityMatches, config)
            .withColumn(Cols.RUN_DATE, runDateColumn())
            .select(
                col(Cols.RUN_DATE),
                col(Cols.OPPORTUNITY_ID),
                col(Cols.RANK),
                col(Cols.ENTERPRISE_ID),
                col(Cols.ENTERPRISE_NAME),
                col(Cols.SIMILARITY),
                col(Cols.REASONS));
    manifest.output(
        OPPORTUNITY_MATCHES,
        timed(
            timer,
            "opportunity_matches",
            () ->
                write(
                    oppOut.orderBy(col(Cols.OPPORTUNITY_ID), col(Cols.RANK)).coalesce(1),
                    publisher.staged(OPPORTUNITY_MATCHES))));

    FaultInjection.at("quarantine");
    Dataset<Row> quarantine = null;
    for (Map.Entry<InputTable, Validation.Validated> e : in.validated().entrySet()) {
      Dataset<Row> q = e.getValue().quarantined(e.getKey());
      quarantine = quarantine == null ? q : quarantine.unionByName(q);
    }
    Dataset<Row> quarantineOut = quarantine.select(runDateColumn(), col("*"));
    manifest.output(
        QUARANTINE,
        timed(
            timer,
            "quarantine",
            () -> write(quarantineOut.coalesce(1), publisher.staged(QUARANTINE))));

    FaultInjection.at("dropped");
    Dataset<Row> dropped =
        previous == null
            ? spark.createDataFrame(List.of(), DROPPED_SCHEMA)
            : Changes.dropped(
                previous,
                published,
                in.accepted().get(InputTable.ENTERPRISES).select(col(Cols.ENTERPRISE_ID)),
                openOpportunities.select(col(Cols.OPPORTUNITY_ID)));
    Dataset<Row> droppedOut =
        dropped.select(
            runDateColumn(),
            col(Cols.ZONE_ID),
            col(Cols.ENTERPRISE_ID),
            col(Cols.ENTERPRISE_NAME),
            col(Cols.PREVIOUS_RANK),
            col(Changes.REASON),
            col("now_zone_id"));
    manifest.output(
        DROPPED,
        timed(
            timer,
            "dropped",
            () ->
                write(
                    droppedOut.orderBy(col(Cols.ZONE_ID), col(Cols.PREVIOUS_RANK)).coalesce(1),
                    publisher.staged(DROPPED))));
    Dataset<Row> droppedPublished = spark.read().parquet(publisher.staged(DROPPED).toString());
    manifest.put("changes", changeSummary(previousDate, published, droppedPublished));
    previousDate.ifPresent(d -> manifest.put("previous_run", d.toString()));

    if (config.exports.enabled) {
      FaultInjection.at("exports");
      long t0 = System.currentTimeMillis();
      ExportStage.Written written =
          ExportStage.write(
              published,
              previous == null ? null : droppedPublished,
              zones,
              ExportStage.zoneChainNodes(
                  in.accepted().get(InputTable.ZONE_CHAIN),
                  in.accepted().get(InputTable.CHAIN_NODES)),
              in.accepted().get(InputTable.OPPORTUNITIES),
              ConfigLoader.mapper().readTree(manifest.toJson(Manifest.SUCCEEDED, null, null)),
              publisher.fileSystem(),
              publisher.stagingRoot());
      timer.record("exports_and_report", System.currentTimeMillis() - t0, written.files());
      manifest.output(ExportStage.EXPORTS, written.files() - 1);
      manifest.output(ExportStage.REPORT, 1);
    }
  }

  static final org.apache.spark.sql.types.StructType DROPPED_SCHEMA =
      new org.apache.spark.sql.types.StructType()
          .add(Cols.ZONE_ID, "string")
          .add(Cols.ENTERPRISE_ID, "string")
          .add(Cols.ENTERPRISE_NAME, "string")
          .add(Cols.PREVIOUS_RANK, "int")
          .add(Changes.REASON, "string")
          .add("now_zone_id", "string");

  private Column runDateColumn() {
    return lit(java.sql.Date.valueOf(args.runDate())).as(Cols.RUN_DATE);
  }

  private Column[] targetColumns() {
    return new Column[] {
      runDateColumn(),
      col(Cols.ZONE_ID),
      col(Features.ZONE_NAME).as("zone_name"),
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
      col(Changes.MOVEMENT),
      col(Cols.GROUP_ID)
    };
  }

  /**
   * Per zone: new, up, down, same and dropped leads against the previous run. One small row per
   * zone comes back to the driver.
   */
  private Map<String, Object> changeSummary(
      Optional<LocalDate> previousDate, Dataset<Row> published, Dataset<Row> dropped) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("previous_run_date", previousDate.map(LocalDate::toString).orElse(null));
    Map<String, Map<String, Long>> zones = new java.util.TreeMap<>();
    for (Row r :
        published.groupBy(col(Cols.ZONE_ID), col(Changes.MOVEMENT)).count().collectAsList()) {
      zones.computeIfAbsent(r.getString(0), z -> emptyCounts()).put(r.getString(1), r.getLong(2));
    }
    for (Row r : dropped.groupBy(col(Cols.ZONE_ID)).count().collectAsList()) {
      zones.computeIfAbsent(r.getString(0), z -> emptyCounts()).put("dropped", r.getLong(1));
    }
    out.put("zones", zones);
    return out;
  }

  private static Map<String, Long> emptyCounts() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String k : List.of("new", "up", "down", "same", "dropped")) {
      m.put(k, 0L);
    }
    return m;
  }

  /** Writes a staged output and returns its row count, observed during the write itself. */
  private static long write(Dataset<Row> df, Path staged) {
    Observation rows = new Observation("rows_" + staged.getName());
    df.observe(rows, count(lit(1)).as("n"))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(staged.toString());
    try {
      return ((Number) rows.getAsJava().get("n")).longValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while counting " + staged, e);
    }
  }

  /** An input's counts from its rows of (rule, count): the null rule counts the accepted rows. */
  private static Manifest.InputCounts inputCounts(InputSource src, List<Row> ruleRows) {
    Map<String, Long> byRule = new java.util.TreeMap<>();
    long accepted = 0;
    long quarantined = 0;
    for (Row r : ruleRows) {
      long n = r.<Long>getAs("count");
      String rule = r.getAs("rule");
      if (rule == null) {
        accepted = n;
      } else {
        byRule.put(rule, n);
        quarantined += n;
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

  /**
   * The enterprises in at least as many partitions as the session has cores: a small input file is
   * one partition, and the match and scoring stages would run on one core.
   */
  private Dataset<Row> spreadOverCores(Dataset<Row> enterprises) {
    int cores = spark.sparkContext().defaultParallelism();
    return enterprises.rdd().getNumPartitions() < cores
        ? enterprises.repartition(cores)
        : enterprises;
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
