package org.oppmatch.lookup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oppmatch.model.Engagement;

/**
 * Why a company is, or is not, on one zone's list, from what the run published. The allocation
 * ({@code rank/Allocation}) takes the pairs in score order (then enterprise id, then zone id) and
 * takes a pair while its zone has room and its enterprise and group have zones left; so for a pair
 * that is not listed, the published lists show which of these stood in its way: the leads ranked
 * before it that filled the zone, the company's zones ranked before it, its group's zones. Won,
 * recently lost and recently deferred firms are on no list, and a firm a zone works on (首报首谈) is
 * only on that zone's list; a pair below {@code lists.min_score} is no candidate at all.
 */
final class Placement {
  private Placement() {}

  enum Code {
    LISTED,
    WON,
    LOST,
    DEFERRED,
    ENGAGED_ELSEWHERE,
    BELOW_MIN_SCORE,
    MAX_ZONES_REACHED,
    LIST_FULL,
    GROUP_ZONES_REACHED,
    UNEXPLAINED;

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One finding with the facts it rests on, by the names the JSON output gives them. */
  record Finding(Code code, Map<String, Object> facts) {}

  /** The configuration the placement follows. */
  record Rules(double minScore, int topN, int maxZones, int cooldownDays, int deferredDays) {}

  /**
   * The findings for the company in one zone where it scored: LISTED alone when the zone lists it;
   * else the first of WON, LOST, DEFERRED, ENGAGED_ELSEWHERE and BELOW_MIN_SCORE that holds; else
   * every one of MAX_ZONES_REACHED, LIST_FULL and GROUP_ZONES_REACHED that holds (each kept it
   * off); else UNEXPLAINED: the published lists do not account for it (the inputs, the
   * configuration or the engine changed since the run).
   */
  static List<Finding> of(
      String zoneId,
      double score,
      String companyId,
      String groupId,
      Engagement engagement,
      PublishedLists lists,
      Rules rules) {
    List<PublishedLists.Listed> mine = lists.ofEnterprise(companyId);
    for (PublishedLists.Listed l : mine) {
      if (l.zoneId().equals(zoneId)) {
        Map<String, Object> f = facts("rank", l.rank(), "score", l.score());
        if (l.engaged()) {
          f.put("engagement_stage", l.engagementStage());
          f.put("engagement_since", String.valueOf(l.engagementSince()));
        }
        return List.of(new Finding(Code.LISTED, f));
      }
    }
    if (engagement != null && engagement.status() == Engagement.Status.WON) {
      return one(
          Code.WON,
          facts("stage", engagement.stage().key(), "date", engagement.since().toString()));
    }
    if (engagement != null && engagement.status() == Engagement.Status.LOST) {
      return one(
          Code.LOST,
          facts("date", engagement.since().toString(), "cooldown_days", rules.cooldownDays()));
    }
    if (engagement != null && engagement.status() == Engagement.Status.DEFERRED) {
      return one(
          Code.DEFERRED,
          facts(
              "date",
              engagement.since().toString(),
              "until",
              engagement.since().plusDays(rules.deferredDays()).toString(),
              "deferred_days",
              rules.deferredDays()));
    }
    for (PublishedLists.Listed l : mine) {
      if (l.engaged()) {
        return one(
            Code.ENGAGED_ELSEWHERE,
            facts(
                "owner_zone_id",
                l.zoneId(),
                "engagement_stage",
                l.engagementStage(),
                "engagement_since",
                String.valueOf(l.engagementSince())));
      }
    }
    if (engagement != null
        && engagement.status() == Engagement.Status.ACTIVE
        && !zoneId.equals(engagement.owner())) {
      return one(
          Code.ENGAGED_ELSEWHERE,
          facts(
              "owner_zone_id",
              engagement.owner(),
              "engagement_stage",
              engagement.stage().key(),
              "engagement_since",
              engagement.since().toString()));
    }
    if (score < rules.minScore()) {
      return one(Code.BELOW_MIN_SCORE, facts("min_score", rules.minScore()));
    }
    List<Finding> out = new ArrayList<>();
    List<Map<String, Object>> better = new ArrayList<>();
    for (PublishedLists.Listed l : mine) {
      if (!l.engaged()
          && (l.score() > score || (l.score() == score && l.zoneId().compareTo(zoneId) < 0))) {
        better.add(facts("zone_id", l.zoneId(), "score", l.score(), "rank", l.rank()));
      }
    }
    if (better.size() >= rules.maxZones()) {
      out.add(
          new Finding(
              Code.MAX_ZONES_REACHED,
              facts("listed_in", better, "max_zones_per_enterprise", rules.maxZones())));
    }
    List<PublishedLists.Listed> allocated =
        lists.list(zoneId).stream().filter(l -> !l.engaged()).toList();
    long ahead =
        allocated.stream()
            .filter(
                l ->
                    l.score() > score
                        || (l.score() == score && l.enterpriseId().compareTo(companyId) < 0))
            .count();
    Map<String, Object> list = facts("list_length", allocated.size(), "top_n", rules.topN());
    allocated.stream()
        .mapToDouble(PublishedLists.Listed::score)
        .min()
        .ifPresent(s -> list.put("lowest_listed_score", s));
    list.put("engaged_leads", lists.list(zoneId).size() - allocated.size());
    if (ahead >= rules.topN()) {
      out.add(new Finding(Code.LIST_FULL, list));
    }
    if (groupId != null) {
      List<String> zones = new ArrayList<>();
      List<Map<String, Object>> others = new ArrayList<>();
      for (PublishedLists.Listed l : lists.ofGroup(groupId)) {
        if (!l.engaged() && before(l, score, companyId, zoneId)) {
          if (!zones.contains(l.zoneId())) {
            zones.add(l.zoneId());
          }
          if (!l.enterpriseId().equals(companyId)) {
            others.add(
                facts(
                    "zone_id", l.zoneId(), "enterprise_id", l.enterpriseId(), "score", l.score()));
          }
        }
      }
      // the company's own zones are the finding above; the group's is news only through others
      if (!zones.contains(zoneId) && zones.size() >= rules.maxZones() && !others.isEmpty()) {
        out.add(
            new Finding(
                Code.GROUP_ZONES_REACHED,
                facts(
                    "group_id",
                    groupId,
                    "listed_in",
                    others,
                    "max_zones_per_enterprise",
                    rules.maxZones())));
      }
    }
    if (out.isEmpty()) {
      out.add(new Finding(Code.UNEXPLAINED, list));
    }
    return out;
  }

  /** Whether a published pair came before (score, company, zone) in the allocation's order. */
  private static boolean before(
      PublishedLists.Listed l, double score, String companyId, String zoneId) {
    if (l.score() != score) {
      return l.score() > score;
    }
    int c = l.enterpriseId().compareTo(companyId);
    return c != 0 ? c < 0 : l.zoneId().compareTo(zoneId) < 0;
  }

  private static List<Finding> one(Code code, Map<String, Object> facts) {
    return List.of(new Finding(code, facts));
  }

  private static Map<String, Object> facts(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
