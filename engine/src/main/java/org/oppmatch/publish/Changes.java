package org.oppmatch.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oppmatch.model.Engagement;

/**
 * What changed since the previous published run: the movement of each lead, and the leads that left
 * the lists with the reason. Both sides are lead lists (bounded by {@code lists.top_n} per zone),
 * compared on the driver.
 */
public final class Changes {
  private Changes() {}

  public static final String MOVEMENT = "movement";
  public static final String REASON = "reason";

  /** A lead that left because its enterprise is no longer in the input. */
  public static final String ENTERPRISE_GONE = "enterprise_gone";

  /** ... because it is now on another zone's list. */
  public static final String MOVED_ZONE = "moved_zone";

  /** ... because the opportunities it was matched to have closed. */
  public static final String OPPORTUNITY_CLOSED = "opportunity_closed";

  /** ... because the enterprise signed or landed with a zone (an outcome): on no list. */
  public static final String WON = "won";

  /** ... because every zone's latest outcome with it is lost, within the cool-down. */
  public static final String LOST = "lost";

  /** ... because it scores below the list (top_n or min_score) or no longer matches the zone. */
  public static final String FELL_BELOW_LIST = "fell_below_list";

  /** A lead of the previous run, as its targets partition holds it. */
  public record PreviousLead(
      String zoneId,
      String enterpriseId,
      String enterpriseName,
      int rank,
      List<String> matchedOpportunityIds) {}

  /** A lead of this run: its zone, enterprise and rank. */
  public record CurrentLead(String zoneId, String enterpriseId, int rank) {}

  /** A previous lead that is not on its zone's list now, and why. */
  public record Dropped(
      String zoneId,
      String enterpriseId,
      String enterpriseName,
      int previousRank,
      String reason,
      String nowZoneId) {}

  /** The previous run's leads by zone and enterprise. */
  public static Map<String, PreviousLead> byZoneAndEnterprise(List<PreviousLead> previous) {
    Map<String, PreviousLead> out = new HashMap<>();
    previous.forEach(p -> out.put(key(p.zoneId(), p.enterpriseId()), p));
    return out;
  }

  public static String key(String zoneId, String enterpriseId) {
    return zoneId + '\u0000' + enterpriseId;
  }

  /** new, up, down or same, from the previous rank in the zone (null: new). */
  public static String movement(Integer previousRank, int rank) {
    if (previousRank == null) {
      return "new";
    }
    return rank < previousRank ? "up" : rank > previousRank ? "down" : "same";
  }

  /**
   * Leads of the previous run that are not on the same zone's list now, with why: the enterprise
   * left the input, was won or lost (its outcomes), moved to another zone (the first by id), its
   * opportunities closed, or it fell below the list; ordered by zone and previous rank.
   *
   * @param present the previous leads' enterprise ids that are among this run's accepted rows
   * @param openOpportunityIds ids of the opportunities open on this run's date
   * @param engagements the run's engagements by enterprise id
   */
  public static List<Dropped> dropped(
      List<PreviousLead> previous,
      List<CurrentLead> current,
      Set<String> present,
      Set<String> openOpportunityIds,
      Map<String, Engagement> engagements) {
    Map<String, String> nowZone = new HashMap<>();
    java.util.Set<String> listed = new java.util.HashSet<>();
    for (CurrentLead c : current) {
      listed.add(key(c.zoneId(), c.enterpriseId()));
      nowZone.merge(c.enterpriseId(), c.zoneId(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }
    List<Dropped> out = new ArrayList<>();
    for (PreviousLead p : previous) {
      if (listed.contains(key(p.zoneId(), p.enterpriseId()))) {
        continue;
      }
      String now = nowZone.get(p.enterpriseId());
      List<String> opps = p.matchedOpportunityIds() == null ? List.of() : p.matchedOpportunityIds();
      String reason;
      Engagement g = engagements.get(p.enterpriseId());
      if (!present.contains(p.enterpriseId())) {
        reason = ENTERPRISE_GONE;
      } else if (g != null && g.status() == Engagement.Status.WON) {
        reason = WON;
      } else if (g != null && g.status() == Engagement.Status.LOST) {
        reason = LOST;
      } else if (now != null) {
        reason = MOVED_ZONE;
      } else if (!opps.isEmpty() && opps.stream().noneMatch(openOpportunityIds::contains)) {
        reason = OPPORTUNITY_CLOSED;
      } else {
        reason = FELL_BELOW_LIST;
      }
      out.add(new Dropped(p.zoneId(), p.enterpriseId(), p.enterpriseName(), p.rank(), reason, now));
    }
    out.sort(Comparator.comparing(Dropped::zoneId).thenComparingInt(Dropped::previousRank));
    return out;
  }
}
