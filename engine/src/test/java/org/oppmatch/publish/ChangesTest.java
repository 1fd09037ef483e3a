package org.oppmatch.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.oppmatch.model.Engagement;
import org.oppmatch.model.EngagementStage;

/** The reasons a lead leaves a list, and the movement of those that stay. */
class ChangesTest {
  static Changes.PreviousLead prev(String zone, String id, int rank, String... opps) {
    return new Changes.PreviousLead(zone, id, id.toLowerCase(), rank, List.of(opps), List.of(id));
  }

  /** A previous lead of a company of several ids, its own first. */
  static Changes.PreviousLead company(String zone, int rank, String... ids) {
    return new Changes.PreviousLead(zone, ids[0], ids[0], rank, List.of(), List.of(ids));
  }

  /** Each id standing for a company of its own. */
  static Map<String, String> alone(String... ids) {
    Map<String, String> out = new java.util.HashMap<>();
    for (String id : ids) {
      out.put(id, id);
    }
    return out;
  }

  @Test
  void everyDroppedLeadHasItsReasonInZoneAndRankOrder() {
    List<Changes.PreviousLead> previous =
        List.of(
            prev("Z2", "OTHER_ZONE", 1),
            prev("Z1", "STAYS", 1),
            prev("Z1", "GONE", 2),
            prev("Z1", "MOVED", 3),
            prev("Z1", "CLOSED", 4, "O_CLOSED"),
            prev("Z1", "STILL_OPEN", 5, "O_OPEN", "O_CLOSED"),
            prev("Z1", "BELOW", 6),
            prev("Z1", "WON", 7),
            prev("Z1", "LOST", 8));
    List<Changes.CurrentLead> current =
        List.of(
            new Changes.CurrentLead("Z1", "STAYS", 1),
            new Changes.CurrentLead("Z3", "MOVED", 1),
            new Changes.CurrentLead("Z2", "MOVED", 2));
    Map<String, String> present =
        alone(
            "STAYS",
            "MOVED",
            "CLOSED",
            "STILL_OPEN",
            "BELOW",
            "OTHER_ZONE",
            "NOT_A_LEAD",
            "WON",
            "LOST");
    java.time.LocalDate on = java.time.LocalDate.of(2026, 11, 20);
    Map<String, Engagement> engagements =
        Map.of(
            "WON",
            new Engagement(Engagement.Status.WON, null, EngagementStage.LANDED, on),
            "LOST",
            new Engagement(Engagement.Status.LOST, null, EngagementStage.LOST, on),
            "MOVED",
            new Engagement(Engagement.Status.ACTIVE, "Z3", EngagementStage.VISITED, on));
    List<Changes.Dropped> dropped =
        Changes.dropped(previous, current, present, Set.of("O_OPEN"), engagements);

    Map<String, String> reasons = new TreeMap<>();
    dropped.forEach(d -> reasons.put(d.enterpriseId(), d.reason()));
    assertEquals(
        Map.of(
            "GONE", "enterprise_gone",
            "MOVED", "moved_zone",
            "CLOSED", "opportunity_closed",
            "STILL_OPEN", "fell_below_list",
            "BELOW", "fell_below_list",
            "OTHER_ZONE", "fell_below_list",
            "WON", "won",
            "LOST", "lost"),
        reasons);
    assertEquals(
        List.of("GONE", "MOVED", "CLOSED", "STILL_OPEN", "BELOW", "WON", "LOST", "OTHER_ZONE"),
        dropped.stream().map(Changes.Dropped::enterpriseId).toList(),
        "by zone, then previous rank");
    Changes.Dropped moved = dropped.get(1);
    assertEquals("Z2", moved.nowZoneId(), "now on two lists: the first by zone id is named");
    assertEquals(3, moved.previousRank());
    assertEquals(null, dropped.get(0).nowZoneId());
  }

  @Test
  void movementComparesRanksInTheSameZone() {
    assertEquals("new", Changes.movement(null, 4));
    assertEquals("up", Changes.movement(2, 1));
    assertEquals("down", Changes.movement(1, 2));
    assertEquals("same", Changes.movement(3, 3));
    Map<String, Changes.PreviousLead> before =
        Changes.byZoneAndCompany(List.of(prev("Z1", "A", 1), prev("Z2", "D", 1)), alone("A", "D"));
    assertEquals(1, before.get(Changes.key("Z1", "A")).rank());
    assertEquals(
        null, before.get(Changes.key("Z1", "D")), "a rank in another zone is no rank here");
  }

  @Test
  void aCompanyListedUnderAnotherIdNowHasNotLeft() {
    // yesterday: a company of A and A2 listed under A; C alone; G and G2 one company, gone now
    List<Changes.PreviousLead> previous =
        List.of(company("Z1", 1, "A", "A2"), company("Z1", 2, "C"), company("Z1", 3, "G", "G2"));
    // today A's row left the input: the company is A2 alone; C joined a company listed under C9
    Map<String, String> companyOf = Map.of("A2", "A2", "C", "C9");
    assertEquals("A2", Changes.companyNow(previous.get(0), companyOf));
    assertEquals("C9", Changes.companyNow(previous.get(1), companyOf));
    assertEquals(null, Changes.companyNow(previous.get(2), companyOf));
    List<Changes.CurrentLead> current =
        List.of(new Changes.CurrentLead("Z1", "C9", 1), new Changes.CurrentLead("Z2", "A2", 1));
    List<Changes.Dropped> dropped =
        Changes.dropped(previous, current, companyOf, Set.of(), Map.of());
    assertEquals(
        List.of(
            new Changes.Dropped("Z1", "A", "A", 1, "moved_zone", "Z2", "A2"),
            new Changes.Dropped("Z1", "G", "G", 3, "enterprise_gone", null, null)),
        dropped,
        "C is listed in Z1 as C9: not dropped; A moved as A2; G and G2 are gone");
    Map<String, Changes.PreviousLead> before = Changes.byZoneAndCompany(previous, companyOf);
    assertEquals(2, before.get(Changes.key("Z1", "C9")).rank(), "C9's previous rank is C's");
    assertEquals(null, before.get(Changes.key("Z2", "A2")), "A ranked in Z1, not Z2");
  }

  @Test
  void twoLeadsThatBecameOneCompanyAreComparedThroughTheIdItKept() {
    List<Changes.PreviousLead> previous =
        List.of(company("Z1", 1, "B"), company("Z1", 4, "K"), company("Z1", 2, "M"));
    // B and K are one company now, listed under K: K's previous rank speaks for it, not B's
    Map<String, String> companyOf = Map.of("B", "K", "K", "K", "M", "M");
    Map<String, Changes.PreviousLead> before = Changes.byZoneAndCompany(previous, companyOf);
    assertEquals("K", before.get(Changes.key("Z1", "K")).enterpriseId());
    assertEquals(4, before.get(Changes.key("Z1", "K")).rank());
    List<Changes.Dropped> dropped =
        Changes.dropped(
            previous,
            List.of(new Changes.CurrentLead("Z1", "K", 1), new Changes.CurrentLead("Z1", "M", 2)),
            companyOf,
            Set.of(),
            Map.of());
    assertEquals(List.of(), dropped, "both of K's previous leads are listed as K");
  }
}
