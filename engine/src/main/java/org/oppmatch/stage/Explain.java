package org.oppmatch.stage;

/**
 * The explain stage, on the driver and for the published leads only (at most {@code lists.top_n}
 * per zone): each lead's tier, reasons and explanation in Chinese, its movement against the
 * previous run, and the previous leads that left the lists, with why.
 */
public final class Explain {
  private Explain() {}

  public static LeadLists run(
      RunContext run,
      ReadAndValidate.Validated in,
      ScoreAndRank.Ranked scored,
      LeadLists.Previous previous) {
    return run.timer()
        .timed(
            Step.EXPLAIN,
            () ->
                LeadLists.of(
                    scored,
                    previous,
                    in.reference(),
                    run.config(),
                    run.runDate(),
                    in.inputs().industryNames()));
  }
}
