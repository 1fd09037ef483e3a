package org.oppmatch.match;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.inline;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.oppmatch.config.JobConfig;
import org.oppmatch.schema.Cols;
import org.oppmatch.score.FactorColumns;
import org.oppmatch.score.IndustrySize;

/**
 * Candidate enterprise-zone pairs: enterprises joined to the broadcast zone targets on the GB/T
 * 4754 hierarchy (4, 3 and 2 digits), never a cross join; then one row per pair with the best
 * industry match, the matched chain nodes and the matched open opportunities.
 */
public final class Matching {
  private Matching() {}

  /** Enterprise columns the later stages read; everything else is pruned before the join. */
  static final String[] CARRIED = {
    Cols.ENTERPRISE_ID,
    Cols.NAME,
    Cols.COUNTRY,
    Cols.CITY,
    Cols.LATITUDE,
    Cols.LONGITUDE,
    Cols.TAGS,
    Cols.REVENUE_GROWTH,
    Cols.EMPLOYEES,
    Cols.LOCAL_PRESENCE,
    Cols.GROUP_ID,
    Features.TAG_VALUE,
    Features.SIZE_VALUE,
    Features.RND_VALUE,
    Features.SIGNAL_SUM,
    Features.BEST_SIGNAL,
    Features.IN_METRO,
    Features.MANUFACTURING
  };

  /**
   * The text model for opportunity fit: the configured tokenizer with its IDF fitted on the
   * enterprises' and the open opportunities' texts (a Spark job: one pass over the enterprises, or
   * over a seeded sample of {@code opportunities.idf_sample_max} of them when there are more).
   */
  public static TextFeatures.Model fitText(
      Dataset<Row> enterprises,
      long enterpriseCount,
      Dataset<Row> openOpportunities,
      JobConfig config) {
    int max = config.opportunities.idfSampleMax;
    Dataset<Row> fitted =
        enterpriseCount > max
            ? enterprises.sample(false, (double) max / enterpriseCount, IDF_SAMPLE_SEED)
            : enterprises;
    return TextFeatures.fit(
        TextFeatures.Tokenizer.of(config.opportunities.tokenizer),
        "_doc",
        List.of(
            fitted.select(enterpriseText().as("_doc")),
            openOpportunities.select(Targets.opportunityText().as("_doc"))));
  }

  /** Fixed, so a rerun on the same input samples the same enterprises. */
  static final long IDF_SAMPLE_SEED = 4754L;

  /** The text of an enterprise for the text match: name, business scope and products. */
  static Column enterpriseText() {
    return TextFeatures.enterpriseText(
        col(Cols.NAME), col(Cols.BUSINESS_SCOPE), col(Cols.PRODUCTS));
  }

  /** Per-enterprise features of the zone match, computed once per enterprise, before any join. */
  public static Dataset<Row> withEnterpriseFeatures(
      Dataset<Row> enterprises, LocalDate runDate, JobConfig config) {
    double hl = config.scoring.signalHalfLifeDays;
    Dataset<Row> sized =
        IndustrySize.withSizeValue(enterprises, config.scoring.sizeMinGroup, Features.SIZE_VALUE);
    return sized.withColumns(
        Map.of(
            Features.TAG_VALUE, FactorColumns.tagValue(col(Cols.TAGS)),
            Features.RND_VALUE, FactorColumns.rndValue(col(Cols.PATENTS), col(Cols.RD_RATIO)),
            Features.SIGNAL_SUM, FactorColumns.signalSum(col(Cols.SIGNALS), runDate, hl),
            Features.BEST_SIGNAL, FactorColumns.bestSignal(col(Cols.SIGNALS), runDate, hl),
            Features.IN_METRO, FactorColumns.inMetro(col(Cols.CITY), col(Cols.LOCAL_PRESENCE)),
            Features.MANUFACTURING,
                FactorColumns.isManufacturing(try_element_at(col(Cols.INDUSTRY_CODES), lit(1)))));
  }

  /**
   * What the opportunity match reads of each enterprise, with its text terms: computed on the
   * enterprises' own rows (not joined to anything), read once, by {@link #matchOpportunities}.
   */
  public static Dataset<Row> withTextTerms(Dataset<Row> enterprises, TextFeatures.Model text) {
    Dataset<Row> texts =
        enterprises.select(
            col(Cols.ENTERPRISE_ID),
            col(Cols.NAME),
            col(Cols.REVENUE),
            col(Cols.INDUSTRY_CODES),
            enterpriseText().as(Features.TEXT));
    return text.transform(texts, Features.TEXT, Features.E_TERMS);
  }

