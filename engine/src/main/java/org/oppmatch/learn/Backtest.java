package org.oppmatch.learn;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * The backtest of the learned ranking, split in time: a model fitted on the engagements decided
 * before a day T ranks the engagements decided on or after it, beside the rules' score, per zone
 * and overall: precision@10 and @20, NDCG@50 and AUC, each with the number of labels behind it. T
 * is the day that leaves {@value #TRAIN_SHARE} of the decided engagements before it, so the figures
 * are of leads the model never saw, decided later than everything it learned from.
 */
public final class Backtest {
  private Backtest() {}

  /** The share of the decided engagements the backtest's model learns from. */
  static final double TRAIN_SHARE = 0.7;

  /** Fewer wins than this on either side of T make no backtest worth printing. */
  static final int MIN_POSITIVES = 5;

  /** The ranking a backtest compares: its figures overall and per zone. */
  public record Figures(
      RankingMetrics.Figure precisionAt10,
      RankingMetrics.Figure precisionAt20,
      RankingMetrics.Figure ndcgAt50,
      RankingMetrics.Figure auc) {

    static Figures of(List<RankingMetrics.Item> items) {
      return new Figures(
          RankingMetrics.precisionAtK(items, 10),
          RankingMetrics.precisionAtK(items, 20),
          RankingMetrics.ndcgAtK(items, 50),
          RankingMetrics.auc(items));
    }

    Map<String, Object> asMap() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("precision_at_10", figure(precisionAt10));
      out.put("precision_at_20", figure(precisionAt20));
      out.put("ndcg_at_50", figure(ndcgAt50));
      out.put("auc", figure(auc));
      return out;
    }

    private static Map<String, Object> figure(RankingMetrics.Figure f) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put(
          "value", Double.isNaN(f.value()) ? null : Math.round(f.value() * 10_000.0) / 10_000.0);
      out.put("labels", f.labels());
      out.put("positives", f.positives());
      return out;
    }
  }

  /** The rules' and the model's figures on one set of engagements. */
  public record Comparison(Figures rules, Figures model) {
    Map<String, Object> asMap() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("rules", rules.asMap());
      out.put("model", model.asMap());
      return out;
    }
  }

  /**
   * What the backtest found: the split, the overall and per-zone comparisons; or why there is none.
   */
  public record Result(
      LocalDate splitDate,
      int trainRows,
      int trainPositives,
      int testRows,
      int testPositives,
      Comparison overall,
      Map<String, Comparison> zones,
      String skipped) {

    /** The manifest's view. */
    public Map<String, Object> asMap() {
      Map<String, Object> out = new LinkedHashMap<>();
      if (skipped != null) {
        out.put("skipped", skipped);
        return out;
      }
      out.put("split_date", splitDate.toString());
      out.put("train_rows", trainRows);
      out.put("train_positives", trainPositives);
      out.put("test_rows", testRows);
      out.put("test_positives", testPositives);
      out.put("overall", overall.asMap());
      Map<String, Object> z = new LinkedHashMap<>();
      zones.forEach((k, v) -> z.put(k, v.asMap()));
      out.put("zones", z);
      return out;
    }
  }

  /** Splits the examples in time, fits on the earlier ones, compares on the later ones. */
  public static Result run(SparkSession spark, List<LearnedRanking.Example> examples) {
    List<LocalDate> dates = new ArrayList<>();
    examples.forEach(e -> dates.add(e.decided()));
    dates.sort(null);
    if (dates.isEmpty()) {
      return skipped("no engagement of the history has ended");
    }
    LocalDate split = dates.get(Math.min(dates.size() - 1, (int) (dates.size() * TRAIN_SHARE)));
    List<LearnedRanking.Example> train = new ArrayList<>();
    List<LearnedRanking.Example> test = new ArrayList<>();
    for (LearnedRanking.Example e : examples) {
      (e.decided().isBefore(split) ? train : test).add(e);
    }
    long trainWon = train.stream().filter(LearnedRanking.Example::won).count();
    long testWon = test.stream().filter(LearnedRanking.Example::won).count();
    if (trainWon < MIN_POSITIVES || testWon < MIN_POSITIVES) {
      return skipped(
          "too few wins on either side of "
              + split
              + " ("
              + trainWon
              + " before, "
              + testWon
              + " on or after; "
              + MIN_POSITIVES
              + " needed on each side)");
    }
    LearnedRanking model = LearnedRanking.fit(spark, train);
    List<RankingMetrics.Item> rules = new ArrayList<>();
    List<RankingMetrics.Item> learned = new ArrayList<>();
    Map<String, List<RankingMetrics.Item>> rulesByZone = new TreeMap<>();
    Map<String, List<RankingMetrics.Item>> learnedByZone = new TreeMap<>();
    for (LearnedRanking.Example e : test) {
      String key = e.lead().enterpriseId + "@" + e.lead().zoneId;
      int label = e.won() ? 1 : 0;
      RankingMetrics.Item r = new RankingMetrics.Item(key, e.lead().score, label);
      RankingMetrics.Item m = new RankingMetrics.Item(key, model.score(e.lead().features), label);
      rules.add(r);
      learned.add(m);
      rulesByZone.computeIfAbsent(e.lead().zoneId, z -> new ArrayList<>()).add(r);
      learnedByZone.computeIfAbsent(e.lead().zoneId, z -> new ArrayList<>()).add(m);
    }
    Map<String, Comparison> zones = new LinkedHashMap<>();
    rulesByZone.forEach(
        (zone, items) ->
            zones.put(
                zone, new Comparison(Figures.of(items), Figures.of(learnedByZone.get(zone)))));
    return new Result(
        split,
        train.size(),
        (int) trainWon,
        test.size(),
        (int) testWon,
        new Comparison(Figures.of(rules), Figures.of(learned)),
        zones,
        null);
  }

  private static Result skipped(String why) {
    return new Result(null, 0, 0, 0, 0, null, Map.of(), why);
  }
}
