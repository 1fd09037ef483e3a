package org.oppmatch.rank;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.oppmatch.score.Lead;

/**
 * Allocation with capacities on random candidates: lists within their capacity, each enterprise and
 * group within its zones, only candidates listed, and no enterprise and zone that would both rather
 * have each other than what they got.
 */
class AllocationProperties {
  static final String[] ZONES = {"Z1", "Z2", "Z3", "Z4"};

  record Pair(int enterprise, int zone, int score, int group) {}

  @Provide
  Arbitrary<List<Pair>> pairs() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 11),
            Arbitraries.integers().between(0, ZONES.length - 1),
            Arbitraries.integers().between(25, 100),
            Arbitraries.integers().between(-3, 3))
        .as(Pair::new)
        .list()
        .ofMaxSize(40)
        .uniqueElements(p -> p.enterprise() * 10 + p.zone());
  }

  /** Candidates by zone, best first, as the scoring pass hands them over; groups optional. */
  static Map<String, List<Lead>> candidates(List<Pair> pairs, boolean groups) {
    Map<String, List<Lead>> out = new HashMap<>();
    for (Pair p : pairs) {
      Lead l =
          AllocationTest.lead(
              "E" + p.enterprise(),
              ZONES[p.zone()],
              p.score(),
              groups && p.group() > 0 ? "G" + (p.enterprise() % p.group()) : null);
      out.computeIfAbsent(l.zoneId, z -> new ArrayList<>()).add(l);
    }
    out.values().forEach(l -> l.sort(Lead.BEST_FIRST));
    return out;
  }

  @Property(tries = 2000)
  void listsRespectEveryCapacity(
      @ForAll("pairs") List<Pair> pairs,
      @ForAll @IntRange(min = 1, max = 4) int topN,
      @ForAll @IntRange(min = 1, max = 3) int maxZones) {
    Map<String, List<Lead>> candidates = candidates(pairs, true);
    Map<String, List<Lead>> lists =
        Allocation.stable(candidates, Integer.MAX_VALUE, topN, maxZones).lists();
    Map<String, Integer> zonesOf = new HashMap<>();
    Map<String, Set<String>> groupZones = new HashMap<>();
    lists.forEach(
        (zone, leads) -> {
          assertTrue(leads.size() <= topN, zone + " lists " + leads.size());
          for (Lead l : leads) {
            assertTrue(candidates.get(zone).contains(l), "listed only as a candidate");
            zonesOf.merge(l.enterpriseId, 1, Integer::sum);
            if (l.groupId != null) {
              groupZones.computeIfAbsent(l.groupId, g -> new HashSet<>()).add(zone);
            }
          }
        });
    zonesOf.forEach((e, n) -> assertTrue(n <= maxZones, e + " on " + n + " lists"));
    groupZones.forEach((g, z) -> assertTrue(z.size() <= maxZones, g + " in " + z));
  }

  @Property(tries = 2000)
  void noEnterpriseAndZoneWouldRatherHaveEachOther(
      @ForAll("pairs") List<Pair> pairs,
      @ForAll @IntRange(min = 1, max = 4) int topN,
      @ForAll @IntRange(min = 1, max = 3) int maxZones) {
    Map<String, List<Lead>> candidates = candidates(pairs, false);
    Map<String, List<Lead>> lists =
        Allocation.stable(candidates, Integer.MAX_VALUE, topN, maxZones).lists();
    Map<String, List<Lead>> taken = new HashMap<>();
    lists
        .values()
        .forEach(
            ls ->
                ls.forEach(
                    l -> taken.computeIfAbsent(l.enterpriseId, e -> new ArrayList<>()).add(l)));
    for (List<Lead> zone : candidates.values()) {
      for (Lead c : zone) {
        List<Lead> list = lists.getOrDefault(c.zoneId, List.of());
        if (list.contains(c)) {
          continue;
        }
        // the zone would rather have c: it has room, or lists one c beats
        boolean zoneWants =
            list.size() < topN || list.stream().anyMatch(l -> Lead.BEST_FIRST.compare(c, l) < 0);
        // c would rather have the zone: it has zones left, or is in one that ranks it lower
        List<Lead> mine = taken.getOrDefault(c.enterpriseId, List.of());
        boolean enterpriseWants =
            mine.size() < maxZones
                || mine.stream().anyMatch(l -> Lead.BEST_ZONE_FIRST.compare(c, l) < 0);
        assertFalse(
            zoneWants && enterpriseWants,
            c.enterpriseId + " and " + c.zoneId + " block: lists " + AllocationTest.ids(lists));
      }
    }
  }
}
