package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.testing.Duck;
import org.oppmatch.testing.SharedSpark;

/** The nightly job on the bundled sample: every planted bad row, and only those, is quarantined. */
class SampleRunTest {
  static final Path SAMPLE = Path.of("data/sample");
  static final String DATE = "2026-11-20";

  @TempDir static Path out;
  static int exit;
  static String err;

  @BeforeAll
  static void runSample() {
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    exit =
        NightlyJob.execute(
            SharedSpark.get(),
            new String[] {
              "--inputs", SAMPLE.toString(), "--output", out.toString(), "--run-date", DATE
            },
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(e));
    err = e.toString();
  }

  @Test
  void theQuarantineHoldsExactlyThePlantedRows() throws IOException {
    assertEquals(0, exit, err);
    Map<Long, String> planted = new TreeMap<>();
    for (String line : Files.readAllLines(SAMPLE.resolve("planted-bad-rows.csv")).subList(1, 31)) {
      String[] f = line.split(",");
      planted.put(Long.parseLong(f[0]), f[2]);
    }
    Map<Long, String> quarantined = new TreeMap<>();
    for (Map<String, Object> r :
        Duck.query(
            "select row_number, rule from "
                + Duck.parquet(out.resolve("quarantine/run_date=" + DATE))
                + " where input = 'enterprises'")) {
      quarantined.put(((Number) r.get("row_number")).longValue(), (String) r.get("rule"));
    }
    assertEquals(planted, quarantined);
    JsonNode m =
        new ObjectMapper().readTree(out.resolve("manifests/run_date=" + DATE + ".json").toFile());
    assertEquals(5000, m.at("/inputs/enterprises/rows_read").asLong());
    assertEquals(4970, m.at("/inputs/enterprises/accepted").asLong());
    for (String t : List.of("zones", "chain_nodes", "zone_chain", "opportunities")) {
      assertEquals(0, m.at("/inputs/" + t + "/quarantined").asLong(), t);
    }
  }

  @Test
  void listsCoverTheZonesAndSkipExpiredOpportunities() throws IOException {
    List<Map<String, Object>> perZone =
        Duck.query(
            "select zone_id, count(*) n, max(rank) r from "
                + Duck.parquet(out.resolve("targets/run_date=" + DATE))
                + " group by zone_id");
    assertTrue(perZone.size() >= 40, "leads in most of the 51 zones: " + perZone.size());
    perZone.forEach(
        z ->
            assertEquals(
                ((Number) z.get("n")).longValue(),
                ((Number) z.get("r")).longValue(),
                "ranks 1..n"));
    Set<String> expired =
        Files.readAllLines(SAMPLE.resolve("opportunities.jsonl")).stream()
            .map(SampleRunTest::json)
            .filter(
                o ->
                    o.hasNonNull("deadline")
                        && LocalDate.parse(o.get("deadline").asText())
                            .isBefore(LocalDate.parse(DATE)))
            .map(o -> o.get("opportunity_id").asText())
            .collect(Collectors.toSet());
    assertEquals(9, expired.size());
    List<Map<String, Object>> matched =
        Duck.query(
            "select distinct opportunity_id from "
                + Duck.parquet(out.resolve("opportunity_matches/run_date=" + DATE)));
    assertTrue(matched.size() > 40, "most open opportunities find enterprises: " + matched.size());
    matched.forEach(r -> assertTrue(!expired.contains(r.get("opportunity_id")), r.toString()));
  }

  private static JsonNode json(String line) {
    try {
      return new ObjectMapper().readTree(line);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
