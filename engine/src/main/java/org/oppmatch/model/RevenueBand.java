package org.oppmatch.model;

/**
 * A readable band of an enterprise's annual revenue (revenue_cny), as a promotion officer says it
 * on the phone: 2000万-1亿元 rather than 37,450,000. The cuts include the national SME
 * classification's (300万, 2000万, 4亿元, see {@link SizeBand}), so a band never straddles a size band,
 * and add 1亿, 10亿 and 100亿元 where the large firms differ most. A lower bound belongs to its band.
 */
public enum RevenueBand {
  UNDER_3M(0, "300万元以下"),
  FROM_3M(3e6, "300万-2000万元"),
  FROM_20M(2e7, "2000万-1亿元"),
  FROM_100M(1e8, "1亿-4亿元"),
  FROM_400M(4e8, "4亿-10亿元"),
  FROM_1B(1e9, "10亿-100亿元"),
  FROM_10B(1e10, "100亿元以上");

  private final double fromCny;
  private final String zh;

  RevenueBand(double fromCny, String zh) {
    this.fromCny = fromCny;
    this.zh = zh;
  }

  /** The band's lower bound in yuan (included). */
  public double fromCny() {
    return fromCny;
  }

  public String zh() {
    return zh;
  }

  /** The band of a revenue in yuan, or null when the revenue is unknown. */
  public static RevenueBand of(Double revenueCny) {
    if (revenueCny == null || revenueCny.isNaN()) {
      return null;
    }
    RevenueBand[] all = values();
    int band = all.length - 1;
    while (band > 0 && revenueCny < all[band].fromCny) {
      band--;
    }
    return all[band];
  }
}