  /** One row per enterprise and prefix (2, 3, 4 digits) of each of its industry codes. */
  public static Dataset<Row> keyed(Dataset<Row> features) {
    List<Column> carried = new ArrayList<>();
    for (String c : CARRIED) {
      carried.add(col(c));
    }
    List<Column> withCode = new ArrayList<>(carried);
    withCode.add(posexplode(col(Cols.INDUSTRY_CODES)).as(new String[] {"_pos", Features.E_CODE}));
    Dataset<Row> codes = features.select(withCode.toArray(Column[]::new));
    List<Column> withKey = new ArrayList<>(carried);
    withKey.add(col(Features.E_CODE));
    withKey.add(col("_pos").equalTo(0).as(Features.PRIMARY));
    withKey.add(explode(sequence(lit(2), length(col(Features.E_CODE)))).as("_len"));
    return codes
        .select(withKey.toArray(Column[]::new))
        .withColumns(
            Map.of(
                Features.KEY, col(Features.E_CODE).substr(lit(1), col("_len")),
                Features.E_FULL, col("_len").equalTo(length(col(Features.E_CODE)))))
        .drop("_len");
  }

  /**
   * Keyed enterprises joined with the broadcast keyed targets where one code contains the other (a
   * key that is the whole of either code), with the match's value per row.
   */
  public static Dataset<Row> matchTargets(
      Dataset<Row> keyedEnterprises, Dataset<Row> keyedTargets, JobConfig config) {
    Dataset<Row> joined = hierarchyJoin(keyedEnterprises, keyedTargets);
    Column depth = length(col(Features.KEY));
    return joined.withColumns(
        Map.of(
            Features.DEPTH,
            depth,
            Features.INDUSTRY_VALUE,
            FactorColumns.industryFit(
                depth, col(Features.PRIMARY), config.scoring.secondaryCodeFactor)));
  }

  /** Keyed rows joined with broadcast keyed targets where one code contains the other. */
  private static Dataset<Row> hierarchyJoin(Dataset<Row> keyed, Dataset<Row> keyedTargets) {
    Dataset<Row> t = keyedTargets.withColumnRenamed(Features.KEY, "_t_key");
    Column on =
        keyed
            .col(Features.KEY)
            .equalTo(t.col("_t_key"))
            .and(keyed.col(Features.E_FULL).or(t.col(Features.T_FULL)));
    return keyed.join(broadcast(t), on).drop("_t_key");
  }

