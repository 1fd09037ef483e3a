package org.oppmatch.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.oppmatch.model.Engagement;
import org.oppmatch.model.EngagementStage;

/**
 * The change since the last run on random histories: yesterday's companies (leads of one or more
 * ids) against today's, where ids left the input, companies merged or split, and leads moved or
 * left. Every lead of yesterday is either listed again in its zone (the same company: an id in
 * common) or dropped, never both, and only a company none of whose ids is left is called gone.
 */
class ChangesProperties {
  static final String[] ZONES = {"Z1", "Z2", "Z3"};

  /**
   * A company of yesterday: its ids (1 to 3 of 12), its zone; today each of its ids is gone or in a
   * company of today (by number), listed in a zone or not.
   */
  record Yesterday(List<Integer> ids, int zone) {}

  record Today(Map<Integer, Integer> companyOfId, Map<Integer, Integer> zoneOfCompany) {}

  @Provide
  Arbitrary<List<Yesterday>> yesterday() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 11).list().ofMinSize(1).ofMaxSize(3).uniqueElements(),
            Arbitraries.integers().between(0, ZONES.length - 1))
        .as(Yesterday::new)
        .list()
        .ofMaxSize(8)
        .filter(ChangesProperties::disjoint);
  }

  /** Yesterday's companies held their ids apart. */
  static boolean disjoint(List<Yesterday> companies) {
    Set<Integer> seen = new HashSet<>();
    return companies.stream().allMatch(c -> c.ids().stream().allMatch(seen::add));
  }

  @Provide
  Arbitrary<Today> today() {
    return Combinators.combine(
            Arbitraries.maps(
                    Arbitraries.integers().between(0, 11), Arbitraries.integers().between(0, 5))
                .ofMaxSize(12),
            Arbitraries.maps(
                    Arbitraries.integers().between(0, 5),
                    Arbitraries.integers().between(0, ZONES.length - 1))
                .ofMaxSize(6))
        .as(Today::new);
  }

  @Property(tries = 3000)
  void yesterdaysLeadsAreListedOrDroppedOnce(
      @ForAll("yesterday") List<Yesterday> before, @ForAll("today") Today today) {
    // today's company ids: the smallest of its ids still in the input
    Map<Integer, String> idOfCompany = new HashMap<>();
    today
        .companyOfId()
        .forEach((id, c) -> idOfCompany.merge(c, "E" + id, (a, b) -> a.compareTo(b) <= 0 ? a : b));
    Map<String, String> companyOf = new HashMap<>();
    today.companyOfId().forEach((id, c) -> companyOf.put("E" + id, idOfCompany.get(c)));
    List<Changes.PreviousLead> previous = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      Yesterday y = before.get(i);
      List<String> ids = y.ids().stream().map(n -> "E" + n).toList();
      previous.add(
          new Changes.PreviousLead(ZONES[y.zone()], ids.get(0), ids.get(0), i + 1, List.of(), ids));
    }
    List<Changes.CurrentLead> current = new ArrayList<>();
    today
        .zoneOfCompany()
        .forEach(
            (c, z) -> {
              if (idOfCompany.containsKey(c)) {
                current.add(
                    new Changes.CurrentLead(ZONES[z], idOfCompany.get(c), current.size() + 1));
              }
            });
    Map<String, Engagement> engagements = new HashMap<>();
    if (!current.isEmpty()) {
      engagements.put(
          current.get(0).enterpriseId(),
          new Engagement(
              Engagement.Status.WON,
              null,
              EngagementStage.SIGNED,
              java.time.LocalDate.of(2026, 11, 1)));
    }
    List<Changes.Dropped> dropped =
        Changes.dropped(previous, current, companyOf, Set.of(), engagements);

    Map<String, Changes.PreviousLead> rankOf = Changes.byZoneAndCompany(previous, companyOf);
    Set<String> droppedKeys = new HashSet<>();
    dropped.forEach(
        d -> assertTrue(droppedKeys.add(d.zoneId() + "/" + d.enterpriseId()), "once: " + d));
    for (Changes.PreviousLead p : previous) {
      String now = Changes.companyNow(p, companyOf);
      boolean listed =
          now != null
              && current.stream()
                  .anyMatch(c -> c.zoneId().equals(p.zoneId()) && c.enterpriseId().equals(now));
      boolean gone = droppedKeys.contains(p.zoneId() + "/" + p.enterpriseId());
      assertTrue(listed != gone, p + ": listed " + listed + ", dropped " + gone);
      if (listed) {
        assertNotNull(rankOf.get(Changes.key(p.zoneId(), now)), "its previous rank is known");
      }
      boolean anyIdLeft = p.memberIds().stream().anyMatch(companyOf::containsKey);
      if (gone) {
        Changes.Dropped d =
            dropped.stream()
                .filter(
                    x -> x.zoneId().equals(p.zoneId()) && x.enterpriseId().equals(p.enterpriseId()))
                .findFirst()
                .orElseThrow();
        assertEquals(!anyIdLeft, d.reason().equals(Changes.ENTERPRISE_GONE), d.toString());
        assertEquals(now, d.companyId());
      }
    }
    assertEquals(droppedKeys.size(), dropped.size());
  }
}
