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
 * compared on the driver, company by company: a lead of each run stands for a company of one or
 * more ids, and two leads are one company when they share an id.
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

  /** ... because the firm is deregistered, revoked or closed (version 3): on no list. */
  public static final String INACTIVE = "inactive";

  /** ... because the enterprise signed or landed with a zone (an outcome): on no list. */
  public static final String WON = "won";

  /** ... because every zone's latest outcome with it is lost, within the cool-down. */
  public static final String LOST = "lost";

  /** ... because the enterprise said "not now" (暂缓, version 3), within the deferral's window. */
  public static final String DEFERRED = "deferred";

  /** ... because it scores below the list (top_n or min_score) or no longer matches the zone. */
  public static final String FELL_BELOW_LIST = "fell_below_list";

  /**
   * A lead of the previous run, as its targets partition holds it: the company's ids are its
   * member_enterprise_ids (its own id alone for a run that published none).
   */
  public record PreviousLead(
      String zoneId,
      String enterpriseId,
      String enterpriseName,
      int rank,
      List<String> matchedOpportunityIds,
      List<String> memberIds) {}

  /** A lead of this run: its zone, the id its company is listed under, and its rank. */
  public record CurrentLead(String zoneId, String enterpriseId, int rank) {}

  /**
   * A previous lead that is not on its zone's list now, and why; {@code companyId} is the id its
   * company is listed under in this run (null when none of its ids is in this run's input).
   */
  public record Dropped(
      String zoneId,
      String enterpriseId,
      String enterpriseName,
      int previousRank,
      String reason,
      String nowZoneId,
      String companyId) {}

  public static String key(String zoneId, String enterpriseId) {
    return zoneId + '\u0000' + enterpriseId;
  }

  /**
   * The id a previous lead's company is listed under in this run: the company that holds the id it
   * was listed under, else the one that holds the first of its other ids still in the input; null
   * when none is (data-contract.md, version 3: two rows are the same company across runs when they
   * share a member id).
   *
   * @param companyOf this run's company id of every previous member id still in the input
   */
  public static String companyNow(PreviousLead p, Map<String, String> companyOf) {
    String own = companyOf.get(p.enterpriseId());
    if (own != null) {
      return own;
    }
    for (String id : p.memberIds()) {
      String c = companyOf.get(id);
      if (c != null) {
        return c;
      }
    }
    return null;
  }

  /**
   * The previous run's leads by zone and the id their company is listed under now: what a lead of
   * this run compares itself with. When two previous leads of one zone are one company now, the one
   * listed under the company's id speaks for it, else the better ranked.
   */
  public static Map<String, PreviousLead> byZoneAndCompany(
      List<PreviousLead> previous, Map<String, String> companyOf) {
    Map<String, PreviousLead> out = new HashMap<>();
    for (PreviousLead p : previous) {
      String now = companyNow(p, companyOf);
      if (now != null) {
        out.merge(key(p.zoneId(), now), p, (a, b) -> preferred(a, b, now));
      }
    }
    return out;
  }

  private static PreviousLead preferred(PreviousLead a, PreviousLead b, String companyId) {
    boolean aOwn = a.enterpriseId().equals(companyId);
    boolean bOwn = b.enterpriseId().equals(companyId);
    if (aOwn != bOwn) {
      return aOwn ? a : b;
    }
    return a.rank() <= b.rank() ? a : b;
  }

  /** new, up, down or same, from the previous rank in the zone (null: new). */
  public static String movement(Integer previousRank, int rank) {
    if (previousRank == null) {
      return "new";
    }
    return rank < previousRank ? "up" : rank > previousRank ? "down" : "same";
  }

  /**
   * Leads of the previous run whose company is not on the same zone's list now, with why: none of
   * its ids is in the input any more, the company was won or lost (its outcomes), moved to another
   * zone (the first by id), its opportunities closed, or it fell below the list; ordered by zone
   * and previous rank. Companies are compared, not ids: a lead whose company is listed in its zone
   * under another id now has not left.
   *
   * @param companyOf this run's company id of every previous member id still in the input
   * @param openOpportunityIds ids of the opportunities open on this run's date
   * @param engagements the run's engagements by company id
   */
  public static List<Dropped> dropped(
      List<PreviousLead> previous,
      List<CurrentLead> current,
      Map<String, String> companyOf,
      Set<String> openOpportunityIds,
      Map<String, Engagement> engagements) {
    return dropped(previous, current, companyOf, Set.of(), openOpportunityIds, engagements);
  }

  /**
   * As above, with the companies that are inactive now (deregistered, revoked: reason {@code
   * inactive}).
   */
  public static List<Dropped> dropped(
      List<PreviousLead> previous,
      List<CurrentLead> current,
      Map<String, String> companyOf,
      Set<String> inactive,
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
      String company = companyNow(p, companyOf);
      if (company != null && listed.contains(key(p.zoneId(), company))) {
        continue;
      }
      String now = company == null ? null : nowZone.get(company);
      List<String> opps = p.matchedOpportunityIds() == null ? List.of() : p.matchedOpportunityIds();
      String reason;
      Engagement g = company == null ? null : engagements.get(company);
      if (company == null) {
        reason = ENTERPRISE_GONE;
      } else if (inactive.contains(company)) {
        reason = INACTIVE;
      } else if (g != null && g.status() == Engagement.Status.WON) {
        reason = WON;
      } else if (g != null && g.status() == Engagement.Status.LOST) {
        reason = LOST;
      } else if (g != null && g.status() == Engagement.Status.DEFERRED) {
        reason = DEFERRED;
      } else if (now != null) {
        reason = MOVED_ZONE;
      } else if (!opps.isEmpty() && opps.stream().noneMatch(openOpportunityIds::contains)) {
        reason = OPPORTUNITY_CLOSED;
      } else {
        reason = FELL_BELOW_LIST;
      }
      out.add(
          new Dropped(
              p.zoneId(), p.enterpriseId(), p.enterpriseName(), p.rank(), reason, now, company));
    }
    out.sort(Comparator.comparing(Dropped::zoneId).thenComparingInt(Dropped::previousRank));
    return out;
  }
}
