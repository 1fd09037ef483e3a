package org.oppmatch.feedback;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lead-list workbooks that zones' promotion teams sent back with their feedback columns
 * filled in (本次反馈, see {@link org.oppmatch.export.FeedbackColumn}) and appends what they report to
 * the outcomes input of the nightly job, a CSV file: one row per filled-in lead, each row once
 * however often a workbook is imported. Rows that fail a check are reported with file, sheet and
 * Excel row number and left out; everything else is still appended. Plain Java, no Spark: it runs
 * wherever the workbooks arrive.
 */
public final class ImportFeedback {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int BAD_ARGUMENTS = 2;
  public static final int ROWS_REJECTED = 3;

  static final String USAGE =
      """
      usage: jobs/import-feedback WORKBOOK.xlsx... --outcomes FILE [--today YYYY-MM-DD]
        Appends the feedback filled in on each zone's lead-list workbook (本次反馈 columns) to the
        outcomes CSV FILE (created when missing), skipping rows FILE already holds.
        --today  the day no feedback date may be after (default: today in Asia/Shanghai)
      exit codes: 0 every filled-in row imported or already in FILE; 3 some rows rejected (each
        reported on stderr with file, sheet and row; the others were appended); 2 bad arguments,
        or a workbook or FILE that cannot be read (nothing appended); 1 FILE could not be written
      """;

  /** The city's day: the teams' dates are Chengdu dates. */
  static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

  private ImportFeedback() {}

  public static void main(String[] args) {
    System.exit(
        execute(
            args,
            new PrintStream(System.out, true, StandardCharsets.UTF_8),
            new PrintStream(System.err, true, StandardCharsets.UTF_8)));
  }

  /** Runs the import and returns its exit code; messages go to {@code out} and {@code err}. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    List<Path> workbooks = new ArrayList<>();
    Path outcomes = null;
    LocalDate today = LocalDate.now(CITY_ZONE);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--help") || a.equals("-h")) {
        out.print(USAGE);
        return OK;
      }
      if (a.equals("--outcomes") || a.equals("--today")) {
        if (i + 1 >= args.length) {
          return bad(err, a + " needs a value");
        }
        String v = args[++i];
        if (a.equals("--outcomes")) {
          outcomes = Path.of(v);
        } else {
          try {
            today = LocalDate.parse(v);
          } catch (DateTimeParseException e) {
            return bad(err, "--today " + v + " is not a date YYYY-MM-DD");
          }
        }
      } else if (a.startsWith("--")) {
        return bad(err, "unknown option " + a);
      } else {
        workbooks.add(Path.of(a));
      }
    }
    if (outcomes == null) {
      return bad(err, "--outcomes FILE is required");
    }
    if (workbooks.isEmpty()) {
      return bad(err, "no workbook given");
    }

    // every file is read and checked before anything is written: a wrong argument changes nothing
    List<ReturnedWorkbook> returned = new ArrayList<>();
    OutcomesFile file;
    try {
      for (Path w : workbooks) {
        returned.add(ReturnedWorkbook.read(w, today));
      }
      file = OutcomesFile.read(outcomes);
    } catch (ReturnedWorkbook.Unreadable | OutcomesFile.Unusable e) {
      err.println("import-feedback: " + e.getMessage() + "; nothing appended");
      return BAD_ARGUMENTS;
    } catch (IOException e) {
      err.println("import-feedback: cannot read " + outcomes + ": " + e + "; nothing appended");
      return BAD_ARGUMENTS;
    }

    List<OutcomeRow> rows = new ArrayList<>();
    int rejected = 0;
    for (ReturnedWorkbook w : returned) {
      long known = w.outcomes().stream().filter(file::holds).count();
      out.println(
          w.file()
              + ": zone "
              + w.zoneId()
              + ", "
              + (w.outcomes().size() + w.rejected().size())
              + " rows filled in: "
              + w.outcomes().size()
              + " valid ("
              + known
              + " already in "
              + outcomes
              + "), "
              + w.rejected().size()
              + " rejected");
      for (ReturnedWorkbook.Rejected r : w.rejected()) {
        err.println("import-feedback: rejected " + r);
      }
      rows.addAll(w.outcomes());
      rejected += w.rejected().size();
    }
    List<OutcomeRow> added;
    try {
      added = file.append(rows);
    } catch (IOException e) {
      err.println("import-feedback: cannot write " + outcomes + ": " + e + "; nothing appended");
      return FAILED;
    }
    out.println(
        added.isEmpty()
            ? "nothing new to append to " + outcomes
            : "appended " + rows(added.size()) + " to " + outcomes);
    if (rejected > 0) {
      err.println(
          "import-feedback: "
              + rows(rejected)
              + " rejected (listed above): correct them in the workbook and import it again;"
              + " rows already imported are not added twice");
      return ROWS_REJECTED;
    }
    return OK;
  }

  private static String rows(int n) {
    return n + (n == 1 ? " row" : " rows");
  }

  private static int bad(PrintStream err, String why) {
    err.println("import-feedback: " + why);
    err.print(USAGE);
    return BAD_ARGUMENTS;
  }
}
