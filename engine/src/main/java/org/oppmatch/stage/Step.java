package org.oppmatch.stage;

/**
 * The steps of a run, in the order they run: the names under which the manifest records their
 * timings (and the run report shows them), and where a test can inject a failure ({@link
 * org.oppmatch.publish.FaultInjection}). Each belongs to the stage class its comment names.
 */
public enum Step {
  /**
   * {@link ReadAndValidate}: every input table located, its format and required columns checked.
   */
  CHECK_INPUTS("check_inputs"),
  /** {@link ReadAndValidate}: the small tables read on the driver and validated. */
  REFERENCE_TABLES("reference_tables"),
  /** {@link ReadAndValidate}: the enterprises validated, counted by rule, repeated ids found. */
  VALIDATE_ENTERPRISES("validate_enterprises"),
  /** {@link Resolve}: the row a repeated id keeps, size cut points and text statistics. */
  RESOLVE("resolve"),
  /** {@link ResolveCompanies}: which rows are one company. */
  RESOLVE_COMPANIES("resolve_companies"),
  /** {@link ScoreAndRank}: the one pass that scores, allocates and ranks. */
  SCORE_AND_RANK("score_and_rank"),
  /** {@link Explain}: reasons, explanations, movement and dropped leads of the published leads. */
  EXPLAIN("explain"),
  /** {@link Publish}: the staged outputs, one step each. */
  TARGETS("targets"),
  OPPORTUNITY_MATCHES("opportunity_matches"),
  QUARANTINE("quarantine"),
  DROPPED("dropped"),
  ENTITIES("entities"),
  COVERAGE("coverage"),
  /** {@link Export}: the zones' workbooks and CSV files, and the run report. */
  EXPORTS_AND_REPORT("exports_and_report"),
  /** {@link Publish}: the staged outputs moved into place, the manifest written last. */
  PUBLISH("publish");

  private final String key;

  Step(String key) {
    this.key = key;
  }

  /** The step's name in the manifest's stages and in fault injection. */
  public String key() {
    return key;
  }
}
