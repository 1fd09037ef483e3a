package org.oppmatch.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.export.Labels;

/**
 * A lead's history over the earlier runs (data-contract.md, version 3: score_history and
 * rank_history): which runs it reaches back to, and how a company is found in them by any of its
 * ids.
 */
class ScoreHistoryTest {
  static final LocalDate D = LocalDate.of(2026, 11, 20);

  @TempDir Path tmp;

  static ScoreHistory.PastLead lead(int daysBefore, String zone, int rank, String... ids) {
    return new ScoreHistory.PastLead(
        D.minusDays(daysBefore), zone, rank, 100.0 - rank, List.of(ids));
  }

  @Test
  void aCompanyIsFoundInEachEarlierRunByAnyOfItsIdsOldestFirst() {
    List<LocalDate> runs = List.of(D.minusDays(1), D.minusDays(3), D.minusDays(2));
    ScoreHistory h =
        new ScoreHistory(
            runs,
            List.of(
                lead(3, "Z1", 9, "E1"),
                // the night before, the company was listed under its CRM id
                lead(1, "Z1", 4, "E1_CRM", "E1"),
                // on another list: not this list's history
                lead(2, "Z2", 1, "E1"),
                // a run outside the history
                lead(9, "Z1", 1, "E1"),
                lead(1, "Z1", 1, "E2")));

    assertEquals(List.of(D.minusDays(3), D.minusDays(2), D.minusDays(1)), h.runs());
    ScoreHistory.Trend t = h.of("Z1", List.of("E1_CRM"));
    assertEquals(Arrays.asList(null, null, 4), t.ranks(), "only the run that listed E1_CRM");
    ScoreHistory.Trend all = h.of("Z1", List.of("E1", "E1_CRM"));
    assertEquals(Arrays.asList(9, null, 4), all.ranks());
    assertEquals(Arrays.asList(91.0, null, 96.0), all.scores());
    assertTrue(all.listedBefore());
    assertFalse(h.of("Z1", List.of("E3")).listedBefore());
    assertEquals(Arrays.asList(null, null, null), h.of("Z1", List.of("E3")).ranks());
    assertEquals(ScoreHistory.Trend.NONE, ScoreHistory.NONE.of("Z1", List.of("E1")));
  }

  @Test
  void twoOfACompanysIdsListedInOneRunGiveTheBetterRank() {
    ScoreHistory h =
        new ScoreHistory(
            List.of(D.minusDays(1)), List.of(lead(1, "Z1", 7, "A"), lead(1, "Z1", 3, "B")));
    assertEquals(List.of(3), h.of("Z1", List.of("A", "B")).ranks());
  }

  @Test
  void theHistoryReachesBackToTheLatestSucceededRunsBeforeThisOne() throws IOException {
    Path manifests = Files.createDirectories(tmp.resolve("manifests"));
    for (int days = 1; days <= 10; days++) {
      // the run three days back failed
      String status = days == 3 ? "failed" : "succeeded";
      Files.writeString(
          manifests.resolve("run_date=" + D.minusDays(days) + ".json"),
          "{\"status\": \"" + status + "\"}");
    }
    Files.writeString(manifests.resolve("run_date=" + D + ".json"), "{\"status\": \"succeeded\"}");
    Files.writeString(
        manifests.resolve("run_date=" + D.plusDays(1) + ".json"), "{\"status\": \"succeeded\"}");
    Files.writeString(manifests.resolve("notes.txt"), "");
    Publisher p = new Publisher(new Configuration(), tmp.toString(), D, "a1");
    List<LocalDate> runs =
        p.previousSucceededRuns(
            ScoreHistory.RUNS, m -> !m.getName().equals("run_date=" + D.minusDays(3) + ".json"));
    assertEquals(
        List.of(
            D.minusDays(1),
            D.minusDays(2),
            D.minusDays(4),
            D.minusDays(5),
            D.minusDays(6),
            D.minusDays(7),
            D.minusDays(8)),
        runs,
        "7 runs, newest first, neither this date nor a later one nor the failed one");
    assertEquals(
        List.of(),
        new Publisher(new Configuration(), tmp.resolve("none").toString(), D, "a1")
            .previousSucceededRuns(7, m -> true));
  }

  @Test
  void theTrendShowsTheRanksSinceTheFirstRunThatListedIt() {
    assertEquals("↑ 12→—→8→5", Labels.trend(Arrays.asList(null, 12, null, 8), 5));
    assertEquals("↓ 3→9", Labels.trend(List.of(3), 9));
    assertEquals("→ 4→6→4", Labels.trend(List.of(4, 6), 4));
    assertEquals("新进", Labels.trend(Arrays.asList(null, null), 2), "no earlier run listed it");
    assertEquals(null, Labels.trend(List.of(), 2), "no earlier run at all");
  }
}
