package org.oppmatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's outside measurements: the scratch folder's peak size and the failure line. */
class ProcessProbeTest {

  @Test
  void peakOfTheScratchFolderIsSeenEvenAfterItsFilesAreDeleted(@TempDir Path tmp) throws Exception {
    Path scratch = tmp.resolve("spark-local");
    // 3 MB written into a nested folder, held for 3 s (the folder is polled every 2 s), deleted
    String script =
        "mkdir -p "
            + scratch.resolve("blockmgr-1/0a")
            + " && head -c 3000000 /dev/zero > "
            + scratch.resolve("blockmgr-1/0a/shuffle_0.data")
            + " && sleep 3 && rm -r "
            + scratch.resolve("blockmgr-1");
    ProcessProbe.Measured m =
        ProcessProbe.run(
            List.of("sh", "-c", script), Map.of(), tmp.resolve("run.log"), null, scratch, 60);
    assertEquals(0, m.exitCode());
    assertEquals(3_000_000L, m.peakScratchBytes());
    assertEquals(0L, ProcessProbe.treeBytes(scratch));
    assertTrue(m.minFreeBytes() > 0, "free space of the scratch file system");
  }

  @Test
  void withoutAScratchFolderNothingIsMeasured(@TempDir Path tmp) throws Exception {
    ProcessProbe.Measured m =
        ProcessProbe.run(List.of("true"), Map.of(), tmp.resolve("run.log"), null, 60);
    assertEquals(-1L, m.peakScratchBytes());
    assertEquals(-1L, m.minFreeBytes());
  }

  @Test
  void theJobsFailureLineIsReportedCut(@TempDir Path tmp) throws Exception {
    Path log = tmp.resolve("nightly.log");
    Files.writeString(
        log,
        "[nightly] check_inputs - rows 1.8 s\n"
            + "nightly: failed: org.apache.spark.SparkException: No space left on device "
            + "x".repeat(400)
            + "\n");
    Optional<String> f = Bench.failure(log);
    assertTrue(f.orElseThrow().startsWith("failed: org.apache.spark.SparkException: No space"));
    assertEquals(303, f.orElseThrow().length());
    Files.writeString(
        log, "nightly: input_contract_violated: enterprises.csv row 7: uscc_checksum\n");
    assertEquals(
        Optional.of("input_contract_violated: enterprises.csv row 7: uscc_checksum"),
        Bench.failure(log));
    assertEquals(Optional.empty(), Bench.failure(tmp.resolve("missing.log")));
    Files.writeString(log, "[nightly] check_inputs - rows 1.8 s\n");
    assertEquals(Optional.empty(), Bench.failure(log));
  }
}
