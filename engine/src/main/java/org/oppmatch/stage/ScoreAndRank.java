package org.oppmatch.stage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.oppmatch.JobFailure;
import org.oppmatch.config.JobConfig;
import org.oppmatch.learn.Backtest;
import org.oppmatch.learn.LeadFeatures;
import org.oppmatch.learn.LearnedRanking;
import org.oppmatch.model.Engagement;
import org.oppmatch.publish.Manifest;
import org.oppmatch.rank.Allocation;
import org.oppmatch.rank.Coverage;
import org.oppmatch.rank.ScoringPass;
import org.oppmatch.score.Lead;
import org.oppmatch.score.OpportunityLead;
import org.oppmatch.score.Scorer;

/**
 * The score, allocate and rank stage. One pass over the enterprises ({@link ScoringPass}): each
 * accepted enterprise is scored in plain Java against the broadcast zone model and kept as a
 * candidate of the zones it fits only if it is among its partition's best there; a small shuffle
 * merges the partitions' candidates. On the driver the candidates are allocated to zones with
 * capacities ({@link Allocation#stable}) and the engaged leads join their owner zones' lists.
 *
 * <p>A zone keeps {@value #DEPTH_FACTOR} times {@code lists.top_n} candidates. When enterprises
 * taken by zones they fit better leave a zone short with its candidates cut, the pass runs again
 * with four times as many (the manifest counts the passes): the lists are exact either way.
 */
public final class ScoreAndRank {
  private ScoreAndRank() {}

  static final int DEPTH_FACTOR = 8;

  /**
   * The lists, best first per zone, and what the outputs read besides; the learned model when the
   * lists are ranked by it, else null.
   */
  public record Ranked(
      Map<String, List<Lead>> zoneLists,
      Map<String, String> previousCompanies,
      Set<String> inactivePreviousCompanies,
      List<Coverage.Node> coverage,
      JavaRDD<List<OpportunityLead>> opportunityMatches,
      LearnedRanking model) {}

  /**
   * Whether the run ranks by a learned model: {@code ranking.mode: auto} does with at least {@code
   * ranking.min_positive_outcomes} enterprises won in the history, {@code learned} must (too little
   * history fails the run, exit 3), {@code rules} never does.
   */
  static boolean learns(JobConfig.Ranking config, long won) {
    if (config.mode.equals("learned") && won < config.minPositiveOutcomes) {
      throw JobFailure.inputContract(
          "ranking.mode learned needs at least "
              + config.minPositiveOutcomes
              + " enterprises won in outcomes (ranking.min_positive_outcomes); the history has "
              + won);
    }
    return !config.mode.equals("rules") && won >= config.minPositiveOutcomes;
  }

  public static Ranked run(
      RunContext run,
      ReadAndValidate.Validated in,
      PoolStatistics stats,
      LeadLists.Previous previous,
      Manifest manifest) {
    JobConfig c = run.config();
    Map<String, Engagement> engagements = in.reference().engagements();
    long won =
        engagements.values().stream().filter(e -> e.status() == Engagement.Status.WON).count();
    boolean learn = learns(c.ranking, won);
    Map<String, Object> ranking = new LinkedHashMap<>();
    ranking.put("mode", c.ranking.mode);
    ranking.put("used", learn ? "learned" : "rules");
    ranking.put("won_enterprises", won);
    manifest.put("ranking", ranking);
    List<Engagement.Decided> decided = learn ? in.reference().decided() : List.of();
    Map<String, List<String>> decidedZones = new HashMap<>();
    decided.forEach(
        d ->
            decidedZones.computeIfAbsent(d.enterpriseId(), k -> new ArrayList<>()).add(d.zoneId()));
    Scorer.Params params = Scorer.Params.of(c, run.runDate());
    LeadFeatures features =
        learn
            ? new LeadFeatures(
                params.weights(),
                params.cooperationRadiusKm(),
                run.runDate(),
                params.signalHalfLifeDays())
            : null;
    return run.timer()
        .timed(
            Step.SCORE_AND_RANK,
            () -> {
              int depth = Math.max(c.lists.topN * DEPTH_FACTOR, c.lists.topN + 50);
              var scorer = stats.scorer(in.reference(), c, run.runDate());
              int passes = 0;
              LearnedRanking model = null;
              // the companies, one row each (the rows of one company merged on the executors)
              var scoringInput = in.enterprises().merge().scoringInput();
              while (true) {
                passes++;
                ScoringPass.Model pass =
                    new ScoringPass.Model(
                        scorer,
                        previous.memberIds(),
                        engagements,
                        depth,
                        c.opportunities.topN,
                        features,
                        model == null ? decidedZones : Map.of());
                ScoringPass.Result scored =
                    ScoringPass.run(scoringInput, run.resources().broadcast(pass));
                if (learn) {
                  if (model == null) {
                    List<LearnedRanking.Example> examples = examples(scored.training(), decided);
                    model = LearnedRanking.fit(run.spark(), examples);
                    ranking.put("model", "logistic_regression");
                    ranking.put("training_rows", model.rows());
                    ranking.put("training_positives", model.positives());
                    ranking.put("backtest", Backtest.run(run.spark(), examples).asMap());
                    ranking.put("coefficients", model.coefficientsByFeature());
                  }
                  LearnedRanking m = model;
                  scored.candidates().values().forEach(m::apply);
                  scored.engaged().values().forEach(m::apply);
                  scored.candidates().values().forEach(l -> l.sort(Lead.BEST_FIRST));
                }
                Allocation.Result allocated =
                    Allocation.stable(
                        scored.candidates(),
                        depth,
                        c.lists.topN,
                        c.allocation.maxZonesPerEnterprise);
                if (allocated.shortOfCandidates().isEmpty() || depth >= Integer.MAX_VALUE / 8) {
                  manifest.put("allocation_passes", passes);
                  manifest.inputDetail("enterprises", "inactive", scored.inactiveCompanies());
                  Map<String, List<Lead>> lists =
                      Allocation.withEngaged(allocated.lists(), scored.engaged());
                  return new Ranked(
                      lists,
                      scored.previousCompanies(),
                      scored.inactivePreviousCompanies(),
                      Coverage.of(
                          scorer.zones(), in.reference().chainEntries(), scored.fitCounts(), lists),
                      scored.opportunityMatches(),
                      model);
                }
                depth *= 4;
              }
            });
  }

  /** Each training lead with the label of its enterprise-zone engagement. */
  static List<LearnedRanking.Example> examples(
      List<Lead> training, List<Engagement.Decided> decided) {
    Map<String, Engagement.Decided> byPair = new HashMap<>();
    decided.forEach(d -> byPair.put(d.enterpriseId() + "\u0000" + d.zoneId(), d));
    List<LearnedRanking.Example> out = new ArrayList<>();
    for (Lead l : training) {
      Engagement.Decided d = byPair.get(l.enterpriseId + "\u0000" + l.zoneId);
      if (d != null) {
        out.add(new LearnedRanking.Example(l, d.won(), d.date()));
      }
    }
    return out;
  }
}
