package org.oppmatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oppmatch.sample.DuplicateKind;

/**
 * Writes report.json (the measurements, ratios and the engine's targets with pass or miss) and
 * report.md (the same as tables) from the benchmark's results.
 */
final class BenchReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchReport() {}

  static void write(ObjectNode results, Path out) throws IOException {
    ObjectNode report = results.deepCopy();
    ObjectNode sizes = (ObjectNode) report.path("sizes");
    for (Iterator<Map.Entry<String, JsonNode>> it = sizes.fields(); it.hasNext(); ) {
      ObjectNode s = (ObjectNode) it.next().getValue();
      s.set("ratios", ratios(s));
    }
    report.set("targets", targets(sizes));
    Files.writeString(
        out.resolve("report.json"),
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    Files.writeString(out.resolve("report.md"), markdown(report));
  }

  /** Wall time of a run when it finished and succeeded, else NaN. */
  static double wall(JsonNode run) {
    if (run == null
        || run.isMissingNode()
        || run.has("skipped")
        || run.path("timed_out").asBoolean()) {
      return Double.NaN;
    }
    return run.path("exit_code").asInt(-1) == 0 ? run.path("wall_s").asDouble() : Double.NaN;
  }

  private static ObjectNode ratios(JsonNode s) {
    ObjectNode r = JSON.createObjectNode();
    double job = wall(s.path("nightly"));
    put(r, "job_per_naive", job / wall(s.path("naive")));
    JsonNode naive = s.path("naive");
    if (naive.path("timed_out").asBoolean()) {
      r.put("job_per_naive_at_most", round2(job / naive.path("wall_s").asDouble()));
    }
    put(r, "job_per_duckdb", job / wall(s.path("duckdb")));
    put(r, "job_per_floor", job / wall(s.path("floor")));
    if (s.has("skewed")) {
      put(r, "skewed_per_unskewed", wall(s.path("skewed").path("nightly")) / job);
    }
    put(r, "enterprises_per_s", s.path("enterprises").asDouble() / job);
    return r;
  }

  private static void put(ObjectNode n, String key, double v) {
    if (Double.isFinite(v)) {
      n.put(key, round2(v));
    } else {
      n.putNull(key);
    }
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** The engine's targets (docs/performance.md): each with its measured figure, pass or miss. */
  private static ArrayNode targets(JsonNode sizes) {
    ArrayNode t = JSON.createArrayNode();
    JsonNode m1 = sizes.path("1m");
    JsonNode m10 = sizes.path("10m");
    double maxJobs = Double.NaN;
    StringBuilder counted = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = sizes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      for (JsonNode run :
          List.of(e.getValue().path("nightly"), e.getValue().path("skewed").path("nightly"))) {
        if (run.path("spark_jobs").asLong(-1) >= 0) {
          double v = run.path("spark_jobs").asDouble();
          maxJobs = Double.isNaN(maxJobs) ? v : Math.max(maxJobs, v);
        }
      }
      counted.append(e.getKey()).append(' ');
    }
    target(
        t,
        "Spark jobs per run <= 20 (event log; most of any run at "
            + counted.toString().trim()
            + ")",
        maxJobs,
        v -> v <= 20,
        "%.0f");
    double job1 = wall(m1.path("nightly"));
    double job10 = wall(m10.path("nightly"));
    target(t, "1M end to end <= 30 s", job1, v -> v <= 30, "%.1f s");
    target(t, "1M <= 5x the DuckDB peer", job1 / wall(m1.path("duckdb")), v -> v <= 5, "%.2fx");
    target(t, "10M end to end <= 4 min", job10, v -> v <= 240, "%.1f s");
    target(t, "10M <= 3x the DuckDB peer", job10 / wall(m10.path("duckdb")), v -> v <= 3, "%.2fx");
    target(t, "time(10M) / time(1M) <= 10", job10 / job1, v -> v <= 10, "%.2f");
    double maxLive = Double.NaN;
    StringBuilder where = new StringBuilder();
    for (Iterator<Map.Entry<String, JsonNode>> it = sizes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode heap = e.getValue().path("nightly").path("heap_mb");
      if (heap.has("peak_live_after_gc")) {
        double v = heap.path("peak_live_after_gc").asDouble();
        maxLive = Double.isNaN(maxLive) ? v : Math.max(maxLive, v);
        where
            .append(e.getKey())
            .append(' ')
            .append(e.getValue().path("driver_memory").asText(""))
            .append(' ');
      }
    }
    target(
        t,
        "heap <= 4 GiB (peak live heap after GC; sizes and -Xmx: " + where.toString().trim() + ")",
        maxLive,
        v -> v <= 4096,
        "%.0f MiB");
    target(
        t,
        "10M local disk <= 5 GB (peak of the run's Spark local dir)",
        m10.path("nightly").has("peak_local_disk_mb")
            ? m10.path("nightly").path("peak_local_disk_mb").asDouble()
            : Double.NaN,
        v -> v <= 5000,
        "%.0f MB");
    for (Iterator<Map.Entry<String, JsonNode>> it = sizes.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode s = e.getValue();
      if (s.has("skewed")) {
        target(
            t,
            "30% of enterprises on one code <= 1.3x the unskewed time at " + e.getKey(),
            wall(s.path("skewed").path("nightly")) / wall(s.path("nightly")),
            v -> v <= 1.3,
            "%.2fx");
      }
    }
    return t;
  }

  private static ObjectNode target(
      ArrayNode t, String name, double v, java.util.function.DoublePredicate ok, String fmt) {
    ObjectNode n = t.addObject();
    n.put("target", name);
    if (Double.isFinite(v)) {
      n.put("measured", String.format(Locale.ROOT, fmt, v));
      n.put("status", ok.test(v) ? "pass" : "miss");
    } else {
      n.put("measured", "not measured");
      n.put("status", "not measured");
    }
    return n;
  }

  // ---- Markdown --------------------------------------------------------------------------------

  static String markdown(JsonNode report) {
    StringBuilder md =
        new StringBuilder("# Benchmark: nightly job vs naive, DuckDB and the I/O floor\n\n");
    JsonNode m = report.path("machine");
    md.append(
        String.format(
            Locale.ROOT,
            "Machine: %s cores, %s, %s; %s; Spark %s; %s. Every Spark run local[2].%n%n",
            m.path("nproc").asText(),
            m.path("mem_total").asText(),
            m.path("cpu_model").asText(),
            m.path("jdk").asText(),
            m.path("spark").asText(),
            m.path("os").asText()));
    md.append(
        "Wall times are whole processes (JVM start-up included), measured from outside; the load"
            + " column is the 1-minute load average before / after the run (2 cores: above 2 the"
            + " machine was shared and times are inflated).\n\n");
    md.append("## Targets\n\n| target | measured | status |\n|---|---|---|\n");
    for (JsonNode t : report.path("targets")) {
      md.append("| ")
          .append(t.path("target").asText())
          .append(" | ")
          .append(t.path("measured").asText())
          .append(" | ")
          .append(t.path("status").asText())
          .append(" |\n");
    }
    md.append("\n## Nightly job\n\n")
        .append(
            "| size | wall s | sum of stages s | Spark jobs (stages) | enterprises/s | heap live after GC MiB (peak used, committed) | peak RSS MiB | peak local disk MiB (least free GiB) | targets | opportunity matches | quarantined | load |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    List<JsonNode> runs = new ArrayList<>();
    report.path("sizes").forEach(runs::add);
    for (JsonNode s : runs) {
      nightlyRow(md, s.path("label").asText(), s);
      if (s.has("skewed")) {
        nightlyRow(md, s.path("skewed").path("label").asText(), s.path("skewed"));
      }
    }
    md.append(
        "\n## Side by side\n\n| size | job s | naive s | DuckDB s | I/O floor s | job/naive | job/DuckDB | job/floor | load (job) |\n|---|---|---|---|---|---|---|---|---|\n");
    for (JsonNode s : runs) {
      JsonNode r = s.path("ratios");
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
              s.path("label").asText(),
              time(s.path("nightly")),
              time(s.path("naive")),
              time(s.path("duckdb")),
              time(s.path("floor")),
              r.path("job_per_naive").isNull()
                  ? (r.has("job_per_naive_at_most")
                      ? "<= " + r.path("job_per_naive_at_most").asText()
                      : "-")
                  : r.path("job_per_naive").asText(),
              r.path("job_per_duckdb").isNull() ? "-" : r.path("job_per_duckdb").asText(),
              r.path("job_per_floor").isNull() ? "-" : r.path("job_per_floor").asText(),
              load(s.path("nightly"))));
    }
    md.append("\n## Stage times of the nightly job (from its manifest), seconds\n\n");
    List<String> stageNames = new ArrayList<>();
    List<JsonNode> all = new ArrayList<>();
    for (JsonNode s : runs) {
      all.add(s);
      if (s.has("skewed")) {
        all.add(s.path("skewed"));
      }
    }
    for (JsonNode s : all) {
      for (JsonNode st : s.path("nightly").path("stages")) {
        if (!stageNames.contains(st.path("name").asText())) {
          stageNames.add(st.path("name").asText());
        }
      }
    }
    md.append("| stage |");
    all.forEach(s -> md.append(' ').append(s.path("label").asText()).append(" |"));
    md.append("\n|---|");
    all.forEach(s -> md.append("---|"));
    md.append('\n');
    for (String name : stageNames) {
      md.append("| ").append(name).append(" |");
      for (JsonNode s : all) {
        String v = "-";
        for (JsonNode st : s.path("nightly").path("stages")) {
          if (st.path("name").asText().equals(name)) {
            v = String.format(Locale.ROOT, "%.1f", st.path("millis").asDouble() / 1000);
          }
        }
        md.append(' ').append(v).append(" |");
      }
      md.append('\n');
    }
    md.append("| JVM, session and the rest (wall minus stages) |");
    for (JsonNode s : all) {
      JsonNode n = s.path("nightly");
      double stages = 0;
      for (JsonNode st : n.path("stages")) {
        stages += st.path("millis").asDouble() / 1000;
      }
      md.append(String.format(Locale.ROOT, " %.1f |", n.path("wall_s").asDouble() - stages));
    }
    md.append(
        "\n\n## Companies\n\nThe generated rows planted beside an earlier row (the same company"
            + " under a second id, or a look-alike and a branch that must stay apart) and what the"
            + " run's entity resolution made of the pool (manifest `companies`).\n\n"
            + "| size | rows | planted, same company | planted, look-alike or branch | companies |"
            + " merges |\n|---|---|---|---|---|---|\n");
    for (JsonNode s : all) {
      JsonNode planted = s.path("generated").path("planted");
      long same = 0;
      long apart = 0;
      for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) planted::fields) {
        if (DuplicateKind.byName(e.getKey()).orElseThrow().sameCompany()) {
          same += e.getValue().asLong();
        } else {
          apart += e.getValue().asLong();
        }
      }
      JsonNode c = s.path("nightly").path("companies");
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s |%n",
              s.path("label").asText(),
              count(c.path("rows")),
              planted.isMissingNode() ? "-" : String.format(Locale.ROOT, "%,d", same),
              planted.isMissingNode() ? "-" : String.format(Locale.ROOT, "%,d", apart),
              count(c.path("companies")),
              count(c.path("merges"))));
    }
    md.append("\n## Runs\n\n");
    for (JsonNode s : runs) {
      md.append("- ")
          .append(s.path("label").asText())
          .append(": measured ")
          .append(s.path("measured_at").asText())
          .append(" by `")
          .append(s.path("command").asText())
          .append("`; heaps: job and Spark peers -Xmx")
          .append(s.path("driver_memory").asText())
          .append(", DuckDB -Xmx512m (its memory is native); inputs ")
          .append(s.path("generated").path("count").asText())
          .append(" enterprises, ")
          .append(s.path("generated").path("opportunities").asText())
          .append(" opportunities, ")
          .append(s.path("generated").path("zones").asText())
          .append(" zones, seed ")
          .append(s.path("generated").path("seed").asText());
      if (s.path("nightly").has("failure")) {
        md.append("; the job stopped with ").append(s.path("nightly").path("failure").asText());
      }
      for (String peer : List.of("naive", "duckdb", "floor")) {
        JsonNode p = s.path(peer);
        if (p.has("skipped")) {
          md.append("; ").append(peer).append(" skipped: ").append(p.path("skipped").asText());
        } else if (p.has("note")) {
          md.append("; ").append(peer).append(": ").append(p.path("note").asText());
        }
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static String count(JsonNode n) {
    return n.isNumber() ? String.format(Locale.ROOT, "%,d", n.asLong()) : "-";
  }

  private static void nightlyRow(StringBuilder md, String label, JsonNode s) {
    JsonNode n = s.path("nightly");
    double stages = 0;
    for (JsonNode st : n.path("stages")) {
      stages += st.path("millis").asDouble() / 1000;
    }
    JsonNode h = n.path("heap_mb");
    long quarantined = 0;
    for (JsonNode q : n.path("quarantined")) {
      quarantined += q.asLong();
    }
    double w = wall(n);
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %s | %.1f | %s | %s | %d (%d, %d) | %d | %s | %s | %s | %d | %s |%n",
            label,
            time(n),
            stages,
            n.has("spark_jobs")
                ? n.path("spark_jobs").asLong() + " (" + n.path("spark_stages").asLong() + ")"
                : "-",
            Double.isFinite(w)
                ? String.format(
                    Locale.ROOT,
                    "%,.0f",
                    s.path("enterprises").asDouble(s.path("generated").path("count").asDouble())
                        / w)
                : "-",
            h.path("peak_live_after_gc").asLong(),
            h.path("peak_used_before_gc").asLong(),
            h.path("peak_committed").asLong(),
            n.path("peak_rss_mb").asLong(),
            n.has("peak_local_disk_mb")
                ? String.format(
                    Locale.ROOT,
                    "%d (%s)",
                    n.path("peak_local_disk_mb").asLong(),
                    n.path("min_free_disk_gb").asText("-"))
                : "not measured",
            n.path("outputs").path("targets").asText("-"),
            n.path("outputs").path("opportunity_matches").asText("-"),
            quarantined,
            load(n)));
  }

  private static String time(JsonNode run) {
    if (run.isMissingNode()) {
      return "-";
    }
    if (run.has("skipped")) {
      return "skipped";
    }
    if (run.path("timed_out").asBoolean()) {
      return "> " + run.path("wall_s").asText() + " (stopped)";
    }
    if (run.path("exit_code").asInt(-1) != 0) {
      return "failed (exit " + run.path("exit_code").asText() + ")";
    }
    return run.path("wall_s").asText();
  }

  private static String load(JsonNode run) {
    return run.has("load1_before")
        ? String.format(
            Locale.ROOT,
            "%.1f / %.1f",
            run.path("load1_before").asDouble(),
            run.path("load1_after").asDouble())
        : "-";
  }
}
