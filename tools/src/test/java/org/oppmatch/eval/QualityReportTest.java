package org.oppmatch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.config.ConfigLoader;
import org.oppmatch.config.JobConfig;
import org.oppmatch.sample.NoiseGapFiller;
import org.oppmatch.sample.PlantedTruth;
import org.oppmatch.sample.TruthRow;

class QualityReportTest {
  private static final List<TruthRow> TRUTH =
      List.of(
          new TruthRow("P1", "A", "N1", "3741", PlantedTruth.GAP_FILLER, List.of(), false),
          new TruthRow(
              "P2", "A", "N1", "3741", PlantedTruth.GAP_FILLER, List.of("B:weak:1"), true));

  private static Lead lead(String zone, int rank, String id, double chain, double opp) {
    return new Lead(
        zone,
        rank,
        id,
        25 + chain + opp,
        chain >= 25 ? "fill_gap" : "strengthen",
        List.of("N1"),
        Map.of("industry_fit", 25.0, "chain_role", chain, "opportunity_fit", opp),
        List.of(),
        List.of("TAG:listed"));
  }

  @Test
  void markdownAndJsonCarryTheFiguresAndExplainTheMiss() throws IOException {
    List<Lead> published =
        List.of(
            lead("A", 1, "P1", 25, 0), // 50
            lead("A", 2, "X1", 15, 0), // 40, a noise gap-filler of A
            lead("B", 1, "P2", 17.5, 15)); // 57.5 in B; 48 in A, per the diagnostic run
    Map<String, List<Lead>> pairs =
        Map.of("P2", List.of(lead("B", 1, "P2", 17.5, 15), lead("A", 9, "P2", 23, 0)));
    QualityReport report =
        new QualityReport(
            new QualityMetrics(
                published, TRUTH, List.of(new NoiseGapFiller("X1", "A", "N7", "2659"))),
            pairs,
            new QualityReport.Context("2026-11-20", 5002, null, "sha256:x"));

    String md = report.markdown();
    assertTrue(md.contains("| A | 2 | 2 | 1 | 0.67 | 0.67 | 0.50 |"), md);
    assertTrue(
        md.contains("| gap-filler recall (listed in their truth zone) | 0.50 (1 of 2) |"), md);
    assertTrue(
        md.contains("| recall, uncontested / contested truth | 1.00 (1 of 1) / 0.00 (0 of 1) |"),
        md);
    assertTrue(md.contains("| planted firms listed in a wrong zone | 0.50 (1 of 2) |"), md);
    assertTrue(md.contains("**not met**"), md);
    // the miss: listed in B, its truth-zone score from the diagnostic pairs
    assertTrue(
        md.contains("| P2 | A / N1 (B:weak:1) | B (#1, 57.50, strengthen) | 48.00 (strengthen) |"),
        md);
    assertTrue(md.contains("ind 25.00 chain 17.50 opp 15.00"), "components in factor order");
    // causes: chain favours A by 5.5, opportunity_fit favours B by 15 and alone decides
    assertTrue(md.contains("| chain_role | 0 | 1 | -5.50 | 0 |"), md);
    assertTrue(md.contains("| opportunity_fit | 1 | 0 | +15.00 | 1 |"), md);
    // A is below 0.9, but X1 fills a gap of A by the truth rule: relevant, not an intruder
    assertFalse(md.contains("| A | 2 | X1 |"), md);
    assertFalse(report.goalsMet());

    JsonNode json = new ObjectMapper().readTree(report.json());
    assertEquals(0.5, json.at("/summary/gap_filler_recall").asDouble());
    assertEquals(0.5, json.at("/zones/0/precision_at_20").asDouble());
    assertEquals(0.6667, json.at("/zones/0/lenient_precision_at_20").asDouble());
    assertEquals("wrong_zone", json.at("/misses/0/outcome").asText());
    assertEquals("B", json.at("/misses/0/listed_in/0/zone_id").asText());
    assertEquals(2, json.at("/misses/0/diagnostic_pairs").size());
    assertEquals(1, json.at("/wrong_zone_causes/opportunity_fit/decides").asInt());
    assertEquals("noise gap-filler", json.at("/intruders_top_20/0/what").asText());
  }

  @Test
  void allFoundGivesGoalsMetAndNullForUndefinedShares() throws IOException {
    QualityReport report =
        new QualityReport(
            new QualityMetrics(
                List.of(lead("A", 1, "P1", 25, 0), lead("A", 2, "P2", 25, 0)), TRUTH),
            Map.of(),
            new QualityReport.Context("2026-11-20", 2, null, null));
    assertTrue(report.goalsMet());
    JsonNode json = new ObjectMapper().readTree(report.json());
    assertEquals(1.0, json.at("/summary/mean_precision_at_20").asDouble());
    assertEquals(0, json.at("/misses").size());
    assertEquals(0.0, json.at("/summary/wrong_zone_share").asDouble());
  }

  @Test
  void diagnosticConfigKeepsTheWeightsAndLiftsEveryCut(@TempDir Path dir) throws IOException {
    Path given = dir.resolve("given.json");
    Files.writeString(given, "{\"weights\": {\"chain_role\": 40}, \"lists\": {\"tier_a\": 80}}");
    Path out = dir.resolve("diag.json");
    Evaluate.writeDiagnosticConfig(given, out);
    JobConfig c = ConfigLoader.parse(Files.readString(out), out.toString());
    assertEquals(40.0, c.weights.get("chain_role"));
    assertEquals(80.0, c.lists.tierA);
    assertEquals(0.0, c.lists.minScore);
    assertEquals(Evaluate.DIAGNOSTIC_TOP_N, c.lists.topN);
    assertEquals(Evaluate.DIAGNOSTIC_MAX_ZONES, c.allocation.maxZonesPerEnterprise);

    Evaluate.writeDiagnosticConfig(null, out);
    JobConfig defaults = ConfigLoader.parse(Files.readString(out), out.toString());
    assertEquals(new JobConfig().weights, defaults.weights);
    assertEquals(0.0, defaults.lists.minScore);
  }
}
