package org.oppmatch.stage;

import org.oppmatch.publish.Manifest;

/**
 * The resolve stage: one pass over the cached enterprises decides which row each repeated
 * enterprise_id keeps (the others go to the quarantine as duplicates) and measures the pool the
 * scores are relative to (size cut points per industry division, text document frequencies). After
 * it the input counts are exact: they go into the manifest, and a quarantine share above {@code
 * quarantine_limit} fails the run here (exit 3), before anything is scored.
 */
public final class Resolve {
  private Resolve() {}

  public static PoolStatistics run(
      RunContext run, ReadAndValidate.Validated in, Manifest manifest) {
    PoolStatistics stats =
        run.timer()
            .timed(
                Step.RESOLVE,
                () -> PoolStatistics.compute(in.enterprises(), in.reference(), run.config()));
    in.enterprises().countInto(manifest);
    in.reference().countInto(manifest);
    manifest.checkQuarantineShares(run.config().quarantineLimit);
    return stats;
  }
}
