package org.oppmatch.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oppmatch.model.SignalKind;
import org.oppmatch.model.Tag;

/**
 * The arithmetic of every scoring factor, in plain Java: values between 0 and 1 from an
 * enterprise-zone pair's features. The one definition the scoring pass, the tools and the tests
 * use.
 */
public final class FactorMath {
  private FactorMath() {}

  /** Value of an industry match by the depth (digits) of the deepest common code. */
  public static final Map<Integer, Double> DEPTH_VALUE = Map.of(4, 1.0, 3, 0.75, 2, 0.5);

  /** Chain roles, best first, with the value each gives the chain_role factor. */
  public static final Map<String, Double> ROLE_VALUE = roleValues();

  /** Share of the chain_role value kept at each zone_chain priority (1 highest); absent: 0.8. */
  public static final Map<Integer, Double> PRIORITY_FACTOR =
      Map.of(1, 1.0, 2, 0.92, 3, 0.84, 4, 0.76, 5, 0.68);

  public static final double PRIORITY_ABSENT = 0.8;

  /** Added to chain_role (capped at 1) when a chain leader matches a chain node of the zone. */
  public static final double CHAIN_LEADER_BONUS = 0.2;

  public static final double EXTRA_TAG_VALUE = 0.05;

  /**
   * Shares of enterprise strength: tags, size (percentile in the industry), innovation (patents,
   * R&D ratio).
   */
  public static final double STRENGTH_TAGS = 0.5;

  public static final double STRENGTH_SIZE = 0.35;
  public static final double STRENGTH_RND = 0.15;

  /** Shares of momentum: recent signals, revenue growth. */
  public static final double MOMENTUM_SIGNALS = 0.75;

  public static final double MOMENTUM_GROWTH = 0.25;

  /** Revenue growth at which the growth part of momentum is full (+50%). */
  public static final double GROWTH_FULL = 0.5;

  /** Geography values: already in the Chengdu metro area, within the cooperation radius, ... */
  public static final double GEO_METRO = 1.0;

  public static final double GEO_RADIUS = 0.7;

  /** An upstream or midstream supplier within the radius: local supply (本地配套). */
  public static final double GEO_LOCAL_SUPPLY = 0.9;

  public static final double GEO_DOMESTIC = 0.4;
  public static final double GEO_ABROAD = 0.25;
  public static final double GEO_UNKNOWN = 0.3;

  /** Cities of the Chengdu metropolitan area (成德眉资), and their pinyin. */
  public static final List<String> METRO_CITIES = List.of("成都", "德阳", "眉山", "资阳");

  private static final List<String> METRO_CITIES_PINYIN =
      List.of("chengdu", "deyang", "meishan", "ziyang");

