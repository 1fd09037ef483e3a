package org.oppmatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each rule of the engagement lifecycle (data-contract.md, versions 2 and 3), on its own history.
 */
class EngagementTest {
  static final LocalDate D = LocalDate.of(2026, 11, 20);
  static final Engagement.Windows WINDOWS = new Engagement.Windows(365, 180, 90);

  static Engagement.Outcome row(String zone, String stage, LocalDate date) {
    return new Engagement.Outcome("E1", zone, EngagementStage.of(stage), date);
  }

  static Engagement of(Engagement.Outcome... rows) {
    return Engagement.of(List.of(rows), D, WINDOWS).get("E1");
  }

  @Test
  void aSigningOrALandingWithAnyZoneIsWonWhateverCameAfter() {
    Engagement e =
        of(
            row("Z_B", "contacted", D.minusDays(10)),
            row("Z_A", "signed", D.minusDays(400)),
            row("Z_A", "lost", D.minusDays(5)));
    assertEquals(Engagement.Status.WON, e.status());
    assertEquals(EngagementStage.SIGNED, e.stage());
    assertEquals(D.minusDays(400), e.since());
    assertEquals(Engagement.Status.WON, of(row("Z_A", "landed", D)).status());
  }

  @Test
  void lostWithEveryZoneIsOffTheListsForTheCoolDownThenEligibleAsNew() {
    Engagement recent =
        of(row("Z_A", "contacted", D.minusDays(100)), row("Z_A", "lost", D.minusDays(364)));
    // the latest stage with Z_A is the contact (100 days ago): still active, not lost
    assertEquals(Engagement.Status.ACTIVE, recent.status());

    // the latest stage is a contact after the loss, too old (200 days) to own: eligible
    assertNull(of(row("Z_A", "contacted", D.minusDays(200)), row("Z_A", "lost", D.minusDays(364))));

    Engagement offList =
        of(
            row("Z_A", "visited", D.minusDays(400)),
            row("Z_A", "lost", D.minusDays(364)),
            row("Z_B", "lost", D.minusDays(30)));
    assertEquals(Engagement.Status.LOST, offList.status());
    assertEquals(D.minusDays(30), offList.since(), "the last loss starts the cool-down");
    assertFalse(offList.status() == Engagement.Status.ACTIVE);

    assertNull(of(row("Z_A", "lost", D.minusDays(365))), "365 days on: eligible again");
    assertEquals(Engagement.Status.LOST, of(row("Z_A", "lost", D.minusDays(364))).status());
  }

  @Test
  void lostWithOneZoneButStillActiveWithAnotherIsActive() {
    Engagement e =
        of(row("Z_A", "lost", D.minusDays(10)), row("Z_B", "negotiating", D.minusDays(20)));
    assertEquals(Engagement.Status.ACTIVE, e.status());
    assertEquals("Z_B", e.owner());
  }

  @Test
  void theZoneWhoseActiveEngagementBeganFirstOwnsIt() {
    Engagement e =
        of(
            row("Z_B", "contacted", D.minusDays(90)),
            row("Z_A", "contacted", D.minusDays(60)),
            row("Z_A", "negotiating", D.minusDays(2)),
            row("Z_B", "visited", D.minusDays(30)));
    assertEquals(Engagement.Status.ACTIVE, e.status());
    assertEquals("Z_B", e.owner(), "Z_B reported 90 days ago, Z_A 60");
    assertEquals(EngagementStage.VISITED, e.stage(), "the owner's latest stage");
    assertEquals(D.minusDays(90), e.since());
  }

  @Test
  void anEngagementBeginsAfterTheZonesLastLoss() {
    Engagement e =
        of(
            row("Z_A", "contacted", D.minusDays(170)),
            row("Z_A", "lost", D.minusDays(150)),
            row("Z_A", "contacted", D.minusDays(40)),
            row("Z_A", "visited", D.minusDays(10)),
            row("Z_B", "contacted", D.minusDays(100)));
    // Z_A's current engagement began 40 days ago; Z_B's 100 days ago: Z_B reported first
    assertEquals("Z_B", e.owner());
    assertEquals(D.minusDays(100), e.since());
  }

  @Test
  void olderContactsGiveNoOwnershipAndTiesGoToTheZoneFirstById() {
    assertNull(of(row("Z_A", "negotiating", D.minusDays(180))), "180 days: no longer active");
    assertEquals("Z_A", of(row("Z_A", "negotiating", D.minusDays(179))).owner());
    Engagement tie =
        of(row("Z_B", "contacted", D.minusDays(5)), row("Z_A", "visited", D.minusDays(5)));
    assertEquals("Z_A", tie.owner());
  }

  @Test
  void outcomesAfterTheRunDateAndEnterprisesWithoutOnesChangeNothing() {
    List<Engagement.Outcome> rows = new ArrayList<>();
    rows.add(row("Z_A", "signed", D.plusDays(1)));
    rows.add(new Engagement.Outcome("E2", "Z_A", EngagementStage.CONTACTED, D));
    Map<String, Engagement> all = Engagement.of(rows, D, WINDOWS);
    assertEquals(List.of("E2"), List.copyOf(all.keySet()));
    assertEquals(D, all.get("E2").since(), "a contact on the run date counts");
  }

