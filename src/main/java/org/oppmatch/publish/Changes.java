package org.oppmatch.publish;

import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oppmatch.schema.Cols;

/**
 * What changed since the previous published run: movement of each lead, and the leads that left the
 * lists with the reason. Both sides are lead lists, bounded by top_n per zone; the big enterprise
 * table is only probed with a broadcast semi-join.
 */
public final class Changes {
  private Changes() {}

  public static final String MOVEMENT = "movement";
  public static final String REASON = "reason";

  /** A lead that left because its enterprise is no longer in the input. */
  public static final String ENTERPRISE_GONE = "enterprise_gone";

  /** ... because it is now on another zone's list. */
  public static final String MOVED_ZONE = "moved_zone";

  /** ... because the opportunities it was matched to have closed. */
  public static final String OPPORTUNITY_CLOSED = "opportunity_closed";

  /** ... because it scores below the list (top_n or min_score) or no longer matches the zone. */
  public static final String FELL_BELOW_LIST = "fell_below_list";

  /**
   * previous_rank, is_new and movement (new, up, down, same) of this run's leads against the
   * previous run's leads of the same zone; {@code previous} null means there is no earlier run.
   */
  public static Dataset<Row> withMovement(Dataset<Row> ranked, Dataset<Row> previous) {
    if (previous == null) {
      return ranked
          .withColumn(Cols.PREVIOUS_RANK, lit(null).cast("int"))
          .withColumn(Cols.IS_NEW, lit(true))
          .withColumn(MOVEMENT, lit("new"));
    }
    Dataset<Row> prev =
        previous.select(
            col(Cols.ZONE_ID).as("_p_zone"),
            col(Cols.ENTERPRISE_ID).as("_p_ent"),
            col(Cols.RANK).as(Cols.PREVIOUS_RANK));
    Column pr = col(Cols.PREVIOUS_RANK);
    return ranked
        .join(
            broadcast(prev),
            ranked
                .col(Cols.ZONE_ID)
                .equalTo(prev.col("_p_zone"))
                .and(ranked.col(Cols.ENTERPRISE_ID).equalTo(prev.col("_p_ent"))),
            "left")
        .drop("_p_zone", "_p_ent")
        .withColumn(Cols.IS_NEW, pr.isNull())
        .withColumn(
            MOVEMENT,
            when(pr.isNull(), lit("new"))
                .when(col(Cols.RANK).lt(pr), lit("up"))
                .when(col(Cols.RANK).gt(pr), lit("down"))
                .otherwise(lit("same")));
  }

  /**
   * Leads of the previous run that are not on the same zone's list now, with why: the enterprise
   * left the input, moved to another zone, its opportunities closed, or it fell below the list.
   *
   * @param current this run's leads (zone_id, enterprise_id)
   * @param enterpriseIds accepted enterprise ids of this run (large; probed, never collected)
   * @param openOpportunityIds ids of opportunities open on this run's date
   */
  public static Dataset<Row> dropped(
      Dataset<Row> previous,
      Dataset<Row> current,
      Dataset<Row> enterpriseIds,
      Dataset<Row> openOpportunityIds) {
    Dataset<Row> prev =
        previous.select(
            col(Cols.ZONE_ID),
            col(Cols.ENTERPRISE_ID),
            col(Cols.ENTERPRISE_NAME),
            col(Cols.RANK).as(Cols.PREVIOUS_RANK),
            col(Cols.MATCHED_OPPORTUNITY_IDS).as("_p_opps"));
    Dataset<Row> cur =
        current.select(col(Cols.ZONE_ID).as("_c_zone"), col(Cols.ENTERPRISE_ID).as("_c_ent"));
    Dataset<Row> left =
        prev.join(
            cur,
            prev.col(Cols.ZONE_ID)
                .equalTo(cur.col("_c_zone"))
                .and(prev.col(Cols.ENTERPRISE_ID).equalTo(cur.col("_c_ent"))),
            "left_anti");
    // where each left lead's enterprise is now (if anywhere)
    Dataset<Row> elsewhere =
        current
            .groupBy(col(Cols.ENTERPRISE_ID).as("_e_ent"))
            .agg(org.apache.spark.sql.functions.min(col(Cols.ZONE_ID)).as("_now_zone"));
    Dataset<Row> present =
        enterpriseIds
            .select(col(Cols.ENTERPRISE_ID).as("_present"))
            .join(
                broadcast(left.select(col(Cols.ENTERPRISE_ID).as("_l_ent")).distinct()),
                col("_present").equalTo(col("_l_ent")),
                "left_semi");
    Column open = org.apache.spark.sql.functions.collect_set(col(Cols.OPPORTUNITY_ID));
    Dataset<Row> openIds = openOpportunityIds.agg(open.as("_open"));
    Dataset<Row> withWhere =
        left.join(broadcast(elsewhere), left.col(Cols.ENTERPRISE_ID).equalTo(col("_e_ent")), "left")
            .join(broadcast(present), left.col(Cols.ENTERPRISE_ID).equalTo(col("_present")), "left")
            .crossJoin(broadcast(openIds));
    Column hadOpps = coalesce(size(col("_p_opps")), lit(0)).gt(0);
    Column oppsStillOpen = size(array_intersect(col("_p_opps"), col("_open"))).gt(0);
    Column reason =
        when(col("_present").isNull(), lit(ENTERPRISE_GONE))
            .when(col("_now_zone").isNotNull(), lit(MOVED_ZONE))
            .when(hadOpps.and(oppsStillOpen.unary_$bang()), lit(OPPORTUNITY_CLOSED))
            .otherwise(lit(FELL_BELOW_LIST));
    return withWhere.select(
        col(Cols.ZONE_ID),
        col(Cols.ENTERPRISE_ID),
        col(Cols.ENTERPRISE_NAME),
        col(Cols.PREVIOUS_RANK),
        reason.as(REASON),
        col("_now_zone").as("now_zone_id"));
  }
}