  /** Whether a city (as written: 成都市, Chengdu, 四川省德阳市) is in the Chengdu metro area. */
  public static boolean cityInMetro(String city) {
    if (city == null) {
      return false;
    }
    String c = city.toLowerCase(java.util.Locale.ROOT);
    for (int i = 0; i < METRO_CITIES.size(); i++) {
      if (c.contains(METRO_CITIES.get(i)) || c.contains(METRO_CITIES_PINYIN.get(i))) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Double> roleValues() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (ChainRole r : ChainRole.values()) {
      m.put(r.key(), r.value());
    }
    return m;
  }

  public static double clamp01(double v) {
    return Math.max(0, Math.min(1, v));
  }

  /** Industry fit: depth value, discounted when the match is on a secondary code. */
  public static double industryFit(int depth, boolean primary, double secondaryFactor) {
    double v = DEPTH_VALUE.getOrDefault(depth, 0.0);
    return primary ? v : v * secondaryFactor;
  }

  /** Chain role: the role's value, scaled by priority, plus the chain-leader bonus. */
  public static double chainRole(String role, Integer priority, boolean chainLeader) {
    return chainRole(role, priority, chainLeader, true, 1.0);
  }

  /**
   * Chain role as above, discounted by {@code secondaryFactor} when the node is matched only
   * through a secondary industry code: a firm whose main business is elsewhere fills a gap less
   * surely.
   */
  public static double chainRole(
      String role, Integer priority, boolean chainLeader, boolean primary, double secondaryFactor) {
    return chainRole(ChainRole.of(role), priority, chainLeader, primary, secondaryFactor);
  }

  /** As {@link #chainRole(String, Integer, boolean, boolean, double)}, for a role. */
  public static double chainRole(
      ChainRole role,
      Integer priority,
      boolean chainLeader,
      boolean primary,
      double secondaryFactor) {
    double v = role.value();
    if (v == 0) {
      return 0;
    }
    double p =
        priority == null
            ? PRIORITY_ABSENT
            : PRIORITY_FACTOR.getOrDefault(priority, PRIORITY_ABSENT);
    double value = clamp01(v * p + (chainLeader ? CHAIN_LEADER_BONUS : 0));
    return primary ? value : value * secondaryFactor;
  }

  /** Tag part of strength: the best tag's value plus a little for each further known tag. */
  public static double tagValue(List<String> tags) {
    double best = 0;
    int known = 0;
    for (String t : tags) {
      Tag tag = Tag.of(t);
      if (tag != null) {
        best = Math.max(best, tag.standing());
        known++;
      }
    }
    return known == 0 ? 0 : clamp01(best + EXTRA_TAG_VALUE * (known - 1));
  }

  /**
   * Where {@code value} stands among a group's cut points (its 1%..99% quantiles), 0..1: the
   * mid-rank share, so a value equal to many cut points (50 employees is common) sits in their
   * middle rather than at their bottom.
   */
  public static double percentile(double value, double[] cuts) {
    if (cuts == null || cuts.length == 0) {
      return 0;
    }
    int below = 0;
    int atOrBelow = 0;
    for (double c : cuts) {
      if (c < value) {
        below++;
      }
      if (c <= value) {
        atOrBelow++;
      }
    }
    return (below + atOrBelow) / (2.0 * cuts.length);
  }

  /** Size: the mean of the known percentiles (revenue, capital, employees) in the industry. */
  public static double sizeValue(Double... percentiles) {
    double sum = 0;
    int known = 0;
    for (Double p : percentiles) {
      if (p != null) {
        sum += p;
        known++;
      }
    }
    return known == 0 ? 0 : clamp01(sum / known);
  }

  /** Budget at or below which a firm of any size is not put off by how small a project is. */
  public static final double BUDGET_SMALL_SHARE = 1e-4;

  /** Budget fit of a project for a firm too large to bother with it. */
  public static final double BUDGET_TOO_SMALL = 0.8;

  /** Lowest budget fit, for a project far beyond the firm's means. */
  public static final double BUDGET_FLOOR = 0.25;

  /**
   * How well an opportunity's budget suits a firm of this revenue, 0.25..1: a project worth up to a
   * year's revenue is within reach (1); beyond, the fit halves with each doubling (a firm of 10
   * million CNY will not deliver a 200 million project); a project below 0.01% of revenue is too
   * small for the firm to bid (0.8). Unknown budget or revenue: 1.
   */
  public static double budgetFit(Double budget, Double revenue) {
    if (budget == null || revenue == null || budget <= 0 || revenue <= 0) {
      return 1;
    }
    double ratio = budget / revenue;
    if (ratio > 1) {
      return Math.max(BUDGET_FLOOR, 1 / (1 + Math.log(ratio) / Math.log(2)));
    }
    return ratio < BUDGET_SMALL_SHARE ? BUDGET_TOO_SMALL : 1;
  }

  /** Share of the opportunity similarity from the industry codes; the rest is from the text. */
  public static final double OPP_CODE_SHARE = 0.5;

  /**
   * Similarity of an enterprise to an opportunity, 0..1: half the code match, half the text match
   * (cosine of the TF-IDF term vectors, full at {@code textFull}), times the budget fit.
   */
  public static double opportunitySimilarity(
      double codeValue, double cosine, double textFull, double budgetFit) {
    double text = clamp01(cosine / textFull);
    return (OPP_CODE_SHARE * codeValue + (1 - OPP_CODE_SHARE) * text) * budgetFit;
  }

  /** Innovation: patents on a log scale (1,000 patents is full) and the R&D ratio (10% is full). */
  public static double rndValue(Integer patents, Double rdRatio) {
    double p = patents == null || patents <= 0 ? 0 : clamp01(Math.log10(1 + patents) / 3);
    double r = rdRatio == null ? 0 : clamp01(rdRatio / 0.1);
    return 0.5 * p + 0.5 * r;
  }

  /** Strength from the tags, the size value (see {@link #sizeValue}) and innovation. */
  public static double strength(
      List<String> tags, double sizeValue, Integer patents, Double rdRatio) {
    return STRENGTH_TAGS * tagValue(tags)
        + STRENGTH_SIZE * sizeValue
        + STRENGTH_RND * rndValue(patents, rdRatio);
  }

  /** A signal's weight {@code ageDays} after it: halves every {@code halfLifeDays}; 0 if future. */
  public static double signalWeight(String kind, long ageDays, double halfLifeDays) {
    if (ageDays < 0) {
      return 0;
    }
    SignalKind k = SignalKind.of(kind);
    return k == null ? 0 : k.weight() * Math.pow(0.5, ageDays / halfLifeDays);
  }

  /**
   * A signal's weight on the run date: {@code kind:YYYY-MM-DD} (validated), by {@link
   * #signalWeight(String, long, double)}.
   */
  public static double signalWeight(String signal, java.time.LocalDate runDate, double halfLife) {
    int colon = signal.indexOf(':');
    long age =
        java.time.temporal.ChronoUnit.DAYS.between(
            java.time.LocalDate.parse(signal.substring(colon + 1)), runDate);
    return signalWeight(signal.substring(0, colon), age, halfLife);
  }

  /** Momentum: summed signal weights (capped at 1) and revenue growth. */
  public static double momentum(double signalSum, Double revenueGrowth) {
    double g = revenueGrowth == null ? 0 : clamp01(revenueGrowth / GROWTH_FULL);
    return MOMENTUM_SIGNALS * clamp01(signalSum) + MOMENTUM_GROWTH * g;
  }

  /** Great-circle distance in km. */
  public static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat1))
                * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 6371.0088 * 2 * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  /** The geography factor of an enterprise without an entity in the metro area ({@link Place}). */
  public static double geography(
      boolean cityInMetro, Double distanceKm, String country, double radiusKm, boolean supplier) {
    return Place.of(cityInMetro, null, distanceKm, country, radiusKm, supplier).value();
  }

  /** Floor space a manufacturer needs per employee (m², factory), and a service firm (office). */
  public static final double FACTORY_M2_PER_EMPLOYEE = 40;

  public static final double OFFICE_M2_PER_EMPLOYEE = 8;

  /** Usable floor space per hectare of available land (plot ratio about 0.5). */
  public static final double FACTORY_M2_PER_HA = 5000;

  /** Capacity when the zone publishes no space figures: neither a plus nor a minus. */
  public static final double CAPACITY_UNKNOWN = 0.5;

  /** GB/T 4754 section C (manufacturing) is major classes 13 to 43. */
  public static boolean isManufacturing(String code) {
    if (code == null || code.length() < 2 || !code.substring(0, 2).matches("[0-9]{2}")) {
      return false;
    }
    int major = Integer.parseInt(code.substring(0, 2));
    return major >= 13 && major <= 43;
  }

  /**
   * Zone capacity: the space the zone has available against what the enterprise would need (factory
   * space and land for a manufacturer, offices otherwise), 1 when it fits.
   */
  public static double capacity(
      boolean manufacturing, Integer employees, Double factoryM2, Double landHa, Double officeM2) {
    int staff = Math.max(employees == null ? 0 : employees, manufacturing ? 10 : 5);
    if (manufacturing) {
      if (factoryM2 == null && landHa == null) {
        return CAPACITY_UNKNOWN;
      }
      double space =
          (factoryM2 == null ? 0 : factoryM2) + (landHa == null ? 0 : landHa * FACTORY_M2_PER_HA);
      return clamp01(space / (staff * FACTORY_M2_PER_EMPLOYEE));
    }
    if (officeM2 == null) {
      return CAPACITY_UNKNOWN;
    }
    return clamp01(officeM2 / (staff * OFFICE_M2_PER_EMPLOYEE));
  }

  /**
   * Each factor's contribution (value times normalised weight) rounded to 0.01, and the score as
   * their sum, so the components always add up to the score exactly.
   */
  public static Map<String, Double> contributions(
      Map<Factor, Double> values, Map<Factor, Double> weights) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Factor f : Factor.values()) {
      out.put(f.key(), round2(clamp01(values.getOrDefault(f, 0.0)) * weights.getOrDefault(f, 0.0)));
    }
    return out;
  }

  /**
   * Rounds half up at two decimals of the value's shortest decimal form, as Spark's round(x, 2)
   * does, so the plain-Java and the Column arithmetic give the same cents.
   */
  public static double round2(double v) {
    return roundHalfUp(v, 2);
  }

  private static final double[] POWERS = {1, 10, 100, 1000, 10_000};

  /**
   * Half up at {@code places} (at most 4) of the double's shortest decimal form, as {@code
   * BigDecimal.valueOf(v).setScale(places, HALF_UP)}. The decimal conversion is the scoring pass's
   * most frequent arithmetic, so a value that is not within a hair of a half is rounded in binary
   * (the result is the same: the nearest double to k / 10^places), and only the near-halves, where
   * the binary product may fall on either side, go through the decimal form.
   */
  public static double roundHalfUp(double v, int places) {
    double p = POWERS[places];
    double scaled = v * p;
    if (Double.isFinite(scaled) && Math.abs(scaled) < 1e12) {
      double floor = Math.floor(scaled);
      if (Math.abs(scaled - floor - 0.5) > 1e-6) {
        return Math.floor(scaled + 0.5) / p;
      }
    }
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    return java.math.BigDecimal.valueOf(v)
        .setScale(places, java.math.RoundingMode.HALF_UP)
        .doubleValue();
  }

  /** Tier by score: A at or above {@code tierA}, B at or above {@code tierB}, else C. */
  public static String tier(double score, double tierA, double tierB) {
    return score >= tierA ? "A" : score >= tierB ? "B" : "C";
  }
}
