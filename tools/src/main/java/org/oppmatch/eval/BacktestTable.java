package org.oppmatch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The learned ranking's backtest as a table a team can read: from a run's manifest ({@code
 * ranking.backtest}), for the rules and the model, precision@10 and @20, NDCG@50 and AUC, overall
 * and per zone, each with the labels and wins behind it (jobs/backtest prints it).
 *
 * <p>Usage: {@code BacktestTable MANIFEST [--out FILE]}.
 */
public final class BacktestTable {
  private BacktestTable() {}

  static final String[] FIGURES = {"precision_at_10", "precision_at_20", "ndcg_at_50", "auc"};

  public static void main(String[] args) throws IOException {
    if (args.length != 1 && !(args.length == 3 && args[1].equals("--out"))) {
      System.err.println("usage: BacktestTable MANIFEST [--out FILE]");
      System.exit(2);
    }
    String table = table(new ObjectMapper().readTree(Path.of(args[0]).toFile()));
    System.out.print(table);
    if (args.length == 3) {
      Files.writeString(Path.of(args[2]), table, StandardCharsets.UTF_8);
    }
  }

  /** The Markdown table of a manifest's backtest, or the reason it has none. */
  static String table(JsonNode manifest) {
    JsonNode ranking = manifest.path("ranking");
    JsonNode b = ranking.path("backtest");
    StringBuilder out = new StringBuilder();
    out.append("ranking used: ").append(ranking.path("used").asText("?"));
    out.append(", enterprises won in the history: ")
        .append(ranking.path("won_enterprises").asText("?"))
        .append('\n');
    if (b.isMissingNode()) {
      return out.append("no backtest: the run ranked by the rules\n").toString();
    }
    if (b.has("skipped")) {
      return out.append("no backtest: ").append(b.path("skipped").asText()).append('\n').toString();
    }
    out.append(
        String.format(
            Locale.ROOT,
            "split %s: trained on %d engagements (%d won) decided before it, evaluated on %d"
                + " (%d won) decided on or after it%n%n",
            b.path("split_date").asText(),
            b.path("train_rows").asInt(),
            b.path("train_positives").asInt(),
            b.path("test_rows").asInt(),
            b.path("test_positives").asInt()));
    out.append("| zone | ranking | precision@10 | precision@20 | NDCG@50 | AUC | labels (won) |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|\n");
    rows(out, "overall", b.path("overall"));
    for (Iterator<Map.Entry<String, JsonNode>> z = b.path("zones").fields(); z.hasNext(); ) {
      Map.Entry<String, JsonNode> e = z.next();
      rows(out, e.getKey(), e.getValue());
    }
    JsonNode rules = b.path("overall").path("rules").path("ndcg_at_50").path("value");
    JsonNode model = b.path("overall").path("model").path("ndcg_at_50").path("value");
    if (rules.isNumber() && model.isNumber() && rules.asDouble() > 0) {
      out.append(
          String.format(
              Locale.ROOT,
              "%nNDCG@50 overall: model %.3f, rules %.3f (%+.1f%%)%n",
              model.asDouble(),
              rules.asDouble(),
              100.0 * (model.asDouble() - rules.asDouble()) / rules.asDouble()));
    }
    return out.toString();
  }

  private static void rows(StringBuilder out, String zone, JsonNode comparison) {
    for (String ranking : new String[] {"rules", "model"}) {
      JsonNode f = comparison.path(ranking);
      out.append("| ").append(zone).append(" | ").append(ranking);
      for (String name : FIGURES) {
        JsonNode v = f.path(name).path("value");
        out.append(" | ")
            .append(v.isNumber() ? String.format(Locale.ROOT, "%.3f", v.asDouble()) : "-");
      }
      JsonNode auc = f.path("auc");
      out.append(" | ")
          .append(auc.path("labels").asLong())
          .append(" (")
          .append(auc.path("positives").asLong())
          .append(") |\n");
    }
  }
}
