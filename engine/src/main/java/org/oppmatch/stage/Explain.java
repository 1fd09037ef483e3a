package org.oppmatch.stage;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.oppmatch.publish.ScoreHistory;
import org.oppmatch.score.Lead;

/**
 * The explain stage, on the driver and for the published leads only (at most {@code lists.top_n}
 * per zone): each lead's tier, reasons and explanation in Chinese, its movement against the
 * previous run and its history over the runs before, the teams' latest note, and the previous leads
 * that left the lists, with why.
 */
public final class Explain {
  private Explain() {}

  /**
   * @param history the earlier runs' leads of the companies of the given ids (one Spark job)
   */
  public static LeadLists run(
      RunContext run,
      ReadAndValidate.Validated in,
      ScoreAndRank.Ranked scored,
      LeadLists.Previous previous,
      Function<Collection<String>, ScoreHistory> history) {
    return run.timer()
        .timed(
            Step.EXPLAIN,
            () ->
                LeadLists.of(
                    scored,
                    previous,
                    history.apply(listedIds(scored)),
                    in.reference(),
                    run.config(),
                    run.runDate(),
                    in.inputs().industryNames()));
  }

  /** Every id of the listed companies. */
  static Set<String> listedIds(ScoreAndRank.Ranked scored) {
    Set<String> out = new HashSet<>();
    for (List<Lead> leads : scored.zoneLists().values()) {
      for (Lead l : leads) {
        out.add(l.enterpriseId);
        if (l.memberIds != null) {
          out.addAll(List.of(l.memberIds));
        }
      }
    }
    return out;
  }
}