  /**
   * Enterprise-opportunity matches at or above {@code opportunities.min_similarity}: each
   * enterprise (one row, with its text terms) against the broadcast {@link OpportunityIndex},
   * blocked by the GB/T 4754 hierarchy (only firms and opportunities that share an industry are
   * compared), each with its similarity (code, text cosine, budget fit). One row per enterprise
   * with a match: its matches (one per opportunity and matching code, whatever zones the
   * opportunity concerns) and its per-zone lists of them ({@link #opportunityMatchRows}, {@link
   * #opportunitiesPerZone}).
   */
  public static Dataset<Row> matchOpportunities(Dataset<Row> features, OpportunityIndex index) {
    Broadcast<OpportunityIndex> shared =
        JavaSparkContext.fromSparkContext(features.sparkSession().sparkContext()).broadcast(index);
    Column[] read =
        java.util.Arrays.stream(OpportunityIndex.ENTERPRISE_COLUMNS)
            .map(c -> col(c))
            .toArray(Column[]::new);
    return features
        .select(read)
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>) rows -> shared.value().matchAll(rows),
            Encoders.row(OpportunityIndex.ENTERPRISE_MATCHES));
  }

  /** The opportunity index of a run: its open opportunities' codes and texts, and the config. */
  public static OpportunityIndex opportunityIndex(
      Dataset<Row> keyedOpportunityTargets, Dataset<Row> opportunityZones, JobConfig config) {
    return OpportunityIndex.collect(
        keyedOpportunityTargets,
        opportunityZones,
        config.scoring.secondaryCodeFactor,
        config.opportunities.textFullSimilarity,
        config.opportunities.minSimilarity);
  }

  /**
   * The enterprise-opportunity matches of {@link #matchOpportunities} as rows: one per enterprise,
   * opportunity and matching code.
   */
  public static Dataset<Row> opportunityMatchRows(Dataset<Row> matched) {
    return matched.select(
        col(Cols.ENTERPRISE_ID), col(Cols.NAME), inline(col(OpportunityIndex.MATCHES)));
  }

  /**
   * Per enterprise and zone, the matched opportunities that concern the zone, best first (one entry
   * per opportunity, its best similarity), from the lists {@link #matchOpportunities} made per
   * enterprise (no shuffle).
   */
  public static Dataset<Row> opportunitiesPerZone(Dataset<Row> matched) {
    return matched
        .select(col(Cols.ENTERPRISE_ID).as("_o_e"), inline(col(OpportunityIndex.ZONE_LISTS)))
        .select(col("_o_e"), col("zone_id").as("_o_zone"), col("opps").as("_o_opps"));
  }

  /** An opportunity that names no codes of its own matches on its zone's codes, worth less. */
  static final double INHERITED_CODE_FACTOR = 0.6;

  /**
   * One row per enterprise-zone pair with a lead-industry or chain-node match: the best industry
   * value and code, matched nodes best role first, matched opportunities best first.
   */
  public static Dataset<Row> pairs(Dataset<Row> matches, Dataset<Row> opportunitiesPerZone) {
    Column isNode = col(Features.KIND).equalTo(Features.KIND_NODE);
    Column roleRank =
        when(col(Features.ROLE).equalTo("fill_gap"), lit(1))
            .when(col(Features.ROLE).equalTo("strengthen"), lit(2))
            .when(col(Features.ROLE).equalTo("extend"), lit(3))
            .otherwise(lit(4));
    List<Column> aggs = new ArrayList<>();
    aggs.add(max(col(Features.INDUSTRY_VALUE)).as(Features.INDUSTRY_VALUE));
    aggs.add(
        max_by(
                struct(
                    col(Features.E_CODE).as("e_code"),
                    col(Features.T_CODE).as("t_code"),
                    col(Features.DEPTH).as("depth"),
                    col(Features.KIND).as("kind"),
                    col(Features.PRIMARY).as("primary")),
                col(Features.INDUSTRY_VALUE).multiply(10).plus(col(Features.DEPTH)))
            .as(Features.BEST_CODE));
    aggs.add(
        collect_set(
                when(
                    isNode,
                    struct(
                        roleRank.as("role_rank"),
                        // a node matched on the primary code sorts before the same role on a
                        // secondary one
                        col(Features.PRIMARY).unary_$bang().as("secondary"),
                        coalesce(col(Cols.PRIORITY), lit(9)).as("priority"),
                        col(Cols.NODE_ID).as("node_id"),
                        col(Features.NODE_NAME).as("node_name"),
                        col(Features.ROLE).as("role"),
                        col(Features.NODE_POSITION).as("position"))))
            .as("_node_set"));
    for (String c : CARRIED) {
      if (!c.equals(Cols.ENTERPRISE_ID)) {
        aggs.add(first(col(c)).as(c));
      }
    }
    Dataset<Row> grouped =
        matches
            .groupBy(col(Cols.ENTERPRISE_ID), col(Cols.ZONE_ID))
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new))
            .filter(col(Features.INDUSTRY_VALUE).isNotNull());
    Column nodes = sort_array(col("_node_set"));
    Column best = try_element_at(col(Features.NODES), lit(1));
    Dataset<Row> withOpps =
        grouped
            .join(
                opportunitiesPerZone,
                grouped
                    .col(Cols.ENTERPRISE_ID)
                    .equalTo(opportunitiesPerZone.col("_o_e"))
                    .and(grouped.col(Cols.ZONE_ID).equalTo(opportunitiesPerZone.col("_o_zone"))),
                "left")
            .withColumn(
                Features.OPPS,
                coalesce(
                    col("_o_opps"),
                    array().cast(opportunitiesPerZone.schema().apply("_o_opps").dataType())))
            .drop("_o_e", "_o_zone", "_o_opps");
    return withOpps
        .withColumn(Features.NODES, nodes)
        .withColumns(
            Map.of(
                Cols.CHAIN_ROLE, coalesce(best.getField("role"), lit("none")),
                Features.PRIORITY_BEST,
                    when(best.getField("priority").leq(5), best.getField("priority")),
                Features.NODE_PRIMARY, best.getField("secondary").unary_$bang(),
                Cols.MATCHED_NODE_IDS,
                    array_distinct(transform(col(Features.NODES), n -> n.getField("node_id"))),
                Features.SUPPLIER,
                    exists(
                        col(Features.NODES),
                        n -> n.getField("position").isin("upstream", "midstream"))))
        .drop("_node_set");
  }
}
