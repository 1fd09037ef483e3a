package org.oppmatch.lookup;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The lookup's command line: {@code --output DIR --run-date YYYY-MM-DD [--inputs DIR] [--json] (ID
 * | NAME)}. {@code --inputs} is only for a run whose inputs have moved since (the manifest names
 * where the run read them).
 */
record LookupArgs(
    String output, LocalDate runDate, String query, boolean json, Optional<String> inputs) {

  static final String USAGE =
      "usage: jobs/lookup --output DIR --run-date YYYY-MM-DD [--inputs DIR] [--json]"
          + " (ENTERPRISE_ID | NAME)";

  static LookupArgs parse(String[] args) {
    String output = null;
    String runDate = null;
    String inputs = null;
    String query = null;
    boolean json = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--json")) {
        json = true;
        continue;
      }
      if (a.startsWith("--")) {
        int eq = a.indexOf('=');
        String name = eq > 0 ? a.substring(0, eq) : a;
        String value;
        if (eq > 0) {
          value = a.substring(eq + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw LookupFailure.badArguments(a + " needs a value");
        }
        switch (name) {
          case "--output" -> output = value;
          case "--run-date" -> runDate = value;
          case "--inputs" -> inputs = value;
          default -> throw LookupFailure.badArguments("unknown argument " + name);
        }
        continue;
      }
      if (query != null) {
        throw LookupFailure.badArguments(
            "one enterprise id or name, got '" + query + "' and '" + a + "' (quote a name)");
      }
      query = a;
    }
    if (output == null || output.isBlank()) {
      throw LookupFailure.badArguments("missing --output");
    }
    if (runDate == null) {
      throw LookupFailure.badArguments("missing --run-date");
    }
    if (query == null || query.isBlank()) {
      throw LookupFailure.badArguments("missing the enterprise id or name");
    }
    LocalDate date;
    try {
      if (!runDate.matches("\\d{4}-\\d{2}-\\d{2}")) {
        throw new DateTimeParseException("not YYYY-MM-DD", runDate, 0);
      }
      date = LocalDate.parse(runDate);
    } catch (DateTimeParseException e) {
      throw LookupFailure.badArguments("--run-date '" + runDate + "' is not a date YYYY-MM-DD");
    }
    return new LookupArgs(output, date, query.trim(), json, Optional.ofNullable(inputs));
  }
}
