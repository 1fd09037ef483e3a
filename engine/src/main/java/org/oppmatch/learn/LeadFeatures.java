package org.oppmatch.learn;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oppmatch.model.Enterprise;
import org.oppmatch.model.SignalKind;
import org.oppmatch.model.SizeBand;
import org.oppmatch.model.Tag;
import org.oppmatch.score.ChainRole;
import org.oppmatch.score.Factor;
import org.oppmatch.score.FactorMath;
import org.oppmatch.score.Lead;
import org.oppmatch.score.Place;

/**
 * What the learned ranking reads of an enterprise-zone lead: the rules' factor values (each 0..1,
 * before weighting) and the enterprise's own attributes, the list: size band, tags,
 * signals, growth, geography, chain role, whether it manufactures. One definition, computed in the
 * scoring pass where the enterprise is at hand, for the training rows and the candidates alike.
 * Each feature has a key (for {@code model_reasons}) and a Chinese label (for the sentence).
 */
public final class LeadFeatures implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A feature's key and its Chinese label. */
  public record Feature(String key, String zh) implements Serializable {}

  /** Every feature, in the order of the vector. */
  public static final List<Feature> ALL = all();

  private static final int FACTORS = 0;
  private static final int TAGS = FACTORS + Factor.values().length;
  private static final int SIGNALS = TAGS + Tag.values().length;
  private static final int GROWTH = SIGNALS + SignalKind.values().length;
  private static final int GROWTH_UNKNOWN = GROWTH + 1;
  private static final int PLACES = GROWTH_UNKNOWN + 1;
  private static final int SIZES = PLACES + Place.values().length;
  private static final int SIZE_UNKNOWN = SIZES + SizeBand.values().length;
  private static final int ROLES = SIZE_UNKNOWN + 1;
  private static final int MANUFACTURING = ROLES + ChainRole.values().length;
  private static final int LEAD_INDUSTRY = MANUFACTURING + 1;
  private static final int PRIMARY_CODE = LEAD_INDUSTRY + 1;
  public static final int SIZE = PRIMARY_CODE + 1;

  private static List<Feature> all() {
    List<Feature> f = new ArrayList<>();
    for (Factor x : Factor.values()) {
      f.add(new Feature("factor:" + x.key(), x.zh()));
    }
    for (Tag x : Tag.values()) {
      f.add(new Feature("tag:" + x.key(), x.zh()));
    }
    for (SignalKind x : SignalKind.values()) {
      f.add(new Feature("signal:" + x.key(), "近期" + x.zh()));
    }
    f.add(new Feature("revenue_growth", "营收增长"));
    f.add(new Feature("revenue_growth_unknown", "营收增长未知"));
    for (Place x : Place.values()) {
      f.add(new Feature("place:" + x.name().toLowerCase(Locale.ROOT), placeZh(x)));
    }
    for (SizeBand x : SizeBand.values()) {
      f.add(new Feature("size:" + x.key(), x.zh() + "企业"));
    }
    f.add(new Feature("size:unknown", "规模未知"));
    for (ChainRole x : ChainRole.values()) {
      f.add(new Feature("chain_role:" + x.key(), x.zh() == null ? "不在链上" : x.zh()));
    }
    f.add(new Feature("manufacturing", "制造业"));
    f.add(new Feature("lead_industry", "主导产业"));
    f.add(new Feature("primary_code", "主营行业匹配"));
    return List.copyOf(f);
  }

  private static String placeZh(Place p) {
    return switch (p) {
      case LOCAL_ENTITY -> "已在成都都市圈设有主体";
      case IN_METRO -> "位于成都都市圈";
      case LOCAL_SUPPLY -> "合作半径内本地配套";
      case WITHIN_RADIUS -> "合作半径内";
      case DOMESTIC -> "国内其他地区";
      case ABROAD -> "境外";
      case UNKNOWN -> "区位不明";
    };
  }

  private final double[] weights;
  private final double radiusKm;
  private final java.time.LocalDate runDate;
  private final double signalHalfLifeDays;

  /**
   * @param weights the rules' weight per factor (a component divided by its weight is the factor's
   *     value)
   */
  public LeadFeatures(
      double[] weights, double radiusKm, java.time.LocalDate runDate, double signalHalfLifeDays) {
    this.weights = weights.clone();
    this.radiusKm = radiusKm;
    this.runDate = runDate;
    this.signalHalfLifeDays = signalHalfLifeDays;
  }

  /** The feature vector of a lead of this enterprise. */
  public double[] of(Lead l, Enterprise e) {
    double[] x = new double[SIZE];
    for (int i = 0; i < weights.length; i++) {
      x[FACTORS + i] = weights[i] > 0 ? FactorMath.clamp01(l.components[i] / weights[i]) : 0.0;
    }
    for (Tag t : Tag.values()) {
      x[TAGS + t.ordinal()] = e.hasTag(t.key()) ? 1.0 : 0.0;
    }
    for (String s : e.signals) {
      // a signal counts while it is fresh: its weight, 1 on the day, halving every half-life
      int colon = s.indexOf(':');
      SignalKind kind = colon < 0 ? null : SignalKind.of(s.substring(0, colon));
      if (kind != null) {
        double w = FactorMath.signalWeight(s, runDate, signalHalfLifeDays) / kind.weight();
        x[SIGNALS + kind.ordinal()] = Math.max(x[SIGNALS + kind.ordinal()], FactorMath.clamp01(w));
      }
    }
    if (e.revenueGrowth == null) {
      x[GROWTH_UNKNOWN] = 1.0;
    } else {
      x[GROWTH] = Math.max(-1.0, Math.min(2.0, e.revenueGrowth));
    }
    Place place =
        Place.of(
            FactorMath.cityInMetro(e.city),
            e.localPresence,
            l.distanceKm,
            e.country,
            radiusKm,
            l.supplier);
    x[PLACES + place.ordinal()] = 1.0;
    SizeBand band = SizeBand.of(e.revenue, e.employees);
    x[band == null ? SIZE_UNKNOWN : SIZES + band.ordinal()] = 1.0;
    x[ROLES + l.chainRole.ordinal()] = 1.0;
    x[MANUFACTURING] = FactorMath.isManufacturing(e.industryCodes[0]) ? 1.0 : 0.0;
    x[LEAD_INDUSTRY] = l.leadIndustry ? 1.0 : 0.0;
    x[PRIMARY_CODE] = l.primaryCode ? 1.0 : 0.0;
    return x;
  }
}
