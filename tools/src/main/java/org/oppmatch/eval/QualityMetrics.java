package org.oppmatch.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.oppmatch.sample.NoiseGapFiller;
import org.oppmatch.sample.TruthRow;

/**
 * Quality of published lead lists against planted truth, in plain Java. A lead is relevant in a
 * zone when it is a planted enterprise whose truth zone is that zone; every other lead (noise, or a
 * planted enterprise of another zone) is not.
 *
 * <p>Precision at k of a zone is the number of relevant leads among its first k, divided by {@code
 * min(k, planted enterprises of the zone)}: a zone with 12 planted firms and those 12 in its top 20
 * has precision@20 = 1, as a list can hold no more relevant leads than were planted. It is only
 * defined for zones with planted enterprises.
 *
 * <p>The lenient precision also counts as relevant a noise enterprise that fills a gap of the zone
 * by the same reading of the chain map ({@link NoiseGapFiller}); its denominator is {@code min(k,
 * planted + such noise firms of the zone)}. It separates "the list is full of the zone's
 * gap-fillers, just not the planted ones" from "the list holds firms that do not belong there".
 */
public final class QualityMetrics {
  private final Map<String, TruthRow> truthById = new LinkedHashMap<>();
  private final Map<String, Integer> plantedByZone = new HashMap<>();
  private final Map<String, List<Lead>> byZone = new HashMap<>();
  private final Map<String, List<Lead>> byEnterprise = new HashMap<>();
  private final Set<String> noiseGapFillers = new java.util.HashSet<>();
  private final Map<String, Integer> noiseGapFillersByZone = new HashMap<>();

  public QualityMetrics(List<Lead> leads, List<TruthRow> truth) {
    this(leads, truth, List.of());
  }

  public QualityMetrics(List<Lead> leads, List<TruthRow> truth, List<NoiseGapFiller> noise) {
    for (TruthRow t : truth) {
      if (truthById.put(t.enterpriseId(), t) != null) {
        throw new IllegalArgumentException("enterprise planted twice: " + t.enterpriseId());
      }
      plantedByZone.merge(t.zoneId(), 1, Integer::sum);
    }
    for (Lead l : leads) {
      byZone.computeIfAbsent(l.zoneId(), z -> new ArrayList<>()).add(l);
      byEnterprise.computeIfAbsent(l.enterpriseId(), e -> new ArrayList<>()).add(l);
    }
    byZone.values().forEach(list -> list.sort(Comparator.comparingInt(Lead::rank)));
    for (NoiseGapFiller n : noise) {
      if (!truthById.containsKey(n.enterpriseId())
          && noiseGapFillers.add(key(n.enterpriseId(), n.zoneId()))) {
        noiseGapFillersByZone.merge(n.zoneId(), 1, Integer::sum);
      }
    }
  }

  private static String key(String enterpriseId, String zoneId) {
    return enterpriseId + "|" + zoneId;
  }

  /** Zones with planted enterprises, sorted. */
  public List<String> truthZones() {
    return List.copyOf(new TreeSet<>(plantedByZone.keySet()));
  }

  public int plantedIn(String zoneId) {
    return plantedByZone.getOrDefault(zoneId, 0);
  }

  /** Leads published in the zone, best first. */
  public List<Lead> listOf(String zoneId) {
    return byZone.getOrDefault(zoneId, List.of());
  }

  public boolean isRelevant(Lead lead) {
    TruthRow t = truthById.get(lead.enterpriseId());
    return t != null && t.zoneId().equals(lead.zoneId());
  }

  /** A noise lead that fills a gap of its zone by the chain map (not planted). */
  public boolean isNoiseGapFiller(Lead lead) {
    return noiseGapFillers.contains(key(lead.enterpriseId(), lead.zoneId()));
  }

  /** Relevant leads among the zone's first k, over min(k, planted in zone); NaN if none planted. */
  public double precisionAtK(String zoneId, int k) {
    int planted = plantedIn(zoneId);
    if (planted == 0) {
      return Double.NaN;
    }
    long relevant = listOf(zoneId).stream().limit(k).filter(this::isRelevant).count();
    return (double) relevant / Math.min(k, planted);
  }

