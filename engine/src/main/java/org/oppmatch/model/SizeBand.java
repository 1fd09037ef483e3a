package org.oppmatch.model;

/**
 * An enterprise's size band by the national SME classification for industry (工信部联企业〔2011〕300号,
 * ../shared/data/facts.md): large with at least 1,000 employees and 4亿元 revenue, medium with 300
 * and 2,000万元, small with 20 and 300万元, else micro. A firm that gives only one of the two is banded
 * by it alone; one that gives neither has no band.
 */
public enum SizeBand {
  MICRO("micro", "微型"),
  SMALL("small", "小型"),
  MEDIUM("medium", "中型"),
  LARGE("large", "大型");

  private static final int[] EMPLOYEES = {0, 20, 300, 1_000};
  private static final double[] REVENUE_CNY = {0, 3e6, 2e7, 4e8};

  private final String key;
  private final String zh;

  SizeBand(String key, String zh) {
    this.key = key;
    this.zh = zh;
  }

  public String key() {
    return key;
  }

  public String zh() {
    return zh;
  }

  /** The band, or null when neither revenue nor employees is known. */
  public static SizeBand of(Double revenueCny, Integer employees) {
    if (revenueCny == null && employees == null) {
      return null;
    }
    int band = values().length - 1;
    while (band > 0
        && ((employees != null && employees < EMPLOYEES[band])
            || (revenueCny != null && revenueCny < REVENUE_CNY[band]))) {
      band--;
    }
    return values()[band];
  }
}
