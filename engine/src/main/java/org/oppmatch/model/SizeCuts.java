package org.oppmatch.model;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.oppmatch.score.FactorMath;

/**
 * Enterprise size as a percentile within its industry (the GB/T 4754 division, two digits, of its
 * primary code): revenue, registered capital and employees each placed among the cut points (the 1%
 * .. 99% quantiles) of the firms of the same division, then averaged. A firm of 300 people is large
 * in software and small in car making; a percentile says which. Divisions with fewer than {@code
 * scoring.size_min_group} firms use the whole pool.
 *
 * <p>The quantiles are exact: the cut point of q is the value of rank ceil(q x n) among the n known
 * values, counted by one mergeable pass ({@link Counts}) that holds each distinct value once, so
 * the result depends on the values alone, never on how the input was split. A group with more than
 * {@link #EXACT_DISTINCT} distinct values is counted at four significant digits instead.
 */
public final class SizeCuts implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The measures, in the order their percentiles are averaged. */
  public static final int REVENUE = 0;

  public static final int CAPITAL = 1;
  public static final int EMPLOYEES = 2;
  static final int MEASURES = 3;

  /** Cut points per measure: 1% .. 99%. */
  static final int CUTS = 99;

  /** Distinct values a group's measure keeps exactly. */
  static final int EXACT_DISTINCT = 200_000;

  private static final String ALL = "*";

  /** Per division that has enough firms, and for the whole pool: cut points per measure. */
  private final Map<String, double[][]> cuts;

  private SizeCuts(Map<String, double[][]> cuts) {
    this.cuts = cuts;
  }

  /** The size value 0..1 of a firm of this division and measures (null when unknown). */
  public double sizeValue(String division, Double revenue, Double capital, Integer employees) {
    double[][] c = cuts.containsKey(division) ? cuts.get(division) : cuts.get(ALL);
    Double[] values = {revenue, capital, employees == null ? null : employees.doubleValue()};
    int known = 0;
    double sum = 0.0;
    for (int m = 0; m < MEASURES; m++) {
      if (values[m] != null && c != null && c[m] != null) {
        sum = sum + FactorMath.percentile(values[m], c[m]);
        known++;
      }
    }
    return known == 0 ? 0.0 : sum / known;
  }

  /** Counts of the measures per division and in the whole pool: one pass, mergeable. */
  public static final class Counts implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, long[]> rows = new HashMap<>();
    private final Map<String, ValueCounts[]> values = new HashMap<>();

    public Counts add(String division, Double revenue, Double capital, Integer employees) {
      Double[] v = {revenue, capital, employees == null ? null : employees.doubleValue()};
      for (String group : new String[] {division, ALL}) {
        rows.computeIfAbsent(group, g -> new long[1])[0]++;
        ValueCounts[] counts = values.computeIfAbsent(group, g -> newCounts());
        for (int m = 0; m < MEASURES; m++) {
          if (v[m] != null) {
            counts[m].add(v[m], 1);
          }
        }
      }
      return this;
    }

    public Counts merge(Counts other) {
      other.rows.forEach((g, n) -> rows.computeIfAbsent(g, x -> new long[1])[0] += n[0]);
      other.values.forEach(
          (g, theirs) -> {
            ValueCounts[] mine = values.computeIfAbsent(g, x -> newCounts());
            for (int m = 0; m < MEASURES; m++) {
              mine[m].merge(theirs[m]);
            }
          });
      return this;
    }

    /** The cut points of each division with at least {@code minGroup} firms, and of the pool. */
    public SizeCuts cuts(int minGroup) {
      Map<String, double[][]> out = new HashMap<>();
      values.forEach(
          (g, counts) -> {
            if (g.equals(ALL) || rows.get(g)[0] >= minGroup) {
              double[][] c = new double[MEASURES][];
              for (int m = 0; m < MEASURES; m++) {
                c[m] = counts[m].cutPoints();
              }
              out.put(g, c);
            }
          });
      return new SizeCuts(out);
    }

    private static ValueCounts[] newCounts() {
      ValueCounts[] c = new ValueCounts[MEASURES];
      for (int m = 0; m < MEASURES; m++) {
        c[m] = new ValueCounts();
      }
      return c;
    }
  }

  /** How often each distinct value occurs; at four significant digits past a size. */
  static final class ValueCounts implements Serializable {
    private static final long serialVersionUID = 1L;

    private HashMap<Double, Long> counts = new HashMap<>();
    private boolean rounded;

    void add(double v, long n) {
      counts.merge(rounded ? round(v) : v, n, Long::sum);
      if (!rounded && counts.size() > EXACT_DISTINCT) {
        roundAll();
      }
    }

    void merge(ValueCounts other) {
      if (other.rounded && !rounded) {
        roundAll();
      }
      other.counts.forEach((v, n) -> add(v, n));
    }

    private void roundAll() {
      HashMap<Double, Long> r = new HashMap<>();
      counts.forEach((v, n) -> r.merge(round(v), n, Long::sum));
      counts = r;
      rounded = true;
    }

    private static double round(double v) {
      return Double.isFinite(v) ? new BigDecimal(v).round(new MathContext(4)).doubleValue() : v;
    }

    /** The value of rank ceil(q x n) for q = 1%..99%, or null without values. */
    double[] cutPoints() {
      TreeMap<Double, Long> sorted = new TreeMap<>(counts);
      long n = 0;
      for (long c : sorted.values()) {
        n += c;
      }
      if (n == 0) {
        return null;
      }
      double[] out = new double[CUTS];
      var it = sorted.entrySet().iterator();
      var current = it.next();
      long cumulative = current.getValue();
      for (int i = 0; i < CUTS; i++) {
        long rank = (long) Math.ceil((i + 1) / 100.0 * n);
        while (cumulative < rank) {
          current = it.next();
          cumulative += current.getValue();
        }
        out[i] = current.getKey();
      }
      return out;
    }
  }
}
