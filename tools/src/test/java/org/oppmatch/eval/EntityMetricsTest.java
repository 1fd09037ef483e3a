package org.oppmatch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.sample.DuplicateKind;
import org.oppmatch.sample.EntityTruthRow;
import org.oppmatch.testing.SharedSpark;

class EntityMetricsTest {
  private static final double EPS = 1e-12;
  private static final LocalDate RUN = LocalDate.of(2026, 11, 20);

  private static EntityTruthRow original(String id) {
    return new EntityTruthRow(id, id, EntityTruthRow.ORIGINAL, "");
  }

  private static EntityTruthRow planted(String id, DuplicateKind kind, String from) {
    return new EntityTruthRow(id, kind.sameCompany() ? from : id, kind.id(), from);
  }

  /**
   * A with two planted rows (one company of three), B with one (two), C with a look-alike, D and E
   * alone, X a bad row.
   */
  static final List<EntityTruthRow> TRUTH =
      List.of(
          original("A"),
          original("B"),
          original("C"),
          original("D"),
          original("E"),
          new EntityTruthRow("X", "X", EntityTruthRow.BAD_ROW, ""),
          planted("A2", DuplicateKind.SAME_USCC, "A"),
          planted("A3", DuplicateKind.LEGAL_FORM, "A"),
          planted("B2", DuplicateKind.PLACE, "B"),
          planted("C2", DuplicateKind.LOOK_ALIKE, "C"));

  /**
   * The run joins A2 to A but misses A3, joins B2 to B, wrongly joins C2 and D to C, leaves E out
   * of the output, and lists the bad row X and an id Z the truth does not know.
   */
  static Map<String, EntityMetrics.Assignment> output() {
    Map<String, EntityMetrics.Assignment> out = new HashMap<>();
    out.put("A", new EntityMetrics.Assignment("A", null));
    out.put("A2", new EntityMetrics.Assignment("A", "same_uscc"));
    out.put("A3", new EntityMetrics.Assignment("A3", null));
    out.put("B", new EntityMetrics.Assignment("B", null));
    out.put("B2", new EntityMetrics.Assignment("B", "same_name_and_city"));
    out.put("C", new EntityMetrics.Assignment("C", null));
    out.put("C2", new EntityMetrics.Assignment("C", "same_name_and_city"));
    out.put("D", new EntityMetrics.Assignment("C", "same_name_and_industry"));
    out.put("X", new EntityMetrics.Assignment("X", null));
    out.put("Z", new EntityMetrics.Assignment("Z", null));
    return out;
  }

  @Test
  void pairPrecisionRecallAndF1OnAHandMadeCase() {
    EntityMetrics m = new EntityMetrics(TRUTH, output());
    assertEquals(9, m.rows(), "every row but the bad one");
    // true pairs: A-A2, A-A3, A2-A3, B-B2; merged: A-A2, B-B2, C-C2, C-D, C2-D
    assertEquals(4, m.truePairs());
    assertEquals(5, m.predictedPairs());
    assertEquals(2, m.correctPairs());
    assertEquals(0.4, m.precision(), EPS);
    assertEquals(0.5, m.recall(), EPS);
    assertEquals(4.0 / 9.0, m.f1(), EPS);
    assertEquals(2, m.trueMultiRowCompanies());
    assertEquals(3, m.predictedMultiRowCompanies());
    assertEquals(1, m.falseMergesAmongOriginals(), "C and D, two noise rows");
    assertEquals(
        Map.of("same_name_and_city", 2L, "same_name_and_industry", 1L, "same_uscc", 1L),
        m.mergesByRule());
    assertEquals(List.of("E"), m.absent());
    assertEquals(List.of("Z"), m.unknown());
    assertEquals(List.of("X"), m.badRowsListed());
  }

  @Test
  void nothingMergedAndNothingToMergeGiveNoPrecisionOrRecall() {
    Map<String, EntityMetrics.Assignment> alone = new HashMap<>();
    for (EntityTruthRow t : TRUTH) {
      alone.put(t.enterpriseId(), new EntityMetrics.Assignment(t.enterpriseId(), null));
    }
    EntityMetrics m = new EntityMetrics(TRUTH, alone);
    assertEquals(0, m.predictedPairs());
    assertTrue(Double.isNaN(m.precision()));
    assertEquals(0.0, m.recall(), EPS);
    assertTrue(Double.isNaN(m.f1()));
    EntityMetrics none = new EntityMetrics(List.of(original("A"), original("B")), Map.of());
    assertTrue(Double.isNaN(none.recall()));
    assertEquals(List.of("A", "B"), none.absent());
    assertThrows(
        IllegalArgumentException.class,
        () -> new EntityMetrics(List.of(original("A"), original("A")), Map.of()));
  }

  @Test
  void eachPlantedKindCountsItsOutcome() {
    List<EntityMetrics.KindOutcome> kinds = new EntityMetrics(TRUTH, output()).kinds();
    assertEquals(
        List.of(
            new EntityMetrics.KindOutcome(DuplicateKind.SAME_USCC, 1, 1, 0, 1, 1),
            new EntityMetrics.KindOutcome(DuplicateKind.LEGAL_FORM, 1, 0, 0, 0, 0),
            new EntityMetrics.KindOutcome(DuplicateKind.PLACE, 1, 1, 0, 1, 1),
            new EntityMetrics.KindOutcome(DuplicateKind.LOOK_ALIKE, 1, 1, 1, 0, 0)),
        kinds);
  }

