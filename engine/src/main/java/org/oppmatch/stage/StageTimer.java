package org.oppmatch.stage;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.oppmatch.publish.FaultInjection;

/** Times the steps of a run, prints progress, and keeps the figures for the manifest. */
public final class StageTimer {
  /** One finished stage: its name, wall time and the rows it produced (-1 when not counted). */
  public record Stage(String name, long millis, long rows) {}

  private final List<Stage> stages = new ArrayList<>();
  private final PrintStream progress;
  private final long start = System.nanoTime();

  public StageTimer(PrintStream progress) {
    this.progress = progress;
  }

  /**
   * Runs a step and records its time; a result that is a row count ({@code Long}) is recorded as
   * the step's rows. A test's injected failure for the step happens as it starts.
   */
  public <T> T timed(Step step, Supplier<T> work) {
    FaultInjection.at(step.key());
    long t0 = System.nanoTime();
    T result = work.get();
    record(step, (System.nanoTime() - t0) / 1_000_000, result instanceof Long n ? n : -1);
    return result;
  }

  /** Records a step timed by its caller, with the rows it produced (-1 when not counted). */
  public void record(Step step, long millis, long rows) {
    String name = step.key();
    stages.add(new Stage(name, millis, rows));
    progress.printf(
        Locale.ROOT,
        "[nightly] %-22s %12s rows %8.1f s   (%.1f s elapsed)%n",
        name,
        rows < 0 ? "-" : String.format(Locale.ROOT, "%,d", rows),
        millis / 1000.0,
        (System.nanoTime() - start) / 1e9);
    progress.flush();
  }

  public List<Stage> stages() {
    return List.copyOf(stages);
  }

  public long elapsedMillis() {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
