package org.oppmatch.stage;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.oppmatch.JobFailure;
import org.oppmatch.config.ConfigLoader;
import org.oppmatch.export.ExportStage;
import org.oppmatch.publish.Changes;
import org.oppmatch.publish.FaultInjection;
import org.oppmatch.publish.Manifest;
import org.oppmatch.publish.Publisher;
import org.oppmatch.publish.ScoreHistory;
import org.oppmatch.rank.Coverage;
import org.oppmatch.rank.Explanations;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.OutputSchemas;
import org.oppmatch.schema.Outputs;
import org.oppmatch.score.Lead;
import org.oppmatch.score.OpportunityLead;
import org.oppmatch.validate.Validation;

/**
 * The publish stage: a run's outputs are written to the attempt's staging, each a single Parquet
 * file with its row count in the manifest and its time in the stages, and moved into place together
 * once all are written, the manifest last (job-contract.md). A run that fails writes its failure
 * manifest instead and leaves every earlier publication as it was.
 */
public final class Publish {
  private final SparkSession spark;
  private final Publisher publisher;
  private final Manifest manifest;
  private final StageTimer timer;
  private volatile boolean ended;

  private Publish(SparkSession spark, Publisher publisher, Manifest manifest, StageTimer timer) {
    this.spark = spark;
    this.publisher = publisher;
    this.manifest = manifest;
    this.timer = timer;
  }

