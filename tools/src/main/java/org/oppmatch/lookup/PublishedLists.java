package org.oppmatch.lookup;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.Outputs;

/**
 * What the run published: every zone's list as the targets partition holds it (enough of each lead
 * to tell where the allocation stopped), the company's own target rows in full, and the dropped
 * rows of its ids.
 */
final class PublishedLists {
  /** A lead on a published list: what the allocation ranked it by, and whether it was owned. */
  record Listed(
      String zoneId,
      int rank,
      String enterpriseId,
      double score,
      String groupId,
      String engagementStage,
      LocalDate engagementSince) {

    /** Listed through its zone's active engagement (首报首谈): outside the zone's capacity. */
    boolean engaged() {
      return engagementStage != null;
    }
  }

  private final Map<String, List<Listed>> byZone;
  private final List<Row> companyRows;
  private final Optional<List<Row>> dropped;

  private PublishedLists(
      Map<String, List<Listed>> byZone, List<Row> companyRows, Optional<List<Row>> dropped) {
    this.byZone = byZone;
    this.companyRows = companyRows;
    this.dropped = dropped;
  }

  /** Lists made of these leads, without targets rows or dropped partition of the company. */
  static PublishedLists of(List<Listed> leads) {
    Map<String, List<Listed>> byZone = new HashMap<>();
    leads.forEach(l -> byZone.computeIfAbsent(l.zoneId(), z -> new ArrayList<>()).add(l));
    byZone.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(Listed::rank)));
    return new PublishedLists(byZone, List.of(), Optional.empty());
  }

  static PublishedLists read(
      SparkSession spark,
      String output,
      LocalDate runDate,
      String companyId,
      Collection<String> memberIds) {
    String targets = partition(output, Outputs.TARGETS, runDate);
    var rows = spark.read().parquet(targets);
    Map<String, List<Listed>> byZone = new HashMap<>();
    for (Row r :
        rows.select(
                col(Cols.ZONE_ID),
                col(Cols.RANK),
                col(Cols.ENTERPRISE_ID),
                col(Cols.SCORE),
                col(Cols.GROUP_ID),
                col(Cols.ENGAGEMENT_STAGE),
                col(Cols.ENGAGEMENT_SINCE))
            .collectAsList()) {
      byZone
          .computeIfAbsent(r.getString(0), z -> new ArrayList<>())
          .add(
              new Listed(
                  r.getString(0),
                  r.getInt(1),
                  r.getString(2),
                  r.getDouble(3),
                  r.getString(4),
                  r.getString(5),
                  r.isNullAt(6) ? null : r.getDate(6).toLocalDate()));
    }
    byZone.values().forEach(l -> l.sort(java.util.Comparator.comparingInt(Listed::rank)));
    List<Row> own =
        new ArrayList<>(
            rows.filter(col(Cols.ENTERPRISE_ID).equalTo(companyId))
                .orderBy(col(Cols.RANK), col(Cols.ZONE_ID))
                .collectAsList());
    Optional<List<Row>> dropped = Optional.empty();
    String droppedPartition = partition(output, Outputs.DROPPED, runDate);
    if (exists(spark, droppedPartition)) {
      Dataset<Row> all = spark.read().parquet(droppedPartition);
      // the company's leads that left: listed under one of its ids, or (contract version 3) under
      // an id of a company that is this one now
      Column ofCompany = col(Cols.ENTERPRISE_ID).isin(memberIds.toArray());
      if (List.of(all.columns()).contains(Cols.COMPANY_ID)) {
        ofCompany = ofCompany.or(col(Cols.COMPANY_ID).equalTo(companyId));
      }
      dropped =
          Optional.of(
              all.filter(ofCompany)
                  .orderBy(col(Cols.ZONE_ID), col(Cols.ENTERPRISE_ID))
                  .collectAsList());
    }
    return new PublishedLists(byZone, own, dropped);
  }

  private static String partition(String output, String name, LocalDate runDate) {
    return new Path(new Path(output, name), "run_date=" + runDate).toString();
  }

  private static boolean exists(SparkSession spark, String path) {
    Path p = new Path(path);
    try {
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + p, e);
    }
  }

  /** The zone's published list, by rank (empty when the zone listed no one). */
  List<Listed> list(String zoneId) {
    return byZone.getOrDefault(zoneId, List.of());
  }

  /** Every published lead of the group, in any zone. */
  List<Listed> ofGroup(String groupId) {
    List<Listed> out = new ArrayList<>();
    byZone
        .values()
        .forEach(l -> l.stream().filter(x -> groupId.equals(x.groupId())).forEach(out::add));
    return out;
  }

  /** The company's published leads, one per zone that lists it. */
  List<Listed> ofEnterprise(String enterpriseId) {
    List<Listed> out = new ArrayList<>();
    byZone
        .values()
        .forEach(
            l -> l.stream().filter(x -> enterpriseId.equals(x.enterpriseId())).forEach(out::add));
    return out;
  }

  /** The company's target rows, all columns, by rank. */
  List<Row> companyRows() {
    return companyRows;
  }

  /** The dropped rows of the company's ids, when the run has a dropped partition. */
  Optional<List<Row>> dropped() {
    return dropped;
  }
}
