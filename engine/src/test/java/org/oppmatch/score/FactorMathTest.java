package org.oppmatch.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FactorMathTest {
  private static final double EPS = 1e-12;

  // --- industry fit

  @Test
  void industryFitRanksDeeperMatchesHigher() {
    double d4 = FactorMath.industryFit(4, true, 0.7);
    double d3 = FactorMath.industryFit(3, true, 0.7);
    double d2 = FactorMath.industryFit(2, true, 0.7);
    assertEquals(1.0, d4, EPS);
    assertTrue(d4 > d3, "4 > 3");
    assertTrue(d3 > d2, "3 > 2");
    assertTrue(d2 > 0, "2 > 0");
  }

  @Test
  void industryFitOfNoCommonCodeIsZero() {
    assertEquals(0, FactorMath.industryFit(0, true, 0.7), EPS);
    assertEquals(0, FactorMath.industryFit(1, true, 0.7), EPS);
    assertEquals(0, FactorMath.industryFit(5, true, 0.7), EPS);
  }

  @Test
  void secondaryCodeMatchIsDiscountedByTheFactor() {
    for (int depth : new int[] {2, 3, 4}) {
      double primary = FactorMath.industryFit(depth, true, 0.7);
      double secondary = FactorMath.industryFit(depth, false, 0.7);
      assertTrue(primary > secondary, "depth " + depth);
      assertEquals(primary * 0.7, secondary, EPS);
    }
    assertEquals(0.5, FactorMath.industryFit(4, false, 0.5), EPS);
    assertEquals(1.0, FactorMath.industryFit(4, false, 1.0), EPS);
  }

  // --- chain role

  @Test
  void chainRolesRankFillGapStrengthenExtendNone() {
    double fill = FactorMath.chainRole("fill_gap", 1, false);
    double strengthen = FactorMath.chainRole("strengthen", 1, false);
    double extend = FactorMath.chainRole("extend", 1, false);
    double none = FactorMath.chainRole("none", 1, false);
    assertTrue(fill > strengthen, "fill_gap > strengthen");
    assertTrue(strengthen > extend, "strengthen > extend");
    assertTrue(extend > none, "extend > none");
    assertEquals(0, none, EPS);
    assertEquals(0, FactorMath.chainRole("unheard_of", 1, false), EPS);
    assertEquals(0, FactorMath.chainRole(null, null, true), EPS);
  }

  @Test
  void statusesMapToRolesOfDecreasingValue() {
    double missing = ChainRole.ofStatus("missing").value();
    double weak = ChainRole.ofStatus("weak").value();
    double strong = ChainRole.ofStatus("strong").value();
    assertTrue(missing > weak && weak > strong && strong > 0);
    assertEquals(ChainRole.FILL_GAP, ChainRole.ofStatus("missing"));
    assertEquals(ChainRole.NONE, ChainRole.ofStatus("unheard_of"));
    assertEquals(FactorMath.ROLE_VALUE.get("strengthen"), weak, 0.0);
  }

  @Test
  void higherPriorityRaisesChainRole() {
    double p1 = FactorMath.chainRole("strengthen", 1, false);
    double p5 = FactorMath.chainRole("strengthen", 5, false);
    double absent = FactorMath.chainRole("strengthen", null, false);
    assertTrue(p1 > p5, "priority 1 above 5");
    assertTrue(p1 > absent, "priority 1 above absent");
    for (int p = 1; p < 5; p++) {
      assertTrue(
          FactorMath.chainRole("extend", p, false) > FactorMath.chainRole("extend", p + 1, false),
          "priority " + p + " above " + (p + 1));
    }
    assertEquals(0.7 * FactorMath.PRIORITY_ABSENT, absent, EPS);
    // an unknown priority counts as absent
    assertEquals(absent, FactorMath.chainRole("strengthen", 9, false), EPS);
  }

  @Test
  void chainLeaderBonusIsAddedAndCappedAtOne() {
    double without = FactorMath.chainRole("extend", 5, false);
    double with = FactorMath.chainRole("extend", 5, true);
    assertEquals(without + FactorMath.CHAIN_LEADER_BONUS, with, EPS);
    assertEquals(1.0, FactorMath.chainRole("fill_gap", 1, true), EPS);
    assertEquals(1.0, FactorMath.chainRole("fill_gap", 3, true), EPS); // 0.84 + 0.2 capped
    assertEquals(0, FactorMath.chainRole("none", 1, true), EPS); // no role, no bonus
  }

  // --- strength

  @Test
  void tagValueIsTheBestTagPlusALittleForEachFurtherKnownTag() {
    assertEquals(0.6, FactorMath.tagValue(List.of("listed")), EPS);
    assertEquals(0.65, FactorMath.tagValue(List.of("high_tech", "listed")), EPS);
    assertEquals(0.65, FactorMath.tagValue(List.of("listed", "high_tech")), EPS);
    assertEquals(
        0.95, FactorMath.tagValue(List.of("specialized_sme", "china_top_500", "unicorn")), EPS);
  }

  @Test
  void tagValueIgnoresUnknownTagsAndIsZeroWhenEmpty() {
    assertEquals(0, FactorMath.tagValue(List.of()), EPS);
    assertEquals(0, FactorMath.tagValue(List.of("famous", "big")), EPS);
    assertEquals(0.75, FactorMath.tagValue(List.of("famous", "unicorn", "big")), EPS);
  }

  @Test
  void tagValueIsCappedAtOne() {
    assertEquals(
        1.0, FactorMath.tagValue(List.of("fortune_global_500", "listed", "high_tech")), EPS);
  }

  @Test
  void percentileIsTheMidRankShareOfTheCutPoints() {
    double[] cuts = {10, 20, 30, 40};
    assertEquals(0, FactorMath.percentile(5, cuts), EPS);
    assertEquals(1, FactorMath.percentile(50, cuts), EPS);
    assertEquals(0.5, FactorMath.percentile(25, cuts), EPS);
    // equal to a cut point: half of it below
    assertEquals(0.375, FactorMath.percentile(20, cuts), EPS);
    // a value shared by many cut points sits in their middle
    assertEquals(0.5, FactorMath.percentile(7, new double[] {7, 7, 7, 7}), EPS);
    assertEquals(0, FactorMath.percentile(7, new double[0]), EPS);
  }

  @Test
  void sizeValueIsTheMeanOfTheKnownPercentiles() {
    assertEquals(0.5, FactorMath.sizeValue(0.2, 0.8, null), EPS);
    assertEquals(0.9, FactorMath.sizeValue(null, 0.9, null), EPS);
    assertEquals(0, FactorMath.sizeValue(null, null, null), EPS);
    assertEquals(0.6, FactorMath.sizeValue(0.3, 0.6, 0.9), EPS);
  }

  @Test
  void budgetWithinAYearsRevenueFitsAndFitHalvesWithEachDoublingBeyond() {
    assertEquals(1, FactorMath.budgetFit(5e6, 1e8), EPS);
    assertEquals(1, FactorMath.budgetFit(1e8, 1e8), EPS);
    assertEquals(0.5, FactorMath.budgetFit(2e8, 1e8), EPS);
    assertEquals(1.0 / 3, FactorMath.budgetFit(4e8, 1e8), EPS);
    assertEquals(FactorMath.BUDGET_FLOOR, FactorMath.budgetFit(1e12, 1e8), EPS);
    // far too small a project for a giant
    assertEquals(FactorMath.BUDGET_TOO_SMALL, FactorMath.budgetFit(1e5, 1e11), EPS);
    // unknown: no effect
    assertEquals(1, FactorMath.budgetFit(null, 1e8), EPS);
    assertEquals(1, FactorMath.budgetFit(1e9, null), EPS);
    assertEquals(1, FactorMath.budgetFit(1e9, 0.0), EPS);
  }

  @Test
  void opportunitySimilarityIsHalfCodeHalfTextTimesBudgetFit() {
    assertEquals(1.0, FactorMath.opportunitySimilarity(1, 0.3, 0.3, 1), EPS);
    assertEquals(1.0, FactorMath.opportunitySimilarity(1, 0.9, 0.3, 1), EPS);
    assertEquals(0.5, FactorMath.opportunitySimilarity(1, 0, 0.3, 1), EPS);
    assertEquals(0.25 + 0.25, FactorMath.opportunitySimilarity(0.5, 0.15, 0.3, 1), EPS);
    assertEquals(0.5, FactorMath.opportunitySimilarity(1, 0.3, 0.3, 0.5), EPS);
    // a closer text raises it
    assertTrue(
        FactorMath.opportunitySimilarity(0.75, 0.2, 0.3, 1)
            > FactorMath.opportunitySimilarity(0.75, 0.1, 0.3, 1));
  }

  @Test
  void strengthCombinesItsPartsByTheirShares() {
    assertEquals(
        FactorMath.STRENGTH_TAGS + FactorMath.STRENGTH_SIZE + FactorMath.STRENGTH_RND, 1.0, EPS);
    assertEquals(1.0, FactorMath.strength(List.of("fortune_global_500"), 1.0, 999, 0.1), 1e-9);
    assertEquals(0, FactorMath.strength(List.of(), 0, null, null), EPS);
    assertEquals(
        FactorMath.STRENGTH_TAGS * 0.6, FactorMath.strength(List.of("listed"), 0, 0, 0.0), EPS);
  }

  @Test
  void rndValueIsFullAtOneThousandPatentsAndTenPercent() {
    assertEquals(1.0, FactorMath.rndValue(999, 0.1), 1e-9);
    assertEquals(0.5, FactorMath.rndValue(null, 0.2), EPS);
    assertEquals(0, FactorMath.rndValue(null, null), EPS);
    assertTrue(FactorMath.rndValue(100, null) > FactorMath.rndValue(10, null));
  }

  // --- momentum

  @Test
  void signalWeightHalvesAtTheHalfLife() {
    double onItsDay = FactorMath.signalWeight("expansion", 0, 90);
    assertEquals(org.oppmatch.model.SignalKind.EXPANSION.weight(), onItsDay, EPS);
    assertEquals(onItsDay / 2, FactorMath.signalWeight("expansion", 90, 90), EPS);
    assertEquals(onItsDay / 4, FactorMath.signalWeight("expansion", 180, 90), EPS);
    assertTrue(
        FactorMath.signalWeight("expansion", 30, 90)
            > FactorMath.signalWeight("expansion", 31, 90));
  }

  @Test
  void signalWeightIsZeroForAFutureSignalOrAnUnknownKind() {
    assertEquals(0, FactorMath.signalWeight("financing", -1, 90), EPS);
    assertEquals(0, FactorMath.signalWeight("financing", -365, 90), EPS);
    assertEquals(0, FactorMath.signalWeight("rumour", 0, 90), EPS);
  }

  @Test
  void momentumStaysWithinZeroAndOne() {
    double[] sums = {-5, 0, 0.3, 1, 3, 1e9};
    Double[] growths = {null, -2.0, 0.0, 0.25, 0.5, 10.0};
    for (double s : sums) {
      for (Double g : growths) {
        double m = FactorMath.momentum(s, g);
        assertTrue(m >= 0 && m <= 1, "momentum(" + s + ", " + g + ") = " + m);
      }
    }
    assertEquals(1.0, FactorMath.momentum(3, 2.0), EPS);
    assertEquals(0, FactorMath.momentum(0, null), EPS);
    assertEquals(FactorMath.MOMENTUM_GROWTH * 0.5, FactorMath.momentum(0, 0.25), EPS);
    assertEquals(FactorMath.MOMENTUM_SIGNALS * 0.4, FactorMath.momentum(0.4, null), EPS);
  }

  // --- geography

  @Test
  void chengduToChongqingIsAbout267Km() {
    double km = FactorMath.haversineKm(30.5728, 104.0668, 29.5630, 106.5516);
    assertEquals(267, km, 10);
    assertEquals(km, FactorMath.haversineKm(29.5630, 106.5516, 30.5728, 104.0668), 1e-9);
  }

  @Test
  void chengduToDeyangIsUnder80Km() {
    double km = FactorMath.haversineKm(30.5728, 104.0668, 31.1270, 104.3979);
    assertTrue(km > 40 && km < 80, "distance " + km);
  }

  @Test
  void distanceToItselfIsZeroAndOneDegreeOfLatitudeIsAbout111Km() {
    assertEquals(0, FactorMath.haversineKm(30.5728, 104.0668, 30.5728, 104.0668), EPS);
    assertEquals(111.2, FactorMath.haversineKm(30, 104, 31, 104), 0.2);
  }

  @Test
  void geographyRanksMetroRadiusDomesticAbroad() {
    double metro = FactorMath.geography(true, 900.0, "CN", 300, false);
    double radius = FactorMath.geography(false, 264.0, "CN", 300, false);
    double domestic = FactorMath.geography(false, 1500.0, "CN", 300, false);
    double abroad = FactorMath.geography(false, 8000.0, "DE", 300, false);
    assertTrue(metro > radius, "metro > radius");
    assertTrue(radius > domestic, "radius > domestic");
    assertTrue(domestic > abroad, "domestic > abroad");
    assertEquals(FactorMath.GEO_METRO, metro, EPS);
    double supplier = FactorMath.geography(false, 264.0, "CN", 300, true);
    assertTrue(metro > supplier && supplier > radius, "a nearby supplier is local supply");
    assertEquals(radius, FactorMath.geography(false, 264.0, "CN", 300, false), EPS);
    assertEquals(domestic, FactorMath.geography(false, 1500.0, "CN", 300, true), EPS);
  }

  @Test
  void capacityComparesAvailableSpaceWithWhatTheEnterpriseNeeds() {
    // a 100-person manufacturer needs 4,000 m2 of factory space
    assertEquals(1.0, FactorMath.capacity(true, 100, 4000.0, null, null), EPS);
    assertEquals(
        0.5, FactorMath.capacity(true, 100, 2000.0, null, 1e9), EPS, "offices do not count");
    assertEquals(
        1.0, FactorMath.capacity(true, 100, null, 1.0, null), EPS, "1 ha of land is enough");
    assertEquals(
        FactorMath.CAPACITY_UNKNOWN, FactorMath.capacity(true, 100, null, null, 5000.0), EPS);
    // a 100-person service firm needs 800 m2 of offices
    assertEquals(0.25, FactorMath.capacity(false, 100, 1e6, null, 200.0), EPS);
    assertEquals(
        FactorMath.CAPACITY_UNKNOWN, FactorMath.capacity(false, 100, 1e6, 10.0, null), EPS);
    assertTrue(FactorMath.isManufacturing("3741") && FactorMath.isManufacturing("13"));
    assertTrue(!FactorMath.isManufacturing("6520") && !FactorMath.isManufacturing("0111"));
  }

  @Test
  void geographyRadiusIsInclusiveAndUnknownPlacesGetTheUnknownValue() {
    assertEquals(FactorMath.GEO_RADIUS, FactorMath.geography(false, 300.0, null, 300, false), EPS);
    assertEquals(
        FactorMath.GEO_DOMESTIC, FactorMath.geography(false, 300.01, "CN", 300, false), EPS);
    assertEquals(FactorMath.GEO_UNKNOWN, FactorMath.geography(false, null, null, 300, false), EPS);
    assertEquals(FactorMath.GEO_DOMESTIC, FactorMath.geography(false, null, "CN", 300, false), EPS);
  }

  // --- contributions, score, tier

  private static Map<Factor, Double> weights(double... w) {
    Map<Factor, Double> m = new EnumMap<>(Factor.class);
    double total = 0;
    for (double x : w) {
      total += x;
    }
    for (Factor f : Factor.values()) {
      m.put(f, 100.0 * w[f.ordinal()] / total);
    }
    return m;
  }

  private static Map<Factor, Double> values(double... v) {
    Map<Factor, Double> m = new EnumMap<>(Factor.class);
    for (Factor f : Factor.values()) {
      m.put(f, v[f.ordinal()]);
    }
    return m;
  }

  @Test
  void contributionsAreRoundedToHundredthsAndSumToTheScore() {
    List<Map<Factor, Double>> weightSets =
        List.of(
            weights(25, 25, 15, 15, 10, 5, 5),
            weights(1, 1, 1, 1, 1, 1, 1),
            weights(3, 7, 11, 13, 17, 19, 23),
            weights(0, 40, 0, 33.3, 0, 7.7, 2));
    List<Map<Factor, Double>> valueSets =
        List.of(
            values(1, 1, 1, 1, 1, 1, 1),
            values(0, 0, 0, 0, 0, 0, 0),
            values(0.75, 0.336, 0.41, 0.6123, 0.2, 0.7, 0.5),
            values(0.333, 0.667, 0.111, 0.999, 0.001, 0.5, 0.875),
            values(0.0226, 0.023, 0.0058, 0.1234, 0.9876, 0.4, 0.0501));
    for (Map<Factor, Double> w : weightSets) {
      for (Map<Factor, Double> v : valueSets) {
        Map<String, Double> c = FactorMath.contributions(v, w);
        assertEquals(Factor.keys(), List.copyOf(c.keySet()));
        double sum = 0;
        double exact = 0;
        for (Factor f : Factor.values()) {
          double x = c.get(f.key());
          assertEquals(Math.round(x * 100), x * 100, 1e-6, "hundredths: " + x);
          assertEquals(v.get(f) * w.get(f), x, 0.005 + 1e-9, f.key());
          sum += x;
          exact += v.get(f) * w.get(f);
        }
        double score = FactorMath.round2(sum);
        assertEquals(score, sum, 1e-9, "components add up to the score for " + v + " " + w);
        assertEquals(exact, score, 0.005 * Factor.values().length + 1e-9);
      }
    }
  }

  @Test
  void contributionsOfFullValuesAddUpToOneHundred() {
    Map<String, Double> c =
        FactorMath.contributions(values(1, 1, 1, 1, 1, 1, 1), weights(25, 25, 15, 15, 10, 5, 5));
    assertEquals(25.0, c.get("industry_fit"), EPS);
    assertEquals(5.0, c.get("geography"), EPS);
    assertEquals(100.0, c.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
  }

  @Test
  void contributionsClampValuesAndTreatMissingFactorsAsZero() {
    Map<Factor, Double> v = new EnumMap<>(Factor.class);
    v.put(Factor.STRENGTH, 1.7);
    v.put(Factor.MOMENTUM, -0.4);
    Map<String, Double> c = FactorMath.contributions(v, weights(25, 25, 15, 15, 10, 5, 5));
    assertEquals(15.0, c.get("strength"), EPS);
    assertEquals(0.0, c.get("momentum"), EPS);
    assertEquals(0.0, c.get("industry_fit"), EPS);
    assertEquals(Factor.values().length, c.size());
  }

  @Test
  void round2RoundsToHundredths() {
    assertEquals(0.13, FactorMath.round2(0.125), EPS);
    assertEquals(0.12, FactorMath.round2(0.1249), EPS);
    assertEquals(12.35, FactorMath.round2(12.3456), EPS);
    assertEquals(0.0, FactorMath.round2(0.004), EPS);
  }

  /**
   * Each contribution is rounded half up on the double's shortest decimal form (0.565 to 0.57, as a
   * person reading the decimal expects), not on its binary value (0.5649999...).
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.565, 1.005, 0.575, 0.145})
  void round2RoundsDecimalHalvesUp(double v) {
    double halfUp = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    assertEquals(halfUp, FactorMath.round2(v), 0.0, "round2(" + v + ")");
  }

  @Test
  void roundingInBinaryAwayFromHalvesEqualsTheDecimalRounding() {
    java.util.Random r = new java.util.Random(3);
    for (int i = 0; i < 200_000; i++) {
      // scores, points and similarities, and values that sit on a decimal half
      double v =
          switch (i % 3) {
            case 0 -> r.nextDouble() * 100;
            case 1 -> (r.nextInt(2_000_000) + 0.5) / 10_000.0;
            default -> r.nextInt(100_000) / 1000.0;
          };
      for (int places : new int[] {2, 4}) {
        double expected =
            BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
        assertEquals(expected, FactorMath.roundHalfUp(v, places), 0.0, v + " at " + places);
      }
    }
  }

  @Test
  void tierThresholdsAreInclusive() {
    assertEquals("A", FactorMath.tier(70, 70, 50));
    assertEquals("A", FactorMath.tier(100, 70, 50));
    assertEquals("B", FactorMath.tier(69.99, 70, 50));
    assertEquals("B", FactorMath.tier(50, 70, 50));
    assertEquals("C", FactorMath.tier(49.99, 70, 50));
    assertEquals("C", FactorMath.tier(0, 70, 50));
    assertEquals("A", FactorMath.tier(60, 60, 60));
  }
}
