package org.oppmatch.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oppmatch.score.Lead;
import org.oppmatch.score.OpportunityLead;

/** The members of a group go together to the group's best zones; the lists keep the best N. */
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

  @Test
  void aGroupGoesWhereItsBestMemberScoresHighest() {
    List<Lead> members =
        List.of(lead("G1", "AIR", 80), lead("G2", "CHIP", 70), lead("G3", "AIR", 40));
    assertEquals(
        List.of("G1@AIR", "G3@AIR"),
        Allocation.allocateGroup(members, 1).stream()
            .map(l -> l.enterpriseId + "@" + l.zoneId)
            .toList());
    assertEquals(
        List.of("G1@AIR", "G2@CHIP", "G3@AIR"),
        Allocation.allocateGroup(members, 2).stream()
            .map(l -> l.enterpriseId + "@" + l.zoneId)
            .toList());
  }

  @Test
  void equalBestScoresGoToTheFirstZoneById() {
    List<Lead> members = List.of(lead("G1", "ZB", 60), lead("G2", "ZA", 60));
    assertEquals(
        List.of("G2"),
        Allocation.allocateGroup(members, 1).stream().map(l -> l.enterpriseId).toList());
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
    Partial.Members m = new Partial.Members();
    m.leads.add(l);
    Lead back = ((Partial.Members) Partial.fromBytes(m.toBytes())).leads.get(0);
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
    p.ids.add("E1");
    assertEquals(p.ids(), ((Partial.Present) Partial.fromBytes(p.toBytes())).ids());
  }

  static List<Double> toList(double[] a) {
    List<Double> out = new ArrayList<>();
    for (double d : a) {
      out.add(d);
    }
    return out;
  }
}
