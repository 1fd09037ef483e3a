package org.oppmatch.eval;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

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
import org.oppmatch.match.TextFeatures;
import org.oppmatch.match.TextModel;

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
    java.sql.Date d = java.sql.Date.valueOf(runDate);
    List<String[]> opps = new ArrayList<>(); // id, text
    for (Row r :
        spark
            .read()
            .schema(
                "opportunity_id string, title string, description string,"
                    + " keywords array<string>, deadline date, published_date date")
            .json(opportunitiesJsonl)
            .filter(
                col("deadline")
                    .isNull()
                    .or(col("deadline").geq(lit(d)))
                    .and(col("published_date").isNull().or(col("published_date").leq(lit(d)))))
            .collectAsList()) {
      List<String> kw = r.isNullAt(3) ? null : r.getList(3);
      opps.add(
          new String[] {
            r.getString(0),
            TextFeatures.opportunityText(
                r.getString(1), r.getString(2), kw == null ? null : kw.toArray(new String[0]))
          });
    }
    List<String[]> cases = new ArrayList<>(); // case id, truth, wording, text
    for (Row r :
        csv(spark, casesCsv)
            .select("case_id", "opportunity_id", "wording", "name", "business_scope", "products")
            .collectAsList()) {
      cases.add(
          new String[] {
            r.getString(0),
            r.getString(1),
            r.getString(2),
            org.oppmatch.model.Enterprise.text(r.getString(3), r.getString(4), r.getString(5))
          });
    }
    List<String> enterprises = new ArrayList<>();
    for (Row r :
        csv(spark, enterprisesCsv).select("name", "business_scope", "products").collectAsList()) {
      enterprises.add(
          org.oppmatch.model.Enterprise.text(r.getString(0), r.getString(1), r.getString(2)));
    }
    Map<String, Map<String, Metrics>> out = new LinkedHashMap<>();
    for (TextFeatures.Tokenizer t : TextFeatures.Tokenizer.values()) {
      TextModel.DocumentFrequencies df = new TextModel.DocumentFrequencies();
      enterprises.forEach(e -> df.add(TextFeatures.termIndices(e, t)));
      opps.forEach(o -> df.add(TextFeatures.termIndices(o[1], t)));
      cases.forEach(c -> df.add(TextFeatures.termIndices(c[3], t)));
      TextModel model = TextModel.fit(t, df);
      List<long[]> oppTerms = new ArrayList<>();
      opps.forEach(o -> oppTerms.add(model.terms(o[1])));
      List<Ranked> rows = new ArrayList<>();
      // every case against every open opportunity: a few thousand pairs, measured, not a pattern
      for (String[] c : cases) {
        long[] terms = model.terms(c[3]);
        double norm = TextFeatures.norm(terms);
        double own = -1;
        boolean found = false;
        double[] cos = new double[opps.size()];
        for (int i = 0; i < opps.size(); i++) {
          long[] o = oppTerms.get(i);
          cos[i] = TextFeatures.cosine(terms, norm, o, TextFeatures.norm(o));
          if (opps.get(i)[0].equals(c[1])) {
            own = cos[i];
            found = true;
          }
        }
        if (!found) {
          throw new IllegalStateException(
              "case " + c[0] + ": its opportunity " + c[1] + " is not open on " + runDate);
        }
        int rank = 1;
        for (int i = 0; i < opps.size(); i++) {
          // ahead of the truth: a higher cosine, or an equal one and a smaller id
          if (cos[i] > own || (cos[i] == own && opps.get(i)[0].compareTo(c[1]) < 0)) {
            rank++;
          }
        }
        rows.add(new Ranked(c[2], rank, own));
      }
      Map<String, Metrics> byGroup = new LinkedHashMap<>();
      byGroup.put("all", metrics(rows, null));
      byGroup.put("close", metrics(rows, "close"));
      byGroup.put("reworded", metrics(rows, "reworded"));
      out.put(t.key(), byGroup);
    }
    return out;
  }

  /** A case's wording, the rank of its own opportunity and the cosine with it. */
  record Ranked(String wording, int rank, double cosine) {}

  private static Dataset<Row> csv(SparkSession spark, String path) {
    return spark.read().option("header", true).option("multiLine", true).csv(path);
  }

  static Metrics metrics(List<Ranked> rows, String wording) {
    int n = 0;
    int hit1 = 0;
    int hit3 = 0;
    double rr = 0;
    List<Double> cosines = new ArrayList<>();
    for (Ranked r : rows) {
      if (wording != null && !wording.equals(r.wording())) {
        continue;
      }
      int rank = r.rank();
      n++;
      hit1 += rank == 1 ? 1 : 0;
      hit3 += rank <= 3 ? 1 : 0;
      rr += 1.0 / rank;
      cosines.add(r.cosine());
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
