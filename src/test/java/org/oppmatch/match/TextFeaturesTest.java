package org.oppmatch.match;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.oppmatch.testing.SharedSpark;

/**
 * The MLlib text features: terms, IDF weights, packing, and the cosine that ranks opportunities for
 * an enterprise, with both tokenizers.
 */
class TextFeaturesTest {
  static final double EPS = 1e-9;

  static final String SATELLITE = "低轨卫星物联网终端与星地融合通信，北斗定位 iot";
  static final String ENGINE = "航空发动机短舱、起落架部附件维修与客改货";
  static final String MEDICAL = "医疗器械注册检验与临床试验 cro 服务";

  static Dataset<Row> docs(String... texts) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      rows.add(RowFactory.create("d" + i, texts[i]));
    }
    return SharedSpark.get()
        .createDataFrame(rows, new StructType().add("id", "string").add("text", "string"));
  }

  @Test
  void packKeepsIndexAndWeightInHundredths() {
    long[] p = TextFeatures.pack(Vectors.sparse(10, new int[] {2, 7}, new double[] {1.234, 0.001}));
    assertEquals(2, p.length);
    assertEquals(2L, p[0] >>> TextFeatures.WEIGHT_BITS);
    assertEquals(123L, p[0] & ((1L << TextFeatures.WEIGHT_BITS) - 1));
    // a tiny weight still counts: at least one hundredth
    assertEquals(1L, p[1] & ((1L << TextFeatures.WEIGHT_BITS) - 1));
    assertTrue(p[0] < p[1], "sorted by index");
  }

  @Test
  void plainCosineOfPackedTerms() {
    long a = (5L << 16) | 200; // weight 2.00
    long b = (9L << 16) | 100; // weight 1.00
    long c = (11L << 16) | 100;
    assertEquals(1.0, TextFeatures.cosine(new long[] {a, b}, new long[] {a, b}), EPS);
    assertEquals(0.0, TextFeatures.cosine(new long[] {a}, new long[] {c}), EPS);
    // shared a (4) of |{a,b}| = sqrt(5) and |{a,c}| = sqrt(5)
    assertEquals(4 / 5.0, TextFeatures.cosine(new long[] {a, b}, new long[] {a, c}), EPS);
    assertEquals(0.0, TextFeatures.cosine(new long[0], new long[] {a}), EPS);
  }

  @Test
  void charBigramsRankTheMatchingOpportunityFirstAndColumnEqualsPlainJava() {
    rankMatchingFirst(TextFeatures.Tokenizer.CHAR_BIGRAM);
  }

  @Test
  void hanlpWordsRankTheMatchingOpportunityFirst() {
    rankMatchingFirst(TextFeatures.Tokenizer.HANLP);
  }

  private void rankMatchingFirst(TextFeatures.Tokenizer tokenizer) {
    Dataset<Row> opps = docs(SATELLITE, ENGINE, MEDICAL);
    Dataset<Row> firm = docs("成都星联科技有限公司 卫星物联网终端、北斗定位模块 iot 通信");
    TextFeatures.Model model =
        TextFeatures.fit(tokenizer, "text", List.of(opps, firm, docs("有限公司 技术服务")));
    Dataset<Row> o =
        model.transform(opps, "text", "o").withColumn("on", TextFeatures.norm(col("o")));
    Dataset<Row> f =
        model
            .transform(firm.withColumnRenamed("id", "fid"), "text", "f")
            .withColumn("fn", TextFeatures.norm(col("f")));
    List<Row> scored =
        f.crossJoin(o)
            .select(
                col("id"),
                col("f"),
                col("o"),
                TextFeatures.cosine(col("f"), col("fn"), col("o"), col("on")).as("cos"),
                col("fn"),
                col("on"))
            .orderBy(col("cos").desc())
            .collectAsList();
    assertEquals("d0", scored.get(0).getString(0), "satellite first: " + scored);
    assertTrue(scored.get(0).getDouble(3) > 0.1, scored.toString());
    assertTrue(scored.get(2).getDouble(3) < scored.get(0).getDouble(3) / 2, scored.toString());
    for (Row r : scored) {
      long[] fa = r.getList(1).stream().mapToLong(x -> (Long) x).toArray();
      long[] oa = r.getList(2).stream().mapToLong(x -> (Long) x).toArray();
      assertEquals(TextFeatures.cosine(fa, oa), r.getDouble(3), 1e-9, "column = plain Java");
      // the opportunity index's merge of sorted arrays: the same sum in the same order, exactly
      assertEquals(
          r.getDouble(3),
          TextFeatures.cosine(fa, r.getDouble(4), oa, r.getDouble(5)),
          0.0,
          "column = the merge the opportunity index runs");
    }
  }

  @Test
  void emptyAndNullTextsHaveNoTermsAndZeroSimilarity() {
    Dataset<Row> d =
        SharedSpark.get()
            .createDataFrame(
                List.of(RowFactory.create("a", null), RowFactory.create("b", "")),
                new StructType().add("id", "string").add("text", "string"));
    TextFeatures.Model model =
        TextFeatures.fit(TextFeatures.Tokenizer.CHAR_BIGRAM, "text", List.of(d, docs(ENGINE)));
    List<Row> rows =
        model
            .transform(d, "text", "t")
            .select(
                col("t"),
                TextFeatures.cosine(col("t"), col("t")).as("self"),
                TextFeatures.norm(col("t")).as("n"))
            .collectAsList();
    for (Row r : rows) {
      assertEquals(0, r.getList(0).size());
      assertEquals(0.0, r.getDouble(1), EPS);
      assertEquals(0.0, r.getDouble(2), EPS);
    }
  }

  @Test
  void hanlpKeepsWordsAndLatinTermsAndDropsParticlesAndPunctuation() {
    List<String> w = TextFeatures.hanlpWords("航空发动机的维修和保税服务，支持mes系统。");
    assertTrue(w.contains("航空") || w.contains("航空发动机"), w.toString());
    assertTrue(w.contains("维修"), w.toString());
    assertTrue(w.contains("mes"), w.toString());
    assertTrue(
        w.stream().noneMatch(x -> x.equals("的") || x.equals("和") || x.equals("，")), w.toString());
  }

  @Test
  void unknownTokenizerIsRefusedByName() {
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> TextFeatures.Tokenizer.of("jieba"));
    assertTrue(e.getMessage().contains("jieba"));
  }
}
