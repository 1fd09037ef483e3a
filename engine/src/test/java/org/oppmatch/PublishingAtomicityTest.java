package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.oppmatch.publish.FaultInjection;
import org.oppmatch.schema.Outputs;
import org.oppmatch.stage.Step;
import org.oppmatch.testing.Fixtures;

/**
 * A run that fails in any stage, or is killed with SIGKILL while writing or while swapping, leaves
 * the earlier publication of the same date intact and readable and never shows a partial partition;
 * the next run cleans up or completes what was interrupted.
 */
class PublishingAtomicityTest {
  static final String DATE = "2026-11-20";

  @TempDir static Path tmp;
  static Path inputs;
  static Path config;

  /** One successful publication of the date, copied for each test that needs its own. */
  static Path original;

  @BeforeAll
  static void publishOnce() {
    inputs = tmp.resolve("in");
    NightlyJobEndToEndTest.writeInputs(inputs);
    config = Fixtures.write(tmp, "config.json", "{\"quarantine_limit\": 0.2}");
    original = tmp.resolve("original");
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(inputs, original, DATE, config)),
        NightlyJobEndToEndTest.lastErr);
  }

  /** A copy of the original publication (cheaper than running the job again). */
  static Path published(String name) {
    Path out = tmp.resolve(name);
    copy(original, out);
    return out;
  }

  /** Copies a published output root. */
  static void copy(Path from, Path to) {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every file under the published partitions and the manifest, with its bytes. */
  static Map<String, byte[]> snapshot(Path out) throws IOException {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    for (String o : Outputs.ALL) {
      Path dir = out.resolve(o + "/run_date=" + DATE);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          for (Path f : s.toList()) {
            files.put(o + "/" + f.getFileName(), Files.readAllBytes(f));
          }
        }
      }
    }
    Path m = out.resolve("manifests/run_date=" + DATE + ".json");
    if (Files.exists(m)) {
      files.put("manifest", Files.readAllBytes(m));
    }
    return files;
  }

  static void assertSame(Map<String, byte[]> before, Map<String, byte[]> after) {
    assertEquals(before.keySet(), after.keySet());
    before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
  }

  @ParameterizedTest(name = "a failure at {0} keeps the earlier publication")
  @EnumSource(Step.class)
  void aFailureInAnyStepKeepsTheEarlierPublication(Step step) throws IOException {
    String stage = step.key();
    Path out = published("fail-" + stage);
    // outputs of the stages before the failure are staged, never visible
    Map<String, byte[]> before = snapshot(out);
    System.setProperty(FaultInjection.FAIL, stage);
    try {
      assertEquals(
          1, NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(inputs, out, DATE, config)));
    } finally {
      System.clearProperty(FaultInjection.FAIL);
    }
    assertTrue(
        NightlyJobEndToEndTest.lastErr.contains("injected failure at stage " + stage),
        NightlyJobEndToEndTest.lastErr);
    assertSame(before, snapshot(out));
    try (Stream<Path> s = Files.list(out.resolve("manifests/failed"))) {
      assertEquals(
          1, s.filter(f -> f.toString().endsWith(".json")).count(), "one failure manifest");
    }
  }

  @Test
  void aKillDuringTheWriteStepLeavesTheEarlierPublicationAndTheNextRunCleansUp() throws Exception {
    Path out = published("kill-write");
    Map<String, byte[]> before = snapshot(out);
    // while that run holds the output, a second run on it is turned away at once, naming it
    killAt(
        "quarantine",
        out,
        pid -> {
          long t0 = System.nanoTime();
          assertEquals(
              4,
              NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(inputs, out, DATE, config)));
          String err = NightlyJobEndToEndTest.lastErr;
          assertTrue(err.startsWith("nightly: output_locked: another run holds the output"), err);
          assertTrue(err.contains("process " + pid + ", started "), err);
          assertEquals(1, err.lines().count(), "one line: " + err);
          assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "at once");
        });
    assertSame(before, snapshot(out));
    assertTrue(
        Files.exists(out.resolve("_staging")), "the killed attempt's staging is left behind");
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(inputs, out, DATE, config)),
        NightlyJobEndToEndTest.lastErr);
    try (Stream<Path> s = Files.list(out.resolve("_staging"))) {
      assertEquals(0, s.count(), "the next run removed the stale staging");
    }
  }

  @Test
  void aKillWhilePartitionsAreSwappedIsCompletedByTheNextRun() throws Exception {
    Path out = published("kill-swap");
    List<Map<String, Object>> expected = NightlyJobEndToEndTest.targets(out, DATE);
    killAt("publish_swap", out);
    // targets were swapped, the rest not yet: the date has no manifest, so no reader trusts it
    assertFalse(Files.exists(out.resolve("manifests/run_date=" + DATE + ".json")));
    assertTrue(Files.exists(out.resolve("_publishing/run_date=" + DATE + ".json")));
    // the next run, of another date, first completes the interrupted publication
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(inputs, out, "2026-11-21", config)),
        NightlyJobEndToEndTest.lastErr);
    assertTrue(Files.exists(out.resolve("manifests/run_date=" + DATE + ".json")));
    assertFalse(Files.exists(out.resolve("_publishing/run_date=" + DATE + ".json")));
    // the completed publication is the killed attempt's: the same rows as the first run's
    assertEquals(expected, NightlyJobEndToEndTest.targets(out, DATE));
    for (String o : Outputs.ALL) {
      assertTrue(Files.isDirectory(out.resolve(o + "/run_date=" + DATE)), o);
    }
  }

  /** Runs the job in its own JVM, waits until it pauses at {@code stage}, and kills it (-9). */
  static void killAt(String stage, Path out) throws Exception {
    killAt(stage, out, pid -> {});
  }

  /** What a test does while the job's own JVM (its process id given) is paused. */
  interface WhilePaused {
    void accept(long pid) throws Exception;
  }

  /**
   * Runs the job in its own JVM, waits until it pauses at {@code stage}, does what the test does
   * meanwhile, and kills it (-9).
   */
  static void killAt(String stage, Path out, WhilePaused meanwhile) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-")
          || a.startsWith("-XX:+Ignore")
          || a.startsWith("-Djdk.")
          || a.startsWith("-Dio.netty")) {
        cmd.add(a);
      }
    }
    cmd.addAll(
        List.of(
            "-Xmx1g",
            // C1 alone: a short run ends before C2's compilations pay off
            "-XX:TieredStopAtLevel=1",
            "-Dspark.master=local[1]",
            "-Dspark.ui.enabled=false",
            "-Dspark.sql.shuffle.partitions=2",
            "-D" + FaultInjection.PAUSE + "=" + stage,
            "-cp",
            System.getProperty("java.class.path"),
            "org.oppmatch.NightlyJob"));
    cmd.addAll(List.of(NightlyJobEndToEndTest.args(inputs, out, DATE, config)));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    boolean paused = false;
    StringBuilder log = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        log.append(line).append('\n');
        if (line.contains("paused at " + stage)) {
          paused = true;
          try {
            meanwhile.accept(p.pid());
          } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
          }
          break;
        }
      }
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertTrue(paused, "the job reached " + stage + ":\n" + log);
    assertEquals(137, p.exitValue(), "killed by SIGKILL");
  }
}
