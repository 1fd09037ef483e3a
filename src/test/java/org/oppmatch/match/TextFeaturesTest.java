package org.oppmatch.match;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract_all;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IDFModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Column;
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

  /** Texts that exercise the units: Latin words with digits, repeats, punctuation, odd chars. */
  static final String[] EDGE_TEXTS = {
    SATELLITE,
    ENGINE,
    MEDICAL,
    "ai芯片 5g ai-chip x86_64 mes系统 mes",
    "2024年 ok2go 3d打印，iot iot iot",
    "中",
    "a",
    "",
    null,
    "ｉｏｔ ＡＢＣ café 😀卫星𠀀通信 — 北斗",
    "有限公司 技术服务 有限公司"
  };

  /**
   * The MLlib chain the job's one function replaces: units by regex, NGram(2), Latin words, binary
   * HashingTF, the IDF model's transform.
   */
  static Dataset<Row> mllibTfIdf(TextFeatures.Model model, Dataset<Row> docs) {
    Column text = coalesce(col("text"), lit(""));
    Dataset<Row> units =
        docs.withColumn(
            "_units", regexp_extract_all(text, lit("\\p{IsHan}|[a-z][a-z0-9]*"), lit(0)));
    Dataset<Row> bigrams =
        new NGram().setN(2).setInputCol("_units").setOutputCol("_bigrams").transform(units);
    Dataset<Row> tokens =
        bigrams.withColumn(
            "_tokens",
            array_union(
                col("_bigrams"),
                array_distinct(regexp_extract_all(text, lit("[a-z][a-z0-9]*"), lit(0)))));
    Dataset<Row> tf =
        new HashingTF()
            .setNumFeatures(TextFeatures.NUM_FEATURES)
            .setBinary(true)
            .setInputCol("_tokens")
            .setOutputCol("_tf")
            .transform(tokens);
    return model.idf().copy(new ParamMap()).setInputCol("_tf").setOutputCol("_tfidf").transform(tf);
  }

  @Test
  void termsEqualTheMllibChainAndItsIdf() {
    Dataset<Row> d = docs(EDGE_TEXTS);
    TextFeatures.Model model =
        TextFeatures.fit(TextFeatures.Tokenizer.CHAR_BIGRAM, "text", List.of(d));
    Dataset<Row> reference = mllibTfIdf(model, d);
    // the IDF fitted on our term vectors equals the one fitted on MLlib's
    IDFModel mllibIdf = new IDF().setInputCol("_tf").setOutputCol("_x").fit(reference);
    assertArrayEquals(mllibIdf.idf().toArray(), model.idf().idf().toArray(), 0.0);
    List<Row> rows =
        model
            .transform(reference, "text", "t")
            .select(col("id"), col("text"), col("_tfidf"), col("t"))
            .orderBy("id")
            .collectAsList();
    assertEquals(EDGE_TEXTS.length, rows.size());
    int withTerms = 0;
    for (Row r : rows) {
      long[] expected = TextFeatures.pack((Vector) r.get(2));
      long[] actual = r.getList(3).stream().mapToLong(x -> (Long) x).toArray();
      assertArrayEquals(expected, actual, "terms of " + r.get(1));
      withTerms += actual.length > 0 ? 1 : 0;
    }
    assertTrue(withTerms >= 8, "most edge texts have terms: " + withTerms);
  }

  @Test
  void charBigramTokensArePairsOfUnitsAndLatinWords() {
    assertEquals(
        List.of("ai 芯", "芯 片", "片 x5", "x5 卫", "卫 星", "ai", "x5"),
        TextFeatures.charBigramTokens("ai芯片，x5 卫星!"));
    assertEquals(List.of(), TextFeatures.charBigramTokens("中"));
    assertEquals(List.of(), TextFeatures.charBigramTokens(null));
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
