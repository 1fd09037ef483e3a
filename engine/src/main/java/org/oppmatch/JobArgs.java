package org.oppmatch;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The nightly job's command line: --inputs DIR --output DIR --run-date YYYY-MM-DD [--config FILE].
 */
public record JobArgs(String inputs, String output, LocalDate runDate, Optional<String> config) {

  public static final String USAGE =
      "usage: nightly --inputs DIR --output DIR --run-date YYYY-MM-DD [--config FILE]";

  /** Parses the arguments; a problem is a {@link JobFailure} of kind BAD_ARGUMENTS (exit 2). */
  public static JobArgs parse(String[] args) {
    String inputs = null;
    String output = null;
    String runDate = null;
    String config = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String value;
      String name;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        name = a.substring(0, eq);
        value = a.substring(eq + 1);
      } else {
        name = a;
        if (i + 1 >= args.length) {
          throw JobFailure.badArguments(a + " needs a value; " + USAGE);
        }
        value = args[++i];
      }
      switch (name) {
        case "--inputs" -> inputs = value;
        case "--output" -> output = value;
        case "--run-date" -> runDate = value;
        case "--config" -> config = value;
        default -> throw JobFailure.badArguments("unknown argument " + name + "; " + USAGE);
      }
    }
    if (inputs == null || output == null || runDate == null) {
      throw JobFailure.badArguments(
          "missing "
              + (inputs == null ? "--inputs" : output == null ? "--output" : "--run-date")
              + "; "
              + USAGE);
    }
    LocalDate date;
    try {
      if (!runDate.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new DateTimeParseException("not YYYY-MM-DD", runDate, 0);
      }
      date = LocalDate.parse(runDate);
    } catch (DateTimeParseException e) {
      throw JobFailure.badArguments("--run-date '" + runDate + "' is not a date YYYY-MM-DD");
    }
    if (inputs.isBlank() || output.isBlank()) {
      throw JobFailure.badArguments("--inputs and --output must not be empty; " + USAGE);
    }
    return new JobArgs(inputs, output, date, Optional.ofNullable(config));
  }
}
