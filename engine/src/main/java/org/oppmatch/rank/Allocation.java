package org.oppmatch.rank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oppmatch.score.Lead;

/**
 * Cross-zone allocation, so zones do not compete for one enterprise or one group. Each enterprise
 * is offered to its best {@code allocation.max_zones_per_enterprise} zones ({@code
 * Scorer.Scored#allocated}); the members of a group together to at most that many zones: those
 * where the group's best member scores highest. Every tie is broken by ids.
 */
public final class Allocation {
  private Allocation() {}

  /** The members' leads in the group's best {@code maxZones} zones (by its best score there). */
  public static List<Lead> allocateGroup(List<Lead> members, int maxZones) {
    Map<String, Double> best = new HashMap<>();
    for (Lead l : members) {
      best.merge(l.zoneId, l.score, Math::max);
    }
    List<String> zones = new ArrayList<>(best.keySet());
    zones.sort(
        Comparator.comparingDouble((String z) -> -best.get(z))
            .thenComparing(Comparator.naturalOrder()));
    Set<String> kept = new HashSet<>(zones.subList(0, Math.min(maxZones, zones.size())));
    List<Lead> out = new ArrayList<>();
    for (Lead l : members) {
      if (kept.contains(l.zoneId)) {
        out.add(l);
      }
    }
    return out;
  }
}
