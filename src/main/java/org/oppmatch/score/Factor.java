package org.oppmatch.score;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scoring factors. Each is a named entry of score_components with a default weight; its value
 * (0..1) per enterprise-zone pair is built in {@link FactorColumns#value}. Adding a factor means
 * adding a constant here and its expression there.
 */
public enum Factor {
  /** Depth of the match on the GB/T 4754 hierarchy; primary code above secondary codes. */
  INDUSTRY_FIT("industry_fit", 20),
  /** 补链 above 强链 above 延链, raised by the node's priority and a chain-leader tag. */
  CHAIN_ROLE("chain_role", 40),
  /** Best similarity to the zone's open scenario opportunities. */
  OPPORTUNITY_FIT("opportunity_fit", 5),
  /** 能级: tags, size, innovation. */
  STRENGTH("strength", 15),
  /** Why now: recent signals and revenue growth. */
  MOMENTUM("momentum", 10),
  /** Metro area, local supply within the 300 km cooperation radius, distance. */
  GEOGRAPHY("geography", 5),
  /** Space the zone has available (land, factory, office) against what the enterprise needs. */
  CAPACITY("capacity", 5);

  private final String key;
  private final double defaultWeight;

  Factor(String key, double defaultWeight) {
    this.key = key;
    this.defaultWeight = defaultWeight;
  }

  public String key() {
    return key;
  }

  public double defaultWeight() {
    return defaultWeight;
  }

  public static Map<String, Double> defaultWeights() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (Factor f : values()) {
      m.put(f.key, f.defaultWeight);
    }
    return m;
  }

  public static Optional<Factor> byKey(String key) {
    return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Factor::key).toList();
  }
}