  @Test
  void mistakesNameOnePairPerTwoPartsOfAWrongCompany() {
    EntityMetrics m = new EntityMetrics(TRUTH, output());
    assertEquals(
        List.of(
            new EntityMetrics.Mistake(true, "C", "C2"),
            new EntityMetrics.Mistake(true, "C", "D"),
            new EntityMetrics.Mistake(true, "C2", "D"),
            new EntityMetrics.Mistake(false, "A", "A3")),
        m.mistakes(20));
    assertEquals(
        List.of(
            new EntityMetrics.Mistake(true, "C", "C2"),
            new EntityMetrics.Mistake(false, "A", "A3")),
        m.mistakes(2),
        "half of each kind when both have more");
  }

  @Test
  void theReportGivesTheMeasuresAndNamesTheMistakes() throws IOException {
    Map<String, EntityReport.Facts> facts =
        Map.of(
            "C", new EntityReport.Facts("成都星翼航空有限公司", "成都", "3741", true),
            "C2", new EntityReport.Facts("成都星翼航空有限公司", "成都", "3741", true));
    EntityReport r = EntityReport.measured(TRUTH, new EntityMetrics(TRUTH, output()), facts);
    String md = r.markdown();
    assertTrue(md.contains("| pair precision | 0.40 (2 of 5) merged pairs |"), md);
    assertTrue(md.contains("| pair recall | 0.50 (2 of 4) true pairs |"), md);
    assertTrue(md.contains("| F1 | 0.44 |"), md);
    assertTrue(md.contains("| companies of several rows, true / merged | 2 / 3 |"), md);
    assertTrue(md.contains("| look_alike | no | 1 | 1 |  | 1 | 0 |"), md);
    assertTrue(md.contains("3 false-merge pairs, 2 missed pairs (4 shown)"), md);
    assertTrue(
        md.contains(
            "| false merge | C 成都星翼航空有限公司 (成都, 3741, USCC; original; under C) |"
                + " C2 成都星翼航空有限公司 (成都, 3741, USCC; look_alike; under C by"
                + " same_name_and_city) |"),
        md);
    assertTrue(md.contains("4 planted rows beside 3 noise firms"), md);
    JsonNode json = r.json();
    assertTrue(json.get("measured").asBoolean());
    assertEquals(0.4, json.get("pair_precision").asDouble(), EPS);
    assertEquals(0.5, json.get("pair_recall").asDouble(), EPS);
    assertEquals(0.4444, json.get("f1").asDouble(), EPS);
    assertEquals(4, json.get("mistakes").size());
    assertEquals("missed_merge", json.at("/mistakes/3/type").asText());
    assertEquals("A3", json.at("/mistakes/3/second/enterprise_id").asText());
    assertEquals(1, json.at("/merges_by_rule/same_uscc").asInt());

    EntityReport not = EntityReport.notMeasured(TRUTH, "no entities output");
    assertFalse(not.isMeasured());
    assertTrue(not.markdown().contains("**Not measured**: no entities output"), not.markdown());
    assertFalse(not.json().get("measured").asBoolean());
    assertEquals(4, not.json().get("planted").asInt());
  }

  @Test
  void evaluateReadsTheEntitiesOfTheRunDateOrSaysThereAreNone(@TempDir Path dir)
      throws IOException {
    SparkSession spark = SharedSpark.get();
    EntityReport none = Evaluate.entityReport(spark, dir.toString(), RUN, TRUTH, null);
    assertFalse(none.isMeasured());
    assertTrue(none.markdown().contains("the run wrote no"), none.markdown());

    StringBuilder sql = new StringBuilder();
    for (Map.Entry<String, EntityMetrics.Assignment> e :
        new java.util.TreeMap<>(output()).entrySet()) {
      if (sql.length() > 0) {
        sql.append(" union all ");
      }
      String rule = e.getValue().rule();
      sql.append(
          String.format(
              "select date'%s' as run_date, '%s' as enterprise_id, '%s' as company_id,"
                  + " cast(%s as string) as rule",
              RUN, e.getKey(), e.getValue().companyId(), rule == null ? "null" : "'" + rule + "'"));
    }
    spark.sql(sql.toString()).write().parquet(dir.resolve("entities/run_date=" + RUN).toString());
    Path csv = dir.resolve("enterprises.csv");
    Files.writeString(
        csv,
        "enterprise_id,uscc,name,city,industry_codes\n"
            + "C,91510100MA6CUUU10X,成都星翼航空有限公司,成都,3741;3742\n"
            + "C2,,\"星翼航空, 成都\",成都,3741\n"
            + "BROKEN,\"open\n");
    EntityReport measured = Evaluate.entityReport(spark, dir.toString(), RUN, TRUTH, csv);
    assertTrue(measured.isMeasured());
    assertEquals(0.4, measured.json().get("pair_precision").asDouble(), EPS);
    assertEquals("星翼航空, 成都", measured.json().at("/mistakes/0/second/name").asText());
    assertFalse(measured.json().at("/mistakes/0/second/has_uscc").asBoolean());
    assertEquals("3741", measured.json().at("/mistakes/0/first/primary_code").asText());
    assertEquals(2, EntityReport.readFacts(csv).size(), "the broken line is skipped");
  }
}