  /**
   * Starts the run's publication under {@code outputDir}: completes what a killed run left half
   * published, removes stale staging, and opens the manifest with the configuration used.
   */
  public static Publish begin(RunContext run, String outputDir, PrintStream progress)
      throws IOException {
    Instant started = Instant.now();
    String attempt =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC)
            .format(started);
    Publisher publisher =
        new Publisher(
            run.spark().sparkContext().hadoopConfiguration(), outputDir, run.runDate(), attempt);
    Manifest manifest = new Manifest(run.runDate(), attempt, started);
    manifest.config(ConfigLoader.toJson(run.config()), ConfigLoader.hash(run.config()));
    manifest.stages(run.timer());
    Publish publish = new Publish(run.spark(), publisher, manifest, run.timer());
    try {
      for (String date : Publisher.recover(publisher.fileSystem(), publisher.root())) {
        progress.println("[nightly] completed the interrupted publication of run_date=" + date);
      }
      publisher.cleanStale();
    } catch (Exception e) {
      // Spark's and Hadoop's checked exceptions reach here undeclared: every one fails the run
      publish.failed(e);
      throw e;
    }
    return publish;
  }

  public Manifest manifest() {
    return manifest;
  }

  /**
   * The dates of the latest succeeded runs before this one, newest first: as many as a lead's
   * history reaches back ({@link ScoreHistory#RUNS}). The first is the run this one is compared
   * with.
   */
  public List<LocalDate> previousRuns() throws IOException {
    return publisher.previousSucceededRuns(
        ScoreHistory.RUNS, p -> Manifest.isSucceeded(publisher.fileSystem(), p));
  }

  /**
   * The leads that the earlier {@code runs} published of the companies of these ids: one Spark job
   * over their targets partitions, which keeps only the rows holding one of the ids (the ids are
   * broadcast), so what reaches the driver grows with this run's lists, not with the history.
   */
  public ScoreHistory history(List<LocalDate> runs, java.util.Collection<String> memberIds) {
    if (runs.isEmpty() || memberIds.isEmpty()) {
      return new ScoreHistory(runs, List.of());
    }
    Dataset<Row> past = null;
    for (LocalDate d : runs) {
      Dataset<Row> t = spark.read().parquet(publisher.publishedFor(Outputs.TARGETS, d).toString());
      // a run of contract version 1 published no member ids: each lead was its own id
      Column members =
          List.of(t.columns()).contains(Cols.MEMBER_ENTERPRISE_IDS)
              ? coalesce(col(Cols.MEMBER_ENTERPRISE_IDS), array(col(Cols.ENTERPRISE_ID)))
              : array(col(Cols.ENTERPRISE_ID));
      Dataset<Row> rows =
          t.select(
              lit(d.toString()).as(Cols.RUN_DATE),
              col(Cols.ZONE_ID),
              col(Cols.RANK).cast("int").as(Cols.RANK),
              col(Cols.SCORE).cast("double").as(Cols.SCORE),
              members.as(Cols.MEMBER_ENTERPRISE_IDS));
      past = past == null ? rows : past.union(rows);
    }
    Dataset<Row> ids =
        spark.createDataset(new ArrayList<>(memberIds), Encoders.STRING()).toDF(Cols.ENTERPRISE_ID);
    List<ScoreHistory.PastLead> leads = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    spark.sparkContext().setJobDescription("score history of the listed companies");
    try {
      for (Row r :
          past.withColumn(Cols.ENTERPRISE_ID, explode(col(Cols.MEMBER_ENTERPRISE_IDS)))
              .join(broadcast(ids), Cols.ENTERPRISE_ID)
              .drop(Cols.ENTERPRISE_ID)
              .collectAsList()) {
        // a lead two of whose ids are listed today comes back once per id
        if (seen.add(r.getString(0) + '\u0000' + r.getString(1) + '\u0000' + r.getInt(2))) {
          leads.add(
              new ScoreHistory.PastLead(
                  LocalDate.parse(r.getString(0)),
                  r.getString(1),
                  r.getInt(2),
                  r.getDouble(3),
                  r.getList(4)));
        }
      }
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
    return new ScoreHistory(runs, leads);
  }

  /** The leads that run published (none without a previous run). */
  public LeadLists.Previous previousLeads(Optional<LocalDate> previousRun) {
    return LeadLists.Previous.read(
        spark, previousRun.map(d -> publisher.publishedFor(Outputs.TARGETS, d).toString()));
  }

  /**
   * Writes the Parquet outputs in their published order, and the change since the previous run into
   * the manifest.
   */
  public void outputs(
      ReadAndValidate.Validated in,
      ScoreAndRank.Ranked scored,
      LeadLists lists,
      Optional<LocalDate> previousRun) {
    targets(lists);
    opportunityMatches(scored.opportunityMatches());
    quarantine(in.enterprises(), in.reference());
    dropped(lists);
    entities(in.enterprises());
    coverage(scored.coverage(), in.reference());
    manifest.put("changes", lists.changeSummary(previousRun));
    previousRun.ifPresent(d -> manifest.put("previous_run", d.toString()));
  }

  /** targets: the ranked leads, by zone and rank. */
  void targets(LeadLists lists) {
    List<Row> rows = new ArrayList<>(lists.targets().size());
    for (LeadLists.Target t : lists.targets()) {
      Lead l = t.lead();
      rows.add(
          RowFactory.create(
              t.zoneId(),
              t.zoneName(),
              t.rank(),
              l.enterpriseId,
              l.enterpriseName,
              l.score,
              t.tier(),
              l.chainRole.key(),
              t.matchedNodeIds().toArray(new String[0]),
              t.matchedOpportunityIds().toArray(new String[0]),
              t.reasons().toArray(new String[0]),
              t.explanation(),
              t.scoreComponents(),
              l.competingZones,
              t.previousRank() == null,
              t.previousRank(),
              t.movement(),
              l.groupId,
              t.engagementStage(),
              t.engagementSince() == null ? null : java.sql.Date.valueOf(t.engagementSince()),
              l.modelScore,
              l.modelReasons,
              t.memberIds().toArray(new String[0]),
              l.legalRepresentative,
              l.phone,
              l.email,
              l.website,
              l.address,
              t.history().scores().toArray(new Double[0]),
              t.history().ranks().toArray(new Integer[0]),
              t.latestNote() == null ? null : t.latestNote().text(),
              t.latestNote() == null ? null : java.sql.Date.valueOf(t.latestNote().date()),
              t.latestNote() == null ? null : t.latestNote().zoneId()));
    }
    write(Step.TARGETS, spark.createDataFrame(rows, OutputSchemas.TARGETS));
  }

  /** opportunity_matches: per opportunity its best enterprises, written from the executors. */
  void opportunityMatches(JavaRDD<List<OpportunityLead>> best) {
    JavaRDD<Row> rows =
        best.flatMap(
            matches -> {
              List<Row> out = new ArrayList<>(matches.size());
              for (int i = 0; i < matches.size(); i++) {
                OpportunityLead o = matches.get(i);
                out.add(
                    RowFactory.create(
                        o.opportunityId(),
                        i + 1,
                        o.enterpriseId(),
                        o.enterpriseName(),
                        o.similarity(),
                        Explanations.opportunityReasons(o).toArray(new String[0])));
              }
              return out.iterator();
            });
    write(
        Step.OPPORTUNITY_MATCHES,
        spark
            .createDataFrame(rows, OutputSchemas.OPPORTUNITY_MATCHES)
            .coalesce(1)
            .sortWithinPartitions(col(Cols.OPPORTUNITY_ID), col(Cols.RANK)));
  }

  /** quarantine: every rejected row of every input, the enterprises first, in file order. */
  void quarantine(EnterpriseInput enterprises, ReferenceData reference) {
    Dataset<Row> all =
        enterprises
            .quarantine()
            .unionByName(spark.createDataFrame(reference.quarantine(), Validation.QUARANTINE));
    write(Step.QUARANTINE, all);
  }

  /** dropped: the previous run's leads that left the lists (empty without a previous run). */
  void dropped(LeadLists lists) {
    List<Row> rows = new ArrayList<>();
    if (lists.dropped() != null) {
      for (Changes.Dropped d : lists.dropped()) {
        rows.add(
            RowFactory.create(
                d.zoneId(),
                d.enterpriseId(),
                d.enterpriseName(),
                d.previousRank(),
                d.reason(),
                d.nowZoneId(),
                d.companyId()));
      }
    }
    write(Step.DROPPED, spark.createDataFrame(rows, OutputSchemas.DROPPED));
  }

  /** The file system and folder the exports are staged in, with the manifest so far. */
  FileSystem fileSystem() {
    return publisher.fileSystem();
  }

  Path stagingRoot() {
    return publisher.stagingRoot();
  }

  /** Moves every staged output into place together, then writes the manifest. */
  public void commit(List<String> outputs, PrintStream progress) throws IOException {
    FaultInjection.at(Step.PUBLISH.key());
    publisher.publish(outputs, manifest.toJson(Manifest.SUCCEEDED, null, null));
    ended = true;
    progress.println(
        "[nightly] published run_date=" + publisher.runDate() + " to " + publisher.root());
  }

  /**
   * Writes the failure manifest of this attempt, once; a problem writing it is added to {@code e}.
   * After the run published or failed, nothing.
   */
  public synchronized void failed(Throwable e) {
    if (ended) {
      return;
    }
    ended = true;
    String kind = e instanceof JobFailure f ? f.kind().label() : "error";
    String reason = String.valueOf(e.getMessage() == null ? e : e.getMessage());
    try {
      publisher.writeAtomically(
          publisher.failedManifest(),
          manifest.toJson(Manifest.FAILED, kind, JobFailure.oneLine(reason)));
    } catch (IOException | RuntimeException suppressed) {
      e.addSuppressed(suppressed);
    }
  }

  /**
   * entities: every accepted enterprise row's id, the company it is listed under and the rule that
   * merged it, written from the executors ({@link org.oppmatch.resolve.CompanyMerge#entities}).
   */
  void entities(EnterpriseInput enterprises) {
    Step step = Step.ENTITIES;
    long n =
        timer.timed(
            step,
            () ->
                writeCounted(
                    enterprises
                        .merge()
                        .entities()
                        .select(col(Cols.ENTERPRISE_ID), col(Cols.COMPANY_ID), col(Cols.RULE)),
                    publisher.staged(step.key())));
    manifest.output(step.key(), n);
  }

  /** coverage: per zone and chain node, where the firms that fit it went. */
  void coverage(List<Coverage.Node> nodes, ReferenceData reference) {
    Map<String, ExportStage.ChainEntry> entries = new HashMap<>();
    reference.chainEntries().forEach(c -> entries.put(c.zoneId() + '\u0000' + c.nodeId(), c));
    List<Row> rows = new ArrayList<>();
    for (Coverage.Node n : nodes) {
      ExportStage.ChainEntry c = entries.get(n.zoneId() + '\u0000' + n.nodeId());
      rows.add(
          RowFactory.create(
              n.zoneId(),
              n.nodeId(),
              c == null ? null : c.nameZh(),
              c == null ? null : c.status(),
              n.fit(),
              n.listedHere(),
              n.listedElsewhere(),
              n.belowList()));
    }
    write(Step.COVERAGE, spark.createDataFrame(rows, OutputSchemas.COVERAGE));
  }

  private void write(Step step, Dataset<Row> rows) {
    long n = timer.timed(step, () -> writeCounted(rows.coalesce(1), publisher.staged(step.key())));
    manifest.output(step.key(), n);
  }

  /** Writes a staged output and returns its row count, observed during the write itself. */
  static long writeCounted(Dataset<Row> df, Path staged) {
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
