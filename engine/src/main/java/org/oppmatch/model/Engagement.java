package org.oppmatch.model;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What the zones' teams have done with an enterprise, as of the run date (data-contract.md, version
 * 2): won (on no list), lost within the cool-down (on no list), or active with the zone that
 * reported it first (首报首谈: on that zone's list only). Enterprises without any of these have no
 * engagement and are allocated as usual.
 *
 * @param owner the zone that owns an active engagement (null otherwise)
 * @param stage the owner's latest stage (active), the winning stage (won), lost (lost)
 * @param since the day the owner's current engagement began (active), else the deciding date
 */
public record Engagement(Status status, String owner, EngagementStage stage, LocalDate since)
    implements Serializable {

  public enum Status {
    WON,
    LOST,
    ACTIVE
  }

  /** One accepted outcome row. */
  public record Outcome(
      String enterpriseId, String zoneId, EngagementStage stage, LocalDate date) {}

  /** Won, or lost within the cool-down: the enterprise is on no list. */
  public boolean offTheLists() {
    return status != Status.ACTIVE;
  }

  /** The rows of one zone with one enterprise in the order they happened. */
  private static final Comparator<Outcome> IN_ORDER =
      Comparator.comparing(Outcome::date).thenComparing(o -> o.stage().ordinal());

  /**
   * The engagements that change the lists, by enterprise id: outcomes dated after the run date are
   * ignored (the validation quarantines them), and enterprises whose history gives neither a win, a
   * recent loss with every zone, nor a recent active contact are left out.
   */
  public static Map<String, Engagement> of(
      List<Outcome> outcomes, LocalDate runDate, int cooldownDays, int activeDays) {
    Map<String, Engagement> out = new HashMap<>();
    grouped(outcomes, runDate, Outcome::enterpriseId, Outcome::zoneId)
        .forEach(
            (id, zones) -> {
              Engagement e = decide(zones, runDate, cooldownDays, activeDays);
              if (e != null) {
                out.put(id, e);
              }
            });
    return out;
  }

  /**
   * One enterprise's engagement from its rows per zone (zones in id order, rows in the order they
   * happened), or null for none.
   */
  static Engagement decide(
      Map<String, List<Outcome>> zones, LocalDate runDate, int cooldownDays, int activeDays) {
    Engagement won = null;
    Engagement owner = null;
    boolean allLost = true;
    LocalDate lastLost = null;
    for (Map.Entry<String, List<Outcome>> z : zones.entrySet()) {
      List<Outcome> rows = z.getValue();
      for (Outcome o : rows) {
        if (o.stage().kind() == EngagementStage.Kind.WON
            && (won == null || o.date().isBefore(won.since()))) {
          won = new Engagement(Status.WON, null, o.stage(), o.date());
        }
      }
      Outcome latest = rows.get(rows.size() - 1);
      if (latest.stage().kind() == EngagementStage.Kind.LOST) {
        lastLost = lastLost == null || latest.date().isAfter(lastLost) ? latest.date() : lastLost;
      } else {
        allLost = false;
      }
      if (latest.stage().kind() == EngagementStage.Kind.ACTIVE
          && daysBefore(latest.date(), runDate) < activeDays) {
        // the current engagement: the active rows since the zone's last loss
        LocalDate began = latest.date();
        for (int i = rows.size() - 1;
            i >= 0 && rows.get(i).stage().kind() == EngagementStage.Kind.ACTIVE;
            i--) {
          began = rows.get(i).date();
        }
        // the first to report owns it; between equal days the zone first by id (zones are sorted)
        if (owner == null || began.isBefore(owner.since())) {
          owner = new Engagement(Status.ACTIVE, z.getKey(), latest.stage(), began);
        }
      }
    }
    if (won != null) {
      return won;
    }
    if (owner != null) {
      return owner;
    }
    if (allLost && lastLost != null && daysBefore(lastLost, runDate) < cooldownDays) {
      return new Engagement(Status.LOST, null, EngagementStage.LOST, lastLost);
    }
    return null;
  }

  /**
   * An enterprise-zone engagement that ended: won (signed or landed with the zone) or lost (its
   * latest stage with the zone), and the day it was decided (the first win, or the loss).
   */
  public record Decided(String enterpriseId, String zoneId, boolean won, LocalDate date)
      implements Serializable {}

  /**
   * Every engagement of the history that ended, the learned ranking's labels, in enterprise and
   * zone order (outcomes dated after the run date ignored; open engagements are no label yet).
   */
  public static List<Decided> decided(List<Outcome> outcomes, LocalDate runDate) {
    List<Decided> out = new ArrayList<>();
    grouped(outcomes, runDate, Outcome::enterpriseId, Outcome::zoneId)
        .forEach(
            (id, zones) ->
                zones.forEach(
                    (zone, rows) -> {
                      Outcome firstWin =
                          rows.stream()
                              .filter(o -> o.stage().kind() == EngagementStage.Kind.WON)
                              .findFirst()
                              .orElse(null);
                      Outcome latest = rows.get(rows.size() - 1);
                      if (firstWin != null) {
                        out.add(new Decided(id, zone, true, firstWin.date()));
                      } else if (latest.stage().kind() == EngagementStage.Kind.LOST) {
                        out.add(new Decided(id, zone, false, latest.date()));
                      }
                    }));
    return out;
  }

  /** A zone's outcomes as the report counts them: enterprises it won, enterprises it lost. */
  public record ZoneCounts(long won, long lost) {}

  /**
   * Per zone: the enterprises it signed or landed, and those whose latest stage with it is lost
   * within the cool-down (outcomes dated after the run date ignored).
   */
  public static Map<String, ZoneCounts> countsByZone(
      List<Outcome> outcomes, LocalDate runDate, int cooldownDays) {
    Map<String, ZoneCounts> out = new TreeMap<>();
    grouped(outcomes, runDate, Outcome::zoneId, Outcome::enterpriseId)
        .forEach(
            (zone, enterprises) -> {
              long won = 0;
              long lost = 0;
              for (List<Outcome> rows : enterprises.values()) {
                Outcome latest = rows.get(rows.size() - 1);
                if (rows.stream().anyMatch(o -> o.stage().kind() == EngagementStage.Kind.WON)) {
                  won++;
                } else if (latest.stage().kind() == EngagementStage.Kind.LOST
                    && daysBefore(latest.date(), runDate) < cooldownDays) {
                  lost++;
                }
              }
              out.put(zone, new ZoneCounts(won, lost));
            });
    return out;
  }

  /**
   * The outcomes dated on or before the run date by two keys (both in key order), each group's rows
   * in the order they happened.
   */
  private static Map<String, Map<String, List<Outcome>>> grouped(
      List<Outcome> outcomes,
      LocalDate runDate,
      Function<Outcome, String> outer,
      Function<Outcome, String> inner) {
    Map<String, Map<String, List<Outcome>>> out = new TreeMap<>();
    for (Outcome o : outcomes) {
      if (o.stage() != null && !o.date().isAfter(runDate)) {
        out.computeIfAbsent(outer.apply(o), k -> new TreeMap<>())
            .computeIfAbsent(inner.apply(o), k -> new ArrayList<>())
            .add(o);
      }
    }
    out.values().forEach(groups -> groups.values().forEach(rows -> rows.sort(IN_ORDER)));
    return out;
  }

  private static long daysBefore(LocalDate date, LocalDate runDate) {
    return ChronoUnit.DAYS.between(date, runDate);
  }
}
