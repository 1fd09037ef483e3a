package org.oppmatch.bench;

import static org.apache.spark.sql.functions.call_udf;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.percent_rank;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.struct;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.api.java.UDF6;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.oppmatch.score.Factor;
import org.oppmatch.score.FactorMath;
import scala.collection.immutable.Seq;

/**
 * The benchmark's naive baseline: the same scoring written the way a newcomer to Spark would, as a
 * cross join of every enterprise with every zone and every open opportunity, each factor a Java UDF
 * over {@link FactorMath}, then the best zone per enterprise and the top N per zone. It computes
 * what the job computes (industry fit on the code hierarchy, chain role, opportunity fit on codes
 * and keywords, strength, momentum, geography) but leaves out groups and explanations.
 *
 * <p>Usage: {@code NaiveBaseline --inputs DIR --output DIR --run-date YYYY-MM-DD [--top-n 200]
 * [--min-score 25]}
 */
public final class NaiveBaseline {
  private NaiveBaseline() {}

  public static void main(String[] argv) {
    Map<String, String> a =
        BenchArgs.parse(argv, List.of("inputs", "output", "run-date", "top-n", "min-score"));
    SparkSession spark = SparkSession.builder().appName("naive-baseline").getOrCreate();
    try {
      long t0 = System.nanoTime();
      long rows =
          run(
              spark,
              a.get("inputs"),
              a.get("output"),
              LocalDate.parse(a.get("run-date")),
              Integer.parseInt(a.getOrDefault("top-n", "200")),
              Double.parseDouble(a.getOrDefault("min-score", "25")));
      System.out.printf(
          java.util.Locale.ROOT,
          "[naive] %d target rows in %.1f s%n",
          rows,
          (System.nanoTime() - t0) / 1e9);
    } finally {
      spark.stop();
    }
  }

  static long run(
      SparkSession spark,
      String inputs,
      String output,
      LocalDate runDate,
      int topN,
      double minScore) {
    registerUdfs(spark, runDate);
    Dataset<Row> ents =
        spark
            .read()
            .parquet(inputs + "/enterprises")
            .withColumn(
                "text", lower(concat_ws(" ", col("name"), col("business_scope"), col("products"))))
            // size as a percentile within the industry division, the obvious way: a window per
            // measure, partitioned by the first two digits of the primary code
            .withColumn("division", expr("substr(industry_codes[0], 1, 2)"))
            .withColumn("size_v", sizePercentile());
    Dataset<Row> zones =
        spark
            .read()
            .option("header", true)
            .csv(inputs + "/zones.csv")
            .select(
                col("zone_id"),
                col("ecosystem").as("zone_ecosystem"),
                split(col("lead_industries"), ";").as("lead_codes"),
                col("latitude").cast("double").as("zone_lat"),
                col("longitude").cast("double").as("zone_lon"));
    Dataset<Row> nodes =
        spark
            .read()
            .option("header", true)
            .csv(inputs + "/chain_nodes.csv")
            .select(col("node_id"), split(col("industry_codes"), ";").as("node_codes"));
    Dataset<Row> chainOfZone =
        spark
            .read()
            .option("header", true)
            .csv(inputs + "/zone_chain.csv")
            .join(nodes, "node_id")
            .groupBy(col("zone_id").as("chain_zone"))
            .agg(
                collect_list(
                        struct(
                            col("status"),
                            col("priority").cast("int").as("priority"),
                            col("node_codes")))
                    .as("chain"),
                flatten(collect_list(col("node_codes"))).as("chain_codes"));
    Dataset<Row> zonesFull =
        zones.join(
            chainOfZone, zones.col("zone_id").equalTo(chainOfZone.col("chain_zone")), "left");

    Dataset<Row> pairs =
        ents.crossJoin(zonesFull)
            .withColumn(
                "industry",
                call_udf(
                    "industry_fit", col("industry_codes"), col("lead_codes"), col("chain_codes")))
            .filter(col("industry").gt(0))
            .withColumn(
                "chain_v",
                call_udf("chain_value", col("industry_codes"), col("chain"), col("tags")))
            .withColumn(
                "strength",
                call_udf("strength", col("tags"), col("size_v"), col("patents"), col("rd_ratio")))
            .withColumn("momentum", call_udf("momentum", col("signals"), col("revenue_growth")))
            .withColumn(
                "geo",
                call_udf(
                    "geography",
                    col("city"),
                    col("local_presence"),
                    col("country"),
                    col("latitude"),
                    col("longitude"),
                    struct(col("zone_lat"), col("zone_lon"))));

    Dataset<Row> opps =
        spark
            .read()
            .parquet(inputs + "/opportunities")
            .filter(
                col("deadline")
                    .isNull()
                    .or(col("deadline").geq(lit(java.sql.Date.valueOf(runDate))))
                    .and(
                        col("published_date")
                            .isNull()
                            .or(col("published_date").leq(lit(java.sql.Date.valueOf(runDate))))));
    Dataset<Row> oppZones =
        opps.join(
                zones,
                opps.col("zone_id")
                    .equalTo(zones.col("zone_id"))
                    .or(
                        opps.col("zone_id")
                            .isNull()
                            .and(opps.col("ecosystem").equalTo(zones.col("zone_ecosystem")))))
            .select(opps.col("opportunity_id").as("oz_opp"), zones.col("zone_id").as("oz_zone"));
    Dataset<Row> oppFit =
        ents.select(
                col("enterprise_id").as("o_ent"), col("industry_codes").as("o_codes"), col("text"))
            .crossJoin(
                opps.select(
                    col("opportunity_id"), col("industry_codes").as("opp_codes"), col("keywords")))
            .withColumn(
                "sim",
                call_udf(
                    "opp_similarity",
                    col("o_codes"),
                    col("text"),
                    col("opp_codes"),
                    col("keywords")))
            .filter(col("sim").geq(0.3))
            .join(oppZones, col("opportunity_id").equalTo(col("oz_opp")))
            .groupBy(col("o_ent"), col("oz_zone"))
            .agg(max(col("sim")).as("opp_fit"));

    Dataset<Row> scored =
        pairs
            .join(
                oppFit,
                pairs
                    .col("enterprise_id")
                    .equalTo(oppFit.col("o_ent"))
                    .and(pairs.col("zone_id").equalTo(oppFit.col("oz_zone"))),
                "left")
            .withColumn(
                "score",
                call_udf(
                    "total",
                    col("industry"),
                    col("chain_v"),
                    col("opp_fit"),
                    col("strength"),
                    col("momentum"),
                    col("geo")))
            .filter(col("score").geq(minScore));
    Dataset<Row> best =
        scored
            .withColumn(
                "zone_order",
                row_number()
                    .over(
                        Window.partitionBy("enterprise_id")
                            .orderBy(col("score").desc(), col("zone_id"))))
            .filter(col("zone_order").equalTo(1));
    Dataset<Row> ranked =
        best.withColumn(
                "rank",
                row_number()
                    .over(
                        Window.partitionBy("zone_id")
                            .orderBy(col("score").desc(), col("enterprise_id"))))
            .filter(col("rank").leq(topN))
            .select(
                col("zone_id"),
                col("rank"),
                col("enterprise_id"),
                col("name").as("enterprise_name"),
                col("score"));
    ranked.write().mode(SaveMode.Overwrite).parquet(output + "/targets");
    return spark.read().parquet(output + "/targets").count();
  }

