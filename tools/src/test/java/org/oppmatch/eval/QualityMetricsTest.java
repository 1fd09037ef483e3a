package org.oppmatch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oppmatch.sample.NoiseGapFiller;
import org.oppmatch.sample.PlantedTruth;
import org.oppmatch.sample.TruthRow;

class QualityMetricsTest {
  private static final double EPS = 1e-12;

  private static TruthRow planted(String id, String zone, String node, boolean contested) {
    return new TruthRow(id, zone, node, "3741", PlantedTruth.GAP_FILLER, List.of(), contested);
  }

  /** Zone A: 3 planted, zone B: 1 planted (contested), zone C: noise only. */
  private static final List<TruthRow> TRUTH =
      List.of(
          planted("P1", "A", "N1", false),
          planted("P2", "A", "N1", false),
          planted("P3", "A", "N2", false),
          planted("P4", "B", "N3", true));

  @Test
  void precisionAtKCountsOnlyPlantedFirmsOfThatZoneInItsFirstK() {
    // A: P1, noise, P4 (planted, but for B), P2, noise ... P3 at rank 12
    List<Lead> leads = new ArrayList<>();
    leads.add(Lead.of("A", 1, "P1", "N1"));
    leads.add(Lead.of("A", 2, "X1"));
    leads.add(Lead.of("A", 3, "P4", "N3"));
    leads.add(Lead.of("A", 4, "P2", "N1"));
    for (int r = 5; r <= 11; r++) {
      leads.add(Lead.of("A", r, "X" + r));
    }
    leads.add(Lead.of("A", 12, "P3", "N2"));
    QualityMetrics m = new QualityMetrics(leads, TRUTH);
    // 3 planted < k: the denominator is min(k, 3) = 3
    assertEquals(2.0 / 3, m.precisionAtK("A", 10), EPS);
    assertEquals(1.0, m.precisionAtK("A", 20), EPS);
    assertEquals(1.0 / 2, m.precisionAtK("A", 2), EPS, "k below planted: over k");
    assertEquals(0.0, m.precisionAtK("B", 10), EPS, "P4 went to A: B lists nothing");
    assertTrue(Double.isNaN(m.precisionAtK("C", 10)), "no planted firm: undefined");
    assertEquals(List.of("A", "B"), m.truthZones());
    assertEquals((2.0 / 3 + 0.0) / 2, m.meanPrecisionAtK(10), EPS);
    assertEquals(0.0, m.minPrecisionAtK(20), EPS);
    assertEquals(
        List.of("X1", "P4", "X5", "X6", "X7", "X8", "X9", "X10", "X11"),
        m.intruders("A", 20).stream().map(Lead::enterpriseId).toList());
  }

  @Test
  void lenientPrecisionAlsoCountsNoiseGapFillersOfTheZone() {
    List<Lead> leads = new ArrayList<>();
    leads.add(Lead.of("A", 1, "X1")); // a noise gap-filler of A
    leads.add(Lead.of("A", 2, "P1", "N1"));
    leads.add(Lead.of("A", 3, "X2")); // a noise gap-filler of C, not of A
    leads.add(Lead.of("A", 4, "X3"));
    List<NoiseGapFiller> noise =
        List.of(
            new NoiseGapFiller("X1", "A", "N9", "2659"),
            new NoiseGapFiller("X1", "A", "N8", "2659"), // the same firm and zone once
            new NoiseGapFiller("X2", "C", "N9", "2659"),
            new NoiseGapFiller("X4", "A", "N9", "2659"), // not listed anywhere
            new NoiseGapFiller("P2", "A", "N1", "3741")); // planted: not noise
    QualityMetrics m = new QualityMetrics(leads, TRUTH, noise);
    assertEquals(1.0 / 3, m.precisionAtK("A", 10), EPS);
    // pool = 3 planted + X1 + X4 = 5; relevant in the first 10: X1, P1
    assertEquals(2.0 / 5, m.lenientPrecisionAtK("A", 10), EPS);
    assertEquals(2.0 / 3, m.lenientPrecisionAtK("A", 3), EPS, "X1, P1 of X1, P1, X2");
    assertTrue(m.isNoiseGapFiller(leads.get(0)));
    assertFalse(m.isNoiseGapFiller(leads.get(2)), "X2 fills a gap of C, not of A");
    assertEquals(0.0, m.lenientPrecisionAtK("B", 20), EPS);
  }

