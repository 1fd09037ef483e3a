package org.oppmatch.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the run report takes from the run's manifest: status, versions, input and quarantine counts,
 * output counts, stage timings and the list thresholds. Missing fields read as empty, so an earlier
 * manifest without them still gives a report.
 */
public record RunSummary(
    String runDate,
    String status,
    String engineVersion,
    String sparkVersion,
    String configHash,
    double minScore,
    double tierA,
    double tierB,
    List<InputStat> inputs,
    Map<String, Long> outputs,
    List<StageStat> stages,
    long totalMillis) {

  /** One input table's counts. */
  public record InputStat(
      String name,
      String format,
      long rowsRead,
      long accepted,
      long quarantined,
      double quarantineShare,
      Map<String, Long> quarantinedByRule) {}

  /** One stage's wall time and the rows it produced (-1 when not counted). */
  public record StageStat(String name, long millis, long rows) {}

  public RunSummary {
    inputs = List.copyOf(inputs);
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    stages = List.copyOf(stages);
  }

  /** Reads the manifest JSON of publish/Manifest.java. */
  public static RunSummary fromManifest(JsonNode m) {
    List<InputStat> inputs = new ArrayList<>();
    m.path("inputs")
        .properties()
        .forEach(
            e -> {
              JsonNode n = e.getValue();
              Map<String, Long> byRule = new LinkedHashMap<>();
              n.path("quarantined_by_rule")
                  .properties()
                  .forEach(r -> byRule.put(r.getKey(), r.getValue().asLong()));
              inputs.add(
                  new InputStat(
                      e.getKey(),
                      n.path("format").asText(""),
                      n.path("rows_read").asLong(),
                      n.path("accepted").asLong(),
                      n.path("quarantined").asLong(),
                      n.path("quarantine_share").asDouble(),
                      byRule));
            });
    Map<String, Long> outputs = new LinkedHashMap<>();
    m.path("outputs").properties().forEach(e -> outputs.put(e.getKey(), e.getValue().asLong()));
    List<StageStat> stages = new ArrayList<>();
    for (JsonNode s : m.path("stages")) {
      stages.add(
          new StageStat(
              s.path("name").asText(""), s.path("millis").asLong(), s.path("rows").asLong(-1)));
    }
    JsonNode lists = m.path("config").path("lists");
    return new RunSummary(
        m.path("run_date").asText(""),
        m.path("status").asText(""),
        m.path("engine").path("version").asText(""),
        m.path("engine").path("spark_version").asText(""),
        m.path("config_hash").asText(""),
        lists.path("min_score").asDouble(25),
        lists.path("tier_a").asDouble(70),
        lists.path("tier_b").asDouble(50),
        inputs,
        outputs,
        stages,
        m.path("total_millis").asLong(stages.stream().mapToLong(StageStat::millis).sum()));
  }

  /** Quarantined rows by rule over all inputs, most frequent first. */
  public Map<String, Long> quarantineByRule() {
    Map<String, Long> sum = new LinkedHashMap<>();
    inputs.forEach(i -> i.quarantinedByRule().forEach((k, v) -> sum.merge(k, v, Long::sum)));
    Map<String, Long> sorted = new LinkedHashMap<>();
    sum.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}
