package org.oppmatch.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.oppmatch.score.Lead;
import org.oppmatch.score.OpportunityLead;

/** Allocation with capacities: stable, bounded by top_n and max zones, groups together. */
class AllocationTest {
  static Lead lead(String enterprise, String zone, double score) {
    Lead l = new Lead();
    l.enterpriseId = enterprise;
    l.zoneId = zone;
    l.score = score;
    l.chainRole = org.oppmatch.score.ChainRole.NONE;
    l.nodes = new org.oppmatch.score.NodeMatch[0];
    return l;
  }

  static Lead lead(String enterprise, String zone, double score, String group) {
    Lead l = lead(enterprise, zone, score);
    l.groupId = group;
    return l;
  }

  /** Candidates by zone, each best first, as the scoring pass hands them over. */
  static Map<String, List<Lead>> byZone(Lead... leads) {
    Map<String, List<Lead>> out = new TreeMap<>();
    for (Lead l : leads) {
      out.computeIfAbsent(l.zoneId, z -> new ArrayList<>()).add(l);
    }
    out.values().forEach(l -> l.sort(Lead.BEST_FIRST));
    return out;
  }

  static Map<String, List<String>> ids(Map<String, List<Lead>> lists) {
    Map<String, List<String>> out = new TreeMap<>();
    lists.forEach((z, l) -> out.put(z, l.stream().map(x -> x.enterpriseId).toList()));
    return out;
  }

  @Test
  void anEnterpriseThatMissesItsBestZonesFullListGoesToItsNextZone() {
    Allocation.Result r =
        Allocation.stable(
            byZone(
                lead("E1", "AIR", 90),
                lead("E2", "AIR", 85),
                lead("E3", "AIR", 80),
                lead("E3", "CHIP", 50),
                lead("E4", "CHIP", 60)),
            100,
            2,
            1);
    assertEquals(Map.of("AIR", List.of("E1", "E2"), "CHIP", List.of("E4", "E3")), ids(r.lists()));
    assertEquals(Set.of(), r.shortOfCandidates());
  }

  @Test
  void anEnterpriseIsListedInAtMostMaxZonesItsBestWithRoom() {
    Map<String, List<Lead>> c =
        byZone(lead("E1", "A", 90), lead("E1", "B", 80), lead("E1", "C", 70), lead("E2", "A", 95));
    assertEquals(
        Map.of("B", List.of("E1"), "C", List.of("E1"), "A", List.of("E2")),
        ids(Allocation.stable(c, 100, 1, 2).lists()),
        "A is full with E2: E1 takes its next two zones");
    assertEquals(
        Map.of("A", List.of("E2", "E1"), "B", List.of("E1")),
        ids(Allocation.stable(c, 100, 5, 2).lists()));
  }

  @Test
  void aGroupGoesWhereItsBestMemberScoresHighest() {
    Map<String, List<Lead>> members =
        byZone(
            lead("G1", "AIR", 80, "G"),
            lead("G2", "CHIP", 70, "G"),
            lead("G3", "AIR", 40, "G"),
            lead("G3", "CHIP", 75, "G"));
    assertEquals(
        Map.of("AIR", List.of("G1", "G3")), ids(Allocation.stable(members, 100, 10, 1).lists()));
    assertEquals(
        Map.of("AIR", List.of("G1", "G3"), "CHIP", List.of("G3", "G2")),
        ids(Allocation.stable(members, 100, 10, 2).lists()),
        "two zones for the group, and each member in both where it fits");
  }

  @Test
  void equalScoresGoToTheFirstEnterpriseByIdThenTheFirstZone() {
    Map<String, List<Lead>> members =
        byZone(lead("G2", "ZA", 60, "G"), lead("G1", "ZB", 60, "G"), lead("G1", "ZA", 60, "G"));
    assertEquals(
        Map.of("ZA", List.of("G1", "G2")), ids(Allocation.stable(members, 100, 10, 1).lists()));
  }

  @Test
  void noEnterpriseAndZoneWouldBothRatherHaveEachOther() {
    java.util.Random rnd = new java.util.Random(4754);
    for (int round = 0; round < 50; round++) {
      List<Lead> all = new ArrayList<>();
      for (int e = 0; e < 40; e++) {
        for (int z = 0; z < 5; z++) {
          if (rnd.nextDouble() < 0.6) {
            all.add(lead("E" + e, "Z" + z, 25 + rnd.nextInt(60)));
          }
        }
      }
      int topN = 1 + rnd.nextInt(8);
      int maxZones = 1 + rnd.nextInt(2);
      Map<String, List<Lead>> lists =
          Allocation.stable(byZone(all.toArray(Lead[]::new)), 1000, topN, maxZones).lists();
      Map<String, List<Lead>> zonesOf = new java.util.HashMap<>();
      Set<String> matched = new java.util.HashSet<>();
      lists.forEach(
          (z, l) ->
              l.forEach(
                  x -> {
                    zonesOf.computeIfAbsent(x.enterpriseId, k -> new ArrayList<>()).add(x);
                    matched.add(x.enterpriseId + "@" + z);
                  }));
      for (Lead pair : all) {
        if (matched.contains(pair.enterpriseId + "@" + pair.zoneId)) {
          continue;
        }
        List<Lead> zoneList = lists.getOrDefault(pair.zoneId, List.of());
        boolean zoneWouldTakeIt =
            zoneList.size() < topN
                || Lead.BEST_FIRST.compare(pair, zoneList.get(zoneList.size() - 1)) < 0;
        List<Lead> mine = zonesOf.getOrDefault(pair.enterpriseId, List.of());
        boolean enterpriseWouldTakeIt =
            mine.size() < maxZones || mine.stream().anyMatch(m -> m.score < pair.score);
        assertFalse(
            zoneWouldTakeIt && enterpriseWouldTakeIt,
            "blocking pair " + pair.enterpriseId + "@" + pair.zoneId + " in round " + round);
      }
      lists.values().forEach(l -> assertTrue(l.size() <= topN));
      zonesOf.values().forEach(l -> assertTrue(l.size() <= maxZones));
    }
  }

