package org.oppmatch.bench;

import java.time.LocalDate;

/**
 * Settings of the national enterprise pool. The shares follow ../shared/data/facts.md (size mix of
 * registered enterprises, credential rates, East/Centre/West split); where facts.md has no number
 * the value is an assumption stated here.
 *
 * @param count enterprises to generate
 * @param seed every draw is a hash of (seed, draw, enterprise index): same seed, same rows
 * @param skew share of enterprises whose primary industry is forced onto {@code skewCode}
 * @param skewCode the code of the skew; null: the code the most zone targets name
 * @param anchorDate signals, updated_at and founding years lie before it (the run date)
 * @param foreignShare registered abroad (assumption: 2%; facts.md: 1.2% foreign or HK/Macau/TW
 *     invested among Chinese legal units)
 * @param chainShare primary industry drawn from the sample zones' lead industries and chain nodes
 *     (assumption: 30%; the rest from other manufacturing and service classes)
 * @param signalShare with at least one recent signal (assumption: 12%)
 * @param groupShare in a group of firms sharing a group_id (assumption: 5%)
 * @param sizeMix micro, small, medium, large (facts.md: ~80-85%, 13-16%, 1-2%, 0.1-0.3%)
 * @param metroShare registered in the Chengdu metro area (成德眉资; assumption: 5%, the rest split East
 *     58.8%, Centre 22.6%, West 18.6% as the 2018 census)
 * @param duplicateShare rows planted beside an earlier row: the same company under a second id (its
 *     USCC, or no USCC and its name written another way) or a firm that only looks like it (a
 *     look-alike under another USCC, a branch); assumption: 2%, the order of the duplicates a
 *     merged CRM and registry export holds
 */
public record PoolSettings(
    long count,
    long seed,
    double skew,
    String skewCode,
    LocalDate anchorDate,
    double foreignShare,
    double chainShare,
    double signalShare,
    double groupShare,
    double[] sizeMix,
    double metroShare,
    double duplicateShare)
    implements java.io.Serializable {

  public PoolSettings {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive: " + count);
    }
    if (!(skew >= 0 && skew < 1)) {
      throw new IllegalArgumentException("skew must lie in [0, 1): " + skew);
    }
    if (sizeMix.length != 4
        || Math.abs(sizeMix[0] + sizeMix[1] + sizeMix[2] + sizeMix[3] - 1) > 1e-9) {
      throw new IllegalArgumentException("size mix must be four shares summing to 1");
    }
    if (!(duplicateShare >= 0 && duplicateShare <= 0.5)) {
      throw new IllegalArgumentException("duplicate share must lie in [0, 0.5]: " + duplicateShare);
    }
    sizeMix = sizeMix.clone();
  }

  /** The national defaults for a count and seed, without skew. */
  public static PoolSettings national(long count, long seed) {
    return new PoolSettings(
        count,
        seed,
        0.0,
        null,
        LocalDate.of(2026, 11, 20),
        0.02,
        0.30,
        0.12,
        0.05,
        new double[] {0.82, 0.16, 0.018, 0.002},
        0.05,
        0.02);
  }

  public PoolSettings withSkew(double share, String code) {
    return new PoolSettings(
        count,
        seed,
        share,
        code,
        anchorDate,
        foreignShare,
        chainShare,
        signalShare,
        groupShare,
        sizeMix,
        metroShare,
        duplicateShare);
  }

  public PoolSettings withDuplicates(double share) {
    return new PoolSettings(
        count,
        seed,
        skew,
        skewCode,
        anchorDate,
        foreignShare,
        chainShare,
        signalShare,
        groupShare,
        sizeMix,
        metroShare,
        share);
  }

  @Override
  public double[] sizeMix() {
    return sizeMix.clone();
  }
}
