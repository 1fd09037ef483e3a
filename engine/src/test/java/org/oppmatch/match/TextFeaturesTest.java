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
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.oppmatch.testing.SharedSpark;

/**
 * The text features: terms, IDF weights (equal to MLlib's HashingTF and IDF), packing, and the
 * cosine that ranks opportunities for an enterprise, with both tokenizers.
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
    double[] idf = new double[10];
    idf[2] = 1.234;
    idf[7] = 0.001;
    idf[8] = 0.0;
    long[] p = TextFeatures.pack(new int[] {2, 7, 8}, idf);
    assertEquals(2, p.length, "a term of IDF 0 (in every document) is not kept");
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
  void charBigramsRankTheMatchingOpportunityFirst() {
    rankMatchingFirst(TextFeatures.Tokenizer.CHAR_BIGRAM);
  }

  @Test
  void hanlpWordsRankTheMatchingOpportunityFirst() {
    rankMatchingFirst(TextFeatures.Tokenizer.HANLP);
  }

  private void rankMatchingFirst(TextFeatures.Tokenizer tokenizer) {
    String[] opps = {SATELLITE, ENGINE, MEDICAL};
    String firm = "成都星联科技有限公司 卫星物联网终端、北斗定位模块 iot 通信";
    TextModel model = fit(tokenizer, SATELLITE, ENGINE, MEDICAL, firm, "有限公司 技术服务");
    long[] f = model.terms(firm);
    double[] cos = new double[opps.length];
    for (int i = 0; i < opps.length; i++) {
      long[] o = model.terms(opps[i]);
      cos[i] = TextFeatures.cosine(f, TextFeatures.norm(f), o, TextFeatures.norm(o));
      assertEquals(TextFeatures.cosine(f, o), cos[i], 0.0, "norms computed once or each time");
    }
    assertTrue(cos[0] > 0.1, "satellite matches: " + java.util.Arrays.toString(cos));
    assertTrue(
        cos[0] > cos[1] && cos[0] > cos[2], "satellite first: " + java.util.Arrays.toString(cos));
    assertTrue(Math.max(cos[1], cos[2]) < cos[0] / 2, java.util.Arrays.toString(cos));
  }

  static TextModel fit(TextFeatures.Tokenizer tokenizer, String... texts) {
    TextModel.DocumentFrequencies df = new TextModel.DocumentFrequencies();
    for (String t : texts) {
      df.add(TextFeatures.termIndices(t, tokenizer));
    }
    return TextModel.fit(tokenizer, df);
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
   * The MLlib chain the job's plain-Java terms stand for: units by regex, NGram(2), Latin words,
   * binary HashingTF, then IDF fitted and applied.
   */
  static Dataset<Row> mllibTfIdf(Dataset<Row> docs) {
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
    IDFModel idf = new IDF().setInputCol("_tf").setOutputCol("_tfidf").fit(tf);
    return idf.transform(tf);
  }

  /** An MLlib TF-IDF vector packed as {@link TextFeatures} packs terms. */
  static long[] pack(Vector v) {
    SparseVector s = v.toSparse();
    long[] out = new long[s.indices().length];
    for (int i = 0; i < out.length; i++) {
      long w =
          Math.max(
              1,
              Math.min(
                  (1L << TextFeatures.WEIGHT_BITS) - 1,
                  Math.round(s.values()[i] * TextFeatures.WEIGHT_SCALE)));
      out[i] = ((long) s.indices()[i] << TextFeatures.WEIGHT_BITS) | w;
    }
    return out;
  }

  @Test
  void termsAndIdfEqualMllibHashingTfAndIdf() {
    List<Row> reference = mllibTfIdf(docs(EDGE_TEXTS)).orderBy("id").collectAsList();
    TextModel model = fit(TextFeatures.Tokenizer.CHAR_BIGRAM, EDGE_TEXTS);
    assertEquals(EDGE_TEXTS.length, reference.size());
    int withTerms = 0;
    for (Row r : reference) {
      String text = r.getString(1);
      long[] expected = pack((Vector) r.getAs("_tfidf"));
      long[] actual = model.terms(text);
      assertArrayEquals(expected, actual, "terms of " + text);
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
    TextModel model = fit(TextFeatures.Tokenizer.CHAR_BIGRAM, null, "", ENGINE);
    for (String t : new String[] {null, ""}) {
      long[] terms = model.terms(t);
      assertEquals(0, terms.length);
      assertEquals(0.0, TextFeatures.cosine(terms, terms), EPS);
      assertEquals(0.0, TextFeatures.norm(terms), EPS);
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
