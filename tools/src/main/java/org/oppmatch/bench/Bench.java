package org.oppmatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark, started by {@code jobs/bench}: at each size, on the same generated files, the
 * nightly job (its own JVM through jobs/nightly), the naive baseline, the DuckDB peer and the I/O
 * floor, each measured from outside (wall time, peak RSS, heap from GC logs, load average); then
 * report.json and report.md with the ratios and the engine's targets.
 *
 * <p>Every measured size is kept in {@code OUT/results.json}, so a later invocation (e.g. only
 * {@code --sizes 10m}) adds to the same report; {@code --fresh} starts over.
 */
public final class Bench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Options o;
  private final List<String> sparkFlags;
  private final String classpath;

  private Bench(Options o) {
    this.o = o;
    String flags = System.getenv().getOrDefault("BENCH_SPARK_FLAGS", "");
    this.sparkFlags = flags.isBlank() ? List.of() : Arrays.asList(flags.trim().split("\\s+"));
    this.classpath = System.getProperty("java.class.path");
  }

  /** Command-line options of jobs/bench. */
  record Options(
      Path root,
      Path out,
      List<String> sizes,
      boolean skipNaive,
      boolean skipDuckdb,
      boolean skipFloor,
      boolean skipSkew,
      boolean fresh,
      long seed,
      double skew,
      String skewSize,
      long naiveMax,
      int naiveTimeout,
      int jobTimeout,
      String driverMemory,
      String runDate,
      String command) {

    static Options parse(String[] argv) {
      Map<String, String> m = new LinkedHashMap<>();
      List<String> flags = List.of("skip-naive", "skip-duckdb", "skip-floor", "skip-skew", "fresh");
      for (int i = 0; i < argv.length; i++) {
        String a = argv[i];
        if (!a.startsWith("--")) {
          throw new IllegalArgumentException("unexpected argument " + a);
        }
        String k = a.substring(2);
        if (flags.contains(k)) {
          m.put(k, "true");
        } else if (i + 1 < argv.length) {
          m.put(k, argv[++i]);
        } else {
          throw new IllegalArgumentException("missing value for " + a);
        }
      }
      List<String> known =
          new ArrayList<>(
              List.of(
                  "root",
                  "out",
                  "sizes",
                  "seed",
                  "skew",
                  "skew-size",
                  "naive-max",
                  "naive-timeout",
                  "job-timeout",
                  "driver-memory",
                  "run-date",
                  "command"));
      known.addAll(flags);
      for (String k : m.keySet()) {
        if (!known.contains(k)) {
          throw new IllegalArgumentException("unknown option --" + k);
        }
      }
      return new Options(
          Path.of(m.getOrDefault("root", ".")).toAbsolutePath(),
          Path.of(m.getOrDefault("out", "target/bench")).toAbsolutePath(),
          List.of(m.getOrDefault("sizes", "100k,1m,10m").split(",")),
          m.containsKey("skip-naive"),
          m.containsKey("skip-duckdb"),
          m.containsKey("skip-floor"),
          m.containsKey("skip-skew"),
          m.containsKey("fresh"),
          Long.parseLong(m.getOrDefault("seed", "7")),
          Double.parseDouble(m.getOrDefault("skew", "0.3")),
          m.getOrDefault("skew-size", "1m"),
          GenerateNational.parseCount(m.getOrDefault("naive-max", "1m")),
          Integer.parseInt(m.getOrDefault("naive-timeout", "900")),
          Integer.parseInt(m.getOrDefault("job-timeout", "3600")),
          m.getOrDefault("driver-memory", "8g"),
          m.getOrDefault("run-date", "2026-11-20"),
          m.getOrDefault("command", "jobs/bench " + String.join(" ", argv)));
    }
  }

  public static void main(String[] argv) throws Exception {
    Options o;
    try {
      o = Options.parse(argv);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    new Bench(o).run();
  }

  private void run() throws IOException, InterruptedException {
    Files.createDirectories(o.out());
    Path resultsFile = o.out().resolve("results.json");
    ObjectNode results =
        !o.fresh() && Files.exists(resultsFile)
            ? (ObjectNode) JSON.readTree(resultsFile.toFile())
            : JSON.createObjectNode();
    ObjectNode sizes =
        results.has("sizes") ? (ObjectNode) results.get("sizes") : results.putObject("sizes");
    for (String size : o.sizes()) {
      long count = GenerateNational.parseCount(size);
      ObjectNode r = measureSize(size, count, 0.0);
      if (!o.skipSkew() && count == GenerateNational.parseCount(o.skewSize()) && o.skew() > 0) {
        r.set("skewed", measureSkew(size, count));
      }
      sizes.set(size.toLowerCase(Locale.ROOT), r);
      results.set("machine", Machine.describe());
      Files.writeString(
          resultsFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
      BenchReport.write(results, o.out());
    }
    System.out.println("[bench] report: " + o.out().resolve("report.md"));
  }

  private ObjectNode measureSize(String label, long count, double skew)
      throws IOException, InterruptedException {
    ObjectNode r = JSON.createObjectNode();
    r.put("label", label);
    r.put("enterprises", count);
    r.put("command", o.command());
    r.put("measured_at", Instant.now().toString());
    r.put("master", "local[2]");
    r.put("driver_memory", o.driverMemory());
    Path data = generate(label, count, skew, r);
    ObjectNode job = nightly(label, data);
    r.set("nightly", job);
    long targets = job.path("outputs").path("targets").asLong(0);
    Path runs = o.out().resolve("runs").resolve(label);
    if (o.skipNaive()) {
      r.putObject("naive").put("skipped", "--skip-naive");
    } else if (count > o.naiveMax()) {
      r.putObject("naive")
          .put(
              "skipped",
              "above --naive-max " + o.naiveMax() + " (a cross join this size is hopeless)");
    } else {
      r.set(
          "naive",
          sparkMain(
              "naive",
              runs,
              NaiveBaseline.class.getName(),
              o.naiveTimeout(),
              "--inputs",
              data.toString(),
              "--output",
              runs.resolve("naive-out").toString(),
              "--run-date",
              o.runDate()));
    }
    if (o.skipDuckdb()) {
      r.putObject("duckdb").put("skipped", "--skip-duckdb");
    } else {
      r.set("duckdb", duckdb(runs, data));
    }
    if (o.skipFloor()) {
      r.putObject("floor").put("skipped", "--skip-floor");
    } else {
      r.set(
          "floor",
          sparkMain(
              "floor",
              runs,
              IoFloor.class.getName(),
              o.jobTimeout(),
              "--inputs",
              data.toString(),
              "--output",
              runs.resolve("floor-out").toString(),
              "--rows",
              Long.toString(Math.max(1, targets))));
    }
    return r;
  }

  private ObjectNode measureSkew(String label, long count)
      throws IOException, InterruptedException {
    ObjectNode r = JSON.createObjectNode();
    String skewLabel = label + "-skew" + Math.round(o.skew() * 100);
    r.put("label", skewLabel);
    r.put("skew", o.skew());
    Path data = generate(skewLabel, count, o.skew(), r);
    r.set("nightly", nightly(skewLabel, data));
    return r;
  }

  /**
   * Generates the inputs unless the same count, seed and skew of this version of the generator are
   * already there.
   */
  private Path generate(String label, long count, double skew, ObjectNode r)
      throws IOException, InterruptedException {
    Path data = o.out().resolve("data").resolve(label);
    Path marker = data.resolve("_generated.json");
    if (Files.exists(marker)) {
      JsonNode g = JSON.readTree(marker.toFile());
      if (g.path("count").asLong() == count
          && g.path("seed").asLong() == o.seed()
          && Math.abs(g.path("skew").asDouble() - skew) < 1e-9
          && g.path("pool_version").asInt() == NationalPool.VERSION) {
        r.set("generated", g);
        r.put("generated_reused", true);
        System.out.println("[bench] " + label + ": reusing " + data);
        return data;
      }
    }
    System.out.println("[bench] " + label + ": generating " + count + " enterprises in " + data);
    List<String> cmd = new ArrayList<>(javaCommand("4g", null));
    cmd.addAll(
        List.of(
            GenerateNational.class.getName(),
            "--out",
            data.toString(),
            "--count",
            Long.toString(count),
            "--seed",
            Long.toString(o.seed()),
            "--sample",
            o.root().resolve("data/sample").toString()));
    if (skew > 0) {
      cmd.addAll(List.of("--skew", Double.toString(skew)));
    }
    ProcessProbe.Measured m =
        ProcessProbe.run(
            cmd, Map.of(), o.out().resolve("runs").resolve(label).resolve("generate.log"), null, 0);
    if (m.exitCode() != 0) {
      throw new IllegalStateException("generating " + label + " failed; see its generate.log");
    }
    JsonNode g = JSON.readTree(marker.toFile());
    r.set("generated", g);
    r.put("generated_reused", false);
    r.put("generate_wall_s", round1(m.wallSeconds()));
    return data;
  }

  private ObjectNode nightly(String label, Path data) throws IOException, InterruptedException {
    Path runs = o.out().resolve("runs").resolve(label);
    Path output = runs.resolve("nightly-out");
    deleteTree(output);
    Files.createDirectories(runs);
    Path gc = runs.resolve("nightly-gc.log");
    Files.deleteIfExists(gc);
    System.out.println("[bench] " + label + ": nightly job");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("NIGHTLY_MASTER", "local[2]");
    env.put("NIGHTLY_DRIVER_MEMORY", o.driverMemory());
    // the run's own Spark local dir, so its shuffle and spill files can be measured
    Path scratch = runs.resolve("spark-local");
    deleteTree(scratch);
    // Spark's event log, from which the run's Spark jobs and stages are counted
    Path events = runs.resolve("eventlog");
    deleteTree(events);
    Files.createDirectories(events);
    env.put(
        "NIGHTLY_JAVA_OPTS",
        (System.getenv().getOrDefault("NIGHTLY_JAVA_OPTS", "")
                + " -Xlog:gc:file="
                + gc
                + " -Dspark.local.dir="
                + scratch
                + " -Dspark.eventLog.enabled=true -Dspark.eventLog.compress=false"
                + " -Dspark.eventLog.dir="
                + events.toUri())
            .trim());
    ProcessProbe.Measured m =
        ProcessProbe.run(
            List.of(
                o.root().resolve("jobs/nightly").toString(),
                "--inputs",
                data.toString(),
                "--output",
                output.toString(),
                "--run-date",
                o.runDate()),
            env,
            runs.resolve("nightly.log"),
            gc,
            scratch,
            o.jobTimeout());
    deleteTree(scratch);
    ObjectNode n = measured(m);
    failure(runs.resolve("nightly.log")).ifPresent(f -> n.put("failure", f));
    EventLog.Counts counted = EventLog.count(events);
    n.put("spark_jobs", counted.jobs());
    n.put("spark_stages", counted.stages());
    n.put("java_opts", env.get("NIGHTLY_JAVA_OPTS"));
    Path manifest = output.resolve("manifests").resolve("run_date=" + o.runDate() + ".json");
    if (Files.exists(manifest)) {
      JsonNode man = JSON.readTree(manifest.toFile());
      n.put("status", man.path("status").asText());
      n.set("stages", man.path("stages"));
      n.set("outputs", man.path("outputs"));
      n.set("companies", man.path("companies"));
      n.put("total_millis", man.path("total_millis").asLong());
      ObjectNode q = n.putObject("quarantined");
      man.path("inputs")
          .fields()
          .forEachRemaining(e -> q.put(e.getKey(), e.getValue().path("quarantined").asLong()));
      n.put("spark_version", man.path("engine").path("spark_version").asText());
    } else {
      n.put("status", "no manifest (exit " + m.exitCode() + ")");
      n.set("stages", stagesFromLog(runs.resolve("nightly.log")));
    }
    return n;
  }

  /**
   * The job's one-line error ("nightly: LABEL: message", LABEL one of failed, bad_arguments,
   * input_contract_violated; progress lines start with "[nightly]"), without the prefix, cut to 300
   * characters.
   */
  static java.util.Optional<String> failure(Path log) throws IOException {
    if (!Files.exists(log)) {
      return java.util.Optional.empty();
    }
    String found = null;
    for (String line : Files.readAllLines(log)) {
      if (line.startsWith("nightly: ")) {
        found = line.substring("nightly: ".length()).trim();
      }
    }
    return java.util.Optional.ofNullable(found)
        .map(f -> f.length() > 300 ? f.substring(0, 300) + "..." : f);
  }

  /** The stages a run finished before it was stopped, from the job's progress lines. */
  private static ArrayNode stagesFromLog(Path log) throws IOException {
    ArrayNode stages = JSON.createArrayNode();
    java.util.regex.Pattern p =
        java.util.regex.Pattern.compile("^\\[nightly\\] (\\S+)\\s+([-0-9,]+) rows\\s+([0-9.]+) s");
    for (String line : Files.readAllLines(log)) {
      java.util.regex.Matcher m = p.matcher(line);
      if (m.find()) {
        ObjectNode st = stages.addObject();
        st.put("name", m.group(1));
        st.put("millis", Math.round(Double.parseDouble(m.group(3)) * 1000));
        if (!m.group(2).equals("-")) {
          st.put("rows", Long.parseLong(m.group(2).replace(",", "")));
        }
      }
    }
    return stages;
  }

  private ObjectNode sparkMain(
      String name, Path runs, String mainClass, int timeout, String... args)
      throws IOException, InterruptedException {
    System.out.println("[bench] " + runs.getFileName() + ": " + name);
    Path gc = runs.resolve(name + "-gc.log");
    Files.deleteIfExists(gc);
    List<String> cmd = new ArrayList<>(javaCommand(o.driverMemory(), gc));
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    ProcessProbe.Measured m =
        ProcessProbe.run(cmd, Map.of(), runs.resolve(name + ".log"), gc, timeout);
    ObjectNode n = measured(m);
    if (m.timedOut()) {
      n.put("note", "stopped at the time limit of " + timeout + " s: the real time is longer");
    }
    n.put("heap", "-Xmx" + o.driverMemory());
    return n;
  }

  private ObjectNode duckdb(Path runs, Path data) throws IOException, InterruptedException {
    System.out.println("[bench] " + runs.getFileName() + ": duckdb");
    Path out = runs.resolve("duckdb-targets.parquet");
    Files.deleteIfExists(out);
    List<String> cmd =
        new ArrayList<>(List.of("java", "-Xmx512m", "-cp", classpath, DuckDbPeer.class.getName()));
    cmd.addAll(
        List.of(
            "--inputs",
            data.toString(),
            "--output",
            out.toString(),
            "--run-date",
            o.runDate(),
            "--threads",
            "2"));
    ProcessProbe.Measured m =
        ProcessProbe.run(cmd, Map.of(), runs.resolve("duckdb.log"), null, o.jobTimeout());
    ObjectNode n = measured(m);
    n.put("threads", 2);
    n.put("heap", "-Xmx512m (DuckDB's memory is native: see peak RSS)");
    return n;
  }

  private List<String> javaCommand(String heap, Path gcLog) {
    List<String> cmd = new ArrayList<>();
    cmd.add("java");
    cmd.addAll(sparkFlags);
    cmd.add("-Xmx" + heap);
    if (gcLog != null) {
      cmd.add("-Xlog:gc:file=" + gcLog);
    }
    cmd.add("-Dlog4j2.configurationFile=" + o.root().resolve("jobs/conf/log4j2.properties"));
    cmd.add("-Dspark.master=local[2]");
    cmd.add("-Dspark.ui.enabled=false");
    cmd.add("-Dspark.sql.shuffle.partitions=16");
    cmd.add("-Dspark.sql.session.timeZone=UTC");
    cmd.add("-cp");
    cmd.add(classpath);
    return cmd;
  }

  private static ObjectNode measured(ProcessProbe.Measured m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("exit_code", m.exitCode());
    n.put("timed_out", m.timedOut());
    n.put("wall_s", round1(m.wallSeconds()));
    n.put("peak_rss_mb", Math.round(m.peakRssKb() / 1024.0));
    if (m.peakScratchBytes() >= 0) {
      n.put("peak_local_disk_mb", Math.round(m.peakScratchBytes() / 1048576.0));
    }
    if (m.minFreeBytes() >= 0) {
      n.put("min_free_disk_gb", round1(m.minFreeBytes() / 1073741824.0));
    }
    n.put("load1_before", m.load1Before());
    n.put("load1_after", m.load1After());
    if (m.gc() != null) {
      ObjectNode g = n.putObject("heap_mb");
      g.put("collections", m.gc().collections());
      g.put("peak_used_before_gc", Math.round(m.gc().maxBeforeMb()));
      g.put("peak_live_after_gc", Math.round(m.gc().maxAfterMb()));
      g.put("peak_committed", Math.round(m.gc().maxCommittedMb()));
    }
    return n;
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  /** The machine, as the report states it. */
  static final class Machine {
    private Machine() {}

    static ObjectNode describe() {
      ObjectNode m = JSON.createObjectNode();
      m.put("nproc", Runtime.getRuntime().availableProcessors());
      m.put("mem_total", firstValue("/proc/meminfo", "MemTotal"));
      m.put("cpu_model", firstValue("/proc/cpuinfo", "model name"));
      m.put(
          "jdk",
          System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
      m.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
      m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
      ArrayNode loads = m.putArray("load_average_at_report");
      try {
        for (String s : Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3)) {
          loads.add(s);
        }
      } catch (IOException e) {
        loads.add("unknown");
      }
      return m;
    }

    private static String firstValue(String file, String key) {
      try {
        for (String line : Files.readAllLines(Path.of(file))) {
          if (line.startsWith(key)) {
            return line.substring(line.indexOf(':') + 1).trim();
          }
        }
      } catch (IOException e) {
        return "unknown";
      }
      return "unknown";
    }
  }
}
