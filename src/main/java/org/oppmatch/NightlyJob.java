package org.oppmatch;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.oppmatch.config.ConfigLoader;
import org.oppmatch.config.JobConfig;
import org.oppmatch.export.ExportStage;
import org.oppmatch.io.LocalFiles;
import org.oppmatch.publish.FaultInjection;
import org.oppmatch.publish.Manifest;
import org.oppmatch.publish.Publisher;
import org.oppmatch.publish.StageTimer;
import org.oppmatch.rank.ScoringPass;
import org.oppmatch.stage.EnterpriseInput;
import org.oppmatch.stage.LeadLists;
import org.oppmatch.stage.Outputs;
import org.oppmatch.stage.PoolStatistics;
import org.oppmatch.stage.ReferenceData;
import org.oppmatch.stage.RunInputs;

/**
 * The nightly matching job: reads and validates the inputs, scores every enterprise once against
 * the broadcast zone model, allocates and ranks, and publishes targets, opportunity matches, the
 * quarantine and the change since the last run, with a manifest written last (job-contract.md).
 * Each stage is a class of {@code org.oppmatch.stage}; this class runs them in order.
 */
public final class NightlyJob {
  public static final String TARGETS = "targets";
  public static final String OPPORTUNITY_MATCHES = "opportunity_matches";
  public static final String QUARANTINE = "quarantine";
  public static final String DROPPED = "dropped";

  private static final String CACHE_COMPRESSED = "spark.sql.inMemoryColumnarStorage.compressed";
  private static final String RDD_COMPRESS = "spark.rdd.compress";
  private static final String COALESCE_BY_PARALLELISM =
      "spark.sql.adaptive.coalescePartitions.parallelismFirst";

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
      // the validated enterprises are cached; blocks that no longer fit in the heap are spilled to
      // local disk, and LZ4 costs only the spilled blocks
      builder.config(RDD_COMPRESS, true);
    }
    if (!new SparkConf().contains("spark.hadoop." + LocalFiles.KEY)) {
      builder.config("spark.hadoop." + LocalFiles.KEY, LocalFiles.class.getName());
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
    EnterpriseInput enterprises = null;
    try {
      for (String date : Publisher.recover(publisher.fileSystem(), publisher.root())) {
        progress.println("[nightly] completed the interrupted publication of run_date=" + date);
      }
      publisher.cleanStale();
      if (!spark.conf().contains(COALESCE_BY_PARALLELISM)) {
        // the one large aggregation (the enterprises by id) keeps partitions of the advisory size:
        // coalesced down to the session's parallelism, 10M ids in two tasks ran out of memory
        spark.conf().set(COALESCE_BY_PARALLELISM, false);
      }
      if (!spark.conf().contains(CACHE_COMPRESSED)) {
        // the cache is read by each pass of the run: compressing it cost more than it saved
        spark.conf().set(CACHE_COMPRESSED, false);
      }
      spark
          .sparkContext()
          .setJobGroup("nightly-" + args.runDate(), "nightly run " + args.runDate(), false);

      FaultInjection.at("check_inputs");
      RunInputs inputs =
          timer.timed("check_inputs", () -> RunInputs.locate(spark, args.inputs(), config));
      FaultInjection.at("validate");
      ReferenceData reference =
          timer.timed(
              "reference_tables", () -> ReferenceData.read(spark, inputs, config, args.runDate()));
      enterprises =
          timer.timed(
              "validate_enterprises",
              () -> EnterpriseInput.read(spark, inputs, reference, config, args.runDate()));
      EnterpriseInput e = enterprises;
      // the statistics pass decides which rows of a repeated id lose: then the counts are exact
      PoolStatistics stats =
          timer.timed("pool_statistics", () -> PoolStatistics.compute(e, reference, config));
      enterprises.countInto(manifest);
      reference.countInto(manifest);
      manifest.checkQuarantineShares(config.quarantineLimit);

      FaultInjection.at("match");
      Optional<LocalDate> previousDate =
          publisher.previousSucceededRun(p -> Manifest.isSucceeded(publisher.fileSystem(), p));
      LeadLists.Previous previous =
          LeadLists.Previous.read(
              spark, previousDate.map(d -> publisher.publishedFor(TARGETS, d).toString()));
      ScoringPass.Model model =
          new ScoringPass.Model(
              stats.scorer(reference, config, args.runDate()),
              enterprises.duplicates(),
              previous.enterpriseIds(),
              config.lists.topN,
              config.opportunities.topN,
              config.allocation.maxZonesPerEnterprise);

      FaultInjection.at("score_rank");
      ScoringPass.Result scored =
          timer.timed("score_and_rank", () -> ScoringPass.run(e.validated(), model));
      LeadLists lists =
          LeadLists.of(scored, previous, reference, config, args.runDate(), inputs.industryNames());
      Outputs out = new Outputs(spark, publisher, manifest, timer, args.runDate());
      out.targets(lists);
      FaultInjection.at("opportunity_matches");
      out.opportunityMatches(scored.opportunityMatches(), config);
      FaultInjection.at("quarantine");
      out.quarantine(enterprises, reference);
      FaultInjection.at("dropped");
      out.dropped(lists);
      manifest.put("changes", lists.changeSummary(previousDate));
      previousDate.ifPresent(d -> manifest.put("previous_run", d.toString()));
      if (config.exports.enabled) {
        FaultInjection.at("exports");
        out.exports(lists, reference);
      }
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
      if (enterprises != null) {
        enterprises.release();
      }
      spark.sparkContext().clearJobGroup();
    }
  }

  /** Writes a staged output and returns its row count, observed during the write itself. */
  public static long write(Dataset<Row> df, Path staged) {
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
}
