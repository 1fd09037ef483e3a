package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobArgsTest {

  private static JobArgs parse(String... args) {
    return JobArgs.parse(args);
  }

  private static String failure(String... args) {
    JobFailure e = assertThrows(JobFailure.class, () -> JobArgs.parse(args));
    assertEquals(JobFailure.Kind.BAD_ARGUMENTS, e.kind());
    return e.getMessage();
  }

  private static void assertMentions(String message, String what) {
    assertTrue(message.contains(what), () -> "message should mention " + what + ": " + message);
  }

  @Test
  void readsAllFourFlagsSeparatedBySpace() {
    JobArgs a =
        parse(
            "--inputs",
            "/in",
            "--output",
            "/out",
            "--run-date",
            "2026-11-20",
            "--config",
            "job.json");
    assertEquals("/in", a.inputs());
    assertEquals("/out", a.output());
    assertEquals(LocalDate.of(2026, 11, 20), a.runDate());
    assertEquals(Optional.of("job.json"), a.config());
  }

  @Test
  void readsAllFourFlagsWithEquals() {
    JobArgs a =
        parse("--inputs=/in", "--output=/out", "--run-date=2026-11-20", "--config=job.json");
    assertEquals("/in", a.inputs());
    assertEquals("/out", a.output());
    assertEquals(LocalDate.of(2026, 11, 20), a.runDate());
    assertEquals(Optional.of("job.json"), a.config());
  }

  @Test
  void formsMayBeMixedAndInAnyOrder() {
    JobArgs a = parse("--run-date=2024-02-29", "--output", "/o", "--inputs=/i");
    assertEquals("/i", a.inputs());
    assertEquals("/o", a.output());
    assertEquals(LocalDate.of(2024, 2, 29), a.runDate());
    assertEquals(Optional.empty(), a.config());
  }

  @Test
  void valueAfterEqualsMayItselfContainEquals() {
    JobArgs a = parse("--inputs=s3://b/k=v", "--output=/o", "--run-date=2026-01-01");
    assertEquals("s3://b/k=v", a.inputs());
  }

  @Test
  void missingInputsFails() {
    assertMentions(failure("--output", "/o", "--run-date", "2026-11-20"), "missing --inputs");
  }

  @Test
  void missingOutputFails() {
    assertMentions(failure("--inputs", "/i", "--run-date", "2026-11-20"), "missing --output");
  }

  @Test
  void missingRunDateFails() {
    assertMentions(failure("--inputs", "/i", "--output", "/o"), "missing --run-date");
  }

  @Test
  void noArgumentsFailsWithUsage() {
    assertMentions(failure(), JobArgs.USAGE);
  }

  @Test
  void flagWithoutValueFails() {
    assertMentions(failure("--inputs", "/i", "--output", "/o", "--run-date"), "--run-date");
    assertMentions(failure("--inputs", "/i", "--output", "/o", "--run-date"), "needs a value");
  }

  @Test
  void unknownFlagFails() {
    String m =
        failure("--inputs", "/i", "--output", "/o", "--run-date", "2026-11-20", "--verbose", "x");
    assertMentions(m, "unknown argument --verbose");
    assertMentions(failure("--input=/i", "--output=/o", "--run-date=2026-11-20"), "--input");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"2026-13-01", "20261120", "2026-2-1", "2026-02-30", "2025-02-29", "26-11-20", ""})
  void badRunDateFails(String date) {
    String m = failure("--inputs", "/i", "--output", "/o", "--run-date", date);
    assertMentions(m, "--run-date '" + date + "'");
    assertMentions(m, "YYYY-MM-DD");
  }

  @Test
  void emptyInputsOrOutputFails() {
    assertMentions(
        failure("--inputs=", "--output=/o", "--run-date=2026-11-20"), "must not be empty");
    assertMentions(
        failure("--inputs=/i", "--output= ", "--run-date=2026-11-20"), "must not be empty");
  }
}
