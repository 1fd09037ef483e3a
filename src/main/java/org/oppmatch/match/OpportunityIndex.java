package org.oppmatch.match;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oppmatch.model.OpenOpportunity;
import org.oppmatch.model.ZoneModel;
import org.oppmatch.score.FactorMath;

/**
 * The open opportunities as a small in-memory index, broadcast with the zone model: for each GB/T
 * 4754 code prefix (2, 3, 4 digits) the opportunity codes under it, and per opportunity its
 * keywords, packed terms and budget. An enterprise is matched against it in one pass over its own
 * codes, blocked by the industry hierarchy: only firms and opportunities that share an industry are
 * compared.
 */
public final class OpportunityIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  /** An opportunity that names no codes of its own matches on its zone's codes, worth less. */
  public static final double INHERITED_CODE_FACTOR = 0.6;

  /** One open opportunity: what the similarity reads. */
  record Opportunity(String id, String[] keywords, long[] terms, double norm, Double budget)
      implements Serializable {}

  /** One code of an opportunity under a key: whole code or a prefix of it, inherited or own. */
  record Entry(int opportunity, boolean full, String onlyZone, boolean inherited)
      implements Serializable {}

  private final Opportunity[] opportunities;
  private final Map<String, Entry[]> byKey;

  /** The zones each opportunity concerns, ascending, by position. */
  private final String[][] zonesOf;

  private final double secondaryCodeFactor;
  private final double textFull;
  private final double minSimilarity;

  private OpportunityIndex(
      Opportunity[] opportunities,
      Map<String, Entry[]> byKey,
      String[][] zonesOf,
      double secondaryCodeFactor,
      double textFull,
      double minSimilarity) {
    this.opportunities = opportunities;
    this.byKey = byKey;
    this.zonesOf = zonesOf;
    this.secondaryCodeFactor = secondaryCodeFactor;
    this.textFull = textFull;
    this.minSimilarity = minSimilarity;
  }

  /**
   * Builds the index of the open opportunities. An opportunity's codes are its own; without codes
   * it inherits the lead industries of each zone it concerns (a weaker match, valid in that zone
   * only). One without codes, zone or ecosystem has no industry to block on and matches no one.
   */
  public static OpportunityIndex build(
      List<OpenOpportunity> open,
      ZoneModel zones,
      TextModel text,
      double secondaryCodeFactor,
      double textFull,
      double minSimilarity) {
    record Keyed(String key, String opportunityId, Entry entry) {}
    List<OpenOpportunity> sorted = new ArrayList<>(open);
    sorted.sort(Comparator.comparing(OpenOpportunity::id));
    List<Keyed> keyed = new ArrayList<>();
    Map<String, Integer> position = new HashMap<>();
    List<Opportunity> opps = new ArrayList<>();
    List<String[]> zonesOf = new ArrayList<>();
    for (OpenOpportunity o : sorted) {
      List<String> concerned = zones.zonesConcernedBy(o.zoneId(), o.ecosystem());
      List<Keyed> own = new ArrayList<>();
      int at = opps.size();
      if (o.industryCodes() != null && o.industryCodes().length > 0) {
        for (String code : o.industryCodes()) {
          for (int len = 2; len <= Math.min(4, code.length()); len++) {
            own.add(
                new Keyed(code.substring(0, len), o.id(), new Entry(at, len == code.length(), null, false)));
          }
        }
      } else {
        for (String z : concerned) {
          for (String code : zones.leadIndustries(z)) {
            for (int len = 2; len <= Math.min(4, code.length()); len++) {
              own.add(
                  new Keyed(code.substring(0, len), o.id(), new Entry(at, len == code.length(), z, true)));
            }
          }
        }
      }
      if (own.isEmpty() || position.containsKey(o.id())) {
        continue;
      }
      position.put(o.id(), at);
      keyed.addAll(own);
      long[] terms = text.terms(TextFeatures.opportunityText(o.title(), o.description(), o.keywords()));
      opps.add(
          new Opportunity(
              o.id(), keywordsForHits(o.keywords()), terms, TextFeatures.norm(terms), o.budget()));
      zonesOf.add(concerned.stream().sorted().distinct().toArray(String[]::new));
    }
    // in a fixed order, so reruns give the same candidates in the same order
    keyed.sort(
        Comparator.comparing(Keyed::key)
            .thenComparing(Keyed::opportunityId)
            .thenComparing(k -> k.entry().onlyZone(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(k -> k.entry().full()));
    Map<String, List<Entry>> keys = new LinkedHashMap<>();
    for (Keyed k : keyed) {
      keys.computeIfAbsent(k.key(), x -> new ArrayList<>()).add(k.entry());
    }
    Map<String, Entry[]> byKey = new HashMap<>();
    keys.forEach((k, v) -> byKey.put(k, v.toArray(Entry[]::new)));
    return new OpportunityIndex(
        opps.toArray(Opportunity[]::new),
        byKey,
        zonesOf.toArray(String[][]::new),
        secondaryCodeFactor,
        textFull,
        minSimilarity);
  }

  /** Keywords as the text match looks for them: lower case, of two characters or more. */
  private static String[] keywordsForHits(String[] keywords) {
    if (keywords == null) {
      return new String[0];
    }
    List<String> out = new ArrayList<>();
    for (String k : keywords) {
      String l = k.toLowerCase(java.util.Locale.ROOT);
      // one character matches too much text to mean anything
      if (l.codePointCount(0, l.length()) >= 2) {
        out.add(l);
      }
    }
    return out.toArray(String[]::new);
  }

  /** The id of the opportunity at a position. */
  public String id(int opportunity) {
    return opportunities[opportunity].id();
  }

  /** Whether any opportunity shares an industry with these codes (else no text is worth making). */
  public boolean hasCandidates(String[] codes) {
    for (String code : codes) {
      for (int len = 2; len <= code.length(); len++) {
        Entry[] entries = byKey.get(code.substring(0, len));
        if (entries != null) {
          boolean eFull = len == code.length();
          for (Entry en : entries) {
            if (eFull || en.full()) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  /** One match of an enterprise with an opportunity, on one of its codes. */
  public record Match(
      int opportunity,
      String opportunityId,
      String onlyZone,
      double similarity,
      String enterpriseCode,
      int depth,
      boolean inherited,
      String[] keywordHits,
      double cosine,
      double budgetFit) {}

  /** A matched opportunity in a zone's list: its id and similarity. */
  public record Listed(String opportunityId, double similarity) implements Serializable {}

  /**
   * An enterprise's matches: one per opportunity and matching code, in the order its codes (first
   * the primary) and their prefixes meet them; and per zone, the matched opportunities that concern
   * it, one entry per opportunity (its best similarity), best first, ties by id.
   */
  public record Matches(List<Match> matches, Map<String, List<Listed>> perZone) {
    public static final Matches NONE = new Matches(List.of(), Map.of());
  }

  /**
   * The enterprise's matches at or above the minimum similarity: for each of its codes and each
   * prefix of 2 digits up to the whole code, the opportunity codes under that key where one code
   * contains the other, each scored as {@link FactorMath#opportunitySimilarity} of the code fit
   * (inherited codes at {@link #INHERITED_CODE_FACTOR}), the text cosine and the budget fit, rounded
   * to four places as the reasons show them. An inherited match counts only in the zone it was
   * inherited from.
   *
   * @param text the enterprise's text, lower case (for keyword hits)
   * @param terms its packed terms ({@link TextModel#terms})
   */
  public Matches match(String[] codes, Double revenue, String text, long[] terms) {
    List<Match> out = new ArrayList<>();
    // zone -> opportunity -> best similarity
    Map<String, Map<Integer, Double>> perZone = new TreeMap<>();
    double norm = TextFeatures.norm(terms);
    for (int pos = 0; pos < codes.length; pos++) {
      String code = codes[pos];
      for (int len = 2; len <= code.length(); len++) {
        Entry[] entries = byKey.get(code.substring(0, len));
        if (entries == null) {
          continue;
        }
        boolean eFull = len == code.length();
        double industry = FactorMath.industryFit(len, pos == 0, secondaryCodeFactor);
        for (Entry en : entries) {
          if (!eFull && !en.full()) {
            continue;
          }
          Opportunity o = opportunities[en.opportunity()];
          double codeSim = en.inherited() ? industry * INHERITED_CODE_FACTOR : industry;
          double rawCosine = TextFeatures.cosine(terms, norm, o.terms(), o.norm());
          double rawBudgetFit = FactorMath.budgetFit(o.budget(), revenue);
          // most candidates fall far below the threshold: rounding moves each factor by at most
          // half a unit in the fourth place and the similarity grows with both, so a raw bound
          // with a margin of a whole unit rejects them without the (costly) decimal rounding
          if (FactorMath.opportunitySimilarity(
                      codeSim,
                      rawCosine + ROUNDING_MARGIN,
                      textFull,
                      rawBudgetFit + ROUNDING_MARGIN)
                  + ROUNDING_MARGIN
              < minSimilarity) {
            continue;
          }
          double cosine = round4(rawCosine);
          double budgetFit = round4(rawBudgetFit);
          double similarity =
              round4(FactorMath.opportunitySimilarity(codeSim, cosine, textFull, budgetFit));
          if (similarity < minSimilarity) {
            continue;
          }
          for (String z : zonesOf[en.opportunity()]) {
            if (en.onlyZone() == null || en.onlyZone().equals(z)) {
              perZone
                  .computeIfAbsent(z, k -> new HashMap<>())
                  .merge(en.opportunity(), similarity, Math::max);
            }
          }
          out.add(
              new Match(
                  en.opportunity(),
                  o.id(),
                  en.onlyZone(),
                  similarity,
                  code,
                  len,
                  en.inherited(),
                  hits(text, o.keywords()),
                  cosine,
                  budgetFit));
        }
      }
    }
    if (out.isEmpty()) {
      return Matches.NONE;
    }
    Map<String, List<Listed>> lists = new HashMap<>();
    perZone.forEach(
        (zone, best) -> {
          List<Listed> ranked = new ArrayList<>(best.size());
          best.forEach((o, sim) -> ranked.add(new Listed(opportunities[o].id(), sim)));
          ranked.sort(
              Comparator.comparingDouble((Listed x) -> -x.similarity())
                  .thenComparing(Listed::opportunityId));
          lists.put(zone, ranked);
        });
    return new Matches(out, lists);
  }

  /** The keywords found in the text, in the opportunity's order. */
  static String[] hits(String text, String[] keywords) {
    if (text == null) {
      return new String[0];
    }
    List<String> out = new ArrayList<>(2);
    for (String k : keywords) {
      if (k != null && text.contains(k)) {
        out.add(k);
      }
    }
    return out.toArray(String[]::new);
  }

  /** More than the largest change {@link #round4} makes to a factor or to the similarity. */
  private static final double ROUNDING_MARGIN = 1e-4;

  /** Half up at four places of the double's shortest decimal form. */
  static double round4(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
  }
}
