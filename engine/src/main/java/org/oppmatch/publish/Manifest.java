package org.oppmatch.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.oppmatch.stage.StageTimer;

/**
 * The run manifest: run date, configuration and its hash, input counts accepted and quarantined by
 * rule, output counts, stage timings, engine version and status. Written last; its presence with
 * status succeeded marks the run's outputs complete.
 */
public final class Manifest {
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Counts of one input table. */
  public record InputCounts(
      String location,
      String format,
      long rowsRead,
      long accepted,
      long quarantined,
      Map<String, Long> quarantinedByRule,
      double quarantineShare,
      Map<String, String> encodings) {}

  private final LocalDate runDate;
  private final String attempt;
  private final Instant startedAt;
  private String configJson;
  private String configHash;
  private final Map<String, InputCounts> inputs = new LinkedHashMap<>();
  private final Map<String, Long> outputs = new LinkedHashMap<>();
  private final Map<String, Object> extra = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> inputDetails = new LinkedHashMap<>();
  private StageTimer timer;

  public Manifest(LocalDate runDate, String attempt, Instant startedAt) {
    this.runDate = runDate;
    this.attempt = attempt;
    this.startedAt = startedAt;
  }

  public void config(String json, String hash) {
    this.configJson = json;
    this.configHash = hash;
  }

  public void input(String table, InputCounts counts) {
    inputs.put(table, counts);
  }

  public void output(String name, long rows) {
    outputs.put(name, rows);
  }

  /**
   * A figure of one input known after its counts (the enterprises' inactive firms: version 3),
   * written beside them.
   */
  public void inputDetail(String table, String key, Object value) {
    inputDetails.computeIfAbsent(table, t -> new LinkedHashMap<>()).put(key, value);
  }

  /** Anything else worth recording (e.g. the previous run compared with). */
  public void put(String key, Object value) {
    extra.put(key, value);
  }

  public void stages(StageTimer timer) {
    this.timer = timer;
  }

  public Map<String, InputCounts> inputs() {
    return inputs;
  }

  /**
   * Fails the run (exit code 3, input contract) when any input's quarantined share is above the
   * limit, naming each such input with its counts by rule.
   */
  public void checkQuarantineShares(double limit) {
    List<String> over = new ArrayList<>();
    inputs.forEach(
        (name, c) -> {
          if (c.quarantineShare() > limit) {
            over.add(
                String.format(
                    java.util.Locale.ROOT,
                    "%s: %d of %d rows quarantined (%.2f%%) %s",
                    c.location(),
                    c.quarantined(),
                    c.rowsRead(),
                    100 * c.quarantineShare(),
                    c.quarantinedByRule()));
          }
        });
    if (!over.isEmpty()) {
      throw org.oppmatch.JobFailure.inputContract(
          "quarantine share above the limit of " + (100 * limit) + "%: " + String.join("; ", over));
    }
  }

  /** An input's counts from its accepted rows and its quarantined rows by (first) rule. */
  public static InputCounts counts(
      String location, String format, long accepted, Map<String, Long> quarantinedByRule) {
    return counts(location, format, accepted, quarantinedByRule, Map.of());
  }

  /**
   * An input's counts, with the encoding each of its text files was read in (file to encoding,
   * empty for Parquet).
   */
  public static InputCounts counts(
      String location,
      String format,
      long accepted,
      Map<String, Long> quarantinedByRule,
      Map<String, String> encodings) {
    long quarantined = quarantinedByRule.values().stream().mapToLong(Long::longValue).sum();
    long read = accepted + quarantined;
    return new InputCounts(
        location,
        format,
        read,
        accepted,
        quarantined,
        new java.util.TreeMap<>(quarantinedByRule),
        read == 0 ? 0.0 : (double) quarantined / read,
        new java.util.TreeMap<>(encodings));
  }

  /** The manifest as JSON with the given status and, for a failure, its kind and reason. */
  public String toJson(String status, String failureKind, String reason) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("run_date", runDate.toString());
    root.put("status", status);
    if (reason != null) {
      ObjectNode f = root.putObject("failure");
      f.put("kind", failureKind);
      f.put("reason", reason);
    }
    root.put("attempt", attempt);
    root.put("started_at", startedAt.toString());
    root.put("finished_at", Instant.now().toString());
    ObjectNode engine = root.putObject("engine");
    engine.put("name", "opportunity-engine");
    engine.put("version", engineVersion());
    engine.put("spark_version", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    root.put("config_hash", configHash);
    try {
      root.set("config", configJson == null ? null : MAPPER.readTree(configJson));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    ObjectNode in = root.putObject("inputs");
    inputs.forEach(
        (name, c) -> {
          ObjectNode n = in.putObject(name);
          n.put("location", c.location());
          n.put("format", c.format());
          n.put("rows_read", c.rowsRead());
          n.put("accepted", c.accepted());
          n.put("quarantined", c.quarantined());
          n.put("quarantine_share", c.quarantineShare());
          ObjectNode byRule = n.putObject("quarantined_by_rule");
          c.quarantinedByRule().forEach(byRule::put);
          if (!c.encodings().isEmpty()) {
            ObjectNode enc = n.putObject("encodings");
            c.encodings().forEach(enc::put);
          }
          inputDetails
              .getOrDefault(name, Map.of())
              .forEach((k, v) -> n.set(k, MAPPER.valueToTree(v)));
        });
    ObjectNode out = root.putObject("outputs");
    outputs.forEach(out::put);
    if (timer != null) {
      var arr = root.putArray("stages");
      for (StageTimer.Stage s : timer.stages()) {
        ObjectNode n = arr.addObject();
        n.put("name", s.name());
        n.put("millis", s.millis());
        if (s.rows() >= 0) {
          n.put("rows", s.rows());
        }
      }
      root.put("total_millis", timer.elapsedMillis());
    }
    extra.forEach((k, v) -> root.set(k, MAPPER.valueToTree(v)));
    try {
      return MAPPER.writeValueAsString(root);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether the manifest file at {@code p} records a succeeded run. */
  public static boolean isSucceeded(FileSystem fs, Path p) {
    try (InputStream in = fs.open(p)) {
      return SUCCEEDED.equals(MAPPER.readTree(in).path("status").asText());
    } catch (IOException e) {
      return false;
    }
  }

  /** The engine version from the jar's build properties. */
  public static String engineVersion() {
    try (InputStream in = Manifest.class.getResourceAsStream("/oppmatch-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return Optional.ofNullable(p.getProperty("version")).orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
