package org.oppmatch.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of the Parquet outputs (docs/contracts/data-contract.md, docs/scoring.md). None holds
 * {@code run_date}: it is in each partition's directory name only ({@code run_date=YYYY-MM-DD}, as
 * Spark's {@code partitionBy} writes it), so that every Parquet reader opens an output as one table
 * with {@code run_date} a column of it (data-contract.md, version 3).
 */
public final class OutputSchemas {
  private OutputSchemas() {}

  private static final org.apache.spark.sql.types.DataType STRINGS =
      DataTypes.createArrayType(DataTypes.StringType);

  /** targets: one row per lead, ordered by zone and rank. */
  public static final StructType TARGETS =
      new StructType()
          .add(Cols.ZONE_ID, DataTypes.StringType)
          .add("zone_name", DataTypes.StringType)
          .add(Cols.RANK, DataTypes.IntegerType)
          .add(Cols.ENTERPRISE_ID, DataTypes.StringType)
          .add(Cols.ENTERPRISE_NAME, DataTypes.StringType)
          .add(Cols.SCORE, DataTypes.DoubleType)
          .add(Cols.TIER, DataTypes.StringType)
          .add(Cols.CHAIN_ROLE, DataTypes.StringType)
          .add(Cols.MATCHED_NODE_IDS, STRINGS)
          .add(Cols.MATCHED_OPPORTUNITY_IDS, STRINGS)
          .add(Cols.REASONS, STRINGS)
          .add(Cols.EXPLANATION, DataTypes.StringType)
          .add(
              Cols.SCORE_COMPONENTS,
              DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType))
          .add(Cols.COMPETING_ZONES, STRINGS)
          .add(Cols.IS_NEW, DataTypes.BooleanType)
          .add(Cols.PREVIOUS_RANK, DataTypes.IntegerType)
          .add(Cols.MOVEMENT, DataTypes.StringType)
          .add(Cols.GROUP_ID, DataTypes.StringType)
          // version 2: the owner zone's engagement, the learned ranking's view (null under the
          // rules), and the input ids of the company the lead stands for (its own id first)
          .add(Cols.ENGAGEMENT_STAGE, DataTypes.StringType)
          .add(Cols.ENGAGEMENT_SINCE, DataTypes.DateType)
          .add(Cols.MODEL_SCORE, DataTypes.DoubleType)
          .add(Cols.MODEL_REASONS, STRINGS)
          .add(Cols.MEMBER_ENTERPRISE_IDS, STRINGS)
          // version 3: whom to call, as the input gives it
          .add(Cols.LEGAL_REPRESENTATIVE, DataTypes.StringType)
          .add(Cols.PHONE, DataTypes.StringType)
          .add(Cols.EMAIL, DataTypes.StringType)
          .add(Cols.WEBSITE, DataTypes.StringType)
          .add(Cols.ADDRESS, DataTypes.StringType)
          // version 3: the company's score and rank on this list in the earlier published runs
          // (oldest first, null where it was not on it), and the teams' latest note on it
          .add(Cols.SCORE_HISTORY, DataTypes.createArrayType(DataTypes.DoubleType))
          .add(Cols.RANK_HISTORY, DataTypes.createArrayType(DataTypes.IntegerType))
          .add(Cols.LATEST_NOTE, DataTypes.StringType)
          .add(Cols.LATEST_NOTE_DATE, DataTypes.DateType)
          .add(Cols.LATEST_NOTE_ZONE_ID, DataTypes.StringType);

  /** opportunity_matches: per opportunity, the enterprises that fit it, best first. */
  public static final StructType OPPORTUNITY_MATCHES =
      new StructType()
          .add(Cols.OPPORTUNITY_ID, DataTypes.StringType)
          .add(Cols.RANK, DataTypes.IntegerType)
          .add(Cols.ENTERPRISE_ID, DataTypes.StringType)
          .add(Cols.ENTERPRISE_NAME, DataTypes.StringType)
          .add(Cols.SIMILARITY, DataTypes.DoubleType)
          .add(Cols.REASONS, STRINGS);

  /**
   * entities: every accepted input enterprise_id, the id of the company it is listed under (its own
   * when it stands alone) and the rule that merged it (null for a company's own row).
   */
  public static final StructType ENTITIES =
      new StructType()
          .add(Cols.ENTERPRISE_ID, DataTypes.StringType)
          .add(Cols.COMPANY_ID, DataTypes.StringType)
          .add(Cols.RULE, DataTypes.StringType);

  /**
   * coverage: per zone and chain node, the firms in the pool that fit it, how many the zone lists,
   * how many other zones list, and how many are on no list (the last three add up to the first).
   */
  public static final StructType COVERAGE =
      new StructType()
          .add(Cols.ZONE_ID, DataTypes.StringType)
          .add(Cols.NODE_ID, DataTypes.StringType)
          .add("node_name", DataTypes.StringType)
          .add(Cols.STATUS, DataTypes.StringType)
          .add("fit", DataTypes.LongType)
          .add("listed_here", DataTypes.LongType)
          .add("listed_elsewhere", DataTypes.LongType)
          .add("below_list", DataTypes.LongType);

  /**
   * dropped: leads of the previous run whose company left the zone's list, with why, and the id the
   * company is listed under in this run's entities (null when none of its ids is in the input).
   */
  public static final StructType DROPPED =
      new StructType()
          .add(Cols.ZONE_ID, DataTypes.StringType)
          .add(Cols.ENTERPRISE_ID, DataTypes.StringType)
          .add(Cols.ENTERPRISE_NAME, DataTypes.StringType)
          .add(Cols.PREVIOUS_RANK, DataTypes.IntegerType)
          .add(Cols.REASON, DataTypes.StringType)
          .add(Cols.NOW_ZONE_ID, DataTypes.StringType)
          .add(Cols.COMPANY_ID, DataTypes.StringType);
}
