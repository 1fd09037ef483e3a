package org.oppmatch.rank;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oppmatch.model.SignalKind;
import org.oppmatch.model.Tag;
import org.oppmatch.score.ChainRole;
import org.oppmatch.score.FactorMath;
import org.oppmatch.score.Lead;
import org.oppmatch.score.NodeMatch;
import org.oppmatch.score.Place;

/**
 * Why a lead is on the list: machine-readable reason codes (FILL_GAP:AERO_ENGINE, OPP:OPP_2026_017,
 * TAG:fortune_global_500, SIGNAL:expansion@2026-10-15, WITHIN_300KM, EXPAND_LOCAL) and one Chinese
 * sentence a promotion officer can check in ten seconds. Made for the published leads only.
 */
public final class Explanations {
  private final LocalDate runDate;
  private final double radiusKm;
  private final int perLead;
  private final Map<String, String> opportunityTitles;
  private final Map<String, String> industryNames;

  /**
   * @param opportunityTitles open opportunities' titles by id (the sentence names the best one)
   * @param industryNames GB/T code to Chinese name (may be empty): names the matched class
   */
  public Explanations(
      LocalDate runDate,
      double radiusKm,
      int perLead,
      Map<String, String> opportunityTitles,
      Map<String, String> industryNames) {
    this.runDate = runDate;
    this.radiusKm = radiusKm;
    this.perLead = perLead;
    this.opportunityTitles = opportunityTitles;
    this.industryNames = industryNames;
  }