  @Test
  void listOrderIsByRankNotByInputOrder() {
    List<Lead> leads =
        List.of(Lead.of("B", 2, "X1"), Lead.of("B", 3, "X2"), Lead.of("B", 1, "P4", "N3"));
    QualityMetrics m = new QualityMetrics(leads, TRUTH);
    assertEquals(1.0, m.precisionAtK("B", 1), EPS);
    assertEquals("P4", m.listOf("B").get(0).enterpriseId());
  }

  @Test
  void recallWrongZoneAndUnpublishedSharesOfHandMadeLists() {
    List<Lead> leads =
        List.of(
            Lead.of("A", 1, "P1", "N1"), // right zone, right node
            Lead.of("A", 2, "P3", "N9"), // right zone, wrong node
            Lead.of("C", 1, "P2", "N1"), // wrong zone
            Lead.of("B", 1, "X1")); // P4 in no list
    QualityMetrics m = new QualityMetrics(leads, TRUTH);
    assertEquals(2.0 / 4, m.recall(), EPS);
    assertEquals(2.0 / 3, m.recall(t -> !t.contested()), EPS);
    assertEquals(0.0, m.recall(TruthRow::contested), EPS);
    assertEquals(1.0 / 4, m.wrongZoneShare(), EPS, "P2");
    assertEquals(1.0 / 4, m.unpublishedShare(), EPS, "P4");
    assertEquals(1.0 / 2, m.nodeHitShare(), EPS, "of P1 and P3 in their zone, P1 has its node");
    assertEquals(List.of("P2", "P4"), m.misses().stream().map(TruthRow::enterpriseId).toList());
    assertEquals(List.of("C"), m.elsewhere(TRUTH.get(1)).stream().map(Lead::zoneId).toList());
    assertEquals(List.of("X1"), m.intruders("B", 20).stream().map(Lead::enterpriseId).toList());
  }

  @Test
  void chainRoleShareWantsFillGap() {
    List<Lead> leads =
        List.of(
            new Lead("A", 1, "P1", 80, "fill_gap", List.of("N1"), Map.of(), List.of(), List.of()),
            new Lead("A", 2, "P2", 70, "extend", List.of("N1"), Map.of(), List.of(), List.of()),
            new Lead(
                "A", 3, "P3", 60, "strengthen", List.of("N2"), Map.of(), List.of(), List.of()));
    QualityMetrics m = new QualityMetrics(leads, TRUTH);
    assertEquals(1.0 / 3, m.chainRoleShare(), EPS);
    assertEquals(1.0, m.nodeHitShare(), EPS);
  }

  @Test
  void aFirmListedInTwoZonesCountsForRecallAndForWrongZone() {
    // with allocation.max_zones_per_enterprise = 2 a firm may be in its zone and another
    List<Lead> leads = List.of(Lead.of("A", 1, "P1", "N1"), Lead.of("B", 1, "P1", "N1"));
    QualityMetrics m = new QualityMetrics(leads, TRUTH);
    assertEquals(1.0 / 4, m.recall(), EPS);
    assertEquals(1.0 / 4, m.wrongZoneShare(), EPS);
    assertEquals(0.0, m.precisionAtK("B", 10), EPS, "P1 is not relevant in B");
  }

  @Test
  void noLeadsAtAllGivesZeroesAndNoDivisionByZero() {
    QualityMetrics m = new QualityMetrics(List.of(), TRUTH);
    assertEquals(0.0, m.precisionAtK("A", 20), EPS);
    assertEquals(0.0, m.recall(), EPS);
    assertEquals(1.0, m.unpublishedShare(), EPS);
    assertTrue(Double.isNaN(m.nodeHitShare()), "no firm in its zone: nothing to check");
  }

  @Test
  void anEnterprisePlantedTwiceIsAnError() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new QualityMetrics(
                List.of(),
                List.of(planted("P1", "A", "N1", false), planted("P1", "B", "N1", false))));
  }
}
