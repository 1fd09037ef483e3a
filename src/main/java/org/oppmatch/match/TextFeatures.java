package org.oppmatch.match;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.regexp_extract_all;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.tokenizer.StandardTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IDFModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Text features for scenario-opportunity fit, built with Spark MLlib: the text of an enterprise
 * (name, business scope, products) and of an opportunity (title, description, keywords) becomes a
 * binary term vector (MLlib {@link NGram} and {@link HashingTF}) weighted by inverse document
 * frequency ({@link IDF}, fitted on enterprises and opportunities together, so that 有限, 公司 and 技术
 * weigh little and 卫星 or 发动机 much). Two tokenisations: Chinese character bigrams plus Latin words
 * (the default, see README for the measured comparison), or HanLP's word segmentation.
 *
 * <p>Each document keeps its terms as one sorted array of longs, {@code index << 16 | weight} with
 * the weight (the term's IDF) in hundredths: the IDF is global, so the same term packs to the same
 * long in every document, and the dot product of two documents is the sum of the squared weights of
 * the longs they share. {@link #cosine(Column, Column, Column, Column)} is that as a built-in
 * expression ({@code array_intersect}, for tools and tests); the job's opportunity match merges the
 * sorted arrays in {@link OpportunityIndex}, which is the same sum in the same order.
 */
public final class TextFeatures {
  private TextFeatures() {}

  /** How text becomes terms. */
  public enum Tokenizer {
    /** Overlapping pairs of Chinese characters, and Latin words (AI, IoT, eVTOL) whole. */
    CHAR_BIGRAM("char_bigram"),
    /** HanLP portable's standard segmenter (dictionary and HMM), words of two or more chars. */
    HANLP("hanlp");

    private final String key;

    Tokenizer(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }

    public static Tokenizer of(String key) {
      for (Tokenizer t : values()) {
        if (t.key.equals(key)) {
          return t;
        }
      }
      throw new IllegalArgumentException("unknown tokenizer " + key);
    }
  }

  /** Hash space of the term vectors; collisions at this size are rare for texts of this kind. */
  public static final int NUM_FEATURES = 1 << 18;

  /** Packed weights are in hundredths of IDF, in the low 16 bits. */
  static final int WEIGHT_BITS = 16;

  static final double WEIGHT_SCALE = 100.0;

  private static final String TOKENS = "_tokens";
  private static final String TF = "_tf";
  private static final String TFIDF = "_tfidf";

  /** The text of an enterprise, lower case. */
  public static Column enterpriseText(Column name, Column businessScope, Column products) {
    return lower(concat_ws(" ", name, businessScope, products));
  }

  /** The text of an opportunity, lower case. */
  public static Column opportunityText(Column title, Column description, Column keywords) {
    return lower(concat_ws(" ", title, description, concat_ws(" ", keywords)));
  }

  /** A tokenizer and the IDF fitted for it. */
  public record Model(Tokenizer tokenizer, IDFModel idf) implements java.io.Serializable {
    /**
     * Adds {@code out}: the document's terms, packed and sorted (an empty array for an empty text).
     */
    public Dataset<Row> transform(Dataset<Row> docs, String textCol, String out) {
      Dataset<Row> tf = termFrequencies(docs, textCol, tokenizer);
      return idf.setInputCol(TF)
          .setOutputCol(TFIDF)
          .transform(tf)
          .withColumn(out, PACK.apply(col(TFIDF)))
          .drop(TOKENS, TF, TFIDF);
    }
  }

  /**
   * Fits the IDF on the union of the texts of both corpora ({@code textCol} in each): one pass over
   * the enterprises, an aggregation of a vector per partition.
   */
  public static Model fit(Tokenizer tokenizer, String textCol, List<Dataset<Row>> corpora) {
    Dataset<Row> all = null;
    for (Dataset<Row> c : corpora) {
      Dataset<Row> t = c.select(col(textCol));
      all = all == null ? t : all.union(t);
    }
    IDFModel idf =
        new IDF().setInputCol(TF).setOutputCol(TFIDF).fit(termFrequencies(all, textCol, tokenizer));
    return new Model(tokenizer, idf);
  }

  static Dataset<Row> termFrequencies(Dataset<Row> docs, String textCol, Tokenizer tokenizer) {
    Dataset<Row> tokens;
    if (tokenizer == Tokenizer.HANLP) {
      tokens = docs.withColumn(TOKENS, HANLP_WORDS.apply(col(textCol)));
    } else {
      Column text = coalesce(col(textCol), lit(""));
      Column units = regexp_extract_all(text, lit(CHAR_UNITS), lit(0));
      Dataset<Row> withUnits = docs.withColumn("_units", units);
      Dataset<Row> bigrams =
          new NGram().setN(2).setInputCol("_units").setOutputCol("_bigrams").transform(withUnits);
      tokens =
          bigrams
              .withColumn(
                  TOKENS,
                  array_union(
                      col("_bigrams"),
                      // Latin words count alone too: "ai" or "mes" is a term on its own (the
                      // same words as the units', found by a second scan rather than a regex per
                      // unit, which cost more than the scan)
                      array_distinct(regexp_extract_all(text, lit(LATIN_WORDS), lit(0)))))
              .drop("_units", "_bigrams");
    }
    return new HashingTF()
        .setNumFeatures(NUM_FEATURES)
        .setBinary(true)
        .setInputCol(TOKENS)
        .setOutputCol(TF)
        .transform(tokens);
  }

  /** A Chinese character, or a Latin word (letters and digits starting with a letter). */
  static final String CHAR_UNITS = "\\p{IsHan}|[a-z][a-z0-9]*";

  /** The Latin words among {@link #CHAR_UNITS}. */
  static final String LATIN_WORDS = "[a-z][a-z0-9]*";

  /** Cosine similarity (0..1) of two packed term arrays. */
  public static Column cosine(Column a, Column b) {
    return cosine(a, norm(a), b, norm(b));
  }

  /** Cosine similarity of two packed term arrays whose norms are known (computed once each). */
  public static Column cosine(Column a, Column normA, Column b, Column normB) {
    Column dot = sumSquaredWeights(array_intersect(a, b));
    return when(normA.gt(0).and(normB.gt(0)), dot.divide(normA.multiply(normB))).otherwise(0.0);
  }

  /** Euclidean norm of a packed term array. */
  public static Column norm(Column packed) {
    return sqrt(sumSquaredWeights(coalesce(packed, lit(new long[0]))));
  }

  private static Column sumSquaredWeights(Column packed) {
    return aggregate(
        packed,
        lit(0.0),
        (acc, p) ->
            acc.plus(pow(p.bitwiseAND(lit((1L << WEIGHT_BITS) - 1)).divide(WEIGHT_SCALE), 2)));
  }

  /** Packs a term vector into sorted longs; weight rounded to hundredths, at least 0.01. */
  public static long[] pack(Vector v) {
    SparseVector s = v.toSparse();
    int[] idx = s.indices();
    double[] val = s.values();
    long[] out = new long[idx.length];
    for (int i = 0; i < idx.length; i++) {
      long w = Math.max(1, Math.min((1L << WEIGHT_BITS) - 1, Math.round(val[i] * WEIGHT_SCALE)));
      out[i] = ((long) idx[i] << WEIGHT_BITS) | w;
    }
    return out; // a sparse vector's indices are ascending already
  }

  /** Plain-Java cosine of two packed arrays (the Column version's twin, for tests and tools). */
  public static double cosine(long[] a, long[] b) {
    return cosine(a, norm(a), b, norm(b));
  }

  /**
   * Cosine of two packed term arrays, both sorted ascending, whose norms are known: a merge of the
   * two arrays whose dot product sums the squared weights of the shared longs in ascending order,
   * as the Column version does, so the two agree exactly (the opportunity index's hot loop).
   */
  public static double cosine(long[] a, double normA, long[] b, double normB) {
    if (!(normA > 0) || !(normB > 0) || a == null || b == null) {
      return 0.0;
    }
    double dot = 0.0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        dot = dot + sq(a[i]);
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return dot / (normA * normB);
  }

  /** Euclidean norm of a packed term array, summed in its order as {@link #norm(Column)} does. */
  public static double norm(long[] packed) {
    double sum = 0.0;
    if (packed != null) {
      for (long x : packed) {
        sum = sum + sq(x);
      }
    }
    return Math.sqrt(sum);
  }

  private static double sq(long packed) {
    double w = (packed & ((1L << WEIGHT_BITS) - 1)) / WEIGHT_SCALE;
    return w * w;
  }

  private static final UserDefinedFunction PACK =
      udf(
          (UDF1<Vector, long[]>) v -> v == null ? new long[0] : pack(v),
          DataTypes.createArrayType(DataTypes.LongType));

  /** HanLP words of a text: two or more characters, or a Latin word; punctuation and digits out. */
  public static List<String> hanlpWords(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (Term t : StandardTokenizer.segment(text)) {
      String w = t.word.trim().toLowerCase(Locale.ROOT);
      String nature = t.nature == null ? "" : t.nature.toString();
      // w: punctuation; m, q: numerals and measure words; u, p, c: particles, prepositions,
      // conjunctions (的, 和, 与) carry no subject
      if (w.isEmpty()
          || nature.startsWith("w")
          || nature.startsWith("m")
          || nature.startsWith("q")
          || nature.startsWith("u")
          || nature.startsWith("p")
          || nature.startsWith("c")) {
        continue;
      }
      boolean latin = w.codePointAt(0) < 0x3000 && Character.isLetter(w.codePointAt(0));
      if (latin || w.codePointCount(0, w.length()) >= 2) {
        out.add(w);
      }
    }
    return out;
  }

  private static final UserDefinedFunction HANLP_WORDS =
      udf(
          (UDF1<String, String[]>) s -> hanlpWords(s).toArray(String[]::new),
          DataTypes.createArrayType(DataTypes.StringType));
}
