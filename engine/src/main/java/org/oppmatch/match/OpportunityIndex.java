package org.oppmatch.match;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * One open opportunity: what the similarity reads. Its terms twice: packed, and as term indices
   * with their squared weights, for the enterprise's marked terms to be summed over.
   */
  record Opportunity(
      String id,
      String[] keywords,
      long[] terms,
      int[] termIndices,
      double[] squaredWeights,
      double norm,
      Double budget)
      implements Serializable {}

  /** One code of an opportunity under a key: whole code or a prefix of it, inherited or own. */
  record Entry(int opportunity, boolean full, String onlyZone, int onlyZoneIndex, boolean inherited)
      implements Serializable {}

  private final Opportunity[] opportunities;
  private final Map<String, Entry[]> byKey;

  /**
   * The entries of each key that are a whole code: all an enterprise code longer than the key can
   * meet (under a 2-digit key most opportunity codes are longer, and skipping them one by one was
   * the scoring pass's largest cost).
   */
  private final Map<String, Entry[]> wholeByKey;

  /** The zones each opportunity concerns (their indices in the zone model), by position. */
  private final int[][] zonesOf;

  /** The zone ids by index, as in the zone model. */
  private final String[] zoneIds;

  private final double secondaryCodeFactor;
  private final double textFull;
  private final double minSimilarity;

  private OpportunityIndex(
      Opportunity[] opportunities,
      Map<String, Entry[]> byKey,
      int[][] zonesOf,
      String[] zoneIds,
      double secondaryCodeFactor,
      double textFull,
      double minSimilarity) {
    this.opportunities = opportunities;
    this.byKey = byKey;
    this.wholeByKey = new HashMap<>();
    byKey.forEach(
        (k, entries) -> {
          Entry[] whole =
              java.util.Arrays.stream(entries).filter(Entry::full).toArray(Entry[]::new);
          if (whole.length > 0) {
            wholeByKey.put(k, whole);
          }
        });
    this.zonesOf = zonesOf;
    this.zoneIds = zoneIds;
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
    List<int[]> zonesOf = new ArrayList<>();
    for (OpenOpportunity o : sorted) {
      List<String> concerned = zones.zonesConcernedBy(o.zoneId(), o.ecosystem());
      List<Keyed> own = new ArrayList<>();
      int at = opps.size();
      if (o.industryCodes() != null && o.industryCodes().length > 0) {
        for (String code : o.industryCodes()) {
          for (int len = 2; len <= Math.min(4, code.length()); len++) {
            own.add(
                new Keyed(
                    code.substring(0, len),
                    o.id(),
                    new Entry(at, len == code.length(), null, -1, false)));
          }
        }
      } else {
        for (String z : concerned) {
          for (String code : zones.leadIndustries(z)) {
            for (int len = 2; len <= Math.min(4, code.length()); len++) {
              own.add(
                  new Keyed(
                      code.substring(0, len),
                      o.id(),
                      new Entry(at, len == code.length(), z, zones.indexOf(z), true)));
            }
          }
        }
      }
      if (own.isEmpty() || position.containsKey(o.id())) {
        continue;
      }
      position.put(o.id(), at);
      keyed.addAll(own);
      long[] terms =
          text.terms(TextFeatures.opportunityText(o.title(), o.description(), o.keywords()));
      int[] indices = new int[terms.length];
      double[] squared = new double[terms.length];
      for (int i = 0; i < terms.length; i++) {
        indices[i] = TextFeatures.termIndex(terms[i]);
        squared[i] = TextFeatures.squaredWeight(terms[i]);
      }
      opps.add(
          new Opportunity(
              o.id(),
              keywordsForHits(o.keywords()),
              terms,
              indices,
              squared,
              TextFeatures.norm(terms),
              o.budget()));
      zonesOf.add(concerned.stream().distinct().mapToInt(zones::indexOf).toArray());
    }
    // in a fixed order, so reruns give the same candidates in the same order
    keyed.sort(
        Comparator.comparing(Keyed::key)
            .thenComparing(Keyed::opportunityId)
            .thenComparing(
                k -> k.entry().onlyZone(), Comparator.nullsFirst(Comparator.naturalOrder()))
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
        zonesOf.toArray(int[][]::new),
        zones.zoneIds(),
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

  /**
   * A task's working memory for {@link #match}: the enterprise's terms marked in a bit set (32 KiB,
   * cache-resident), per opportunity its cosine and budget fit, computed once per enterprise
   * however many of its codes meet the opportunity, and its best match so far. Not shared between
   * threads.
   */
  public static final class Scratch {
    private final long[] marked = new long[TextFeatures.NUM_FEATURES >>> 6];
    private final int[] seen;
    private final double[] cosine;
    private final double[] budgetFit;
    private final int[] matched;
    private final double[] bestSimilarity;
    private final double[] whySimilarity;
    private final String[] whyCode;
    private final int[] whyDepth;
    private final boolean[] whyInherited;
    private boolean[] wanted;
    private int enterprise;

    boolean[] wanted(int zones) {
      if (wanted == null || wanted.length < zones) {
        wanted = new boolean[zones];
      }
      return wanted;
    }

    Scratch(int opportunities) {
      seen = new int[opportunities];
      cosine = new double[opportunities];
      budgetFit = new double[opportunities];
      matched = new int[opportunities];
      bestSimilarity = new double[opportunities];
      whySimilarity = new double[opportunities];
      whyCode = new String[opportunities];
      whyDepth = new int[opportunities];
      whyInherited = new boolean[opportunities];
    }
  }

  /** Working memory for one task's enterprises. */
  public Scratch scratch() {
    return new Scratch(opportunities.length);
  }

  /**
   * The cosine of the marked enterprise terms (of norm {@code norm}) and an opportunity's: the sum
   * of the squared weights of the shared terms in ascending term order, as {@link
   * TextFeatures#cosine(long[], double, long[], double)} merges them, so the two are equal.
   */
  private static double cosine(long[] marked, double norm, Opportunity o) {
    if (!(norm > 0) || !(o.norm() > 0)) {
      return 0.0;
    }
    double dot = 0.0;
    int[] idx = o.termIndices();
    double[] w2 = o.squaredWeights();
    for (int i = 0; i < idx.length; i++) {
      // few terms are shared, so the branch is well predicted; a branch-free sum was slower
      if ((marked[idx[i] >>> 6] & (1L << idx[i])) != 0) {
        dot = dot + w2[i];
      }
    }
    return dot / (norm * o.norm());
  }

  /** Whether any opportunity shares an industry with these codes (else no text is worth making). */
  public boolean hasCandidates(String[] codes) {
    for (String code : codes) {
      for (int len = 2; len <= code.length(); len++) {
        if ((len == code.length() ? byKey : wholeByKey).containsKey(code.substring(0, len))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * An enterprise's best match with one opportunity: the highest similarity over the codes that
   * meet it, and why (of the matches of highest similarity, then depth, the last met): the
   * enterprise's code, the depth, whether the opportunity's codes were inherited from its zone, the
   * keywords found, the cosine and the budget fit.
   */
  public record Best(
      int opportunity,
      String opportunityId,
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
   * An enterprise's matches: its best match with each opportunity it meets, in the order its codes
   * (first the primary) and their prefixes meet them; and, for the zones asked for, the matched
   * opportunities that concern each, one entry per opportunity (its best similarity), best first,
   * ties by id.
   */
  public record Matches(List<Best> best, Map<String, List<Listed>> perZone) {
    public static final Matches NONE = new Matches(List.of(), Map.of());
  }

  /**
   * The enterprise's matches at or above the minimum similarity: for each of its codes and each
   * prefix of 2 digits up to the whole code, the opportunity codes under that key where one code
   * contains the other, each scored as {@link FactorMath#opportunitySimilarity} of the code fit
   * (inherited codes at {@link #INHERITED_CODE_FACTOR}), the text cosine and the budget fit,
   * rounded to four places as the reasons show them. An inherited match counts only in the zone it
   * was inherited from.
   *
   * @param text the enterprise's text, lower case (for keyword hits)
   * @param terms its packed terms ({@link TextModel#terms})
   * @param zones the zones whose lists are wanted (the enterprise's candidate zones), by their
   *     index in the zone model
   */
  public Matches match(String[] codes, Double revenue, String text, long[] terms, int[] zones) {
    return match(codes, revenue, text, terms, zones, scratch());
  }

  /** As {@link #match(String[], Double, String, long[], int[])}, with a task's working memory. */
  public Matches match(
      String[] codes, Double revenue, String text, long[] terms, int[] zones, Scratch scratch) {
    double norm = TextFeatures.norm(terms);
    int me = ++scratch.enterprise;
    for (long t : terms) {
      int i = TextFeatures.termIndex(t);
      scratch.marked[i >>> 6] |= 1L << i;
    }
    boolean[] wanted = scratch.wanted(zoneIds.length);
    for (int z : zones) {
      wanted[z] = true;
    }
    List<Integer> met = new ArrayList<>();
    // zone -> opportunity -> best similarity, for the zones asked for
    Map<Integer, Map<Integer, Double>> perZone = new HashMap<>();
    try {
      matchCodes(codes, revenue, norm, wanted, scratch, me, met, perZone);
    } finally {
      for (long t : terms) {
        int i = TextFeatures.termIndex(t);
        scratch.marked[i >>> 6] &= ~(1L << i);
      }
      for (int z : zones) {
        wanted[z] = false;
      }
    }
    if (met.isEmpty()) {
      return Matches.NONE;
    }
    List<Best> best = new ArrayList<>(met.size());
    for (int at : met) {
      best.add(
          new Best(
              at,
              opportunities[at].id(),
              scratch.bestSimilarity[at],
              scratch.whyCode[at],
              scratch.whyDepth[at],
              scratch.whyInherited[at],
              hits(text, opportunities[at].keywords()),
              round4(scratch.cosine[at]),
              round4(scratch.budgetFit[at])));
    }
    Map<String, List<Listed>> lists = new HashMap<>();
    perZone.forEach(
        (zone, byOpportunity) -> {
          List<Listed> ranked = new ArrayList<>(byOpportunity.size());
          byOpportunity.forEach((o, sim) -> ranked.add(new Listed(opportunities[o].id(), sim)));
          ranked.sort(
              Comparator.comparingDouble((Listed x) -> -x.similarity())
                  .thenComparing(Listed::opportunityId));
          lists.put(zoneIds[zone], ranked);
        });
    return new Matches(best, lists);
  }

  private void matchCodes(
      String[] codes,
      Double revenue,
      double norm,
      boolean[] wanted,
      Scratch scratch,
      int me,
      List<Integer> met,
      Map<Integer, Map<Integer, Double>> perZone) {
    for (int pos = 0; pos < codes.length; pos++) {
      String code = codes[pos];
      for (int len = 2; len <= code.length(); len++) {
        boolean eFull = len == code.length();
        // a key that is the whole enterprise code meets every code under it, else whole codes only
        Entry[] entries = (eFull ? byKey : wholeByKey).get(code.substring(0, len));
        if (entries == null) {
          continue;
        }
        double industry = FactorMath.industryFit(len, pos == 0, secondaryCodeFactor);
        for (Entry en : entries) {
          int at = en.opportunity();
          if (scratch.seen[at] != me) {
            scratch.seen[at] = me;
            Opportunity o = opportunities[at];
            scratch.cosine[at] = cosine(scratch.marked, norm, o);
            scratch.budgetFit[at] = FactorMath.budgetFit(o.budget(), revenue);
          }
          double codeSim = en.inherited() ? industry * INHERITED_CODE_FACTOR : industry;
          double rawCosine = scratch.cosine[at];
          double rawBudgetFit = scratch.budgetFit[at];
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
          double similarity =
              round4(
                  FactorMath.opportunitySimilarity(
                      codeSim, round4(rawCosine), textFull, round4(rawBudgetFit)));
          if (similarity < minSimilarity) {
            continue;
          }
          if (scratch.matched[at] != me) {
            scratch.matched[at] = me;
            scratch.bestSimilarity[at] = similarity;
            met.add(at);
            why(scratch, at, similarity, code, len, en.inherited());
          } else {
            scratch.bestSimilarity[at] = Math.max(scratch.bestSimilarity[at], similarity);
            if (similarity * 10 + len >= scratch.whySimilarity[at] * 10 + scratch.whyDepth[at]) {
              why(scratch, at, similarity, code, len, en.inherited());
            }
          }
          for (int z : zonesOf[at]) {
            if (wanted[z] && (en.onlyZoneIndex() < 0 || en.onlyZoneIndex() == z)) {
              perZone.computeIfAbsent(z, k -> new HashMap<>()).merge(at, similarity, Math::max);
            }
          }
        }
      }
    }
  }

  private static void why(
      Scratch scratch, int at, double similarity, String code, int depth, boolean inherited) {
    scratch.whySimilarity[at] = similarity;
    scratch.whyCode[at] = code;
    scratch.whyDepth[at] = depth;
    scratch.whyInherited[at] = inherited;
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
    return FactorMath.roundHalfUp(v, 4);
  }
}
