package org.oppmatch.stage;

/**
 * The read-and-validate stage: every input table located and its required columns checked (a
 * missing one fails the run, exit 3), the small reference tables read and validated on the driver,
 * the enterprises validated row by row on the executors and cached. Rejected rows are kept for the
 * quarantine with the rule they broke; nothing is dropped.
 */
public final class ReadAndValidate {
  private ReadAndValidate() {}

  /** The validated inputs: reference tables on the driver, the enterprises a cached Dataset. */
  public record Validated(RunInputs inputs, ReferenceData reference, EnterpriseInput enterprises) {}

  public static Validated run(RunContext run, String inputsDir) {
    StageTimer timer = run.timer();
    RunInputs inputs =
        timer.timed(
            Step.CHECK_INPUTS, () -> RunInputs.locate(run.spark(), inputsDir, run.config()));
    ReferenceData reference =
        timer.timed(
            Step.REFERENCE_TABLES,
            () -> ReferenceData.read(run.spark(), inputs, run.config(), run.runDate()));
    EnterpriseInput enterprises =
        timer.timed(
            Step.VALIDATE_ENTERPRISES,
            () ->
                EnterpriseInput.read(
                    run.spark(), inputs, reference, run.runDate(), run.resources()));
    return new Validated(inputs, reference, enterprises);
  }
}
