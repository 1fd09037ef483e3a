package org.oppmatch.match;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.oppmatch.schema.Cols;
import org.oppmatch.score.FactorMath;

/**
 * What each zone looks for, as industry codes: its lead industries, the codes of the chain nodes in
 * its chain map (with the node's status), and the codes of its open scenario opportunities. Small
 * (zones x codes), so it is broadcast to the enterprises rather than joined by shuffle.
 */
public final class Targets {
  private Targets() {}

  /** Lead-industry codes of each zone. */
  public static Dataset<Row> leadTargets(Dataset<Row> zones) {
    return zones.select(
        col(Cols.ZONE_ID),
        lit(Features.KIND_LEAD).as(Features.KIND),
        explode(col(Cols.LEAD_INDUSTRIES)).as(Features.T_CODE),
        lit(null).cast(DataTypes.StringType).as(Cols.NODE_ID),
        lit(null).cast(DataTypes.StringType).as(Features.NODE_NAME),
        lit(null).cast(DataTypes.StringType).as(Features.NODE_POSITION),
        lit(null).cast(DataTypes.StringType).as(Features.ROLE),
        lit(null).cast(DataTypes.IntegerType).as(Cols.PRIORITY));
  }

  /** Codes of the chain nodes in each zone's chain map, with the chain role the status gives. */
  public static Dataset<Row> nodeTargets(Dataset<Row> zoneChain, Dataset<Row> chainNodes) {
    Dataset<Row> nodes =
        chainNodes.select(
            col(Cols.NODE_ID).as("_n_id"),
            col(Cols.NAME_ZH).as(Features.NODE_NAME),
            col(Cols.POSITION).as(Features.NODE_POSITION),
            col(Cols.INDUSTRY_CODES).as("_n_codes"));
    return zoneChain
        .join(nodes, zoneChain.col(Cols.NODE_ID).equalTo(nodes.col("_n_id")))
        .select(
            col(Cols.ZONE_ID),
            lit(Features.KIND_NODE).as(Features.KIND),
            explode(col("_n_codes")).as(Features.T_CODE),
            col(Cols.NODE_ID),
            col(Features.NODE_NAME),
            col(Features.NODE_POSITION),
            roleOfStatus(col(Cols.STATUS)).as(Features.ROLE),
            col(Cols.PRIORITY));
  }

  /** Opportunities still open on the run date and already published by it. */
  public static Dataset<Row> openOpportunities(Dataset<Row> opportunities, LocalDate runDate) {
    Column d = lit(java.sql.Date.valueOf(runDate));
    return opportunities.filter(
        col(Cols.DEADLINE)
            .isNull()
            .or(col(Cols.DEADLINE).geq(d))
            .and(col(Cols.PUBLISHED_DATE).isNull().or(col(Cols.PUBLISHED_DATE).leq(d))));
  }

  private static Dataset<Row> zonesOfEcosystems(Dataset<Row> zones) {
    return zones.select(
        col(Cols.ZONE_ID).as("_z_id"),
        col(Cols.ECOSYSTEM).as("_z_eco"),
        col(Cols.LEAD_INDUSTRIES).as("_z_leads"));
  }

  /** An opportunity concerns its own zone, or, for a city-wide one, the zones of its ecosystem. */
  private static Column concerns(Dataset<Row> o, Dataset<Row> z) {
    return o.col(Cols.ZONE_ID)
        .equalTo(z.col("_z_id"))
        .or(o.col(Cols.ZONE_ID).isNull().and(o.col(Cols.ECOSYSTEM).equalTo(z.col("_z_eco"))));
  }

  /** Each open opportunity and every zone it concerns (small: opportunities x a few zones). */
  public static Dataset<Row> opportunityZones(Dataset<Row> openOpportunities, Dataset<Row> zones) {
    Dataset<Row> z = zonesOfEcosystems(zones);
    return openOpportunities
        .join(z, concerns(openOpportunities, z))
        .select(col(Cols.OPPORTUNITY_ID), col("_z_id").as(Cols.ZONE_ID))
        .distinct();
  }

