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
 * What the zones' teams have done with an enterprise, as of the run date (data-contract.md,
 * versions 2 and 3): won (on no list), lost within the cool-down (on no list), deferred ("not now")
 * within its window (on no list), or active with the zone that reported it first (首报首谈: on that
 * zone's list only). Enterprises without any of these have no engagement and are allocated as
 * usual.
 *
 * @param owner the zone that owns an active engagement (null otherwise)
 * @param stage the owner's latest stage (active), the winning stage (won), lost (lost), deferred
 *     (deferred)
 * @param since the day the owner's current engagement began (active), else the deciding date: the
 *     first win, the last loss, the last deferral
 */
public record Engagement(Status status, String owner, EngagementStage stage, LocalDate since)
    implements Serializable {

  public enum Status {
    WON,
    LOST,
    ACTIVE,
    DEFERRED
  }

  /** One accepted outcome row, with the team's note (null: none). */
  public record Outcome(
      String enterpriseId, String zoneId, EngagementStage stage, LocalDate date, String note) {

    /** A row without a note. */
    public Outcome(String enterpriseId, String zoneId, EngagementStage stage, LocalDate date) {
      this(enterpriseId, zoneId, stage, date, null);
    }

    /** The same row for another id (the company's). */
    public Outcome forId(String id) {
      return new Outcome(id, zoneId, stage, date, note);
    }
  }

  /**
   * How long each kind of outcome holds (configuration {@code outcomes.*}): a loss keeps an
   * enterprise off the lists for {@code cooldownDays}, a contact keeps it with its zone for {@code
   * activeDays}, a deferral keeps it off for {@code deferredDays}.
   */
  public record Windows(int cooldownDays, int activeDays, int deferredDays)
      implements Serializable {}

  /** Won, lost within the cool-down or deferred within its window: the enterprise is on no list. */
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
      List<Outcome> outcomes, LocalDate runDate, Windows windows) {
    Map<String, Engagement> out = new HashMap<>();
    grouped(outcomes, runDate, Outcome::enterpriseId, Outcome::zoneId)
        .forEach(
            (id, zones) -> {
              Engagement e = decide(zones, runDate, windows);
              if (e != null) {
                out.put(id, e);
              }
            });
    return out;
  }

  /**
   * One enterprise's engagement from its rows per zone (zones in id order, rows in the order they
   * happened), or null for none. A zone whose latest stage is a deferral older than its window is
   * left out, as if it had never seen the enterprise ("eligible again, as if new"); then a recent
   * deferral keeps the enterprise off the lists while every other zone's latest stage is a loss or
   * a deferral too (a loss alone, with every zone, is the cool-down's).
   */
  static Engagement decide(Map<String, List<Outcome>> zones, LocalDate runDate, Windows windows) {
    Engagement won = null;
    Engagement owner = null;
    boolean allOff = true;
    boolean anyLost = false;
    LocalDate lastLost = null;
    LocalDate lastDeferred = null;
    for (Map.Entry<String, List<Outcome>> z : zones.entrySet()) {
      List<Outcome> rows = z.getValue();
      for (Outcome o : rows) {
        if (o.stage().kind() == EngagementStage.Kind.WON
            && (won == null || o.date().isBefore(won.since()))) {
          won = new Engagement(Status.WON, null, o.stage(), o.date());
        }
      }
      Outcome latest = rows.get(rows.size() - 1);
      EngagementStage.Kind kind = latest.stage().kind();
      if (kind == EngagementStage.Kind.DEFERRED) {
        if (daysBefore(latest.date(), runDate) < windows.deferredDays()) {
          lastDeferred = later(lastDeferred, latest.date());
        }
        continue;
      }
      if (kind == EngagementStage.Kind.LOST) {
        anyLost = true;
        lastLost = later(lastLost, latest.date());
      } else {
        allOff = false;
      }
      if (kind == EngagementStage.Kind.ACTIVE
          && daysBefore(latest.date(), runDate) < windows.activeDays()) {
        // the current engagement: the active rows since the zone's last loss or deferral
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
    if (allOff && lastDeferred != null) {
      return new Engagement(Status.DEFERRED, null, EngagementStage.DEFERRED, lastDeferred);
    }
    if (allOff && anyLost && daysBefore(lastLost, runDate) < windows.cooldownDays()) {
      return new Engagement(Status.LOST, null, EngagementStage.LOST, lastLost);
    }
    return null;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  /** A team's note on an enterprise: the zone that wrote it, the outcome's date, the text. */
  public record Note(String zoneId, LocalDate date, String text) implements Serializable {}

  /**
   * The latest note on each enterprise, by enterprise id (data-contract.md, version 3: 最近备注): of
   * the outcomes dated on or before the run date whose note is not blank, the one that happened
   * last (by date, then stage, then the order of the rows), whichever zone wrote it.
   */
  public static Map<String, Note> latestNotes(List<Outcome> outcomes, LocalDate runDate) {
    Map<String, Outcome> latest = new HashMap<>();
    for (Outcome o : outcomes) {
      if (o.stage() == null
          || o.note() == null
          || o.note().isBlank()
          || o.date().isAfter(runDate)) {
        continue;
      }
      latest.merge(o.enterpriseId(), o, (a, b) -> IN_ORDER.compare(b, a) >= 0 ? b : a);
    }
    Map<String, Note> out = new HashMap<>();
    latest.forEach((id, o) -> out.put(id, new Note(o.zoneId(), o.date(), o.note().strip())));
    return out;
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
