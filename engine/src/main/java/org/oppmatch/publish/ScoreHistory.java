package org.oppmatch.publish;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lead's score and rank on its zone's list in the published runs before this one
 * (data-contract.md, version 3: {@code score_history}, {@code rank_history}), oldest first, null
 * where the company was not on that zone's list. Two rows are the same company when they share a
 * member id, as everywhere runs are compared.
 */
public final class ScoreHistory {
  /** Published runs a history reaches back. */
  public static final int RUNS = 7;

  /** A lead of an earlier run: its date, zone, rank and score, and its company's ids. */
  public record PastLead(
      LocalDate runDate, String zoneId, int rank, double score, List<String> memberIds) {}

  /** One lead's history: a value per earlier run, oldest first (null: not on the list). */
  public record Trend(List<Double> scores, List<Integer> ranks) {
    public static final Trend NONE = new Trend(List.of(), List.of());

    /** Whether any earlier run listed it. */
    public boolean listedBefore() {
      return ranks.stream().anyMatch(r -> r != null);
    }
  }

  /** No earlier run. */
  public static final ScoreHistory NONE = new ScoreHistory(List.of(), List.of());

  private final List<LocalDate> runs;
  private final Map<LocalDate, Integer> slot = new HashMap<>();

  /** Per zone and member id, the past leads that hold the id. */
  private final Map<String, List<PastLead>> byZoneAndId = new HashMap<>();

  /**
   * @param runs the earlier runs' dates, in any order; at most {@link #RUNS}
   * @param leads their leads (of any zone; rows of other dates are ignored)
   */
  public ScoreHistory(List<LocalDate> runs, List<PastLead> leads) {
    List<LocalDate> sorted = new ArrayList<>(runs);
    Collections.sort(sorted);
    this.runs = List.copyOf(sorted);
    for (int i = 0; i < sorted.size(); i++) {
      slot.put(sorted.get(i), i);
    }
    for (PastLead l : leads) {
      if (!slot.containsKey(l.runDate())) {
        continue;
      }
      for (String id : l.memberIds()) {
        byZoneAndId.computeIfAbsent(key(l.zoneId(), id), k -> new ArrayList<>()).add(l);
      }
    }
  }

  /** The earlier runs, oldest first. */
  public List<LocalDate> runs() {
    return runs;
  }

  /**
   * The history of the company of these ids on this zone's list: per earlier run, the rank and
   * score of its lead there (the best ranked, should a run have listed two of its ids).
   */
  public Trend of(String zoneId, List<String> memberIds) {
    if (runs.isEmpty()) {
      return Trend.NONE;
    }
    PastLead[] best = new PastLead[runs.size()];
    for (String id : memberIds) {
      for (PastLead l : byZoneAndId.getOrDefault(key(zoneId, id), List.of())) {
        int i = slot.get(l.runDate());
        if (best[i] == null || l.rank() < best[i].rank()) {
          best[i] = l;
        }
      }
    }
    List<Double> scores = new ArrayList<>(runs.size());
    List<Integer> ranks = new ArrayList<>(runs.size());
    for (PastLead l : best) {
      scores.add(l == null ? null : l.score());
      ranks.add(l == null ? null : l.rank());
    }
    return new Trend(Collections.unmodifiableList(scores), Collections.unmodifiableList(ranks));
  }

  private static String key(String zoneId, String id) {
    return zoneId + '\u0000' + id;
  }
}
