package org.oppmatch.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oppmatch.export.ExportStage;
import org.oppmatch.model.ZoneModel;
import org.oppmatch.score.Lead;

/**
 * Chain coverage that tells the truth: per zone and chain node of its map, the firms in the pool
 * that fit the node there (score at least {@code lists.min_score} in the zone and a match on the
 * node; won and lost firms aside), how many of them the zone lists, how many are listed by other
 * zones only, and how many are on no list. "No firm fits this node anywhere" (look outside the
 * pool) is then told apart from "firms fit, but went elsewhere".
 */
public final class Coverage {
  private Coverage() {}

  /** One node of one zone's chain map: {@code fit = listedHere + listedElsewhere + belowList}. */
  public record Node(
      String zoneId,
      String nodeId,
      long fit,
      long listedHere,
      long listedElsewhere,
      long belowList) {}

  /**
   * @param chain the zones' chain maps (zone id, node id), in the order to report them
   * @param fitCounts firms per {@link Lead#fit} pair, counted by the scoring pass
   * @param lists the published lists; each lead carries its enterprise's fits
   */
  public static List<Node> of(
      ZoneModel zones,
      List<ExportStage.ChainEntry> chain,
      Map<Integer, Long> fitCounts,
      Map<String, List<Lead>> lists) {
    Map<String, Long> fit = new HashMap<>();
    fitCounts.forEach((k, n) -> fit.put(key(zones, k), n));
    Map<String, Set<String>> zonesOf = new HashMap<>();
    Map<String, int[]> fitsOf = new HashMap<>();
    lists.forEach(
        (zone, leads) ->
            leads.forEach(
                l -> {
                  zonesOf.computeIfAbsent(l.enterpriseId, e -> new HashSet<>()).add(zone);
                  if (l.fits != null) {
                    fitsOf.put(l.enterpriseId, l.fits);
                  }
                }));
    Map<String, Long> here = new HashMap<>();
    Map<String, Long> elsewhere = new HashMap<>();
    fitsOf.forEach(
        (enterprise, fits) -> {
          for (int f : fits) {
            String k = key(zones, f);
            String zone = zones.zone(f >>> 16).id();
            (zonesOf.get(enterprise).contains(zone) ? here : elsewhere).merge(k, 1L, Long::sum);
          }
        });
    List<Node> out = new ArrayList<>();
    for (ExportStage.ChainEntry zn : chain) {
      String k = zn.zoneId() + '\u0000' + zn.nodeId();
      long f = fit.getOrDefault(k, 0L);
      long h = here.getOrDefault(k, 0L);
      long e = elsewhere.getOrDefault(k, 0L);
      out.add(new Node(zn.zoneId(), zn.nodeId(), f, h, e, f - h - e));
    }
    return out;
  }

  private static String key(ZoneModel zones, int fit) {
    return zones.zone(fit >>> 16).id() + '\u0000' + zones.node(fit & 0xffff).id();
  }
}
