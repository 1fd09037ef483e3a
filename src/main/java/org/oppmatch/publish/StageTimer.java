package org.oppmatch.publish;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Times the named stages of a run, prints progress, and keeps the figures for the manifest. */
public final class StageTimer {
  /** One finished stage: its name, wall time and the rows it produced (-1 when not counted). */
  public record Stage(String name, long millis, long rows) {}

  private final List<Stage> stages = new ArrayList<>();
  private final PrintStream progress;
  private final long start = System.nanoTime();

  public StageTimer(PrintStream progress) {
    this.progress = progress;
  }

  /** Runs a stage that returns a row count, and records it. */
  public long time(String name, Supplier<Long> stage) {
    long t0 = System.nanoTime();
    long rows = stage.get();
    record(name, (System.nanoTime() - t0) / 1_000_000, rows);
    return rows;
  }

  /**
   * Runs a stage and records its time; a result that is a row count ({@code Long}) is recorded as
   * the stage's rows.
   */
  public <T> T timed(String name, Supplier<T> stage) {
    long t0 = System.nanoTime();
    T result = stage.get();
    record(name, (System.nanoTime() - t0) / 1_000_000, result instanceof Long n ? n : -1);
    return result;
  }

  public void record(String name, long millis, long rows) {
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
