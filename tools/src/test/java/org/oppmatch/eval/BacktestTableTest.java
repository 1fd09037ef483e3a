package org.oppmatch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The backtest table reads the manifest's figures, the labels behind them, and the NDCG gain. */
class BacktestTableTest {
  static String figure(double value, int labels, int positives) {
    return "{\"value\": "
        + value
        + ", \"labels\": "
        + labels
        + ", \"positives\": "
        + positives
        + "}";
  }

  static String ranking(double p10, double p20, double ndcg, double auc) {
    return "{\"precision_at_10\": "
        + figure(p10, 10, 3)
        + ", \"precision_at_20\": "
        + figure(p20, 20, 4)
        + ", \"ndcg_at_50\": "
        + figure(ndcg, 40, 6)
        + ", \"auc\": "
        + figure(auc, 40, 6)
        + "}";
  }

  @Test
  void overallAndPerZoneForRulesAndModel() throws Exception {
    String cmp =
        "{\"rules\": "
            + ranking(0.3, 0.2, 0.5, 0.61)
            + ", \"model\": "
            + ranking(0.4, 0.25, 0.6, 0.7)
            + "}";
    String manifest =
        "{\"ranking\": {\"used\": \"learned\", \"won_enterprises\": 137, \"backtest\": {"
            + "\"split_date\": \"2026-05-01\", \"train_rows\": 800, \"train_positives\": 90,"
            + " \"test_rows\": 40, \"test_positives\": 6, \"overall\": "
            + cmp
            + ", \"zones\": {\"Z1\": "
            + cmp
            + "}}}}";
    String table = BacktestTable.table(new ObjectMapper().readTree(manifest));
    assertTrue(table.contains("split 2026-05-01: trained on 800 engagements (90 won)"), table);
    assertTrue(
        table.contains("| overall | rules | 0.300 | 0.200 | 0.500 | 0.610 | 40 (6) |"), table);
    assertTrue(
        table.contains("| overall | model | 0.400 | 0.250 | 0.600 | 0.700 | 40 (6) |"), table);
    assertTrue(table.contains("| Z1 | model | 0.400 |"), table);
    assertTrue(table.contains("NDCG@50 overall: model 0.600, rules 0.500 (+20.0%)"), table);
  }

  @Test
  void aRunWithoutBacktestSaysWhy() throws Exception {
    String skipped =
        "{\"ranking\": {\"used\": \"learned\", \"won_enterprises\": 12,"
            + " \"backtest\": {\"skipped\": \"too few wins\"}}}";
    assertEquals(
        "ranking used: learned, enterprises won in the history: 12\nno backtest: too few wins\n",
        BacktestTable.table(new ObjectMapper().readTree(skipped)));
    assertTrue(
        BacktestTable.table(new ObjectMapper().readTree("{\"ranking\": {\"used\": \"rules\"}}"))
            .contains("ranked by the rules"));
  }
}
