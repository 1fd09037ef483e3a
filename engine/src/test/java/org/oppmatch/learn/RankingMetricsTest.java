package org.oppmatch.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oppmatch.learn.RankingMetrics.Figure;
import org.oppmatch.learn.RankingMetrics.Item;
import org.oppmatch.learn.RankingMetrics.Result;

/** The figures against values worked out by hand. */
class RankingMetricsTest {
  static final double EPS = 1e-12;

  /** Ranked A B C D E; positives A, C, D. Given out of order: the ranking is by score. */
  static final List<Item> FIVE =
      List.of(
          new Item("D", 0.6, 1),
          new Item("B", 0.8, 0),
          new Item("E", 0.5, 0),
          new Item("A", 0.9, 1),
          new Item("C", 0.7, 1));

  static void assertFigure(double value, long labels, long positives, Figure f) {
    assertEquals(value, f.value(), EPS, f.toString());
    assertEquals(labels, f.labels(), f.toString());
    assertEquals(positives, f.positives(), f.toString());
  }

  @Test
  void fiveItemsByHand() {
    // precision: A | A B | A B C | all five, and a k beyond the list judges the five
    assertFigure(1.0, 1, 1, RankingMetrics.precisionAtK(FIVE, 1));
    assertFigure(0.5, 2, 1, RankingMetrics.precisionAtK(FIVE, 2));
    assertFigure(2.0 / 3, 3, 2, RankingMetrics.precisionAtK(FIVE, 3));
    assertFigure(0.6, 5, 3, RankingMetrics.precisionAtK(FIVE, 5));
    assertFigure(0.6, 5, 3, RankingMetrics.precisionAtK(FIVE, 10));

    // NDCG@3: DCG = 1/log2(2) + 0 + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3) + 1/2
    assertFigure(0.7039180890341347, 5, 3, RankingMetrics.ndcgAtK(FIVE, 3));
    // NDCG@5: DCG adds D at rank 4, 1/log2(5); the ideal still has 3 positives
    assertFigure(0.9060254355346823, 5, 3, RankingMetrics.ndcgAtK(FIVE, 5));
    assertFigure(1.0, 5, 3, RankingMetrics.ndcgAtK(FIVE, 1));

    // AUC: A beats B and E, C beats E, D beats E; C and D lose to B: 4 of 6 pairs
    assertFigure(4.0 / 6, 5, 3, RankingMetrics.auc(FIVE));

    Result r = RankingMetrics.evaluate(FIVE, 3);
    assertEquals(3, r.k());
    assertEquals(RankingMetrics.precisionAtK(FIVE, 3), r.precisionAtK());
    assertEquals(RankingMetrics.ndcgAtK(FIVE, 3), r.ndcgAtK());
    assertEquals(RankingMetrics.auc(FIVE), r.auc());
  }

  @Test
  void tiesAreOrderedByKeyForTheTopAndCountHalfInTheAuc() {
    List<Item> positiveSecond =
        List.of(new Item("b", 0.5, 1), new Item("a", 0.5, 0), new Item("c", 0.1, 0));
    // ranked a, b, c
    assertFigure(0.0, 1, 0, RankingMetrics.precisionAtK(positiveSecond, 1));
    assertFigure(0.5, 2, 1, RankingMetrics.precisionAtK(positiveSecond, 2));
    assertFigure(0.0, 3, 1, RankingMetrics.ndcgAtK(positiveSecond, 1));
    assertFigure(0.6309297535714575, 3, 1, RankingMetrics.ndcgAtK(positiveSecond, 2));
    // b against a: a tie, half; b against c: won. 1.5 of 2 pairs
    assertFigure(0.75, 3, 1, RankingMetrics.auc(positiveSecond));

    List<Item> positiveFirst =
        List.of(new Item("c", 0.1, 0), new Item("b", 0.5, 0), new Item("a", 0.5, 1));
    assertFigure(1.0, 1, 1, RankingMetrics.precisionAtK(positiveFirst, 1));
    assertFigure(1.0, 3, 1, RankingMetrics.ndcgAtK(positiveFirst, 1));
    assertFigure(0.75, 3, 1, RankingMetrics.auc(positiveFirst));

    // every score equal: the AUC of a coin
    List<Item> allTied =
        List.of(new Item("a", 2, 1), new Item("b", 2, 0), new Item("c", 2, 1), new Item("d", 2, 0));
    assertFigure(0.5, 4, 2, RankingMetrics.auc(allTied));
    // -0.0 and 0.0 are one score
    List<Item> signedZeros = List.of(new Item("b", 0.0, 1), new Item("a", -0.0, 0));
    assertFigure(0.0, 1, 0, RankingMetrics.precisionAtK(signedZeros, 1));
    assertFigure(0.5, 2, 1, RankingMetrics.auc(signedZeros));
  }

  @Test
  void allPositive() {
    List<Item> all = List.of(new Item("a", 0.3, 1), new Item("b", 0.9, 1), new Item("c", 0.1, 1));
    assertFigure(1.0, 2, 2, RankingMetrics.precisionAtK(all, 2));
    assertFigure(1.0, 3, 3, RankingMetrics.ndcgAtK(all, 2));
    Figure auc = RankingMetrics.auc(all);
    assertTrue(Double.isNaN(auc.value()), "no negative: no AUC");
    assertEquals(3, auc.labels());
    assertEquals(3, auc.positives());
  }

  @Test
  void noPositive() {
    List<Item> none = List.of(new Item("a", 0.3, 0), new Item("b", 0.9, 0));
    assertFigure(0.0, 2, 0, RankingMetrics.precisionAtK(none, 5));
    assertFigure(0.0, 2, 0, RankingMetrics.ndcgAtK(none, 5));
    Figure auc = RankingMetrics.auc(none);
    assertTrue(Double.isNaN(auc.value()), "no positive: no AUC");
    assertEquals(2, auc.labels());
    assertEquals(0, auc.positives());
  }

  @Test
  void noItems() {
    assertTrue(Double.isNaN(RankingMetrics.precisionAtK(List.of(), 3).value()));
    assertFigure(0.0, 0, 0, RankingMetrics.ndcgAtK(List.of(), 3));
    assertTrue(Double.isNaN(RankingMetrics.auc(List.of()).value()));
  }

  @Test
  void badInputIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Item("a", 0.5, 2));
    assertThrows(IllegalArgumentException.class, () -> new Item("a", Double.NaN, 1));
    assertThrows(IllegalArgumentException.class, () -> new Item(null, 0.5, 1));
    assertThrows(IllegalArgumentException.class, () -> RankingMetrics.precisionAtK(FIVE, 0));
    assertThrows(IllegalArgumentException.class, () -> RankingMetrics.ndcgAtK(FIVE, 0));
  }
}
