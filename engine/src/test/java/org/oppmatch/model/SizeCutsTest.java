package org.oppmatch.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Size as a percentile within the industry division, with the whole pool for small divisions. */
class SizeCutsTest {
  record Firm(String division, Double revenue, Double capital, Integer employees) {}

  static SizeCuts cuts(List<Firm> firms, int minGroup) {
    SizeCuts.Counts c = new SizeCuts.Counts();
    firms.forEach(f -> c.add(f.division(), f.revenue(), f.capital(), f.employees()));
    return c.cuts(minGroup);
  }

  static double size(SizeCuts cuts, Firm f) {
    return cuts.sizeValue(f.division(), f.revenue(), f.capital(), f.employees());
  }

  @Test
  void aFirmIsMeasuredAgainstItsOwnDivision() {
    List<Firm> software = new ArrayList<>();
    List<Firm> cars = new ArrayList<>();
    // software (65): 40 firms of 1..40 million revenue; cars (36): 40 firms of 1..40 billion
    for (int i = 1; i <= 40; i++) {
      software.add(new Firm("65", i * 1e6, null, i * 10));
      cars.add(new Firm("36", i * 1e9, null, i * 1000));
    }
    List<Firm> all = new ArrayList<>(software);
    all.addAll(cars);
    SizeCuts cuts = cuts(all, 30);
    // the largest software firm is large for software though smaller than any car maker
    assertTrue(size(cuts, software.get(39)) > 0.95);
    assertTrue(size(cuts, cars.get(0)) < 0.05);
    assertEquals(size(cuts, software.get(19)), size(cuts, cars.get(19)), 1e-12);
    for (int i = 1; i < 40; i++) {
      assertTrue(
          size(cuts, software.get(i)) > size(cuts, software.get(i - 1)),
          "grows with revenue at " + i);
    }
  }

  @Test
  void aSmallDivisionUsesTheWholePoolAndUnknownMeasuresAreSkipped() {
    List<Firm> firms = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      firms.add(new Firm("65", i * 1e6, i * 1e6, null));
    }
    Firm big = new Firm("27", 1e9, null, null);
    Firm none = new Firm("27", null, null, null);
    firms.add(big);
    firms.add(none);
    SizeCuts cuts = cuts(firms, 30);
    // 27 has two firms: measured against the pool, where 1e9 is the top (the 99% cut point)
    assertEquals(0.99, size(cuts, big), 0.001);
    assertEquals(0.0, size(cuts, none), 1e-12);
    // an unknown division is measured against the pool too: 20 million is its middle
    assertEquals(0.5, size(cuts, new Firm("99", 2e7, null, null)), 0.05);
  }

  @Test
  void cutPointsAreTheValuesOfRankCeilQTimesN() {
    SizeCuts.ValueCounts v = new SizeCuts.ValueCounts();
    // 1..250, each once: the cut point of q is the value of rank ceil(q x 250)
    for (int i = 250; i >= 1; i--) {
      v.add(i, 1);
    }
    double[] cuts = v.cutPoints();
    assertEquals(99, cuts.length);
    assertEquals(3.0, cuts[0], 0.0, "1%: rank ceil(2.5) = 3");
    assertEquals(125.0, cuts[49], 0.0, "50%: rank 125");
    // 7% of 250 is 17.500000000000004 in doubles: rank 18, as a percentile of doubles computes it
    assertEquals(18.0, cuts[6], 0.0);
    assertEquals(248.0, cuts[98], 0.0, "99%: rank ceil(247.5) = 248");
    assertNull(new SizeCuts.ValueCounts().cutPoints(), "no values, no cut points");
  }

  @Test
  void repeatedValuesCountEachTime() {
    SizeCuts.ValueCounts v = new SizeCuts.ValueCounts();
    v.add(50, 80);
    v.add(300, 20);
    double[] cuts = v.cutPoints();
    assertEquals(50.0, cuts[79], 0.0, "80%: rank 80 is the last 50");
    assertEquals(300.0, cuts[80], 0.0, "81%: rank 81 is the first 300");
  }

  @Test
  void theCutsDependOnTheValuesAloneNotOnHowTheyWereSplit() {
    Random r = new Random(11);
    List<Firm> firms = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      firms.add(
          new Firm(
              "3" + r.nextInt(3),
              Math.round(Math.exp(r.nextGaussian() * 2 + 15) / 1e4) * 1e4,
              r.nextDouble() < 0.2 ? null : Math.round(r.nextDouble() * 1e8) * 1.0,
              r.nextInt(2000)));
    }
    SizeCuts whole = cuts(firms, 30);
    List<Firm> shuffled = new ArrayList<>(firms);
    Collections.shuffle(shuffled, new Random(5));
    SizeCuts.Counts a = new SizeCuts.Counts();
    SizeCuts.Counts b = new SizeCuts.Counts();
    for (int i = 0; i < shuffled.size(); i++) {
      Firm f = shuffled.get(i);
      (i % 3 == 0 ? a : b).add(f.division(), f.revenue(), f.capital(), f.employees());
    }
    SizeCuts split = b.merge(a).cuts(30);
    for (Firm f : firms) {
      assertEquals(size(whole, f), size(split, f), 0.0);
    }
  }

  @Test
  void pastTheExactLimitValuesAreCountedAtFourSignificantDigits() {
    SizeCuts.ValueCounts exact = new SizeCuts.ValueCounts();
    SizeCuts.ValueCounts many = new SizeCuts.ValueCounts();
    for (int i = 1; i <= 1000; i++) {
      exact.add(1_000_000 + i * 1.37, 1);
    }
    for (int i = 1; i <= SizeCuts.EXACT_DISTINCT + 1; i++) {
      many.add(1_000_000 + i * 1.37, 1);
    }
    assertEquals(1_000_000 + 10 * 1.37, exact.cutPoints()[0], 1e-6, "exact below the limit");
    double[] rounded = many.cutPoints();
    // four significant digits of values about 1.1 to 1.3 million: whole thousands
    assertEquals(0.0, rounded[50] % 1000, 0.0, "rounded above it: " + rounded[50]);
    assertArrayEquals(rounded, many.cutPoints(), 0.0);
  }
}
