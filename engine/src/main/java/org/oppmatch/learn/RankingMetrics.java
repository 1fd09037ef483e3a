package org.oppmatch.learn;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How well a ranking puts the positives first, for the backtest of a learned ranking against the
 * rules: precision@k, NDCG@k and ROC AUC over scored items with a 0/1 label, in plain Java.
 *
 * <p>The ranking is by score, highest first; equal scores are ordered by the item's key
 * (ascending), so the figures at k never depend on the order the items arrive in. AUC ignores the
 * keys: it counts a tie of a positive and a negative as half a correctly ordered pair.
 *
 * <ul>
 *   <li><b>precision@k</b>: the positives among the first min(k, n) items, divided by min(k, n): a
 *       list shorter than k is judged on what it holds. NaN for no items.
 *   <li><b>NDCG@k</b>: binary gains with a log2 discount, DCG = sum over the first min(k, n) ranks
 *       i (1-based) of label / log2(i + 1), divided by the ideal DCG of the same labels (all
 *       positives first: the sum over i = 1..min(k, positives) of 1 / log2(i + 1)). <b>0 when there
 *       are no positives</b> (nothing could be found; 0/0 is taken as 0, so a backtest averaging
 *       over zones counts such a zone as a miss rather than dropping it).
 *   <li><b>AUC</b>: Mann-Whitney: the share of (positive, negative) pairs the scores order
 *       correctly, ties counted half, from average ranks. NaN when either class is absent.
 * </ul>
 *
 * Each figure carries the number of labels and of positives behind it: for precision@k, the items
 * ranked (min(k, n)) and the positives among them; for NDCG@k and AUC, all items and all positives.
 */
public final class RankingMetrics {
  private RankingMetrics() {}

  /**
   * One scored item.
   *
   * @param key a stable id (e.g. the enterprise id) that orders equal scores
   * @param score higher ranks first; NaN is refused
   * @param label 1 positive (e.g. won), 0 negative
   */
  public record Item(String key, double score, int label) {
    public Item {
      if (key == null) {
        throw new IllegalArgumentException("an item needs a key");
      }
      if (Double.isNaN(score)) {
        throw new IllegalArgumentException("score of " + key + " is NaN");
      }
      if (label != 0 && label != 1) {
        throw new IllegalArgumentException("label of " + key + " is " + label + ", not 0 or 1");
      }
      score += 0.0; // -0.0 becomes 0.0: the two are one score, tied, ordered by key
    }
  }

  /** A figure and what it was computed from. */
  public record Figure(double value, long labels, long positives) {}

  /** The three figures at cut-off {@code k}. */
  public record Result(int k, Figure precisionAtK, Figure ndcgAtK, Figure auc) {}

  /** Highest score first; equal scores by key. */
  static final Comparator<Item> RANKED =
      Comparator.comparingDouble(Item::score).reversed().thenComparing(Item::key);

  public static Result evaluate(List<Item> items, int k) {
    return new Result(k, precisionAtK(items, k), ndcgAtK(items, k), auc(items));
  }

  public static Figure precisionAtK(List<Item> items, int k) {
    List<Item> ranked = ranked(items, k);
    int cut = Math.min(k, ranked.size());
    long hits = 0;
    for (int i = 0; i < cut; i++) {
      hits += ranked.get(i).label();
    }
    return new Figure(cut == 0 ? Double.NaN : (double) hits / cut, cut, hits);
  }

  public static Figure ndcgAtK(List<Item> items, int k) {
    List<Item> ranked = ranked(items, k);
    long positives = positives(items);
    int cut = Math.min(k, ranked.size());
    double dcg = 0;
    for (int i = 0; i < cut; i++) {
      dcg += ranked.get(i).label() / log2(i + 2);
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(k, positives); i++) {
      ideal += 1 / log2(i + 2);
    }
    return new Figure(ideal == 0 ? 0 : dcg / ideal, items.size(), positives);
  }

  public static Figure auc(List<Item> items) {
    long positives = positives(items);
    long negatives = items.size() - positives;
    if (positives == 0 || negatives == 0) {
      return new Figure(Double.NaN, items.size(), positives);
    }
    // ascending scores; a run of equal scores shares the mean of its ranks (1-based)
    List<Item> ascending = new ArrayList<>(items);
    ascending.sort(Comparator.comparingDouble(Item::score));
    double positiveRanks = 0;
    int i = 0;
    while (i < ascending.size()) {
      int j = i;
      long runPositives = 0;
      while (j < ascending.size() && ascending.get(j).score() == ascending.get(i).score()) {
        runPositives += ascending.get(j).label();
        j++;
      }
      double meanRank = (i + 1 + j) / 2.0; // ranks i+1 .. j
      positiveRanks += runPositives * meanRank;
      i = j;
    }
    double u = positiveRanks - positives * (positives + 1) / 2.0;
    return new Figure(u / ((double) positives * negatives), items.size(), positives);
  }

  private static List<Item> ranked(List<Item> items, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    List<Item> ranked = new ArrayList<>(items);
    ranked.sort(RANKED);
    return ranked;
  }

  private static long positives(List<Item> items) {
    long p = 0;
    for (Item it : items) {
      p += it.label();
    }
    return p;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