  /**
   * The industry codes each open opportunity is matched on, once per opportunity and code (not per
   * zone: an enterprise's similarity to an opportunity is computed once, whatever zones it
   * concerns). Its codes are its own; without codes it inherits the lead industries of each zone it
   * concerns (a weaker match, marked inherited, valid in that zone only: {@code _only_zone}). One
   * without codes, zone or ecosystem has no industry to block on and is matched by no enterprise.
   * Carries the opportunity's keywords, packed terms and budget.
   */
  public static Dataset<Row> opportunityTargets(
      Dataset<Row> openOpportunities, Dataset<Row> zones, TextFeatures.Model text) {
    Dataset<Row> z = zonesOfEcosystems(zones);
    Dataset<Row> o =
        text.transform(
                openOpportunities.withColumn(OPP_TEXT, opportunityText()),
                OPP_TEXT,
                Features.OPP_TERMS)
            .withColumn(Features.OPP_NORM, TextFeatures.norm(col(Features.OPP_TERMS)));
    Column own = col(Cols.INDUSTRY_CODES).isNotNull().and(size(col(Cols.INDUSTRY_CODES)).gt(0));
    Column[] carried = {
      col(Cols.OPPORTUNITY_ID),
      filter(
              transform(col(Cols.KEYWORDS), k -> lower(k)),
              k -> length(k).geq(2)) // one character matches too much text to mean anything
          .as(Features.OPP_KEYWORDS),
      col(Features.OPP_TERMS),
      col(Features.OPP_NORM),
      col(Cols.BUDGET).cast(DataTypes.DoubleType).as(Features.OPP_BUDGET)
    };
    List<Column> ownCols = new ArrayList<>(List.of(carried));
    ownCols.add(explode(col(Cols.INDUSTRY_CODES)).as(Features.T_CODE));
    ownCols.add(lit(null).cast(DataTypes.StringType).as(Features.ONLY_ZONE));
    ownCols.add(lit(false).as(Features.INHERITED));
    List<Column> inheritedCols = new ArrayList<>(List.of(carried));
    inheritedCols.add(explode(col("_z_leads")).as(Features.T_CODE));
    inheritedCols.add(col("_z_id").as(Features.ONLY_ZONE));
    inheritedCols.add(lit(true).as(Features.INHERITED));
    Dataset<Row> owned = o.filter(own).select(ownCols.toArray(Column[]::new));
    Dataset<Row> notOwned = o.filter(own.unary_$bang());
    Dataset<Row> inherited =
        notOwned.join(z, concerns(notOwned, z)).select(inheritedCols.toArray(Column[]::new));
    return owned.unionByName(inherited);
  }

  private static final String OPP_TEXT = "_opp_text";

  /** The text of an opportunity for the text match: title, description and keywords. */
  public static Column opportunityText() {
    return TextFeatures.opportunityText(col(Cols.TITLE), col(Cols.DESCRIPTION), col(Cols.KEYWORDS));
  }

  /** All targets with one row per code prefix, ready for the hierarchy join. */
  public static Dataset<Row> keyed(Dataset<Row> targets) {
    Column len = explode(sequence(lit(2), length(col(Features.T_CODE)))).as("_len");
    Dataset<Row> withLen = targets.select(col("*"), len);
    return withLen
        .withColumns(
            Map.of(
                Features.KEY, substring(col(Features.T_CODE), 1, 4).substr(lit(1), col("_len")),
                Features.T_FULL, col("_len").equalTo(length(col(Features.T_CODE)))))
        .drop("_len");
  }

  static Column roleOfStatus(Column status) {
    Column out = lit("none");
    for (Map.Entry<String, String> e : FactorMath.ROLE_OF_STATUS.entrySet()) {
      out = when(status.equalTo(e.getKey()), lit(e.getValue())).otherwise(out);
    }
    return out;
  }
}
