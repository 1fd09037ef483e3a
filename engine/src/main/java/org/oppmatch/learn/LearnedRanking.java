package org.oppmatch.learn;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.oppmatch.score.Lead;

/**
 * The learned ranking: a logistic regression (Spark MLlib) of whether an engagement was won, over
 * the lead's features ({@link LeadFeatures}). Chosen over gradient-boosted trees because the
 * history is small (a few hundred wins at the threshold), because its probability reads directly as
 * a 0..100 score, and because its additive form explains each score: a feature's contribution is
 * its coefficient times its distance from the training mean, and the largest of them are the {@code
 * model_reasons}. L2-regularised and standardised; the training rows go in in enterprise and zone
 * order, so the same history gives the same coefficients and the same ranks.
 */
public final class LearnedRanking implements Serializable {
  private static final long serialVersionUID = 1L;

  /** L2 penalty: with tens of features and hundreds of wins, enough to keep rare flags tame. */
  static final double REG_PARAM = 0.01;

  static final int MAX_ITER = 200;

  /** Reasons a lead's row carries: the features that moved its score most, either way. */
  public static final int REASONS = 3;

  /** One training row: a lead of an engagement that ended, and how it ended. */
  public record Example(Lead lead, boolean won, java.time.LocalDate decided) {}

  private final double[] coefficients;
  private final double intercept;
  private final double[] means;
  private final int rows;
  private final int positives;

  private LearnedRanking(
      double[] coefficients, double intercept, double[] means, int rows, int positives) {
    this.coefficients = coefficients;
    this.intercept = intercept;
    this.means = means;
    this.rows = rows;
    this.positives = positives;
  }

  /** Fits the model on the examples (each lead with its features). */
  public static LearnedRanking fit(SparkSession spark, List<Example> examples) {
    List<Example> ordered = new ArrayList<>(examples);
    ordered.sort(
        Comparator.comparing((Example e) -> e.lead().enterpriseId)
            .thenComparing(e -> e.lead().zoneId));
    List<Row> data = new ArrayList<>(ordered.size());
    double[] means = new double[LeadFeatures.SIZE];
    int positives = 0;
    for (Example e : ordered) {
      data.add(RowFactory.create(e.won() ? 1.0 : 0.0, Vectors.dense(e.lead().features)));
      for (int i = 0; i < means.length; i++) {
        means[i] += e.lead().features[i] / ordered.size();
      }
      positives += e.won() ? 1 : 0;
    }
    StructType schema =
        new StructType()
            .add("label", DataTypes.DoubleType)
            .add("features", SQLDataTypes.VectorType());
    spark.sparkContext().setJobDescription("learned ranking: fit");
    LogisticRegressionModel m =
        new LogisticRegression()
            .setMaxIter(MAX_ITER)
            .setRegParam(REG_PARAM)
            .setElasticNetParam(0.0)
            .setStandardization(true)
            .setTol(1e-7)
            .fit(spark.createDataFrame(data, schema).coalesce(1));
    spark.sparkContext().setJobDescription(null);
    return new LearnedRanking(
        m.coefficients().toArray(), m.intercept(), means, ordered.size(), positives);
  }

  /** Training rows and wins among them. */
  public int rows() {
    return rows;
  }

  public int positives() {
    return positives;
  }

  /** The chance the lead's engagement is won, times 100, to two decimals. */
  public double score(double[] x) {
    double z = intercept;
    for (int i = 0; i < coefficients.length; i++) {
      z += coefficients[i] * x[i];
    }
    return Math.round(10_000.0 / (1.0 + Math.exp(-z))) / 100.0;
  }

  /** A feature's push on the lead's log-odds, against a lead of the training mean. */
  private double contribution(double[] x, int i) {
    return coefficients[i] * (x[i] - means[i]);
  }

  /** The features that moved the score most, strongest first. */
  private List<Integer> strongest(double[] x) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < coefficients.length; i++) {
      if (Math.abs(contribution(x, i)) >= 0.005) {
        order.add(i);
      }
    }
    order.sort(
        Comparator.comparingDouble((Integer i) -> -Math.abs(contribution(x, i)))
            .thenComparing(i -> i));
    return order.subList(0, Math.min(REASONS, order.size()));
  }

  /** {@code model_reasons}: e.g. {@code tag:high_tech +0.42}, strongest first. */
  public String[] reasons(double[] x) {
    return strongest(x).stream()
        .map(
            i ->
                LeadFeatures.ALL.get(i).key()
                    + String.format(Locale.ROOT, " %+.2f", contribution(x, i)))
        .toArray(String[]::new);
  }

  /** The model's view in one Chinese clause, for the explanation sentence. */
  public String sentence(double score, double[] x) {
    List<String> up = new ArrayList<>();
    List<String> down = new ArrayList<>();
    for (int i : strongest(x)) {
      (contribution(x, i) > 0 ? up : down).add(LeadFeatures.ALL.get(i).zh());
    }
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "模型评分%.1f（据历史招商结果学习）", score));
    if (!up.isEmpty()) {
      b.append("，").append(String.join("、", up)).append("推高");
    }
    if (!down.isEmpty()) {
      b.append("，").append(String.join("、", down)).append("拉低");
    }
    return b.append("。").toString();
  }

  /** Sets each lead's model score and reasons (leads without features are left alone). */
  public void apply(Iterable<Lead> leads) {
    for (Lead l : leads) {
      if (l.features != null) {
        l.modelScore = score(l.features);
        l.modelReasons = reasons(l.features);
      }
    }
  }

  /** The coefficients by feature key, for the manifest (largest magnitude first). */
  public java.util.Map<String, Double> coefficientsByFeature() {
    java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < coefficients.length; i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(coefficients[i])));
    for (int i : order) {
      out.put(LeadFeatures.ALL.get(i).key(), Math.round(coefficients[i] * 10_000.0) / 10_000.0);
    }
    return out;
  }
}
