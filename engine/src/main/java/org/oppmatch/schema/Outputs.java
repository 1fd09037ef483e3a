package org.oppmatch.schema;

import java.util.List;

/**
 * The outputs of a run under {@code --output} (job-contract.md), each a folder with one partition
 * per run date. Their columns are {@link OutputSchemas}.
 */
public final class Outputs {
  private Outputs() {}

  public static final String TARGETS = "targets";
  public static final String OPPORTUNITY_MATCHES = "opportunity_matches";
  public static final String QUARANTINE = "quarantine";
  public static final String DROPPED = "dropped";
  public static final String ENTITIES = "entities";
  public static final String COVERAGE = "coverage";
  public static final String EXPORTS = "exports";
  public static final String REPORT = "report";

  /** Every output, in the order they are published; the manifest follows them. */
  public static final List<String> ALL =
      List.of(
          TARGETS, OPPORTUNITY_MATCHES, QUARANTINE, DROPPED, ENTITIES, COVERAGE, EXPORTS, REPORT);

  /** The outputs a run with the people's exports switched off publishes. */
  public static final List<String> WITHOUT_EXPORTS =
      List.of(TARGETS, OPPORTUNITY_MATCHES, QUARANTINE, DROPPED, ENTITIES, COVERAGE);
}
