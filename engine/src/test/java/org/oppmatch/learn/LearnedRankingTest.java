package org.oppmatch.learn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.oppmatch.score.Lead;
import org.oppmatch.testing.SharedSpark;

/**
 * The learned ranking on a history where one feature decides the wins: it ranks by that feature,
 * names it first among the reasons, and the same history in any order gives the same scores; the
 * backtest splits in time and compares on the later engagements only.
 */
class LearnedRankingTest {
  static final int SIGNAL =
      LeadFeatures.ALL.indexOf(new LeadFeatures.Feature("signal:expansion", "近期扩张"));

  static LearnedRanking.Example example(int i, boolean expanding, boolean won) {
    Lead l = new Lead();
    l.enterpriseId = String.format("E%03d", i);
    l.zoneId = i % 2 == 0 ? "Z1" : "Z2";
    l.score = 50 + (i % 7);
    l.features = new double[LeadFeatures.SIZE];
    l.features[SIGNAL] = expanding ? 1.0 : 0.0;
    l.features[0] = (i % 5) / 5.0; // an industry value that says nothing of the outcome
    return new LearnedRanking.Example(l, won, LocalDate.of(2025, 1, 1).plusDays(i));
  }

  static List<LearnedRanking.Example> history() {
    Random rng = new Random(11);
    List<LearnedRanking.Example> out = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      boolean expanding = rng.nextBoolean();
      out.add(example(i, expanding, expanding ? rng.nextDouble() < 0.8 : rng.nextDouble() < 0.1));
    }
    return out;
  }

  @Test
  void theFeatureThatDecidesRanksFirstAndTheSameHistoryGivesTheSameScores() {
    List<LearnedRanking.Example> history = history();
    LearnedRanking m = LearnedRanking.fit(SharedSpark.get(), history);
    List<LearnedRanking.Example> shuffled = new ArrayList<>(history);
    Collections.shuffle(shuffled, new Random(3));
    LearnedRanking again = LearnedRanking.fit(SharedSpark.get(), shuffled);
    double[] expanding = new double[LeadFeatures.SIZE];
    expanding[SIGNAL] = 1.0;
    double[] quiet = new double[LeadFeatures.SIZE];
    assertTrue(m.score(expanding) > m.score(quiet) + 30, m.score(expanding) + " " + m.score(quiet));
    assertEquals(m.score(expanding), again.score(expanding), "input order changes nothing");
    assertEquals(m.score(quiet), again.score(quiet));
    assertArrayEquals(m.reasons(expanding), again.reasons(expanding));
    assertTrue(m.reasons(expanding)[0].startsWith("signal:expansion +"), m.reasons(expanding)[0]);
    assertTrue(m.reasons(quiet)[0].startsWith("signal:expansion -"), m.reasons(quiet)[0]);
    String sentence = m.sentence(m.score(expanding), expanding);
    assertTrue(sentence.startsWith("模型评分" + String.format("%.1f", m.score(expanding))), sentence);
    assertTrue(sentence.indexOf("近期扩张") < sentence.indexOf("推高"), sentence);
    assertEquals(200, m.rows());
  }

  @Test
  void theBacktestTrainsOnTheEarlierAndComparesOnTheLater() {
    Backtest.Result r = Backtest.run(SharedSpark.get(), history());
    // 70% of 200 decided before the split day: E140 on 2025-05-21 is the first after it
    assertEquals(LocalDate.of(2025, 5, 21), r.splitDate());
    assertEquals(140, r.trainRows());
    assertEquals(60, r.testRows());
    assertEquals(60, r.overall().model().auc().labels());
    // the rules' score knows nothing of the outcome here; the model does
    assertTrue(
        r.overall().model().auc().value() > r.overall().rules().auc().value() + 0.2,
        r.overall().toString());
    assertEquals(List.of("Z1", "Z2"), List.copyOf(r.zones().keySet()));
    assertEquals(
        "too few wins on either side of 2025-01-04 (0 before, 2 on or after; 5 needed on each side)",
        Backtest.run(
                SharedSpark.get(),
                List.of(
                    example(1, true, false),
                    example(2, true, false),
                    example(3, true, true),
                    example(4, true, true)))
            .skipped());
  }
}
