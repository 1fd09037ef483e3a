package org.oppmatch.score;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The scoring factors. Each is a named entry of score_components with a default weight; its value
 * (0..1) per enterprise-zone pair is worked out by {@link Scorer}. Adding a factor means adding a
 * constant here and its value there.
 */
public enum Factor {
  /** Depth of the match on the GB/T 4754 hierarchy; primary code above secondary codes. */
  INDUSTRY_FIT("industry_fit", 20, "产业匹配"),
  /** 补链 above 强链 above 延链, raised by the node's priority and a chain-leader tag. */
  CHAIN_ROLE("chain_role", 40, "链条角色"),
  /** Best similarity to the zone's open scenario opportunities. */
  OPPORTUNITY_FIT("opportunity_fit", 5, "场景机会"),
  /** 能级: tags, size, innovation. */
  STRENGTH("strength", 15, "企业能级"),
  /** Why now: recent signals and revenue growth. */
  MOMENTUM("momentum", 10, "发展势头"),
  /** Metro area, local supply within the 300 km cooperation radius, distance. */
  GEOGRAPHY("geography", 5, "区位"),
  /** Space the zone has available (land, factory, office) against what the enterprise needs. */
  CAPACITY("capacity", 5, "承载空间");

  private final String key;
  private final double defaultWeight;
  private final String zh;

  Factor(String key, double defaultWeight, String zh) {
    this.key = key;
    this.defaultWeight = defaultWeight;
    this.zh = zh;
  }

  public String key() {
    return key;
  }

  /** The factor's name in the people's exports and the report. */
  public String zh() {
    return zh;
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