  /** The ids of the zone's best matched open opportunities named on the lead. */
  public List<String> matchedOpportunityIds(Lead l) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.min(perLead, l.opportunityIds.length); i++) {
      out.add(l.opportunityIds[i]);
    }
    return out;
  }

  /** The machine-readable reasons, in a fixed order: chain, industry, opportunities, tags, ... */
  public List<String> reasons(Lead l) {
    List<String> out = new ArrayList<>();
    for (NodeMatch n : l.nodes) {
      out.add(n.role().key().toUpperCase(Locale.ROOT) + ":" + n.nodeId());
    }
    if (l.matchedCode != null) {
      out.add("INDUSTRY:" + l.matchedCode + "@" + l.depth);
    }
    if (l.leadIndustry) {
      out.add("LEAD:" + l.targetCode);
    }
    if (!l.primaryCode) {
      out.add("SECONDARY_CODE");
    }
    for (String id : matchedOpportunityIds(l)) {
      out.add("OPP:" + id);
    }
    for (String t : l.tags) {
      out.add("TAG:" + t);
    }
    if (l.bestSignal != null) {
      out.add("SIGNAL:" + l.bestSignal.replace(':', '@'));
    }
    boolean cityInMetro = FactorMath.cityInMetro(l.city);
    boolean withinRadius = Place.withinRadius(l.distanceKm, radiusKm);
    if (cityInMetro) {
      out.add("CHENGDU_METRO");
    }
    if (Boolean.TRUE.equals(l.localPresence)) {
      out.add("EXPAND_LOCAL");
    }
    if (!cityInMetro && withinRadius) {
      out.add("WITHIN_" + (long) radiusKm + "KM");
    }
    if (l.supplier && withinRadius) {
      out.add("LOCAL_SUPPLY");
    }
    if (l.capacityValue >= 1.0) {
      out.add("SPACE_AVAILABLE");
    }
    return out;
  }

  /** What the owner zone's team has done: 本园区于2026-10-12首次对接，目前洽谈中. */
  public static String engagementSentence(org.oppmatch.model.Engagement g) {
    return "本园区于" + g.since() + "首次对接，目前" + g.stage().zh();
  }

  /** One Chinese sentence: the chain role, the opportunity, the standing, the signal, the place. */
  public String sentence(Lead l) {
    List<String> pieces = new ArrayList<>();
    NodeMatch node = l.nodes.length == 0 ? null : l.nodes[0];
    if (l.chainRole != ChainRole.NONE && node != null) {
      pieces.add(l.chainRole.zh() + "：" + node.nameZh() + "（" + l.chainRole.statusZh() + "）");
    }
    if (l.chainRole == ChainRole.NONE && l.matchedCode != null) {
      String name = industryNames.get(l.matchedCode);
      pieces.add(
          "主营行业"
              + l.matchedCode
              + (name == null ? "" : "（" + name + "）")
              + (l.leadIndustry ? "契合园区主导产业" : "对应园区产业链环节"));
    }
    if (l.opportunityIds.length > 0) {
      String title = opportunityTitles.get(l.opportunityIds[0]);
      if (title != null) {
        pieces.add("匹配场景机会「" + title + "」");
      }
    }
    String tag = bestTagName(l.tags);
    if (tag != null) {
      pieces.add(tag);
    }
    if (l.bestSignal != null) {
      int colon = l.bestSignal.indexOf(':');
      String kind = l.bestSignal.substring(0, colon);
      long age =
          Math.max(
              1,
              ChronoUnit.DAYS.between(LocalDate.parse(l.bestSignal.substring(colon + 1)), runDate));
      SignalKind signalKind = SignalKind.of(kind);
      String kindZh = signalKind == null ? null : signalKind.zh();
      if (kindZh != null) {
        pieces.add("近" + age + "天" + kindZh + "信号");
      }
    }
    String place = place(l);
    if (place != null) {
      pieces.add(place);
    }
    return String.join("；", pieces) + "。";
  }

  private String place(Lead l) {
    long r = (long) radiusKm;
    // the country does not change what the sentence says: only the metro area and the radius do
    return switch (Place.of(
        FactorMath.cityInMetro(l.city),
        l.localPresence,
        l.distanceKm,
        null,
        radiusKm,
        l.supplier)) {
      case LOCAL_ENTITY -> "已在成德眉资设有主体，可按增资扩产跟进";
      case IN_METRO -> "位于成德眉资";
      case LOCAL_SUPPLY -> "距园区约" + km(l.distanceKm) + "公里，可在" + r + "公里半径内就近配套";
      case WITHIN_RADIUS -> "距园区约" + km(l.distanceKm) + "公里，在" + r + "公里协作配套半径内";
      case DOMESTIC, ABROAD, UNKNOWN -> null;
    };
  }

  private static long km(double distanceKm) {
    return BigDecimal.valueOf(distanceKm).setScale(0, RoundingMode.HALF_UP).longValue();
  }

  /**
   * Why an enterprise matches an opportunity: the code and depth of the match, ZONE_LEAD_CODES when
   * it matched on the zone's lead industries, the text cosine and the budget fit when they count,
   * and the opportunity's keywords found in the enterprise's text.
   */
  public static List<String> opportunityReasons(org.oppmatch.score.OpportunityLead o) {
    List<String> out = new ArrayList<>();
    out.add("CODE:" + o.enterpriseCode() + "@" + o.depth());
    if (o.inherited()) {
      out.add("ZONE_LEAD_CODES");
    }
    if (o.cosine() > 0) {
      out.add("TEXT:" + twoPlaces(o.cosine()));
    }
    if (o.budgetFit() < 1) {
      out.add("BUDGET_FIT:" + twoPlaces(o.budgetFit()));
    }
    for (String k : o.keywordHits()) {
      out.add("KEYWORD:" + k);
    }
    return out;
  }

  /** Two decimals, half even, as a number format shows them (0.35). */
  static String twoPlaces(double v) {
    java.text.DecimalFormat f =
        new java.text.DecimalFormat("#,##0.00", new java.text.DecimalFormatSymbols(Locale.US));
    return f.format(v);
  }

  /** The Chinese name of the lead's weightiest tag (between equal weights, the greater name). */
  static String bestTagName(String[] tags) {
    String best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (String t : tags) {
      Tag tag = Tag.of(t);
      double v = tag == null ? -1.0 : tag.standing();
      String zh = tag == null ? null : tag.zh();
      if (best == null
          || v > bestValue
          || (v == bestValue && zh != null && (best == null || zh.compareTo(best) > 0))) {
        best = zh;
        bestValue = v;
      }
    }
    return best;
  }
}
