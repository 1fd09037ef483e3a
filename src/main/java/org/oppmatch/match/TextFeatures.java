package org.oppmatch.match;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.tokenizer.StandardTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IDFModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Text features for scenario-opportunity fit, built with Spark MLlib: the text of an enterprise
 * (name, business scope, products) and of an opportunity (title, description, keywords) becomes a
 * binary term vector (hashed as MLlib's {@link HashingTF} does) weighted by inverse document
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
     * Equal to MLlib's HashingTF (binary) and this IDF model's transform, packed (asserted in
     * TextFeaturesTest), in one function: the chain of NGram, HashingTF, IDF and packing converted
     * each document between Catalyst and Scala four times and was the largest cost per enterprise.
     */
    public Dataset<Row> transform(Dataset<Row> docs, String textCol, String out) {
      double[] weights = idf.idf().toArray();
      Tokenizer t = tokenizer;
      UserDefinedFunction terms =
          udf(
              (UDF1<String, long[]>) text -> pack(termIndices(text, t), weights),
              DataTypes.createArrayType(DataTypes.LongType));
      return docs.withColumn(out, terms.apply(col(textCol)));
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
    UserDefinedFunction tf =
        udf(
            (UDF1<String, Vector>) text -> binaryTermVector(termIndices(text, tokenizer)),
            SQLDataTypes.VectorType());
    IDFModel idf =
        new IDF()
            .setInputCol(TF)
            .setOutputCol(TFIDF)
            .fit(all.withColumn(TF, tf.apply(col(textCol))));
    return new Model(tokenizer, idf);
  }

  /** MLlib's hashing of terms (murmur3 of the UTF-8 bytes), the index space of the IDF. */
  private static final HashingTF HASHING =
      new HashingTF().setNumFeatures(NUM_FEATURES).setBinary(true);

  /**
   * The distinct term indices of a text, ascending: the positions HashingTF (binary) marks for the
   * tokens of {@code tokenizer}.
   */
  public static int[] termIndices(String text, Tokenizer tokenizer) {
    List<String> tokens = tokenizer == Tokenizer.HANLP ? hanlpWords(text) : charBigramTokens(text);
    int[] idx = new int[tokens.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = HASHING.indexOf(tokens.get(i));
    }
    java.util.Arrays.sort(idx);
    int n = 0;
    for (int i = 0; i < idx.length; i++) {
      if (n == 0 || idx[i] != idx[n - 1]) {
        idx[n++] = idx[i];
      }
    }
    return java.util.Arrays.copyOf(idx, n);
  }

  /**
   * Tokens of the default tokenizer: the text's units (a Chinese character, or a Latin word whole)
   * in order, each overlapping pair of units joined by a space (as MLlib's NGram of 2 does), and
   * every Latin word alone too ("ai" or "mes" is a term on its own).
   */
  static List<String> charBigramTokens(String text) {
    List<String> units = new ArrayList<>();
    if (text != null) {
      Matcher m = UNITS.matcher(text);
      while (m.find()) {
        units.add(m.group());
      }
    }
    List<String> tokens = new ArrayList<>(units.size() * 2);
    for (int i = 0; i + 1 < units.size(); i++) {
      tokens.add(units.get(i) + " " + units.get(i + 1));
    }
    for (String u : units) {
      char c = u.charAt(0);
      if (c >= 'a' && c <= 'z') {
        tokens.add(u);
      }
    }
    return tokens;
  }

  /** A unit: a Chinese character, or a Latin word (letters and digits starting with a letter). */
  private static final Pattern UNITS = Pattern.compile("\\p{IsHan}|[a-z][a-z0-9]*");

  /** The binary term-frequency vector of distinct ascending indices, HashingTF's output. */
  static Vector binaryTermVector(int[] indices) {
    double[] ones = new double[indices.length];
    java.util.Arrays.fill(ones, 1.0);
    return Vectors.sparse(NUM_FEATURES, indices, ones);
  }

  /**
   * Packs the terms of distinct ascending indices with their IDF weights, as {@link #pack(Vector)}
   * packs the IDF model's output (weight = the term's IDF; a term of IDF 0 is not kept, as a sparse
   * vector's explicit zeros are not).
   */
  static long[] pack(int[] indices, double[] idf) {
    long[] out = new long[indices.length];
    int n = 0;
    for (int i : indices) {
      double v = idf[i];
      if (v != 0.0) {
        out[n++] = ((long) i << WEIGHT_BITS) | weight(v);
      }
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  private static long weight(double v) {
    return Math.max(1, Math.min((1L << WEIGHT_BITS) - 1, Math.round(v * WEIGHT_SCALE)));
  }

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
      out[i] = ((long) idx[i] << WEIGHT_BITS) | weight(val[i]);
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
}
