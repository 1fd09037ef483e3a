package org.oppmatch.score;

/**
 * Where an enterprise stands to a zone: the one geography rule. The geography factor is its value,
 * the explanation sentence says it in Chinese, and the reason codes list the facts it rests on.
 */
public enum Place {
  /** Already has an entity in the Chengdu metro area (local_presence): follow up as expansion. */
  LOCAL_ENTITY(FactorMath.GEO_METRO),
  /** Its city is in the Chengdu metro area (成德眉资). */
  IN_METRO(FactorMath.GEO_METRO),
  /** An upstream or midstream supplier within the cooperation radius: local supply (本地配套). */
  LOCAL_SUPPLY(FactorMath.GEO_LOCAL_SUPPLY),
  /** Any other enterprise within the cooperation radius. */
  WITHIN_RADIUS(FactorMath.GEO_RADIUS),
  /** Farther, in China. */
  DOMESTIC(FactorMath.GEO_DOMESTIC),
  /** Farther, abroad. */
  ABROAD(FactorMath.GEO_ABROAD),
  /** Farther or without coordinates, and no country given. */
  UNKNOWN(FactorMath.GEO_UNKNOWN);

  private final double value;

  Place(double value) {
    this.value = value;
  }

  /** The geography factor's value, 0 to 1. */
  public double value() {
    return value;
  }

  /**
   * @param cityInMetro {@link FactorMath#cityInMetro} of the enterprise's city
   * @param distanceKm from the enterprise to the zone, null without coordinates
   * @param supplier the enterprise matched an upstream or midstream node of the zone
   */
  public static Place of(
      boolean cityInMetro,
      Boolean localPresence,
      Double distanceKm,
      String country,
      double radiusKm,
      boolean supplier) {
    if (Boolean.TRUE.equals(localPresence)) {
      return LOCAL_ENTITY;
    }
    if (cityInMetro) {
      return IN_METRO;
    }
    if (withinRadius(distanceKm, radiusKm)) {
      return supplier ? LOCAL_SUPPLY : WITHIN_RADIUS;
    }
    if (country == null) {
      return UNKNOWN;
    }
    return "CN".equals(country) ? DOMESTIC : ABROAD;
  }

  /** Within the cooperation radius (协作配套半径), its edge included. */
  public static boolean withinRadius(Double distanceKm, double radiusKm) {
    return distanceKm != null && distanceKm <= radiusKm;
  }
}