  @Test
  void aZoneWhoseCutCandidatesWentElsewhereIsShort() {
    Allocation.Result r =
        Allocation.stable(
            byZone(
                lead("E1", "A", 90), lead("E2", "A", 85), lead("E1", "B", 95), lead("E2", "B", 95)),
            2,
            2,
            1);
    assertEquals(Map.of("B", List.of("E1", "E2")), ids(r.lists()));
    assertEquals(Set.of("A"), r.shortOfCandidates(), "A's third candidate may exist");
  }

  @Test
  void anEngagedLeadJoinsItsOwnersListWhateverItsLength() {
    Map<String, List<Lead>> lists =
        Allocation.withEngaged(
            Map.of("A", List.of(lead("E1", "A", 90), lead("E2", "A", 80))),
            Map.of("A", List.of(lead("E9", "A", 85)), "B", List.of(lead("E8", "B", 20))));
    assertEquals(Map.of("A", List.of("E1", "E9", "E2"), "B", List.of("E8")), ids(lists));
  }

  @Test
  void aListKeepsTheBestNInOrderTiesByIdWhateverTheArrival() {
    Partial.Best<Lead> best = new Partial.Best<>(Partial.Order.LEADS, 3);
    List<Lead> all =
        List.of(
            lead("E5", "Z", 50),
            lead("E2", "Z", 70),
            lead("E9", "Z", 70),
            lead("E1", "Z", 10),
            lead("E3", "Z", 90));
    all.forEach(best::offer);
    assertEquals(
        List.of("E3", "E2", "E9"), best.sorted().stream().map(l -> l.enterpriseId).toList());
    // two partitions' lists merged, each from its own order: the same list
    Partial.Best<Lead> a = new Partial.Best<>(Partial.Order.LEADS, 3);
    Partial.Best<Lead> b = new Partial.Best<>(Partial.Order.LEADS, 3);
    for (int i = all.size() - 1; i >= 0; i--) {
      (i % 2 == 0 ? a : b).offer(all.get(i));
    }
    Partial merged = Partial.fromBytes(Partial.merge(a.toBytes(), b.toBytes()));
    @SuppressWarnings("unchecked")
    List<Lead> kept = ((Partial.Best<Lead>) merged).sorted();
    assertEquals(List.of("E3", "E2", "E9"), kept.stream().map(l -> l.enterpriseId).toList());
  }

  @Test
  void everyPartCrossesTheShuffleIntact() {
    Lead l = lead("E1", "Z", 61.25);
    l.enterpriseName = "成都某某有限公司";
    l.components = new double[] {20, 40, 0, 1.25, 0, 0, 0};
    l.chainRole = org.oppmatch.score.ChainRole.FILL_GAP;
    l.nodes =
        new org.oppmatch.score.NodeMatch[] {
          new org.oppmatch.score.NodeMatch(
              org.oppmatch.score.ChainRole.FILL_GAP, false, null, "N1", "航空发动机", "midstream")
        };
    l.opportunityIds = new String[] {"O1"};
    l.opportunitySimilarities = new double[] {0.5};
    l.matchedCode = "3741";
    l.targetCode = "3741";
    l.depth = 4;
    l.primaryCode = true;
    l.tags = new String[] {"listed"};
    l.localPresence = null;
    l.distanceKm = 12.5;
    l.competingZones = new String[0];
    Partial.Best<Lead> m = new Partial.Best<>(Partial.Order.LEADS, Integer.MAX_VALUE);
    m.offer(l);
    @SuppressWarnings("unchecked")
    Lead back = ((Partial.Best<Lead>) Partial.fromBytes(m.toBytes())).sorted().get(0);
    assertEquals(l.enterpriseName, back.enterpriseName);
    assertEquals(l.nodes[0], back.nodes[0]);
    assertEquals(List.of(20.0, 40.0, 0.0, 1.25, 0.0, 0.0, 0.0), toList(back.components));
    assertEquals(null, back.localPresence);
    assertEquals(12.5, back.distanceKm);
    assertEquals(null, back.groupId);
    OpportunityLead o =
        new OpportunityLead("O1", "E1", "名", 0.61, "3741", 4, false, new String[] {"涡轮"}, 0.2, 1.0);
    Partial.Best<OpportunityLead> ob = new Partial.Best<>(Partial.Order.MATCHES, 5);
    ob.offer(o);
    @SuppressWarnings("unchecked")
    OpportunityLead oBack =
        ((Partial.Best<OpportunityLead>) Partial.fromBytes(ob.toBytes())).sorted().get(0);
    assertEquals(o.enterpriseName(), oBack.enterpriseName());
    assertEquals(List.of("涡轮"), List.of(oBack.keywordHits()));
    Partial.Present p = new Partial.Present();
    p.companyOf.put("E1", "E1");
    p.companyOf.put("E1_CRM", "E1");
    assertEquals(p.companyOf(), ((Partial.Present) Partial.fromBytes(p.toBytes())).companyOf());
  }

  static List<Double> toList(double[] a) {
    List<Double> out = new ArrayList<>();
    for (double d : a) {
      out.add(d);
    }
    return out;
  }
}
