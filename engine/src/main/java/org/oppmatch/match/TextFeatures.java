package org.oppmatch.match;

import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.tokenizer.StandardTokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.ml.feature.HashingTF;

/**
 * Text features for scenario-opportunity fit: the text of an enterprise (name, business scope,
 * products) and of an opportunity (title, description, keywords) becomes a binary term vector,
 * hashed as Spark MLlib's {@link HashingTF} does, weighted by inverse document frequency ({@link
 * TextModel}: MLlib's IDF formula over enterprises and opportunities together, so that 有限, 公司 and
 * 技术 weigh little and 卫星 or 发动机 much). Two tokenisations: Chinese character bigrams plus Latin
 * words (the default), or HanLP's word segmentation.
 *
 * <p>Each document keeps its terms as one sorted array of longs, {@code index << 16 | weight} with
 * the weight (the term's IDF) in hundredths: the IDF is global, so the same term packs to the same
 * long in every document, and the dot product of two documents is the sum of the squared weights of
 * the longs they share ({@link #cosine(long[], double, long[], double)}, a merge of two sorted
 * arrays).
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

  /** The text of an opportunity: title, description and keywords, lower case. */
  public static String opportunityText(String title, String description, String[] keywords) {
    StringBuilder b = new StringBuilder();
    for (String s : new String[] {title, description}) {
      if (s != null) {
        b.append(s).append(' ');
      }
    }
    // the keywords joined are a part of their own, empty when there are none
    b.append(keywords == null ? "" : String.join(" ", keywords));
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /** MLlib's hashing of terms (murmur3 of the UTF-8 bytes), the index space of the IDF. */
  private static final HashingTF HASHING =
      new HashingTF().setNumFeatures(NUM_FEATURES).setBinary(true);

  /**
   * The distinct term indices of a text, ascending: the positions HashingTF (binary) marks for the
   * tokens of {@code tokenizer}.
   */
  public static int[] termIndices(String text, Tokenizer tokenizer) {
    int[] idx;
    if (tokenizer == Tokenizer.HANLP) {
      List<String> tokens = hanlpWords(text);
      idx = new int[tokens.size()];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = HASHING.indexOf(tokens.get(i));
      }
    } else {
      idx = charBigramIndices(text);
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

  /**
   * The hashed indices of {@link #charBigramTokens}, unsorted, without making a string per token:
   * each token's UTF-8 bytes are hashed as HashingTF hashes a string (murmur3, seed 42, {@code
   * hashUnsafeBytes2}), then taken modulo the number of features. The tokenizer reads every
   * enterprise's text, and HashingTF's per-term parameter lookups and string copies were a tenth of
   * the scoring pass.
   */
  static int[] charBigramIndices(String text) {
    if (text == null || text.isEmpty()) {
      return new int[0];
    }
    // units as [start, end) char offsets: a Han character (one code point), or a Latin word
    int[] starts = new int[text.length()];
    int[] ends = new int[text.length()];
    int units = 0;
    int latin = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int len = Character.charCount(cp);
      if (cp >= 'a' && cp <= 'z') {
        int j = i + 1;
        while (j < text.length()
            && ((text.charAt(j) >= 'a' && text.charAt(j) <= 'z')
                || (text.charAt(j) >= '0' && text.charAt(j) <= '9'))) {
          j++;
        }
        starts[units] = i;
        ends[units++] = j;
        latin++;
        i = j;
      } else {
        if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
          starts[units] = i;
          ends[units++] = i + len;
        }
        i += len;
      }
    }
    int bigrams = Math.max(0, units - 1);
    int[] out = new int[bigrams + latin];
    byte[] buf = new byte[64];
    int n = 0;
    for (int u = 0; u + 1 < units; u++) {
      int need = 4 * (ends[u] - starts[u] + ends[u + 1] - starts[u + 1]) + 1;
      if (buf.length < need) {
        buf = new byte[need];
      }
      int at = utf8(text, starts[u], ends[u], buf, 0);
      buf[at++] = ' ';
      at = utf8(text, starts[u + 1], ends[u + 1], buf, at);
      out[n++] = index(buf, at);
    }
    for (int u = 0; u < units; u++) {
      char c = text.charAt(starts[u]);
      if (c >= 'a' && c <= 'z') {
        int need = ends[u] - starts[u];
        if (buf.length < need) {
          buf = new byte[need];
        }
        out[n++] = index(buf, utf8(text, starts[u], ends[u], buf, 0));
      }
    }
    return out;
  }

  /** HashingTF's index of a term given as its UTF-8 bytes. */
  private static int index(byte[] utf8, int length) {
    int h =
        org.apache.spark.unsafe.hash.Murmur3_x86_32.hashUnsafeBytes2(
            utf8, org.apache.spark.unsafe.Platform.BYTE_ARRAY_OFFSET, length, HASH_SEED);
    int mod = h % NUM_FEATURES;
    return mod < 0 ? mod + NUM_FEATURES : mod;
  }

  /** The seed of MLlib's feature hashing. */
  private static final int HASH_SEED = 42;

  /** Writes the UTF-8 bytes of text[from, to) at {@code at}; returns the end. */
  private static int utf8(String text, int from, int to, byte[] out, int at) {
    int i = from;
    while (i < to) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        out[at++] = (byte) cp;
      } else if (cp < 0x800) {
        out[at++] = (byte) (0xC0 | (cp >> 6));
        out[at++] = (byte) (0x80 | (cp & 0x3F));
      } else if (cp < 0x10000) {
        out[at++] = (byte) (0xE0 | (cp >> 12));
        out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[at++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        out[at++] = (byte) (0xF0 | (cp >> 18));
        out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[at++] = (byte) (0x80 | (cp & 0x3F));
      }
    }
    return at;
  }

  /** A unit: a Chinese character, or a Latin word (letters and digits starting with a letter). */
  private static final Pattern UNITS = Pattern.compile("\\p{IsHan}|[a-z][a-z0-9]*");

  /**
   * Packs the terms of distinct ascending indices with their IDF weights (a term of IDF 0, in every
   * document, is not kept, as MLlib's sparse TF-IDF vector keeps no explicit zeros).
   */
  public static long[] pack(int[] indices, double[] idf) {
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

  /** Cosine of two packed term arrays. */
  public static double cosine(long[] a, long[] b) {
    return cosine(a, norm(a), b, norm(b));
  }

  /**
   * Cosine of two packed term arrays, both sorted ascending, whose norms are known: a merge of the
   * two arrays whose dot product sums the squared weights of the shared longs in ascending order
   * (the opportunity index's hot loop).
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

  /** Euclidean norm of a packed term array, summed in its order. */
  public static double norm(long[] packed) {
    double sum = 0.0;
    if (packed != null) {
      for (long x : packed) {
        sum = sum + sq(x);
      }
    }
    return Math.sqrt(sum);
  }

  /** The term index of a packed term. */
  public static int termIndex(long packed) {
    return (int) (packed >>> WEIGHT_BITS);
  }

  /** The squared weight of a packed term: its contribution to a dot product. */
  public static double squaredWeight(long packed) {
    return sq(packed);
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