  /**
   * Like {@link #precisionAtK}, but a noise gap-filler of the zone counts as relevant too, over
   * min(k, planted + noise gap-fillers of the zone); NaN if none planted.
   */
  public double lenientPrecisionAtK(String zoneId, int k) {
    int planted = plantedIn(zoneId);
    if (planted == 0) {
      return Double.NaN;
    }
    int pool = planted + noiseGapFillersByZone.getOrDefault(zoneId, 0);
    long relevant =
        listOf(zoneId).stream().limit(k).filter(l -> isRelevant(l) || isNoiseGapFiller(l)).count();
    return (double) relevant / Math.min(k, pool);
  }

  /** Mean of {@link #precisionAtK} over the zones with planted enterprises. */
  public double meanPrecisionAtK(int k) {
    return truthZones().stream().mapToDouble(z -> precisionAtK(z, k)).average().orElse(Double.NaN);
  }

  public double meanLenientPrecisionAtK(int k) {
    return truthZones().stream()
        .mapToDouble(z -> lenientPrecisionAtK(z, k))
        .average()
        .orElse(Double.NaN);
  }

  public double minPrecisionAtK(int k) {
    return truthZones().stream().mapToDouble(z -> precisionAtK(z, k)).min().orElse(Double.NaN);
  }

  /** The planted enterprises, in truth order. */
  public List<TruthRow> planted() {
    return List.copyOf(truthById.values());
  }

  /** The planted enterprises that pass the filter, in truth order. */
  public List<TruthRow> planted(Predicate<TruthRow> which) {
    return truthById.values().stream().filter(which).toList();
  }

  /** Share of the planted enterprises listed in their truth zone (the gap-filler recall). */
  public double recall() {
    return recall(t -> true);
  }

  /** Share of the planted enterprises that pass the filter listed in their truth zone. */
  public double recall(Predicate<TruthRow> which) {
    return share(planted(which), t -> inTruthZone(t).isPresent());
  }

  /** Share of the planted enterprises published in some zone other than their truth zone. */
  public double wrongZoneShare() {
    return share(planted(), t -> !elsewhere(t).isEmpty());
  }

  /** Share of the planted enterprises published in no zone at all. */
  public double unpublishedShare() {
    return share(planted(), t -> !byEnterprise.containsKey(t.enterpriseId()));
  }

  /**
   * Of the planted enterprises listed in their truth zone, the share whose matched_node_ids there
   * contains their truth node.
   */
  public double nodeHitShare() {
    return share(
        planted(t -> inTruthZone(t).isPresent()),
        t -> inTruthZone(t).orElseThrow().matchedNodeIds().contains(t.nodeId()));
  }

  /**
   * Of the planted enterprises listed in their truth zone, the share whose chain_role there is
   * fill_gap (补链), what a planted gap-filler is.
   */
  public double chainRoleShare() {
    return share(
        planted(t -> inTruthZone(t).isPresent()),
        t -> inTruthZone(t).orElseThrow().chainRole().equals("fill_gap"));
  }

  /** The planted enterprise's lead in its truth zone, if it was listed there. */
  public Optional<Lead> inTruthZone(TruthRow t) {
    return byEnterprise.getOrDefault(t.enterpriseId(), List.of()).stream()
        .filter(l -> l.zoneId().equals(t.zoneId()))
        .findFirst();
  }

  /** The planted enterprise's leads in other zones than its truth zone. */
  public List<Lead> elsewhere(TruthRow t) {
    return byEnterprise.getOrDefault(t.enterpriseId(), List.of()).stream()
        .filter(l -> !l.zoneId().equals(t.zoneId()))
        .toList();
  }

  /** Planted enterprises not listed in their truth zone, in truth order. */
  public List<TruthRow> misses() {
    return planted(t -> inTruthZone(t).isEmpty());
  }

  /** Leads in the zone's first k that are not relevant there. */
  public List<Lead> intruders(String zoneId, int k) {
    return listOf(zoneId).stream().limit(k).filter(l -> !isRelevant(l)).toList();
  }

  public Optional<TruthRow> truthOf(String enterpriseId) {
    return Optional.ofNullable(truthById.get(enterpriseId));
  }

  private static double share(List<TruthRow> rows, Predicate<TruthRow> counted) {
    if (rows.isEmpty()) {
      return Double.NaN;
    }
    return (double) rows.stream().filter(counted).count() / rows.size();
  }
}
