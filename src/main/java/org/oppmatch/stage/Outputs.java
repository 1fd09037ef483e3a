package org.oppmatch.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.oppmatch.NightlyJob;
import org.oppmatch.config.ConfigLoader;
import org.oppmatch.config.JobConfig;
import org.oppmatch.export.ExportStage;
import org.oppmatch.publish.Changes;
import org.oppmatch.publish.Manifest;
import org.oppmatch.publish.Publisher;
import org.oppmatch.publish.StageTimer;
import org.oppmatch.rank.Explanations;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.OutputSchemas;
import org.oppmatch.score.Lead;
import org.oppmatch.score.OpportunityLead;
import org.oppmatch.validate.Validation;

/**
 * Writes a run's outputs to the attempt's staging (the publisher moves them into place once all are
 * written): each a single Parquet file in the published order, its row count into the manifest and
 * its time into the stages.
 */
public final class Outputs {
  private final SparkSession spark;
  private final Publisher publisher;
  private final Manifest manifest;
  private final StageTimer timer;
  private final Date runDate;

  public Outputs(
      SparkSession spark,
      Publisher publisher,
      Manifest manifest,
      StageTimer timer,
      LocalDate runDate) {
    this.spark = spark;
    this.publisher = publisher;
    this.manifest = manifest;
    this.timer = timer;
    this.runDate = Date.valueOf(runDate);
  }

  /** targets: the ranked leads, by zone and rank. */
  public void targets(LeadLists lists) {
    List<Row> rows = new ArrayList<>(lists.targets().size());
    for (LeadLists.Target t : lists.targets()) {
      Lead l = t.lead();
      rows.add(
          RowFactory.create(
              runDate,
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
              l.groupId));
    }
    write(NightlyJob.TARGETS, spark.createDataFrame(rows, OutputSchemas.TARGETS));
  }

  /** opportunity_matches: per opportunity its best enterprises, written from the executors. */
  public void opportunityMatches(JavaRDD<List<OpportunityLead>> best, JobConfig config) {
    Date date = runDate;
    JavaRDD<Row> rows =
        best.flatMap(
            matches -> {
              List<Row> out = new ArrayList<>(matches.size());
              for (int i = 0; i < matches.size(); i++) {
                OpportunityLead o = matches.get(i);
                out.add(
                    RowFactory.create(
                        date,
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
        NightlyJob.OPPORTUNITY_MATCHES,
        spark
            .createDataFrame(rows, OutputSchemas.OPPORTUNITY_MATCHES)
            .coalesce(1)
            .sortWithinPartitions(col(Cols.OPPORTUNITY_ID), col(Cols.RANK)));
  }

  /** quarantine: every rejected row of every input, the enterprises first, in file order. */
  public void quarantine(EnterpriseInput enterprises, ReferenceData reference) {
    Dataset<Row> all =
        enterprises
            .quarantine()
            .unionByName(spark.createDataFrame(reference.quarantine(), Validation.QUARANTINE));
    write(NightlyJob.QUARANTINE, all.select(lit(runDate).as(Cols.RUN_DATE), col("*")));
  }

  /** dropped: the previous run's leads that left the lists (empty without a previous run). */
  public void dropped(LeadLists lists) {
    List<Row> rows = new ArrayList<>();
    if (lists.dropped() != null) {
      for (Changes.Dropped d : lists.dropped()) {
        rows.add(
            RowFactory.create(
                runDate,
                d.zoneId(),
                d.enterpriseId(),
                d.enterpriseName(),
                d.previousRank(),
                d.reason(),
                d.nowZoneId()));
      }
    }
    write(NightlyJob.DROPPED, spark.createDataFrame(rows, OutputSchemas.DROPPED));
  }

  /** The zones' workbooks and CSV files, and the run report. */
  public void exports(LeadLists lists, ReferenceData reference) {
    long t0 = System.currentTimeMillis();
    try {
      ExportStage.Written written =
          ExportStage.write(
              lists.exportInput(reference),
              ConfigLoader.mapper().readTree(manifest.toJson(Manifest.SUCCEEDED, null, null)),
              publisher.fileSystem(),
              publisher.stagingRoot());
      timer.record("exports_and_report", System.currentTimeMillis() - t0, written.files());
      manifest.output(ExportStage.EXPORTS, written.files() - 1);
      manifest.output(ExportStage.REPORT, 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(String output, Dataset<Row> rows) {
    long n =
        timer.timed(output, () -> NightlyJob.write(rows.coalesce(1), publisher.staged(output)));
    manifest.output(output, n);
  }
}
