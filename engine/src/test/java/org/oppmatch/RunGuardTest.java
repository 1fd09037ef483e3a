package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/**
 * What a run that runs out of memory says: the failure as people read it on stderr and in the
 * failure manifest. (That such a run ends, with code 1 and that manifest, whichever thread the
 * error hits, is a CI step: .ci/run starts the sample in a heap too small for it.)
 */
class RunGuardTest {
  @Test
  void aJobLostToATaskOutOfMemorySaysSoAndWhatToDo() {
    SparkException job =
        new SparkException(
            "Job aborted due to stage failure: Task 1 in stage 8.0 failed 1 times",
            new OutOfMemoryError("Java heap space"));
    Throwable why = RunGuard.cause(job);
    assertEquals(
        "out of memory in a Spark task (Java heap space): give the driver more memory"
            + " (NIGHTLY_DRIVER_MEMORY, spark-submit --driver-memory)",
        why.getMessage());
    assertSame(job, why.getCause());
  }

  @Test
  void aTaskResultTheDriverHadNoRoomForIsOutOfMemoryToo() {
    SparkException lost =
        new SparkException(
            "Job aborted due to stage failure: Lost task 1.0 in stage 14.0 (TID 12): TaskResultLost"
                + " (result lost from block manager)");
    assertTrue(RunGuard.cause(lost).getMessage().startsWith("out of memory: the driver lost"));
  }

  @Test
  void anErrorOfThisThreadIsNamedAndAnyOtherFailureIsItself() {
    Throwable oom = RunGuard.cause(new OutOfMemoryError("Java heap space"));
    assertTrue(
        oom.getMessage().startsWith("out of memory in thread " + Thread.currentThread().getName()),
        oom.getMessage());
    IllegalStateException plain = new IllegalStateException("injected failure at stage targets");
    assertSame(plain, RunGuard.cause(plain));
  }
}
