package org.oppmatch.rank;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.dense_rank;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.oppmatch.config.JobConfig;
import org.oppmatch.schema.Cols;

/**
 * Cross-zone allocation (so zones do not compete for one enterprise) and the per-zone ranking.
 * Every tie is broken by ids, so reruns on the same input give the same lists.
 */
public final class Allocation {
  private Allocation() {}

  private static final String ZONE_ORDER = "_zone_order";
  private static final String GROUP_ZONE_BEST = "_group_zone_best";
  private static final String GROUP_ZONE_ORDER = "_group_zone_order";

  /**
   * Keeps pairs at or above the list threshold; each enterprise goes to its best K zones (score,
   * then zone id), and a group's members together to at most K zones (the zones where the group's
   * best member scores highest). competing_zones lists the enterprise's other eligible zones, best
   * first.
   */
  public static Dataset<Row> allocate(Dataset<Row> scored, JobConfig config) {
    int k = config.allocation.maxZonesPerEnterprise;
    WindowSpec byEnterprise =
        Window.partitionBy(col(Cols.ENTERPRISE_ID))
            .orderBy(col(Cols.SCORE).desc(), col(Cols.ZONE_ID).asc());
    WindowSpec allOfEnterprise =
        Window.partitionBy(col(Cols.ENTERPRISE_ID))
            .rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    Column zonesByScore =
        transform(
            sort_array(
                collect_list(struct(negate(col(Cols.SCORE)).as("neg"), col(Cols.ZONE_ID).as("z")))
                    .over(allOfEnterprise)),
            x -> x.getField("z"));
    Dataset<Row> eligible = scored.filter(col(Cols.SCORE).geq(config.lists.minScore));
    Dataset<Row> perEnterprise =
        eligible
            .withColumn(ZONE_ORDER, row_number().over(byEnterprise))
            .withColumn(
                Cols.COMPETING_ZONES, filter(zonesByScore, z -> z.notEqual(col(Cols.ZONE_ID))))
            .filter(col(ZONE_ORDER).leq(k));
    WindowSpec groupZone = Window.partitionBy(col(Cols.GROUP_ID), col(Cols.ZONE_ID));
    WindowSpec groupOrder =
        Window.partitionBy(col(Cols.GROUP_ID))
            .orderBy(col(GROUP_ZONE_BEST).desc(), col(Cols.ZONE_ID).asc());
    // only group members need the group windows; the rest would all land in one null partition
    Dataset<Row> members = perEnterprise.filter(col(Cols.GROUP_ID).isNotNull());
    Dataset<Row> loners = perEnterprise.filter(col(Cols.GROUP_ID).isNull());
    Dataset<Row> keptMembers =
        members
            .withColumn(GROUP_ZONE_BEST, max(col(Cols.SCORE)).over(groupZone))
            .withColumn(GROUP_ZONE_ORDER, dense_rank().over(groupOrder))
            .filter(col(GROUP_ZONE_ORDER).leq(k))
            .drop(GROUP_ZONE_BEST, GROUP_ZONE_ORDER);
    return loners.unionByName(keptMembers).drop(ZONE_ORDER);
  }

  /** Rank 1 = best within each zone (score, then enterprise id); keeps the top N; the tier. */
  public static Dataset<Row> rankWithinZones(Dataset<Row> allocated, JobConfig config) {
    WindowSpec byZone =
        Window.partitionBy(col(Cols.ZONE_ID))
            .orderBy(col(Cols.SCORE).desc(), col(Cols.ENTERPRISE_ID).asc());
    return allocated
        .withColumn(Cols.RANK, row_number().over(byZone))
        .filter(col(Cols.RANK).leq(config.lists.topN));
  }
}
