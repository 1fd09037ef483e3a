package org.oppmatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.oppmatch.config.ConfigLoader;
import org.oppmatch.config.JobConfig;
import org.oppmatch.io.LocalFiles;
import org.oppmatch.publish.OutputLock;
import org.oppmatch.schema.Outputs;
import org.oppmatch.stage.Explain;
import org.oppmatch.stage.Export;
import org.oppmatch.stage.LeadLists;
import org.oppmatch.stage.PoolStatistics;
import org.oppmatch.stage.Publish;
import org.oppmatch.stage.ReadAndValidate;
import org.oppmatch.stage.Resolve;
import org.oppmatch.stage.ResolveCompanies;
import org.oppmatch.stage.RunContext;
import org.oppmatch.stage.RunResources;
import org.oppmatch.stage.ScoreAndRank;
import org.oppmatch.stage.StageTimer;

/**
 * The nightly matching job (job-contract.md): read and validate the inputs, resolve repeated
 * enterprises, score, allocate and rank every enterprise once against the broadcast zone model,
 * explain the published leads, write the outputs and the people's exports, and publish them
 * together with the manifest last. Each stage is a class of {@code org.oppmatch.stage}
 * (docs/architecture.md); this class runs them in order.
 */
public final class NightlyJob {
  private static final String CACHE_COMPRESSED = "spark.sql.inMemoryColumnarStorage.compressed";
  private static final String RDD_COMPRESS = "spark.rdd.compress";
  private static final String COALESCE_BY_PARALLELISM =
      "spark.sql.adaptive.coalescePartitions.parallelismFirst";
  private static final String LIMIT_FIRST_PARTITIONS = "spark.sql.limit.initialNumPartitions";

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
    RunGuard.install();
    JobArgs args;
    JobConfig config;
    try {
      args = JobArgs.parse(argv);
      config = loadConfig(args.config(), new Configuration());
    } catch (JobFailure e) {
      System.err.println("nightly: " + e.kind().label() + ": " + e.getMessage());
      RunGuard.ended(e.kind().exitCode());
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
    RunGuard.session(spark.sparkContext());
    int code = 1;
    String master = spark.sparkContext().master();
    try {
      code = execute(spark, args, config, System.out, System.err);
    } finally {
      RunGuard.ended(code);
      spark.stop();
    }
    // on YARN an explicit System.exit, even 0, marks the application failed: there a success
    // just returns; everywhere else the exit code is the contract's, and stray threads cannot
    // keep the process alive
    if (code != 0 || !master.startsWith("yarn")) {
      System.exit(code);
    }
  }

  /**
   * Runs the job on a session and returns the exit code of job-contract.md: the output's lock is
   * taken before anything is read (exit code 4 while another run holds it) and released when the
   * run has published or failed.
   */
  public static int execute(
      SparkSession spark, JobArgs args, JobConfig config, PrintStream out, PrintStream err) {
    OutputLock lock;
    try {
      lock =
          OutputLock.acquire(
              spark.sparkContext().hadoopConfiguration(), args.output(), args.runDate());
    } catch (JobFailure e) {
      err.println("nightly: " + e.kind().label() + ": " + JobFailure.oneLine(e.getMessage()));
      return e.kind().exitCode();
    }
    RunGuard.onAbort(e -> lock.close());
    try (lock) {
      new NightlyJob(spark, args, config, out).run(lock);
      return 0;
    } catch (JobFailure e) {
      err.println("nightly: " + e.kind().label() + ": " + JobFailure.oneLine(e.getMessage()));
      return e.kind().exitCode();
    } catch (Exception | LinkageError | AssertionError | VirtualMachineError e) {
      Throwable cause = RunGuard.cause(e);
      if (cause == e) {
        err.println("nightly: failed: " + JobFailure.oneLine(String.valueOf(e)));
        e.printStackTrace(err);
      } else {
        if (!(cause instanceof RunGuard.FatalError f && f.reported)) {
          err.println("nightly: failed: " + JobFailure.oneLine(cause.getMessage()));
        }
        for (Throwable s : e.getSuppressed()) {
          err.println("nightly: and the failure manifest was not written: " + s);
        }
      }
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
      err.println("nightly: " + e.kind().label() + ": " + JobFailure.oneLine(e.getMessage()));
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

  /**
   * Runs the stages in order under the output's lock; on any failure writes a failure manifest and
   * rethrows.
   */
  public void run(OutputLock lock) throws IOException {
    try (RunResources resources = new RunResources(spark)) {
      RunContext run =
          new RunContext(spark, config, args.runDate(), new StageTimer(progress), resources);
      Publish publish = Publish.begin(run, args.output(), progress);
      // a process that ends before the run did still says so
      RunGuard.onAbort(publish::failed);
      spark
          .sparkContext()
          .setJobGroup("nightly-" + args.runDate(), "nightly run " + args.runDate(), false);
      try {
        sessionDefaults();
        ReadAndValidate.Validated in = ReadAndValidate.run(run, args.inputs());
        PoolStatistics stats = Resolve.run(run, in, publish.manifest());
        List<LocalDate> previousRuns = publish.previousRuns();
        Optional<LocalDate> previousRun = previousRuns.stream().findFirst();
        LeadLists.Previous previous = publish.previousLeads(previousRun);
        // a company keeps the id the previous run listed it under
        ResolveCompanies.run(run, in, previous.listedIds(), publish.manifest());
        ScoreAndRank.Ranked scored = ScoreAndRank.run(run, in, stats, previous, publish.manifest());
        LeadLists lists =
            Explain.run(run, in, scored, previous, ids -> publish.history(previousRuns, ids));
        publish.outputs(in, scored, lists, previousRun);
        if (config.exports.enabled) {
          Export.run(run, in, scored, lists, publish);
        }
        lock.checkHeld();
        publish.commit(config.exports.enabled ? Outputs.ALL : Outputs.WITHOUT_EXPORTS, progress);
      } catch (Exception | Error e) {
        // a Spark job's failure is a checked SparkException that Java code sees undeclared
        Throwable why = RunGuard.cause(e);
        publish.failed(why);
        if (why != e) {
          // a failure manifest that could not be written
          for (Throwable s : why.getSuppressed()) {
            e.addSuppressed(s);
          }
        }
        throw e;
      } finally {
        spark.sparkContext().clearJobGroup();
      }
    }
  }

  /** Session settings the job relies on, unless the user set them. */
  private void sessionDefaults() {
    if (!spark.conf().contains(COALESCE_BY_PARALLELISM)) {
      // the one large aggregation (the enterprises by id) keeps partitions of the advisory size:
      // coalesced down to the session's parallelism, 10M ids in two tasks ran out of memory
      spark.conf().set(COALESCE_BY_PARALLELISM, false);
    }
    if (!spark.conf().contains(LIMIT_FIRST_PARTITIONS)) {
      // the validation's counts are collected under a limit that only guards the driver: read
      // every partition in one job, not one partition, then four, then the rest in jobs of their
      // own
      spark.conf().set(LIMIT_FIRST_PARTITIONS, 1_000_000);
    }
    if (!spark.conf().contains(CACHE_COMPRESSED)) {
      // the cache is read by each pass of the run: compressing it cost more than it saved
      spark.conf().set(CACHE_COMPRESSED, false);
    }
  }
}
