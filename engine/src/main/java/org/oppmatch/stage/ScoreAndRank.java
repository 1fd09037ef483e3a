package org.oppmatch.stage;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.oppmatch.JobFailure;
import org.oppmatch.config.JobConfig;
import org.oppmatch.model.Engagement;
import org.oppmatch.publish.Manifest;
import org.oppmatch.rank.Allocation;
import org.oppmatch.rank.Coverage;
import org.oppmatch.rank.ScoringPass;
import org.oppmatch.score.Lead;
import org.oppmatch.score.OpportunityLead;

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

  /** The lists, best first per zone, and what the outputs read besides. */
  public record Ranked(
      Map<String, List<Lead>> zoneLists,
      Set<String> presentPreviousLeads,
      List<Coverage.Node> coverage,
      JavaRDD<List<OpportunityLead>> opportunityMatches) {}

  /**
   * The ranking the lists use, for the manifest: the rules' score. A learned ranking needs at least
   * {@code ranking.min_positive_outcomes} won enterprises in the history; {@code ranking.mode:
   * learned} fails the run without them (exit 3), and with them too, since this version of the
   * engine learns none (exit 1).
   */
  static Map<String, Object> ranking(
      JobConfig.Ranking config, Map<String, Engagement> engagements) {
    long won =
        engagements.values().stream().filter(e -> e.status() == Engagement.Status.WON).count();
    if (config.mode.equals("learned")) {
      if (won < config.minPositiveOutcomes) {
        throw JobFailure.inputContract(
            "ranking.mode learned needs at least "
                + config.minPositiveOutcomes
                + " enterprises won in outcomes (ranking.min_positive_outcomes); the history has "
                + won);
      }
      throw new IllegalStateException(
          "ranking.mode learned: this version of the engine ranks by the rules only");
    }
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    out.put("mode", config.mode);
    out.put("used", "rules");
    out.put("won_enterprises", won);
    return out;
  }

  public static Ranked run(
      RunContext run,
      ReadAndValidate.Validated in,
      PoolStatistics stats,
      LeadLists.Previous previous,
      Manifest manifest) {
    JobConfig c = run.config();
    manifest.put("ranking", ranking(c.ranking, in.reference().engagements()));
    return run.timer()
        .timed(
            Step.SCORE_AND_RANK,
            () -> {
              int depth = Math.max(c.lists.topN * DEPTH_FACTOR, c.lists.topN + 50);
              var scorer = stats.scorer(in.reference(), c, run.runDate());
              int passes = 0;
              while (true) {
                passes++;
                ScoringPass.Model model =
                    new ScoringPass.Model(
                        scorer,
                        in.enterprises().duplicates(),
                        previous.enterpriseIds(),
                        in.reference().engagements(),
                        depth,
                        c.opportunities.topN);
                ScoringPass.Result scored =
                    ScoringPass.run(in.enterprises().validated(), run.resources().broadcast(model));
                Allocation.Result allocated =
                    Allocation.stable(
                        scored.candidates(),
                        depth,
                        c.lists.topN,
                        c.allocation.maxZonesPerEnterprise);
                if (allocated.shortOfCandidates().isEmpty() || depth >= Integer.MAX_VALUE / 8) {
                  manifest.put("allocation_passes", passes);
                  Map<String, List<Lead>> lists =
                      Allocation.withEngaged(allocated.lists(), scored.engaged());
                  return new Ranked(
                      lists,
                      scored.presentPreviousLeads(),
                      Coverage.of(
                          scorer.zones(), in.reference().chainEntries(), scored.fitCounts(), lists),
                      scored.opportunityMatches());
                }
                depth *= 4;
              }
            });
  }
}
