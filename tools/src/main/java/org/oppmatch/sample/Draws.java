package org.oppmatch.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The random draws and roundings both generators use (the sample's {@link EnterpriseGenerator} and
 * the benchmark's national pool), written once so that a change reaches both. Every draw takes the
 * caller's {@link SplittableRandom}: the same seed gives the same rows.
 */
public final class Draws {
  private Draws() {}

  public static <T> T pick(SplittableRandom rng, List<T> items) {
    return items.get(rng.nextInt(items.size()));
  }

  public static String pick(SplittableRandom rng, String[] items) {
    return items[rng.nextInt(items.length)];
  }

  /** {@code k} distinct items (fewer if there are fewer), in the order drawn. */
  public static <T> List<T> sample(SplittableRandom rng, List<T> items, int k) {
    List<T> copy = new ArrayList<>(items);
    List<T> out = new ArrayList<>(Math.min(k, items.size()));
    while (out.size() < k && !copy.isEmpty()) {
      out.add(copy.remove(rng.nextInt(copy.size())));
    }
    return out;
  }

  /** Adds {@code tag} with probability {@code p}. */
  public static void flag(Set<String> tags, SplittableRandom rng, double p, String tag) {
    if (rng.nextDouble() < p) {
      tags.add(tag);
    }
  }

  /** Box-Muller, so the stream of draws does not depend on the JDK's Gaussian algorithm. */
  public static double gaussian(SplittableRandom rng) {
    double u1 = 1.0 - rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** From {@code lo} (t = 0) to {@code hi} (t = 1) on a log scale. */
  public static double logLerp(double lo, double hi, double t) {
    return Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * t);
  }

  /** Moves a position in 0..1 by the noise, unless that would leave the range (no pile-up). */
  public static double jitter(double t, double noise) {
    double moved = t + noise;
    return moved >= 0 && moved <= 1 ? moved : t;
  }

  /** To a multiple of {@code step}, at least one step. */
  public static double roundTo(double value, double step) {
    return Math.max(step, Math.round(value / step) * step);
  }

  public static double roundSignificant(double value, int digits) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)) - digits + 1);
    return Math.round(value / magnitude) * magnitude;
  }

  public static double round(double value, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(value * f) / f;
  }
}
