package org.oppmatch.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.model.Engagement;
import org.oppmatch.model.EngagementStage;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.InputTable;
import org.oppmatch.validate.RowValidator;

/**
 * The outcome history of the sample ({@code data/sample}, run date 2026-11-20, the default seed and
 * contacts): reproducible, valid for the engine row by row, in order per engagement, consistent
 * with first report, with the won share aimed at, and landing where the hidden rule says.
 */
class OutcomeHistoryTest {
  static final Path SAMPLE = Path.of("data/sample");
  static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);

  @TempDir static Path dir;

  static Path out;
  static List<Map<String, String>> outcomes;
  static List<Map<String, String>> truth;
  static Set<String> zoneIds;

  /** Each engagement's rows in the order they happened, by enterprise then zone. */
  static Map<String, Map<String, List<Map<String, String>>>> byPair;

  @BeforeAll
  static void generateOnce() throws IOException {
    out = dir.resolve("first");
    OutcomeHistory.run(
        new String[] {
          "--inputs", SAMPLE.toString(), "--run-date", RUN_DATE.toString(), "--out", out.toString()
        });
    outcomes = Csv.readRows(out.resolve("outcomes.csv"));
    truth = Csv.readRows(out.resolve("outcome_truth.csv"));
    zoneIds =
        SampleInputs.readZones(SAMPLE.resolve("zones.csv")).stream()
            .map(ZoneRef::zoneId)
            .collect(Collectors.toSet());
    byPair = new TreeMap<>();
    for (Map<String, String> r : outcomes) {
      byPair
          .computeIfAbsent(r.get("enterprise_id"), k -> new TreeMap<>())
          .computeIfAbsent(r.get("zone_id"), k -> new ArrayList<>())
          .add(r);
    }
    Comparator<Map<String, String>> happened =
        Comparator.comparing((Map<String, String> r) -> r.get("stage_date"))
            .thenComparing(r -> stage(r).ordinal());
    byPair.values().forEach(zones -> zones.values().forEach(rows -> rows.sort(happened)));
  }

  static EngagementStage stage(Map<String, String> row) {
    return EngagementStage.of(row.get("stage"));
  }

  static LocalDate date(Map<String, String> row) {
    return LocalDate.parse(row.get("stage_date"));
  }

  static boolean won(List<Map<String, String>> rows) {
    return rows.stream().anyMatch(r -> stage(r).kind() == EngagementStage.Kind.WON);
  }

  @Test
  void theSameSeedWritesTheSameFilesAndAnotherSeedDiffers() throws IOException {
    Path again = dir.resolve("again");
    Path other = dir.resolve("other");
    String[] base = {"--inputs", SAMPLE.toString(), "--run-date", RUN_DATE.toString()};
    OutcomeHistory.run(concat(base, "--out", again.toString()));
    OutcomeHistory.run(concat(base, "--out", other.toString(), "--seed", "7"));
    for (String f : List.of("outcomes.csv", "outcome_truth.csv")) {
      assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(again.resolve(f)));
    }
    assertNotEquals(
        Files.readString(out.resolve("outcomes.csv")),
        Files.readString(other.resolve("outcomes.csv")));
  }

  private static String[] concat(String[] a, String... b) {
    String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  @Test
  void everyRowPassesTheEnginesOutcomeValidation() throws IOException {
    assertEquals(
        String.join(",", OutcomeHistory.OUTCOME_COLUMNS),
        Files.readAllLines(out.resolve("outcomes.csv")).get(0));
    assertEquals(
        InputTable.OUTCOMES.columns().stream().map(c -> c.name()).toList(),
        OutcomeHistory.OUTCOME_COLUMNS);
    RowValidator validator =
        new RowValidator(InputTable.OUTCOMES, RUN_DATE, Set.of(), zoneIds, Set.of());
    List<RowValidator.Checked> accepted =
        OutcomeHistory.acceptedRows(out.resolve("outcomes.csv"), InputTable.OUTCOMES, validator);
    assertTrue(outcomes.size() > 1000, "rows: " + outcomes.size());
    assertEquals(outcomes.size(), accepted.size(), "rows the engine's validation rejects");

    // the engine's own reading of the history: its won enterprises are the ones the file says
    InputTable t = InputTable.OUTCOMES;
    List<Engagement.Outcome> rows = new ArrayList<>();
    for (RowValidator.Checked c : accepted) {
      Object[] v = c.values();
      rows.add(
          new Engagement.Outcome(
              (String) v[t.indexOf(Cols.ENTERPRISE_ID)],
              (String) v[t.indexOf(Cols.ZONE_ID)],
              EngagementStage.of((String) v[t.indexOf(Cols.STAGE)]),
              (LocalDate) v[t.indexOf(Cols.STAGE_DATE)]));
    }
    long engineWon =
        Engagement.of(rows, RUN_DATE, new Engagement.Windows(365, 180, 90)).values().stream()
            .filter(e -> e.status() == Engagement.Status.WON)
            .count();
    long fileWon =
        byPair.values().stream().filter(z -> z.values().stream().anyMatch(r -> won(r))).count();
    assertEquals(fileWon, engineWon);

    for (Map<String, String> r : outcomes) {
      String investment = r.get("investment_cny");
      if (!investment.isEmpty()) {
        assertEquals("landed", r.get("stage"), r.toString());
        assertTrue(Double.parseDouble(investment) >= 1e6, r.toString());
      }
    }
  }

  /** The stages a pair may pass, in order; lost may end it after any of the first three. */
  static final List<EngagementStage> PATH =
      List.of(
          EngagementStage.CONTACTED,
          EngagementStage.VISITED,
          EngagementStage.NEGOTIATING,
          EngagementStage.SIGNED,
          EngagementStage.LANDED);

  @Test
  void eachEngagementPassesItsStagesInOrderAndDatesInOrder() {
    LocalDate earliest = RUN_DATE.minusDays(OutcomeHistory.HISTORY_DAYS);
    int open = 0;
    for (Map<String, List<Map<String, String>>> zones : byPair.values()) {
      for (List<Map<String, String>> rows : zones.values()) {
        String where = rows.toString();
        for (int i = 0; i < rows.size(); i++) {
          EngagementStage s = stage(rows.get(i));
          boolean last = i == rows.size() - 1;
          if (s == EngagementStage.LOST) {
            assertTrue(last && i >= 1 && i <= 3, "lost ends an engagement: " + where);
          } else {
            assertEquals(PATH.get(i), s, where);
          }
          if (i > 0) {
            assertTrue(date(rows.get(i)).isAfter(date(rows.get(i - 1))), "dates rise: " + where);
          }
          assertFalse(date(rows.get(i)).isAfter(RUN_DATE), where);
          assertFalse(date(rows.get(i)).isBefore(earliest), where);
        }
        EngagementStage latest = stage(rows.get(rows.size() - 1));
        if (latest.kind() == EngagementStage.Kind.ACTIVE) {
          open++;
          assertTrue(
              date(rows.get(0)).isAfter(RUN_DATE.minusDays(120)),
              "only an engagement of the last four months is open: " + where);
        }
      }
    }
    assertTrue(open > 0, "some engagements are still open on the run date");
  }

  @Test
  void aLaterZoneNeverTakesAFirmFromTheFirst() {
    int twoZones = 0;
    for (Map<String, List<Map<String, String>>> zones : byPair.values()) {
      assertTrue(zones.size() <= 2, zones.toString());
      long wins = zones.values().stream().filter(OutcomeHistoryTest::won).count();
      assertTrue(wins <= 1, "one zone at most wins a firm: " + zones);
      if (zones.size() < 2) {
        continue;
      }
      twoZones++;
      List<List<Map<String, String>>> pairs = new ArrayList<>(zones.values());
      pairs.sort(Comparator.comparing(rows -> date(rows.get(0))));
      List<Map<String, String>> first = pairs.get(0);
      List<Map<String, String>> later = pairs.get(1);
      assertTrue(date(later.get(0)).isAfter(date(first.get(0))), zones.toString());
      if (won(later)) {
        Map<String, String> end = first.get(first.size() - 1);
        LocalDate signed =
            later.stream()
                .filter(r -> stage(r) == EngagementStage.SIGNED)
                .map(OutcomeHistoryTest::date)
                .findFirst()
                .orElseThrow();
        assertEquals(EngagementStage.LOST, stage(end), zones.toString());
        assertTrue(date(end).isBefore(signed), "the first zone had let the firm go: " + zones);
      }
      if (won(first)) {
        LocalDate signed =
            first.stream()
                .filter(r -> stage(r) == EngagementStage.SIGNED)
                .map(OutcomeHistoryTest::date)
                .findFirst()
                .orElseThrow();
        assertTrue(date(later.get(0)).isBefore(signed), "no call after the firm signed: " + zones);
      }
    }
    assertTrue(twoZones > 20, "enterprises contacted by two zones: " + twoZones);
  }

  @Test
  void theWonShareOfTheSampleIsInTheAimedRange() {
    long contacted = byPair.size();
    long won =
        byPair.values().stream().filter(z -> z.values().stream().anyMatch(r -> won(r))).count();
    double share = (double) won / contacted;
    assertTrue(share >= 0.08 && share <= 0.12, won + " of " + contacted + " won: " + share);
    assertTrue(won > 100, "enough won enterprises for a learned ranking: " + won);
  }

  @Test
  void theTruthCoversEveryEngagementAndAgreesWithTheOutcomes() {
    Map<String, Map<String, String>> truthOf = new HashMap<>();
    truth.forEach(t -> truthOf.put(t.get("enterprise_id") + "/" + t.get("zone_id"), t));
    assertEquals(
        String.join(",", OutcomeHistory.TRUTH_COLUMNS), String.join(",", truth.get(0).keySet()));
    Set<String> pairs = new HashSet<>();
    double sum = 0;
    for (var zones : byPair.entrySet()) {
      for (var rows : zones.getValue().entrySet()) {
        String key = zones.getKey() + "/" + rows.getKey();
        pairs.add(key);
        Map<String, String> t = truthOf.get(key);
        assertNotNull(t, key);
        EngagementStage latest = stage(rows.getValue().get(rows.getValue().size() - 1));
        if (won(rows.getValue())) {
          assertEquals("true", t.get("landed"), key);
        } else if (latest == EngagementStage.LOST) {
          assertEquals("false", t.get("landed"), key);
        }
        double p = Double.parseDouble(t.get("landing_probability"));
        assertTrue(p > 0 && p < 1, key);
        sum += p;
      }
    }
    assertEquals(pairs, truthOf.keySet());
    assertEquals(OutcomeHistory.MEAN_LANDING, sum / truth.size(), 0.001);
  }

  @Test
  void firmsTheHiddenRuleFavoursLandMoreOften() {
    List<Map<String, String>> sorted = new ArrayList<>(truth);
    sorted.sort(Comparator.comparingDouble(t -> Double.parseDouble(t.get("landing_probability"))));
    int q = sorted.size() / 4;
    double bottom = wonRate(sorted.subList(0, q));
    double top = wonRate(sorted.subList(sorted.size() - q, sorted.size()));
    assertTrue(top > 3 * bottom, "top quartile " + top + ", bottom quartile " + bottom);
    assertTrue(top - bottom > 0.1, "top quartile " + top + ", bottom quartile " + bottom);
  }

  /** The share of the engagements won in the outcomes file (signed or landed by the run date). */
  private static double wonRate(List<Map<String, String>> engagements) {
    long won =
        engagements.stream()
            .filter(t -> won(byPair.get(t.get("enterprise_id")).get(t.get("zone_id"))))
            .count();
    return (double) won / engagements.size();
  }

  @Test
  void theRuleIsNotTheRulesScore() {
    OutcomeHistory.Firm giant =
        new OutcomeHistory.Firm(
            "G",
            "CN",
            "上海市",
            "上海",
            "3741",
            8e10,
            20000,
            0.02,
            Set.of("fortune_global_500"),
            List.of());
    OutcomeHistory.Firm specialist =
        new OutcomeHistory.Firm(
            "S",
            "CN",
            "四川省",
            "绵阳",
            "37",
            3e8,
            450,
            0.25,
            Set.of("specialized_sme", "high_tech"),
            List.of("expansion:2026-09-01"));
    // the scoring rules favour the giant (4-digit fit, a gap to fill, the best tag); the history
    // lands the growing, local, mid-size specialist matched on two digits only
    double g = OutcomeHistory.terms(giant, "missing", 4, RUN_DATE);
    double s = OutcomeHistory.terms(specialist, null, 2, RUN_DATE);
    assertTrue(s > g + 2, "specialist " + s + ", giant " + g);
    assertEquals(
        OutcomeHistory.W_GROWTH * 0.02
            + OutcomeHistory.W_GIANT
            + OutcomeHistory.W_CHAIN_MISSING
            + OutcomeHistory.W_MATCH_4,
        g,
        1e-12);
  }

  @Test
  void missingOrUnknownFlagsAreErrors() {
    assertThrows(
        IllegalArgumentException.class,
        () -> OutcomeHistory.run(new String[] {"--inputs", SAMPLE.toString()}));
    assertThrows(
        IllegalArgumentException.class, () -> OutcomeHistory.run(new String[] {"--contactz", "1"}));
  }
}
