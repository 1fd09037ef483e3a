package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.schema.InputTable;
import org.oppmatch.testing.Fixtures;

/**
 * The learned ranking on a history where the teams won every high-tech firm they talked to and lost
 * every other: the model ranks the new high-tech firms above listed ones the rules prefer; under
 * {@code ranking.mode: rules} the same inputs rank by the rules.
 */
class LearnedRankingEndToEndTest {
  static final String DATE = NightlyJobEndToEndTest.DATE;
  static final String ZONE = "Z_AERO";

  @TempDir static Path tmp;
  static Path learned;
  static Path ruled;

  static Map<String, String> firm(String id, String tags, String revenue) {
    return Fixtures.with(
        NightlyJobEndToEndTest.BASE,
        "enterprise_id",
        id,
        "name",
        id + "航空部件有限公司",
        "industry_codes",
        "3741",
        "tags",
        tags,
        "revenue_cny",
        revenue);
  }

  @BeforeAll
  static void runTwice() {
    Path in = tmp.resolve("in");
    NightlyJobEndToEndTest.writeInputs(in);
    List<Map<String, String>> rows = new ArrayList<>(NightlyJobEndToEndTest.enterprises());
    List<Map<String, String>> outcomes = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      rows.add(firm("WON" + i, "high_tech", String.valueOf(20_000_000 + i * 1_000_000)));
      outcomes.add(OutcomesAndCapacityTest.outcome("WON" + i, ZONE, "contacted", "2025-01-01"));
      outcomes.add(
          OutcomesAndCapacityTest.outcome(
              "WON" + i, ZONE, "signed", "2025-0" + (i % 9 + 1) + "-15"));
      rows.add(firm("LOST" + i, "", String.valueOf(20_000_000 + i * 1_000_000)));
      outcomes.add(OutcomesAndCapacityTest.outcome("LOST" + i, ZONE, "contacted", "2025-01-01"));
      outcomes.add(
          OutcomesAndCapacityTest.outcome(
              "LOST" + i, ZONE, "lost", "2025-0" + (i % 9 + 1) + "-20"));
    }
    // today's new firms: listed ones the rules rank higher, high-tech ones the history favours
    for (int i = 1; i <= 3; i++) {
      rows.add(firm("NEW_LISTED" + i, "listed", "900000000"));
      rows.add(firm("NEW_HT" + i, "high_tech", "30000000"));
    }
    Fixtures.write(in, "enterprises.csv", Fixtures.csv(InputTable.ENTERPRISES, rows));
    Fixtures.write(in, "outcomes.csv", Fixtures.csv(InputTable.OUTCOMES, outcomes));
    learned = tmp.resolve("learned");
    Path auto =
        Fixtures.write(
            tmp,
            "auto.json",
            "{\"quarantine_limit\": 0.4, \"ranking\": {\"min_positive_outcomes\": 10}}");
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(in, learned, DATE, auto)),
        NightlyJobEndToEndTest.lastErr);
    ruled = tmp.resolve("ruled");
    Path rules =
        Fixtures.write(
            tmp,
            "rules.json",
            "{\"quarantine_limit\": 0.4, \"ranking\": {\"mode\": \"rules\","
                + " \"min_positive_outcomes\": 10}}");
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(in, ruled, DATE, rules)),
        NightlyJobEndToEndTest.lastErr);
  }

  static List<Map<String, Object>> zoneList(Path out) {
    return NightlyJobEndToEndTest.targets(out, DATE).stream()
        .filter(r -> ZONE.equals(r.get("zone_id")))
        .sorted(java.util.Comparator.comparingInt(r -> ((Number) r.get("rank")).intValue()))
        .toList();
  }

  static List<String> newFirmsInOrder(Path out) {
    return zoneList(out).stream()
        .map(r -> (String) r.get("enterprise_id"))
        .filter(id -> id.startsWith("NEW_"))
        .toList();
  }

  @Test
  void theModelRanksWhatTheHistoryWonAboveWhatTheRulesPrefer() {
    List<String> byModel = newFirmsInOrder(learned);
    List<String> byRules = newFirmsInOrder(ruled);
    assertEquals(6, byModel.size(), byModel.toString());
    assertTrue(
        byRules.subList(0, 3).stream().allMatch(id -> id.startsWith("NEW_LISTED")),
        "the rules rank the listed firms first: " + byRules);
    assertTrue(
        byModel.subList(0, 3).stream().allMatch(id -> id.startsWith("NEW_HT")),
        "the model ranks the high-tech firms first: " + byModel);
  }

  @Test
  void theModelsViewIsBesideTheRulesScoreWhichStillSums() {
    double previous = Double.MAX_VALUE;
    for (Map<String, Object> r : zoneList(learned)) {
      assertNotNull(r.get("model_score"), r.toString());
      double m = ((Number) r.get("model_score")).doubleValue();
      assertTrue(m >= 0 && m <= 100, r.toString());
      if (r.get("engagement_stage") == null) {
        assertTrue(m <= previous, "ranked by the model's score: " + r);
        previous = m;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> components = (Map<String, Object>) r.get("score_components");
      double sum = components.values().stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
      assertEquals(((Number) r.get("score")).doubleValue(), sum, 0.05, "the rules' score sums");
      assertTrue(((String) r.get("explanation")).contains("模型评分"), r.toString());
    }
    Map<String, Object> ht =
        zoneList(learned).stream()
            .filter(r -> "NEW_HT1".equals(r.get("enterprise_id")))
            .findFirst()
            .orElseThrow();
    assertTrue(
        ((List<?>) ht.get("model_reasons"))
            .stream().anyMatch(s -> s.toString().startsWith("tag:high_tech")),
        ht.toString());
    for (Map<String, Object> r : zoneList(ruled)) {
      assertNull(r.get("model_score"));
      assertNull(r.get("model_reasons"));
    }
  }

  @Test
  void theManifestNamesTheRankingItsTrainingRowsAndBacktest() throws Exception {
    JsonNode ranking = NightlyJobEndToEndTest.manifest(learned, DATE).path("ranking");
    assertEquals("learned", ranking.path("used").asText());
    assertEquals("auto", ranking.path("mode").asText());
    assertEquals(12, ranking.path("won_enterprises").asInt());
    assertEquals(24, ranking.path("training_rows").asInt());
    assertEquals(12, ranking.path("training_positives").asInt());
    assertTrue(
        ranking.path("coefficients").path("tag:high_tech").asDouble() > 0, ranking.toString());
    assertTrue(ranking.path("backtest").isObject(), ranking.toString());
    JsonNode rules = NightlyJobEndToEndTest.manifest(ruled, DATE).path("ranking");
    assertEquals("rules", rules.path("used").asText());
    assertTrue(rules.path("training_rows").isMissingNode());
  }
}
