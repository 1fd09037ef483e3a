package org.oppmatch.stage;

import org.oppmatch.config.JobConfig;
import org.oppmatch.rank.ScoringPass;

/**
 * The score, allocate and rank stage, one pass over the enterprises ({@link ScoringPass}): each
 * accepted enterprise is scored in plain Java against the broadcast zone model, offered to its best
 * zones, and kept only if it is among its partition's best for a zone or an opportunity; a small
 * shuffle merges the partitions' lists, allocates each group's members together, and closes every
 * zone's list at {@code lists.top_n}.
 */
public final class ScoreAndRank {
  private ScoreAndRank() {}

  public static ScoringPass.Result run(
      RunContext run,
      ReadAndValidate.Validated in,
      PoolStatistics stats,
      LeadLists.Previous previous) {
    JobConfig c = run.config();
    return run.timer()
        .timed(
            Step.SCORE_AND_RANK,
            () -> {
              ScoringPass.Model model =
                  new ScoringPass.Model(
                      stats.scorer(in.reference(), c, run.runDate()),
                      in.enterprises().duplicates(),
                      previous.enterpriseIds(),
                      c.lists.topN,
                      c.opportunities.topN,
                      c.allocation.maxZonesPerEnterprise);
              return ScoringPass.run(
                  in.enterprises().validated(), run.resources().broadcast(model));
            });
  }
}