  @Test
  void eachZoneCountsTheEnterprisesItWonAndThoseItLostWithinTheCoolDown() {
    List<Engagement.Outcome> rows =
        List.of(
            row("Z_A", "contacted", D.minusDays(300)),
            row("Z_A", "landed", D.minusDays(10)),
            new Engagement.Outcome("E2", "Z_A", EngagementStage.LOST, D.minusDays(20)),
            new Engagement.Outcome("E3", "Z_A", EngagementStage.LOST, D.minusDays(400)),
            new Engagement.Outcome("E3", "Z_B", EngagementStage.LOST, D.minusDays(5)),
            new Engagement.Outcome("E4", "Z_B", EngagementStage.VISITED, D.minusDays(5)));
    Map<String, Engagement.ZoneCounts> counts = Engagement.countsByZone(rows, D, 365);
    assertEquals(new Engagement.ZoneCounts(1, 1), counts.get("Z_A"), "E1 won, E2 lost, E3 too old");
    assertEquals(new Engagement.ZoneCounts(0, 1), counts.get("Z_B"), "E3 lost, E4 still active");
  }

  @Test
  void notNowWithEveryZoneIsOffTheListsForItsWindowThenEligibleAsNew() {
    Engagement e =
        of(row("Z_A", "contacted", D.minusDays(100)), row("Z_A", "deferred", D.minusDays(89)));
    assertEquals(Engagement.Status.DEFERRED, e.status());
    assertEquals(EngagementStage.DEFERRED, e.stage());
    assertEquals(D.minusDays(89), e.since());
    assertTrue(e.offTheLists());
    // 90 days on, as if the zone had never seen it: its earlier contact gives no ownership
    assertNull(
        of(row("Z_A", "contacted", D.minusDays(100)), row("Z_A", "deferred", D.minusDays(90))));
    // a contact after the deferral is a new engagement
    Engagement again =
        of(row("Z_A", "deferred", D.minusDays(30)), row("Z_A", "contacted", D.minusDays(3)));
    assertEquals(Engagement.Status.ACTIVE, again.status());
    assertEquals(D.minusDays(3), again.since());
  }

  @Test
  void aDeferralHoldsWhileEveryOtherZoneHasLostOrDeferredToo() {
    Engagement both =
        of(row("Z_A", "lost", D.minusDays(400)), row("Z_B", "deferred", D.minusDays(10)));
    assertEquals(Engagement.Status.DEFERRED, both.status(), "the old loss alone would not hold");
    Engagement twice =
        of(row("Z_A", "deferred", D.minusDays(60)), row("Z_B", "deferred", D.minusDays(10)));
    assertEquals(D.minusDays(10), twice.since(), "the last deferral starts the window");
    // another zone still working on it owns it
    Engagement owned =
        of(row("Z_A", "deferred", D.minusDays(10)), row("Z_B", "visited", D.minusDays(20)));
    assertEquals(Engagement.Status.ACTIVE, owned.status());
    assertEquals("Z_B", owned.owner());
    // an expired deferral leaves the other zone's loss to decide: within the cool-down, lost
    Engagement lost =
        of(row("Z_A", "deferred", D.minusDays(200)), row("Z_B", "lost", D.minusDays(20)));
    assertEquals(Engagement.Status.LOST, lost.status());
    // a signature is a signature
    assertEquals(
        Engagement.Status.WON,
        of(row("Z_A", "signed", D.minusDays(20)), row("Z_A", "deferred", D.minusDays(10)))
            .status());
  }

  @Test
  void theLatestNoteIsTheLastWrittenByAnyZone() {
    List<Engagement.Outcome> rows =
        List.of(
            new Engagement.Outcome("E1", "Z_A", EngagementStage.CONTACTED, D.minusDays(9), "约了下周"),
            new Engagement.Outcome("E1", "Z_B", EngagementStage.VISITED, D.minusDays(3), "  已走访  "),
            new Engagement.Outcome("E1", "Z_A", EngagementStage.VISITED, D.minusDays(3), " "),
            new Engagement.Outcome("E1", "Z_A", EngagementStage.CONTACTED, D.minusDays(3), "同日更早"),
            new Engagement.Outcome("E1", "Z_A", EngagementStage.DEFERRED, D.plusDays(1), "未来"),
            new Engagement.Outcome("E2", "Z_A", EngagementStage.CONTACTED, D.minusDays(1)));
    Map<String, Engagement.Note> notes = Engagement.latestNotes(rows, D);
    assertEquals(
        new Engagement.Note("Z_B", D.minusDays(3), "已走访"),
        notes.get("E1"),
        "a later stage on the same day is newer; blank notes and future rows do not count");
    assertFalse(notes.containsKey("E2"));
  }
}
