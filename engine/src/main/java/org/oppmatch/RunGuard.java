package org.oppmatch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.SparkContext;

/**
 * Makes a run that meets a fatal error end, with exit code 1 and a failure manifest where one can
 * still be written: a run must never sit at 0% CPU for a scheduler to wait on all night.
 *
 * <ul>
 *   <li>An error of the virtual machine (out of memory) in a thread of Spark's (a task result being
 *       read, say) kills that thread, and the job it served would wait for it for ever: the run's
 *       Spark jobs are cancelled, so the run fails the usual way, with the error as its reason.
 *   <li>A process that exits before the run ended (Spark exits with 52 when a task runs out of
 *       memory in local mode; a scheduler's SIGTERM) writes the failure manifest and exits with 1.
 * </ul>
 *
 * Installed by {@link NightlyJob#main} only: tests and notebooks that run the job in a JVM of their
 * own keep their own handlers.
 */
final class RunGuard {
  /** How long the run may take to fail once its jobs are cancelled, before the process exits. */
  static final long GRACE_SECONDS = 60;

  /** A system property that sets another grace than {@link #GRACE_SECONDS} (tests). */
  static final String GRACE_PROPERTY = "oppmatch.guard.grace-seconds";

  /** How long an exit waits for the run to fail by itself, before it says so for the run. */
  private static final long MAIN_SECONDS = 10;

  /** Hadoop's shutdown hook priorities: Spark's hooks run at 40, file systems close at 10. */
  private static final int BEFORE_SPARK = 50;

  private static final int AFTER_SPARK = 20;

  private static volatile RunGuard installed;

  private final List<Consumer<Throwable>> onAbort = new CopyOnWriteArrayList<>();
  private final CountDownLatch fatalSeen = new CountDownLatch(1);
  private volatile SparkContext spark;
  private volatile Throwable fatal;
  private volatile boolean mainDied;
  private volatile boolean ended;
  private volatile int decided;

  private RunGuard() {}

  /** Installs the guard for the run this process makes: first thing, before Spark starts. */
  static void install() {
    RunGuard g = new RunGuard();
    // made now, while memory is there: after an OutOfMemoryError a new thread may not be
    Thread watchdog = new Thread(g::afterFatal, "run-guard");
    watchdog.setDaemon(true);
    watchdog.start();
    Thread.setDefaultUncaughtExceptionHandler(g::uncaught);
    org.apache.hadoop.util.ShutdownHookManager.get()
        .addShutdownHook(g::beforeSparkStops, BEFORE_SPARK);
    org.apache.hadoop.util.ShutdownHookManager.get()
        .addShutdownHook(g::afterSparkStopped, AFTER_SPARK);
    installed = g;
  }

  /** The session's context, whose jobs a fatal error in another thread cancels. */
  static void session(SparkContext spark) {
    RunGuard g = installed;
    if (g != null) {
      g.spark = spark;
    }
  }

  /**
   * What to do when the process ends before the run did (write the failure manifest, release the
   * lock): called with the error, or with a description of the exit. No-op without a guard.
   */
  static void onAbort(Consumer<Throwable> action) {
    RunGuard g = installed;
    if (g != null) {
      g.onAbort.add(action);
    }
  }

  /** The run ended and its exit code is decided: nothing more to guard. */
  static void ended(int exitCode) {
    RunGuard g = installed;
    if (g != null) {
      g.decided = exitCode;
      g.ended = true;
    }
  }

  /**
   * The failure to report for an exception the run ended with: the fatal error of another thread
   * when there was one (the run's jobs were cancelled because of it), a fatal error of this thread
   * said in words, else the exception itself.
   */
  static Throwable cause(Throwable e) {
    RunGuard g = installed;
    if (g != null && g.fatal != null) {
      return g.fatal;
    }
    if (e instanceof VirtualMachineError) {
      return new FatalError(describe(e, "thread " + Thread.currentThread().getName()), e);
    }
    // a Spark job failed because a task ran out of memory, or the driver had no room left for a
    // task's result
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof OutOfMemoryError oom) {
        return new FatalError(describe(oom, "a Spark task"), e);
      }
      if (String.valueOf(c.getMessage()).contains("TaskResultLost")) {
        return new FatalError(
            "out of memory: the driver lost a task's result (TaskResultLost)" + MORE_MEMORY, e);
      }
    }
    return e;
  }

  /** A one-line description of a fatal error, as stderr and the failure manifest give it. */
  static String describe(Throwable e, String where) {
    String what = e instanceof OutOfMemoryError ? "out of memory" : e.getClass().getSimpleName();
    return what
        + (where == null ? "" : " in " + where)
        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")")
        + (e instanceof OutOfMemoryError ? MORE_MEMORY : "");
  }

  private static final String MORE_MEMORY =
      ": give the driver more memory (NIGHTLY_DRIVER_MEMORY, spark-submit --driver-memory)";

  private void uncaught(Thread t, Throwable e) {
    if (!(e instanceof VirtualMachineError)) {
      System.err.println("Exception in thread \"" + t.getName() + "\" " + e);
      e.printStackTrace();
      return;
    }
    if (fatal == null) {
      FatalError f = new FatalError(describe(e, "thread " + t.getName()), e);
      // said at once: the run's own report may never come
      System.err.println("nightly: failed: " + f.getMessage());
      f.reported = true;
      mainDied = t.getName().equals("main");
      fatal = f;
      fatalSeen.countDown();
    }
  }

  /** After a fatal error: cancel the run's jobs, give it time to fail, then end the process. */
  private void afterFatal() {
    try {
      fatalSeen.await();
      SparkContext sc = spark;
      if (sc != null && !mainDied) {
        sc.cancelAllJobs();
      }
      long grace = mainDied ? 0 : Long.getLong(GRACE_PROPERTY, GRACE_SECONDS);
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(grace);
      while (!ended && System.nanoTime() < until) {
        Thread.sleep(200);
      }
      if (!ended) {
        System.exit(1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable e) {
      Runtime.getRuntime().halt(1);
    }
  }

  /** While the file systems are open: the failure manifest of a run cut short, the lock freed. */
  private void beforeSparkStops() {
    // an exit begun by Spark for a task out of memory fails the run's job too: the run says why
    // itself, in a moment
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(MAIN_SECONDS);
    while (!ended && System.nanoTime() < until) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (ended) {
      return;
    }
    Throwable why =
        fatal != null
            ? fatal
            : new FatalError(
                "the process is exiting before the run ended (killed, or Spark exited)", null);
    for (Consumer<Throwable> a : onAbort) {
      try {
        a.accept(why);
      } catch (Throwable ignored) {
        // the next action may still succeed; the exit code says the run failed either way
      }
    }
  }

  /**
   * Once Spark has stopped: a run cut short exits with 1, and a failed run with its own code even
   * when another thread began the exit (Spark exits with 52 when a task runs out of memory).
   */
  private void afterSparkStopped() {
    if (!ended) {
      Runtime.getRuntime().halt(1);
    } else if (decided != 0) {
      Runtime.getRuntime().halt(decided);
    }
  }

  /** A fatal error of the virtual machine, as the run reports it. */
  static final class FatalError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Already on stderr. */
    volatile boolean reported;

    FatalError(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
