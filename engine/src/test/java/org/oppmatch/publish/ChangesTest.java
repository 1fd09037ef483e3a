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
    return new Changes.PreviousLead(zone, id, id.toLowerCase(), rank, List.of(opps));
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
    Set<String> present =
        Set.of(
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
        Changes.byZoneAndEnterprise(List.of(prev("Z1", "A", 1), prev("Z2", "D", 1)));
    assertEquals(1, before.get(Changes.key("Z1", "A")).rank());
    assertEquals(
        null, before.get(Changes.key("Z1", "D")), "a rank in another zone is no rank here");
  }
}
