package org.oppmatch.rank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.oppmatch.score.Lead;

/**
 * Allocation with capacities (data-contract.md, version 2): each zone lists at most {@code
 * lists.top_n} leads; an enterprise that does not make the list of the zone it fits best is offered
 * to the zone it fits next, and so on, while it scores at least {@code lists.min_score} there (only
 * such pairs are candidates). Each enterprise goes to at most {@code
 * allocation.max_zones_per_enterprise} zones, and the members of a group together to at most that
 * many.
 *
 * <p>Both sides rank a pair by the same number, its score, so deferred acceptance (enterprises
 * propose in their order of fit, each zone keeps its best) ends in the assignment this greedy pass
 * makes: pairs in score order, each taken while its zone has room and its enterprise (and group)
 * has zones left. No enterprise and zone would both rather be matched to each other than to what
 * they got. Every tie is broken by enterprise id, then zone id: reruns give the same lists.
 */
public final class Allocation {
  private Allocation() {}

  /**
   * The lists, and the zones whose candidates may have run out before their list was full (their
   * candidates were cut at {@code depth} and fewer than {@code topN} were taken): the caller keeps
   * more candidates for those and allocates again.
   */
  public record Result(Map<String, List<Lead>> lists, Set<String> shortOfCandidates) {}

  /**
   * @param candidates per zone, its best candidates (at most {@code depth} each)
   * @param depth how many candidates a zone's list was cut to
   */
  public static Result stable(
      Map<String, List<Lead>> candidates, int depth, int topN, int maxZones) {
    List<Lead> pairs = new ArrayList<>();
    candidates.values().forEach(pairs::addAll);
    pairs.sort(Lead.BEST_FIRST.thenComparing(l -> l.zoneId));
    Map<String, List<Lead>> lists = new TreeMap<>();
    Map<String, Integer> zonesOf = new HashMap<>();
    Map<String, Set<String>> groupZones = new HashMap<>();
    for (Lead l : pairs) {
      List<Lead> list = lists.computeIfAbsent(l.zoneId, z -> new ArrayList<>());
      if (list.size() >= topN || zonesOf.getOrDefault(l.enterpriseId, 0) >= maxZones) {
        continue;
      }
      if (l.groupId != null) {
        Set<String> taken = groupZones.computeIfAbsent(l.groupId, g -> new HashSet<>());
        if (!taken.contains(l.zoneId) && taken.size() >= maxZones) {
          continue;
        }
        taken.add(l.zoneId);
      }
      list.add(l);
      zonesOf.merge(l.enterpriseId, 1, Integer::sum);
    }
    lists.values().removeIf(List::isEmpty);
    Set<String> shortZones = new TreeSet<>();
    candidates.forEach(
        (zone, c) -> {
          if (c.size() >= depth && lists.getOrDefault(zone, List.of()).size() < topN) {
            shortZones.add(zone);
          }
        });
    return new Result(lists, shortZones);
  }

  /**
   * Each zone's list with the leads of the engagements it owns (首报首谈): they are listed whatever the
   * list's length, in score order among the others.
   */
  public static Map<String, List<Lead>> withEngaged(
      Map<String, List<Lead>> lists, Map<String, List<Lead>> engaged) {
    Map<String, List<Lead>> out = new TreeMap<>();
    lists.forEach((z, l) -> out.put(z, new ArrayList<>(l)));
    engaged.forEach((z, l) -> out.computeIfAbsent(z, k -> new ArrayList<>()).addAll(l));
    out.values().forEach(l -> l.sort(Lead.BEST_FIRST));
    return out;
  }
}
