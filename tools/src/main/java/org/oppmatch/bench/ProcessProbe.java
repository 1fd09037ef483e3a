package org.oppmatch.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one benchmark process and measures it from outside: wall time, peak resident set (VmHWM of
 * /proc/PID/status, polled), the 1-minute load average before and after, and, from the JVM's {@code
 * -Xlog:gc} file, the heap before and after each collection. When given a scratch folder (the Spark
 * local dir of the run: shuffle files and spilled cache), also the peak size of that folder and the
 * least free space left on its file system, polled every two seconds: a run that needs more disk
 * than the machine has fails with "No space left on device", and the report says how close it came.
 */
final class ProcessProbe {
  private ProcessProbe() {}

  /** What one run measured; {@code timedOut} runs were stopped at the time limit. */
  record Measured(
      int exitCode,
      boolean timedOut,
      double wallSeconds,
      long peakRssKb,
      double load1Before,
      double load1After,
      GcStats gc,
      long peakScratchBytes,
      long minFreeBytes) {}

  /** Heap figures from a GC log, in MiB: peak used before a GC, peak live after, peak committed. */
  record GcStats(long collections, double maxBeforeMb, double maxAfterMb, double maxCommittedMb) {}

  private static final Pattern GC_LINE =
      Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

  static Measured run(
      List<String> command, Map<String, String> env, Path log, Path gcLog, int timeoutSeconds)
      throws IOException, InterruptedException {
    return run(command, env, log, gcLog, null, timeoutSeconds);
  }

  /** As above; {@code scratch} (may be null) is the folder whose size and free space are polled. */
  static Measured run(
      List<String> command,
      Map<String, String> env,
      Path log,
      Path gcLog,
      Path scratch,
      int timeoutSeconds)
      throws IOException, InterruptedException {
    Files.createDirectories(log.getParent());
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    double loadBefore = load1();
    long t0 = System.nanoTime();
    Process p = pb.start();
    long hwm = 0;
    long peakScratch = scratch == null ? -1 : 0;
    long minFree = scratch == null ? -1 : Long.MAX_VALUE;
    int polls = 0;
    boolean timedOut = false;
    while (!p.waitFor(250, TimeUnit.MILLISECONDS)) {
      hwm = Math.max(hwm, vmHwmKb(p.pid()));
      if (scratch != null && polls++ % 8 == 0) {
        peakScratch = Math.max(peakScratch, treeBytes(scratch));
        long free = usableBytes(scratch);
        if (free >= 0) {
          minFree = Math.min(minFree, free);
        }
      }
      if (timeoutSeconds > 0 && (System.nanoTime() - t0) / 1e9 > timeoutSeconds) {
        timedOut = true;
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly().waitFor();
        }
        break;
      }
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    return new Measured(
        timedOut ? -1 : p.exitValue(),
        timedOut,
        wall,
        hwm,
        loadBefore,
        load1(),
        gcLog == null ? null : gcStats(gcLog),
        peakScratch,
        minFree == Long.MAX_VALUE ? -1 : minFree);
  }

  /** Bytes of the regular files under a folder (0 when it does not exist yet). */
  static long treeBytes(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    long[] sum = {0};
    try (var files = Files.walk(dir)) {
      files.forEach(
          f -> {
            try {
              if (Files.isRegularFile(f)) {
                sum[0] += Files.size(f);
              }
            } catch (IOException e) {
              // a shuffle or spill file deleted between the listing and its size
            }
          });
    } catch (IOException | java.io.UncheckedIOException e) {
      // a folder deleted while walking: the sum so far
    }
    return sum[0];
  }

  /** Usable bytes on the file system of the folder (or of its nearest existing parent). */
  static long usableBytes(Path dir) {
    Path p = dir.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    try {
      return p == null ? -1 : Files.getFileStore(p).getUsableSpace();
    } catch (IOException e) {
      return -1;
    }
  }

  static double load1() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** VmHWM (peak resident set) of a live process in KiB, 0 when it cannot be read. */
  static long vmHwmKb(long pid) {
    File status = new File("/proc/" + pid + "/status");
    try {
      for (String line : Files.readAllLines(status.toPath())) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between two polls
    }
    return 0;
  }

  static GcStats gcStats(Path gcLog) {
    long n = 0;
    double before = 0;
    double after = 0;
    double committed = 0;
    try {
      if (!Files.exists(gcLog)) {
        return new GcStats(0, 0, 0, 0);
      }
      for (String line : Files.readAllLines(gcLog)) {
        Matcher m = GC_LINE.matcher(line);
        if (m.find()) {
          n++;
          before = Math.max(before, mb(m.group(1), m.group(2)));
          after = Math.max(after, mb(m.group(3), m.group(4)));
          committed = Math.max(committed, mb(m.group(5), m.group(6)));
        }
      }
    } catch (IOException e) {
      return new GcStats(0, 0, 0, 0);
    }
    return new GcStats(n, before, after, committed);
  }

  private static double mb(String value, String unit) {
    double v = Double.parseDouble(value);
    return switch (unit) {
      case "K" -> v / 1024;
      case "G" -> v * 1024;
      default -> v;
    };
  }
}
