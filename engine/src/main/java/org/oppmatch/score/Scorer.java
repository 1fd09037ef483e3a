package org.oppmatch.score;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.oppmatch.config.JobConfig;
import org.oppmatch.match.OpportunityIndex;
import org.oppmatch.match.TextModel;
import org.oppmatch.model.Enterprise;
import org.oppmatch.model.SizeCuts;
import org.oppmatch.model.ZoneModel;

/**
 * Scores one enterprise against every zone it could fit, in plain Java: its candidate zones come
 * from the prefixes of its industry codes looked up in the zone model (lead industries and chain
 * node codes where one code contains the other), each candidate gets every factor's value and its
 * points, and the enterprise's scenario-opportunity matches come from the opportunity index. The
 * scoring pass applies it to each enterprise once, with the model broadcast.
 */
public final class Scorer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What the scoring reads of the configuration, and the run date. */
  public record Params(
      LocalDate runDate,
      double[] weights,
      double secondaryCodeFactor,
      double signalHalfLifeDays,
      double cooperationRadiusKm,
      double minScore,
      int maxZonesPerEnterprise,
      int opportunitiesPerLead)
      implements Serializable {

    public static Params of(JobConfig config, LocalDate runDate) {
      Map<Factor, Double> w = config.normalisedWeights();
      double[] weights = new double[Factor.values().length];
      for (Factor f : Factor.values()) {
        weights[f.ordinal()] = w.get(f);
      }
      return new Params(
          runDate,
          weights,
          config.scoring.secondaryCodeFactor,
          config.scoring.signalHalfLifeDays,
          config.scoring.cooperationRadiusKm,
          config.lists.minScore,
          config.allocation.maxZonesPerEnterprise,
          config.opportunities.perLead);
    }
  }

  private final ZoneModel zones;
  private final OpportunityIndex opportunities;
  private final TextModel text;
  private final SizeCuts sizes;
  private final Params p;

  public Scorer(
      ZoneModel zones, OpportunityIndex opportunities, TextModel text, SizeCuts sizes, Params p) {
    this.zones = zones;
    this.opportunities = opportunities;
    this.text = text;
    this.sizes = sizes;
    this.p = p;
  }

  /**
   * An enterprise's result: its leads in the zones where it scores at least {@code
   * lists.min_score}, best first (each naming the others as competing zones), its lead in the zone
   * that owns its engagement whatever it scores there (null without one), the (zone, chain node)
   * pairs it fits in those zones ({@link Lead#fit}), and its best match with each opportunity it
   * fits.
   */
  public record Scored(
      List<Lead> eligible, Lead owned, int[] fits, List<OpportunityLead> opportunityLeads) {}

  /** What one zone has of the enterprise's code matches. */
  private static final class ZoneMatch {
    double industryValue = -1;
    double bestOrder = -1;
    String matchedCode;
    String targetCode;
    int depth;
    boolean leadIndustry;
    boolean primary;
    final TreeSet<NodeMatch> nodes = new TreeSet<>();
    final TreeSet<Integer> nodeIndices = new TreeSet<>();
  }

  /** The zone model the scorer reads. */
  public ZoneModel zones() {
    return zones;
  }

  /** Working memory for one task (one thread) of the scoring pass. */
  public OpportunityIndex.Scratch scratch() {
    return opportunities.scratch();
  }

  public Scored score(Enterprise e) {
    return score(e, scratch(), null);
  }

  /**
   * Scores an enterprise with a task's working memory ({@link #scratch}).
   *
   * @param ownerZoneId the zone that owns the enterprise's active engagement, or null
   */
  public Scored score(Enterprise e, OpportunityIndex.Scratch scratch, String ownerZoneId) {
    Map<Integer, ZoneMatch> byZone = matchZones(e.industryCodes);
    int owner = ownerZoneId == null ? -1 : zones.indexOf(ownerZoneId);
    OpportunityIndex.Matches matches = OpportunityIndex.Matches.NONE;
    if (opportunities.hasCandidates(e.industryCodes)) {
      String enterpriseText = e.text();
      int[] candidateZones =
          java.util.stream.IntStream.concat(
                  byZone.keySet().stream().mapToInt(Integer::intValue),
                  owner < 0 || byZone.containsKey(owner)
                      ? java.util.stream.IntStream.empty()
                      : java.util.stream.IntStream.of(owner))
              .toArray();
      matches =
          opportunities.match(
              e.industryCodes,
              e.revenue,
              enterpriseText,
              text.terms(enterpriseText),
              candidateZones,
              scratch);
    }
    List<Lead> eligible = new ArrayList<>();
    Lead owned = null;
    int[] fitArray = new int[0];
    if (!byZone.isEmpty() || owner >= 0) {
      Features f = features(e);
      List<Integer> fits = new ArrayList<>();
      for (Map.Entry<Integer, ZoneMatch> z : byZone.entrySet()) {
        Lead lead = lead(e, f, zones.zone(z.getKey()), z.getValue(), matches);
        if (lead.score >= p.minScore()) {
          eligible.add(lead);
          for (int node : z.getValue().nodeIndices) {
            fits.add(Lead.fit(z.getKey(), node));
          }
        }
        if (z.getKey() == owner) {
          owned = lead;
        }
      }
      if (owner >= 0 && owned == null) {
        // the owner zone's codes do not meet the enterprise's: no industry or chain fit there
        ZoneMatch none = new ZoneMatch();
        none.industryValue = 0;
        owned = lead(e, f, zones.zone(owner), none, matches);
      }
      fitArray = fits.stream().mapToInt(Integer::intValue).sorted().toArray();
      for (Lead l : eligible) {
        l.fits = fitArray;
      }
      if (owned != null) {
        owned.fits = fitArray;
      }
      eligible.sort(Lead.BEST_ZONE_FIRST);
      for (Lead l : eligible) {
        l.competingZones =
            eligible.stream()
                .map(o -> o.zoneId)
                .filter(z -> !z.equals(l.zoneId))
                .toArray(String[]::new);
      }
      if (owned != null && owned.competingZones == null) {
        Lead o = owned;
        o.competingZones =
            eligible.stream()
                .map(l -> l.zoneId)
                .filter(z -> !z.equals(o.zoneId))
                .toArray(String[]::new);
      }
    }
    return new Scored(eligible, owned, fitArray, opportunityLeads(e, matches));
  }

  /**
   * The zones whose targets the enterprise's codes meet: for each code (the first is the primary)
   * and each of its prefixes, the targets under that key where one code contains the other (a key
   * that is the whole of either code). A zone's best industry match is the one of highest value,
   * then depth; among equals the later code wins, and under one key the target added first.
   */
  Map<Integer, ZoneMatch> matchZones(String[] codes) {
    Map<Integer, ZoneMatch> byZone = new LinkedHashMap<>();
    for (int pos = 0; pos < codes.length; pos++) {
      String code = codes[pos];
      boolean primary = pos == 0;
      for (int len = 2; len <= code.length(); len++) {
        boolean eFull = len == code.length();
        String key = code.substring(0, len);
        ZoneModel.Target[] targets = eFull ? zones.targets(key) : zones.wholeTargets(key);
        if (targets == null) {
          continue;
        }
        double value = FactorMath.industryFit(len, primary, p.secondaryCodeFactor());
        double order = value * 10 + len;
        for (int i = targets.length - 1; i >= 0; i--) {
          ZoneModel.Target t = targets[i];
          ZoneMatch m = byZone.computeIfAbsent(t.zone(), z -> new ZoneMatch());
          m.industryValue = Math.max(m.industryValue, value);
          if (order >= m.bestOrder) {
            m.bestOrder = order;
            m.matchedCode = code;
            m.targetCode = t.code();
            m.depth = len;
            m.leadIndustry = t.lead();
            m.primary = primary;
          }
          if (!t.lead()) {
            ZoneModel.Node n = zones.node(t.node());
            m.nodes.add(
                new NodeMatch(t.role(), !primary, t.priority(), n.id(), n.nameZh(), n.position()));
            m.nodeIndices.add(t.node());
          }
        }
      }
    }
    return byZone;
  }

  /** The enterprise's own features, the same in every zone. */
  private record Features(
      double strength,
      double momentum,
      String bestSignal,
      boolean cityInMetro,
      boolean manufacturing,
      boolean chainLeader) {}

  private Features features(Enterprise e) {
    double size = sizes.sizeValue(e.division(), e.revenue, e.registeredCapital, e.employees);
    double strength = FactorMath.strength(List.of(e.tags), size, e.patents, e.rdRatio);
    double signalSum = 0.0;
    String best = null;
    double bestWeight = 0.0;
    for (String s : e.signals) {
      double w = FactorMath.signalWeight(s, p.runDate(), p.signalHalfLifeDays());
      signalSum = signalSum + w;
      // the heaviest signal; between equal weights the greater text
      if (w > 0 && (best == null || w > bestWeight || (w == bestWeight && s.compareTo(best) > 0))) {
        best = s;
        bestWeight = w;
      }
    }
    return new Features(
        strength,
        FactorMath.momentum(signalSum, e.revenueGrowth),
        best,
        FactorMath.cityInMetro(e.city),
        FactorMath.isManufacturing(e.industryCodes[0]),
        e.hasTag(org.oppmatch.model.Tag.CHAIN_LEADER.key()));
  }

  private Lead lead(
      Enterprise e,
      Features f,
      ZoneModel.Zone zone,
      ZoneMatch m,
      OpportunityIndex.Matches matches) {
    Lead l = new Lead();
    l.enterpriseId = e.id;
    l.enterpriseName = e.name;
    l.groupId = e.groupId;
    l.zoneId = zone.id();
    l.nodes = m.nodes.toArray(NodeMatch[]::new);
    NodeMatch first = l.nodes.length == 0 ? null : l.nodes[0];
    l.chainRole = first == null ? ChainRole.NONE : first.role();
    l.supplier = false;
    for (NodeMatch n : l.nodes) {
      l.supplier |= n.supplier();
    }
    List<OpportunityIndex.Listed> opps = matches.perZone().getOrDefault(zone.id(), List.of());
    l.opportunityIds =
        opps.stream().map(OpportunityIndex.Listed::opportunityId).toArray(String[]::new);
    l.opportunitySimilarities =
        opps.stream().mapToDouble(OpportunityIndex.Listed::similarity).toArray();
    l.matchedCode = m.matchedCode;
    l.targetCode = m.targetCode;
    l.depth = m.depth;
    l.leadIndustry = m.leadIndustry;
    l.primaryCode = m.primary;
    l.tags = e.tags;
    l.bestSignal = f.bestSignal();
    l.city = e.city;
    l.province = e.province;
    l.legalRepresentative = e.legalRepresentative;
    l.phone = e.phone;
    l.email = e.email;
    l.website = e.website;
    l.address = e.address;
    l.primaryIndustryCode = e.industryCodes.length == 0 ? null : e.industryCodes[0];
    l.revenue = e.revenue;
    l.employees = e.employees;
    l.localPresence = e.localPresence;
    l.distanceKm =
        e.latitude == null
                || e.longitude == null
                || zone.latitude() == null
                || zone.longitude() == null
            ? null
            : FactorMath.haversineKm(e.latitude, e.longitude, zone.latitude(), zone.longitude());
    double[] values = new double[Factor.values().length];
    values[Factor.INDUSTRY_FIT.ordinal()] = m.industryValue;
    values[Factor.CHAIN_ROLE.ordinal()] =
        FactorMath.chainRole(
            l.chainRole,
            first == null ? null : first.priority(),
            f.chainLeader(),
            first == null || !first.secondary(),
            p.secondaryCodeFactor());
    values[Factor.OPPORTUNITY_FIT.ordinal()] =
        l.opportunitySimilarities.length == 0 ? 0.0 : l.opportunitySimilarities[0];
    values[Factor.STRENGTH.ordinal()] = f.strength();
    values[Factor.MOMENTUM.ordinal()] = f.momentum();
    values[Factor.GEOGRAPHY.ordinal()] =
        Place.of(
                f.cityInMetro(),
                e.localPresence,
                l.distanceKm,
                e.country,
                p.cooperationRadiusKm(),
                l.supplier)
            .value();
    values[Factor.CAPACITY.ordinal()] =
        FactorMath.capacity(
            f.manufacturing(), e.employees, zone.factoryM2(), zone.landHa(), zone.officeM2());
    l.capacityValue = FactorMath.clamp01(values[Factor.CAPACITY.ordinal()]);
    l.components = new double[values.length];
    double sum = 0.0;
    for (int i = 0; i < values.length; i++) {
      l.components[i] = FactorMath.round2(FactorMath.clamp01(values[i]) * p.weights()[i]);
      sum = sum + l.components[i];
    }
    l.score = FactorMath.round2(sum);
    return l;
  }

  /** The enterprise's best match with each opportunity it meets. */
  private static List<OpportunityLead> opportunityLeads(
      Enterprise e, OpportunityIndex.Matches matches) {
    List<OpportunityLead> out = new ArrayList<>(matches.best().size());
    for (OpportunityIndex.Best b : matches.best()) {
      out.add(
          new OpportunityLead(
              b.opportunityId(),
              e.id,
              e.name,
              b.similarity(),
              b.enterpriseCode(),
              b.depth(),
              b.inherited(),
              b.keywordHits(),
              b.cosine(),
              b.budgetFit()));
    }
    return out;
  }
}