  /** Mean of the percent ranks of revenue, capital and employees in the division. */
  private static Column sizePercentile() {
    Column sum = lit(0.0);
    for (String m : new String[] {"revenue_cny", "registered_capital_cny", "employees"}) {
      sum =
          sum.plus(percent_rank().over(Window.partitionBy(col("division")).orderBy(col(m).asc())));
    }
    return sum.divide(3);
  }

  private static void registerUdfs(SparkSession spark, LocalDate runDate) {
    var cfg = new org.oppmatch.config.JobConfig();
    Map<Factor, Double> w = new java.util.EnumMap<>(cfg.normalisedWeights());
    double secondary = cfg.scoring.secondaryCodeFactor;
    double halfLife = cfg.scoring.signalHalfLifeDays;
    double radius = cfg.scoring.cooperationRadiusKm;
    spark
        .udf()
        .register(
            "industry_fit",
            (UDF3<Seq<String>, Seq<String>, Seq<String>, Double>)
                (codes, leads, chainCodes) -> {
                  List<String> targets = new ArrayList<>(javaList(leads));
                  targets.addAll(javaList(chainCodes));
                  return bestFit(javaList(codes), targets, secondary);
                },
            DataTypes.DoubleType);
    spark
        .udf()
        .register(
            "chain_value",
            (UDF3<Seq<String>, Seq<Row>, Seq<String>, Double>)
                (codes, chain, tags) -> {
                  List<String> ec = javaList(codes);
                  String bestRole = "none";
                  Integer bestPriority = null;
                  int bestRank = 9;
                  for (Row node : javaList(chain)) {
                    if (bestFit(ec, javaList(node.<Seq<String>>getAs("node_codes")), 1.0) == 0) {
                      continue;
                    }
                    org.oppmatch.score.ChainRole chainRole =
                        org.oppmatch.score.ChainRole.ofStatus(node.<String>getAs("status"));
                    String role = chainRole.key();
                    // the roles in the order they rank: fill_gap, strengthen, extend, none
                    int rank = chainRole.ordinal();
                    Integer priority = node.getAs("priority");
                    if (rank < bestRank
                        || (rank == bestRank
                            && priority != null
                            && (bestPriority == null || priority < bestPriority))) {
                      bestRole = role;
                      bestRank = rank;
                      bestPriority = priority;
                    }
                  }
                  boolean leader = tags != null && javaList(tags).contains("chain_leader");
                  return FactorMath.chainRole(bestRole, bestPriority, leader);
                },
            DataTypes.DoubleType);
    spark
        .udf()
        .register(
            "strength",
            (UDF4<Seq<String>, Double, Integer, Double, Double>)
                (tags, sizeValue, patents, rd) ->
                    FactorMath.strength(javaList(tags), sizeValue, patents, rd),
            DataTypes.DoubleType);
    spark
        .udf()
        .register(
            "momentum",
            (UDF2<Seq<String>, Double, Double>)
                (signals, growth) -> {
                  double sum = 0;
                  for (String s : javaList(signals)) {
                    String[] p = s.split(":");
                    try {
                      long age = runDate.toEpochDay() - LocalDate.parse(p[1]).toEpochDay();
                      sum += FactorMath.signalWeight(p[0], age, halfLife);
                    } catch (RuntimeException e) {
                      // a malformed signal counts nothing
                    }
                  }
                  return FactorMath.momentum(sum, growth);
                },
            DataTypes.DoubleType);
    spark
        .udf()
        .register(
            "geography",
            (UDF6<String, Boolean, String, Double, Double, Row, Double>)
                (city, local, country, lat, lon, zone) -> {
                  boolean metro =
                      Boolean.TRUE.equals(local)
                          || (city != null
                              && FactorMath.METRO_CITIES.stream().anyMatch(city::contains));
                  Double d =
                      lat == null || lon == null || zone.isNullAt(0) || zone.isNullAt(1)
                          ? null
                          : FactorMath.haversineKm(lat, lon, zone.getDouble(0), zone.getDouble(1));
                  return FactorMath.geography(metro, d, country, radius, false);
                },
            DataTypes.DoubleType);
    spark
        .udf()
        .register(
            "opp_similarity",
            (UDF4<Seq<String>, String, Seq<String>, Seq<String>, Double>)
                (codes, text, oppCodes, keywords) -> {
                  double code = bestFit(javaList(codes), javaList(oppCodes), secondary);
                  List<String> kws = new ArrayList<>();
                  for (String k : javaList(keywords)) {
                    if (k.length() >= 2) {
                      kws.add(k.toLowerCase(java.util.Locale.ROOT));
                    }
                  }
                  if (kws.isEmpty()) {
                    return 0.5 * code;
                  }
                  long hits = kws.stream().filter(k -> text != null && text.contains(k)).count();
                  return 0.5 * code + 0.5 * Math.min(1.0, hits / (double) Math.min(3, kws.size()));
                },
            DataTypes.DoubleType);
    spark
        .udf()
        .register(
            "total",
            (UDF6<Double, Double, Double, Double, Double, Double, Double>)
                (industry, chain, opp, strength, momentum, geo) -> {
                  Map<Factor, Double> v = new java.util.EnumMap<>(Factor.class);
                  v.put(Factor.INDUSTRY_FIT, industry);
                  v.put(Factor.CHAIN_ROLE, chain);
                  v.put(Factor.OPPORTUNITY_FIT, opp == null ? 0.0 : opp);
                  v.put(Factor.STRENGTH, strength);
                  v.put(Factor.MOMENTUM, momentum);
                  v.put(Factor.GEOGRAPHY, geo);
                  return FactorMath.round2(
                      FactorMath.contributions(v, w).values().stream()
                          .mapToDouble(Double::doubleValue)
                          .sum());
                },
            DataTypes.DoubleType);
  }

  /**
   * Best industry-fit value of an enterprise's codes against target codes, where one code contains
   * the other: depth 4 = 1.0, 3 = 0.75, 2 = 0.5; a secondary code counts {@code secondary} of that.
   */
  static double bestFit(List<String> codes, List<String> targets, double secondary) {
    double best = 0;
    for (int i = 0; i < codes.size(); i++) {
      String e = codes.get(i);
      for (String t : targets) {
        if (t == null || e == null) {
          continue;
        }
        int depth = e.startsWith(t) ? t.length() : t.startsWith(e) ? e.length() : 0;
        if (depth >= 2) {
          best = Math.max(best, FactorMath.industryFit(depth, i == 0, secondary));
        }
      }
    }
    return best;
  }

  private static <T> List<T> javaList(Seq<T> s) {
    return s == null ? List.of() : scala.jdk.javaapi.CollectionConverters.asJava(s);
  }
}
