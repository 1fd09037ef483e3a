package org.oppmatch.match;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.oppmatch.config.JobConfig;
import org.oppmatch.schema.Cols;

/** Per scenario opportunity, the enterprises that can take it, best first. */
public final class OpportunityMatches {
  private OpportunityMatches() {}

  /**
   * From the enterprise-opportunity matches ({@link Matching#matchOpportunities}, already at or
   * above the minimum similarity): each enterprise's best similarity to each opportunity, ranked
   * per opportunity, top N.
   */
  public static Dataset<Row> rank(Dataset<Row> opportunityMatches, JobConfig config) {
    Dataset<Row> best =
        opportunityMatches
            .groupBy(col(Cols.OPPORTUNITY_ID), col(Cols.ENTERPRISE_ID))
            .agg(
                max(col(Features.OPP_SIMILARITY)).as(Cols.SIMILARITY),
                first(col(Cols.NAME)).as(Cols.ENTERPRISE_NAME),
                max_by(
                        struct(
                            col(Features.E_CODE).as("e_code"),
                            col(Features.DEPTH).as("depth"),
                            col(Features.INHERITED).as("inherited"),
                            col(Features.TEXT_HITS).as("hits"),
                            col(Features.TEXT_COSINE).as("cosine"),
                            col(Features.BUDGET_FIT).as("budget_fit")),
                        col(Features.OPP_SIMILARITY).multiply(10).plus(col(Features.DEPTH)))
                    .as("_why"));
    Column why = col("_why");
    Column reasons =
        filter(
            flatten(
                array(
                    array(
                        concat(
                            lit("CODE:"),
                            why.getField("e_code"),
                            lit("@"),
                            why.getField("depth").cast(DataTypes.StringType)),
                        when(why.getField("inherited"), lit("ZONE_LEAD_CODES")),
                        when(
                            why.getField("cosine").gt(0),
                            concat(lit("TEXT:"), format_number(why.getField("cosine"), 2))),
                        when(
                            why.getField("budget_fit").lt(1),
                            concat(
                                lit("BUDGET_FIT:"), format_number(why.getField("budget_fit"), 2)))),
                    transform(why.getField("hits"), k -> concat(lit("KEYWORD:"), k)))),
            Column::isNotNull);
    return best.withColumn(
            Cols.RANK,
            row_number()
                .over(
                    Window.partitionBy(col(Cols.OPPORTUNITY_ID))
                        .orderBy(col(Cols.SIMILARITY).desc(), col(Cols.ENTERPRISE_ID).asc())))
        .filter(col(Cols.RANK).leq(config.opportunities.topN))
        .select(
            col(Cols.OPPORTUNITY_ID),
            col(Cols.RANK),
            col(Cols.ENTERPRISE_ID),
            col(Cols.ENTERPRISE_NAME),
            col(Cols.SIMILARITY),
            reasons.as(Cols.REASONS));
  }
}
