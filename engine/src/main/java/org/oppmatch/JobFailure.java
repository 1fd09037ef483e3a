package org.oppmatch;

/**
 * A failure whose cause is known and whose exit code the job contract fixes: bad arguments or
 * configuration (2), an input contract violation (3) or an output another run holds (4). Anything
 * else is a bug or an I/O failure and exits with 1.
 */
public class JobFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit codes of job-contract.md. */
  public enum Kind {
    BAD_ARGUMENTS(2, "bad_arguments"),
    INPUT_CONTRACT(3, "input_contract_violated"),
    /** Another run holds the output's lock: nothing read, nothing written. */
    OUTPUT_LOCKED(4, "output_locked");

    private final int exitCode;
    private final String label;

    Kind(int exitCode, String label) {
      this.exitCode = exitCode;
      this.label = label;
    }

    public int exitCode() {
      return exitCode;
    }

    public String label() {
      return label;
    }
  }

  private final Kind kind;

  public JobFailure(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public JobFailure(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public static JobFailure badArguments(String message) {
    return new JobFailure(Kind.BAD_ARGUMENTS, message);
  }

  public static JobFailure inputContract(String message) {
    return new JobFailure(Kind.INPUT_CONTRACT, message);
  }

  /** A message on one line, as stderr and the failure manifest show it ("" for none). */
  public static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
  }

  public Kind kind() {
    return kind;
  }
}
