package org.oppmatch.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oppmatch.model.Engagement;
import org.oppmatch.model.EngagementStage;

/** Why a pair is not listed, on small published lists whose allocation is worked out by hand. */
class PlacementTest {
  static final Placement.Rules RULES = new Placement.Rules(25, 2, 1, 365, 90);
  static final LocalDate DAY = LocalDate.of(2026, 11, 1);

  static PublishedLists.Listed lead(String zone, int rank, String id, double score) {
    return new PublishedLists.Listed(zone, rank, id, score, null, null, null);
  }

  static PublishedLists.Listed grouped(String zone, int rank, String id, double score) {
    return new PublishedLists.Listed(zone, rank, id, score, "G1", null, null);
  }

  static PublishedLists.Listed owned(String zone, int rank, String id, double score) {
    return new PublishedLists.Listed(zone, rank, id, score, null, "visited", DAY);
  }

  static List<String> codes(List<Placement.Finding> f) {
    return f.stream().map(x -> x.code().key()).toList();
  }

  static List<Placement.Finding> place(
      String zone,
      double score,
      String id,
      String group,
      Engagement g,
      PublishedLists.Listed... l) {
    return Placement.of(zone, score, id, group, g, PublishedLists.of(List.of(l)), RULES);
  }

  @Test
  void aListedPairIsListedWithItsRank() {
    List<Placement.Finding> f =
        place("A", 60, "E5", null, null, lead("A", 1, "E1", 70), lead("A", 2, "E5", 60));
    assertEquals(List.of("listed"), codes(f));
    assertEquals(Map.of("rank", 2, "score", 60.0), f.get(0).facts());
  }

  @Test
  void belowTheMinimumScoreNoAllocationReasonIsGiven() {
    assertEquals(List.of("below_min_score"), codes(place("A", 24.99, "E5", null, null)));
  }

  @Test
  void aFullListCountsOnlyTheLeadsRankedBeforeThePairAndNotTheOwnedOnes() {
    PublishedLists.Listed[] a = {
      lead("A", 1, "E1", 80), lead("A", 2, "E2", 65), owned("A", 3, "E3", 30)
    };
    List<Placement.Finding> f = place("A", 65, "E5", null, null, a);
    assertEquals(List.of("list_full"), codes(f));
    assertEquals(
        Map.of("list_length", 2, "top_n", 2, "lowest_listed_score", 65.0, "engaged_leads", 1),
        f.get(0).facts());
    // E2 scored as much and its id comes later: the list was not full when E0 came
    assertEquals(List.of("unexplained"), codes(place("A", 65, "E0", null, null, a)));
  }

  @Test
  void aBetterZoneTakesTheEnterprisesOnlyPlaceTiesGoToTheSmallerZoneId() {
    assertEquals(
        List.of("max_zones_reached"),
        codes(place("B", 50, "E5", null, null, lead("A", 1, "E5", 60))));
    assertEquals(
        List.of("max_zones_reached"),
        codes(place("B", 60, "E5", null, null, lead("A", 1, "E5", 60))));
    // listed in C after B was passed over: C did not stand in B's way
    assertEquals(
        List.of("unexplained"), codes(place("B", 60, "E5", null, null, lead("C", 1, "E5", 60))));
    // both at once: its place was taken and the list was full
    assertEquals(
        List.of("max_zones_reached", "list_full"),
        codes(
            place(
                "B",
                50,
                "E5",
                null,
                null,
                lead("A", 1, "E5", 60),
                lead("B", 1, "E1", 70),
                lead("B", 2, "E2", 55))));
  }

  @Test
  void anotherMemberOfTheGroupTakesTheGroupsPlaceWhenItCameFirst() {
    List<Placement.Finding> f = place("B", 50, "E5", "G1", null, grouped("A", 1, "E1", 70));
    assertEquals(List.of("group_zones_reached"), codes(f));
    assertEquals("G1", f.get(0).facts().get("group_id"));
    assertEquals(
        List.of("unexplained"), codes(place("B", 50, "E5", "G1", null, grouped("A", 1, "E9", 40))));
    // the group's zone is the pair's own: no obstacle
    assertEquals(
        List.of("unexplained"), codes(place("B", 50, "E5", "G1", null, grouped("B", 1, "E1", 70))));
  }

  @Test
  void outcomesComeBeforeScores() {
    Engagement won = new Engagement(Engagement.Status.WON, null, EngagementStage.SIGNED, DAY);
    Engagement lost = new Engagement(Engagement.Status.LOST, null, EngagementStage.LOST, DAY);
    Engagement active = new Engagement(Engagement.Status.ACTIVE, "A", EngagementStage.VISITED, DAY);
    assertEquals(List.of("won"), codes(place("B", 80, "E5", null, won)));
    assertEquals(List.of("lost"), codes(place("B", 10, "E5", null, lost)));
    Engagement deferred =
        new Engagement(Engagement.Status.DEFERRED, null, EngagementStage.DEFERRED, DAY);
    List<Placement.Finding> later = place("B", 80, "E5", null, deferred);
    assertEquals(List.of("deferred"), codes(later));
    assertEquals(DAY.plusDays(90).toString(), later.get(0).facts().get("until"));
    List<Placement.Finding> f = place("B", 80, "E5", null, active, owned("A", 1, "E5", 20));
    assertEquals(List.of("engaged_elsewhere"), codes(f));
    assertEquals("A", f.get(0).facts().get("owner_zone_id"));
    List<Placement.Finding> here = place("A", 20, "E5", null, active, owned("A", 1, "E5", 20));
    assertEquals(List.of("listed"), codes(here));
    assertEquals("visited", here.get(0).facts().get("engagement_stage"));
  }
}
