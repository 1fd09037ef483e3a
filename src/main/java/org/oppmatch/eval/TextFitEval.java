package org.oppmatch.eval;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.oppmatch.match.Targets;
import org.oppmatch.match.TextFeatures;
import org.oppmatch.schema.Cols;

/**
 * Which tokenisation ranks the known-good opportunity cases better. Each case of {@code
 * data/eval/opportunity-fit-cases.csv} is a firm's business scope and products, written for one
 * open opportunity ({@code close}: in words near the opportunity's; {@code reworded}: the same
 * trade in other words). For each tokenizer the IDF is fitted as in the job (the sample's
 * enterprises and the opportunities, plus the cases), every case is compared with every open
 * opportunity by the job's cosine, and the rank of its own opportunity gives hit@1, hit@3 and the
 * mean reciprocal rank, overall and per wording. The text alone is measured: no codes, no budget.
 *
 * <p>Usage: {@code TextFitEval --opportunities F --cases F --enterprises F --run-date D [--report
 * DIR]}
 */
public final class TextFitEval {
  private TextFitEval() {}

  /** Metrics of one tokenizer on one group of cases. */
  public record Metrics(int cases, double hitAt1, double hitAt3, double mrr, double medianCosine) {}

  public static void main(String[] argv) throws IOException {
    Map<String, String> a = new LinkedHashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      a.put(argv[i], argv[i + 1]);
    }
    SparkSession spark = SparkSession.builder().appName("text-fit-eval").getOrCreate();
    Map<String, Map<String, Metrics>> result =
        run(
            spark,
            a.get("--opportunities"),
            a.get("--cases"),
            a.get("--enterprises"),
            LocalDate.parse(a.getOrDefault("--run-date", "2026-11-20")));
    String md = markdown(result);
    System.out.println(md);
    if (a.containsKey("--report")) {
      Path dir = Path.of(a.get("--report"));
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("text-fit.md"), md, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("text-fit.json"), json(result), StandardCharsets.UTF_8);
    }
    spark.stop();
  }

  /** Tokenizer key to (group: all, close, reworded) to metrics. */
  public static Map<String, Map<String, Metrics>> run(
      SparkSession spark,
      String opportunitiesJsonl,
      String casesCsv,
      String enterprisesCsv,
      LocalDate runDate) {
    Dataset<Row> opps =
        Targets.openOpportunities(
                spark
                    .read()
                    .schema(
                        "opportunity_id string, title string, description string,"
                            + " keywords array<string>, deadline date, published_date date")
                    .json(opportunitiesJsonl),
                runDate)
            .select(col(Cols.OPPORTUNITY_ID).as("o_id"), Targets.opportunityText().as("_doc"))
            .cache();
    Dataset<Row> cases =
        csv(spark, casesCsv)
            .select(
                col("case_id"),
                col("opportunity_id").as("truth"),
                col("wording"),
                TextFeatures.enterpriseText(col("name"), col("business_scope"), col("products"))
                    .as("_doc"))
            .cache();
    Dataset<Row> enterprises =
        csv(spark, enterprisesCsv)
            .select(
                TextFeatures.enterpriseText(col("name"), col("business_scope"), col("products"))
                    .as("_doc"));
    Map<String, Map<String, Metrics>> out = new LinkedHashMap<>();
    for (TextFeatures.Tokenizer t : TextFeatures.Tokenizer.values()) {
      TextFeatures.Model model =
          TextFeatures.fit(
              t, "_doc", List.of(enterprises, opps.select("_doc"), cases.select("_doc")));
      Dataset<Row> o =
          model
              .transform(opps, "_doc", "o_terms")
              .withColumn("o_norm", TextFeatures.norm(col("o_terms")));
      Dataset<Row> c =
          model
              .transform(cases, "_doc", "c_terms")
              .withColumn("c_norm", TextFeatures.norm(col("c_terms")));
      // every case against every open opportunity: a few thousand pairs, measured, not a pattern
      Dataset<Row> ranked =
          c.crossJoin(broadcast(o))
              .withColumn(
                  "cos",
                  TextFeatures.cosine(col("c_terms"), col("c_norm"), col("o_terms"), col("o_norm")))
              .withColumn(
                  "rank",
                  row_number()
                      .over(
                          Window.partitionBy(col("case_id"))
                              .orderBy(col("cos").desc(), col("o_id").asc())))
              .filter(col("o_id").equalTo(col("truth")))
              .select(col("case_id"), col("wording"), col("rank"), col("cos"));
      List<Row> rows = ranked.collectAsList();
      long expected = cases.count();
      if (rows.size() != expected) {
        throw new IllegalStateException(
            "cases whose opportunity is not open on " + runDate + ": " + (expected - rows.size()));
      }
      Map<String, Metrics> byGroup = new LinkedHashMap<>();
      byGroup.put("all", metrics(rows, null));
      byGroup.put("close", metrics(rows, "close"));
      byGroup.put("reworded", metrics(rows, "reworded"));
      out.put(t.key(), byGroup);
    }
    return out;
  }

  private static Dataset<Row> csv(SparkSession spark, String path) {
    return spark.read().option("header", true).option("multiLine", true).csv(path);
  }

  static Metrics metrics(List<Row> rows, String wording) {
    int n = 0;
    int hit1 = 0;
    int hit3 = 0;
    double rr = 0;
    List<Double> cosines = new ArrayList<>();
    for (Row r : rows) {
      if (wording != null && !wording.equals(r.getAs("wording"))) {
        continue;
      }
      int rank = r.<Integer>getAs("rank");
      n++;
      hit1 += rank == 1 ? 1 : 0;
      hit3 += rank <= 3 ? 1 : 0;
      rr += 1.0 / rank;
      cosines.add(r.<Double>getAs("cos"));
    }
    java.util.Collections.sort(cosines);
    return n == 0
        ? new Metrics(0, 0, 0, 0, 0)
        : new Metrics(n, hit1 / (double) n, hit3 / (double) n, rr / n, cosines.get(n / 2));
  }

  static String markdown(Map<String, Map<String, Metrics>> result) {
    StringBuilder sb = new StringBuilder();
    sb.append("| tokenizer | cases | hit@1 | hit@3 | MRR | hit@1 close | hit@1 reworded |")
        .append(" MRR reworded | median cosine |\n|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<String, Map<String, Metrics>> e : result.entrySet()) {
      Metrics all = e.getValue().get("all");
      Metrics close = e.getValue().get("close");
      Metrics rew = e.getValue().get("reworded");
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n",
              e.getKey(),
              all.cases(),
              all.hitAt1(),
              all.hitAt3(),
              all.mrr(),
              close.hitAt1(),
              rew.hitAt1(),
              rew.mrr(),
              all.medianCosine()));
    }
    return sb.toString();
  }

  static String json(Map<String, Map<String, Metrics>> result) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Map<String, Metrics>> e : result.entrySet()) {
      List<String> groups = new ArrayList<>();
      for (Map.Entry<String, Metrics> g : e.getValue().entrySet()) {
        Metrics m = g.getValue();
        groups.add(
            String.format(
                Locale.ROOT,
                "\"%s\": {\"cases\": %d, \"hit_at_1\": %.4f, \"hit_at_3\": %.4f, \"mrr\": %.4f, \"median_cosine\": %.4f}",
                g.getKey(),
                m.cases(),
                m.hitAt1(),
                m.hitAt3(),
                m.mrr(),
                m.medianCosine()));
      }
      parts.add("\"" + e.getKey() + "\": {" + String.join(", ", groups) + "}");
    }
    return "{" + String.join(", ", parts) + "}\n";
  }
}
