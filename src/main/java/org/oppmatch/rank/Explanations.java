package org.oppmatch.rank;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.oppmatch.config.JobConfig;
import org.oppmatch.match.Features;
import org.oppmatch.schema.Cols;
import org.oppmatch.score.FactorColumns;
import org.oppmatch.score.FactorMath;

/**
 * Why a lead is on the list: machine-readable reason codes (FILL_GAP:AERO_ENGINE, OPP:OPP_2026_017,
 * TAG:fortune_global_500, SIGNAL:expansion@2026-10-15, WITHIN_300KM, EXPAND_LOCAL) and one Chinese
 * sentence a promotion officer can check in ten seconds.
 */
public final class Explanations {
  private Explanations() {}

  /** Chinese names of the tags, as promotion teams say them. */
  public static final Map<String, String> TAG_ZH = tagNames();

  /** Chinese names of the signal kinds. */
  public static final Map<String, String> SIGNAL_ZH =
      Map.of(
          "financing", "融资",
          "expansion", "扩张",
          "new_branch", "设立分支机构",
          "hiring", "扩大招聘",
          "relocation", "迁址");

  private static Map<String, String> tagNames() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("fortune_global_500", "世界500强");
    m.put("china_top_500", "中国500强");
    m.put("chain_leader", "链主企业");
    m.put("unicorn", "独角兽企业");
    m.put("sector_leader", "细分行业领军企业");
    m.put("listed", "上市公司");
    m.put("little_giant", "专精特新“小巨人”");
    m.put("specialized_sme", "专精特新企业");
    m.put("high_tech", "高新技术企业");
    return m;
  }

  /**
   * Adds the title of each ranked lead's best matched opportunity (null without one), which the
   * sentence names: the matches carry only opportunity ids (millions of them are cached), and this
   * runs on the few ranked leads, against the open opportunities (thousands, broadcast).
   */
  private static Dataset<Row> withBestOpportunityTitle(
      Dataset<Row> ranked, Dataset<Row> opportunities) {
    Dataset<Row> titles =
        opportunities
            .select(
                col(Cols.OPPORTUNITY_ID).as(TITLE_KEY), col(Cols.TITLE).as(Features.BEST_OPP_TITLE))
            .dropDuplicates(TITLE_KEY);
    Column best = bestOpportunity().getField("opportunity_id");
    return ranked
        .join(broadcast(titles), best.equalTo(titles.col(TITLE_KEY)), "left")
        .drop(TITLE_KEY);
  }

  private static final String TITLE_KEY = "_title_opportunity_id";

  /** A lead's best matched opportunity (null without one). */
  private static Column bestOpportunity() {
    return try_element_at(coalesce(col(Features.OPPS), emptyOpps()), lit(1));
  }

  /**
   * Adds matched_opportunity_ids, reasons and explanation to ranked leads. {@code opportunities}
   * (the open ones: id and title) name the best matched opportunity in the sentence; {@code
   * industryNames} (GB/T code to Chinese name, may be empty) names the matched class.
   */
  public static Dataset<Row> explain(
      Dataset<Row> ranked,
      Dataset<Row> opportunities,
      JobConfig config,
      LocalDate runDate,
      Map<String, String> industryNames) {
    Column opps = coalesce(col(Features.OPPS), emptyOpps());
    Column oppIds =
        slice(transform(opps, o -> o.getField("opportunity_id")), 1, config.opportunities.perLead);
    return withBestOpportunityTitle(ranked, opportunities)
        .withColumn(Cols.MATCHED_OPPORTUNITY_IDS, oppIds)
        .withColumn(Cols.REASONS, reasons(config))
        .withColumn(Cols.EXPLANATION, sentence(config, runDate, industryNames))
        .drop(Features.BEST_OPP_TITLE);
  }

  private static Column reasons(JobConfig config) {
    Column best = col(Features.BEST_CODE);
    Column nodes =
        transform(
            coalesce(col(Features.NODES), array()),
            n -> concat(upper(n.getField("role")), lit(":"), n.getField("node_id")));
    Column industry =
        array(
            concat(
                lit("INDUSTRY:"),
                best.getField("e_code"),
                lit("@"),
                best.getField("depth").cast(DataTypes.StringType)),
            when(
                best.getField("kind").equalTo(Features.KIND_LEAD),
                concat(lit("LEAD:"), best.getField("t_code"))),
            when(best.getField("primary").unary_$bang(), lit("SECONDARY_CODE")));
    Column opps = transform(col(Cols.MATCHED_OPPORTUNITY_IDS), id -> concat(lit("OPP:"), id));
    Column tags =
        transform(
            coalesce(col(Cols.TAGS), FactorColumns.emptyStrings()), t -> concat(lit("TAG:"), t));
    Column signal =
        array(
            when(
                col(Features.BEST_SIGNAL).isNotNull(),
                concat(
                    lit("SIGNAL:"),
                    try_element_at(split(col(Features.BEST_SIGNAL), ":"), lit(1)),
                    lit("@"),
                    try_element_at(split(col(Features.BEST_SIGNAL), ":"), lit(2)))));
    Column geo =
        array(
            when(byCityInMetro(), lit("CHENGDU_METRO")),
            when(col(Cols.LOCAL_PRESENCE).equalTo(true), lit("EXPAND_LOCAL")),
            when(
                byCityInMetro()
                    .unary_$bang()
                    .and(col(Features.DISTANCE_KM).leq(config.scoring.cooperationRadiusKm)),
                lit("WITHIN_" + (long) config.scoring.cooperationRadiusKm + "KM")),
            when(
                col(Features.SUPPLIER)
                    .and(col(Features.DISTANCE_KM).leq(config.scoring.cooperationRadiusKm)),
                lit("LOCAL_SUPPLY")),
            when(col(Features.FACTOR_PREFIX + "capacity").geq(1.0), lit("SPACE_AVAILABLE")));
    return filter(
        flatten(array(nodes.cast(strings()), industry, opps, tags, signal, geo)),
        Column::isNotNull);
  }

  private static Column byCityInMetro() {
    return FactorColumns.inMetro(col(Cols.CITY), lit(false));
  }

  private static Column sentence(
      JobConfig config, LocalDate runDate, Map<String, String> industryNames) {
    Column node = try_element_at(col(Features.NODES), lit(1));
    Column nodeName = node.getField("node_name");
    Column role = col(Cols.CHAIN_ROLE);
    Column rolePiece =
        when(role.equalTo("fill_gap"), concat(lit("补链："), nodeName, lit("（缺失环节）")))
            .when(role.equalTo("strengthen"), concat(lit("强链："), nodeName, lit("（薄弱环节）")))
            .when(role.equalTo("extend"), concat(lit("延链："), nodeName, lit("（优势环节）")));
    Column best = col(Features.BEST_CODE);
    Column code = best.getField("e_code");
    Column codeName =
        industryNames.isEmpty()
            ? lit("")
            : coalesce(
                concat(
                    lit("（"),
                    try_element_at(
                        map_from_arrays(
                            lit(industryNames.keySet().toArray(new String[0])),
                            lit(industryNames.values().toArray(new String[0]))),
                        code),
                    lit("）")),
                lit(""));
    Column industryPiece =
        when(
            role.equalTo("none"),
            concat(
                lit("主营行业"),
                code,
                codeName,
                when(best.getField("kind").equalTo(Features.KIND_LEAD), lit("契合园区主导产业"))
                    .otherwise(lit("对应园区产业链环节"))));
    Column opp = bestOpportunity();
    Column oppPiece =
        when(opp.isNotNull(), concat(lit("匹配场景机会「"), col(Features.BEST_OPP_TITLE), lit("」")));
    Column tagPiece =
        array_max(
                transform(
                    coalesce(col(Cols.TAGS), FactorColumns.emptyStrings()),
                    t ->
                        struct(
                            lookupDouble(t, FactorMath.TAG_VALUE).as("v"),
                            lookupString(t, TAG_ZH).as("zh"))))
            .getField("zh");
    Column signalKind = try_element_at(split(col(Features.BEST_SIGNAL), ":"), lit(1));
    Column signalAge =
        greatest(
            lit(1),
            datediff(
                lit(java.sql.Date.valueOf(runDate)),
                try_element_at(split(col(Features.BEST_SIGNAL), ":"), lit(2))
                    .cast(DataTypes.DateType)));
    Column signalPiece =
        when(
            col(Features.BEST_SIGNAL).isNotNull(),
            concat(
                lit("近"),
                signalAge.cast(DataTypes.StringType),
                lit("天"),
                lookupString(signalKind, SIGNAL_ZH),
                lit("信号")));
    Column geoPiece =
        when(col(Cols.LOCAL_PRESENCE).equalTo(true), lit("已在成德眉资设有主体，可按增资扩产跟进"))
            .when(byCityInMetro(), lit("位于成德眉资"))
            .when(
                col(Features.DISTANCE_KM).leq(config.scoring.cooperationRadiusKm),
                concat(
                    lit("距园区约"),
                    round(col(Features.DISTANCE_KM), 0)
                        .cast(DataTypes.LongType)
                        .cast(DataTypes.StringType),
                    when(
                            col(Features.SUPPLIER),
                            lit("公里，可在" + (long) config.scoring.cooperationRadiusKm + "公里半径内就近配套"))
                        .otherwise(
                            lit(
                                "公里，在"
                                    + (long) config.scoring.cooperationRadiusKm
                                    + "公里协作配套半径内"))));
    return concat(
        concat_ws("；", rolePiece, industryPiece, oppPiece, tagPiece, signalPiece, geoPiece),
        lit("。"));
  }

  private static Column lookupString(Column key, Map<String, String> table) {
    Column out = lit(null).cast(DataTypes.StringType);
    for (Map.Entry<String, String> e : table.entrySet()) {
      out = when(key.equalTo(e.getKey()), lit(e.getValue())).otherwise(out);
    }
    return out;
  }

  private static Column lookupDouble(Column key, Map<String, Double> table) {
    Column out = lit(-1.0);
    for (Map.Entry<String, Double> e : table.entrySet()) {
      out = when(key.equalTo(e.getKey()), lit(e.getValue())).otherwise(out);
    }
    return out;
  }

  private static Column emptyOpps() {
    return filter(col(Features.OPPS), o -> lit(false));
  }

  private static org.apache.spark.sql.types.DataType strings() {
    return DataTypes.createArrayType(DataTypes.StringType);
  }
}
