package org.oppmatch.match;

import java.io.Serializable;

/**
 * The text model of a run: a tokenizer and the inverse document frequency of every hashed term, by
 * MLlib's formula ({@code IDF}: log((m + 1) / (df + 1)) over m documents), counted once per run on
 * the open opportunities and the enterprises (a seeded sample of them above {@code
 * opportunities.idf_sample_max}).
 */
public final class TextModel implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TextFeatures.Tokenizer tokenizer;
  private final double[] idf;

  public TextModel(TextFeatures.Tokenizer tokenizer, double[] idf) {
    this.tokenizer = tokenizer;
    this.idf = idf;
  }

  /** From the document frequencies counted over the corpus. */
  public static TextModel fit(TextFeatures.Tokenizer tokenizer, DocumentFrequencies df) {
    return new TextModel(tokenizer, df.idf());
  }

  public TextFeatures.Tokenizer tokenizer() {
    return tokenizer;
  }

  /** The term weights, by hashed index. */
  public double[] idf() {
    return idf;
  }

  /** A text's terms, packed and sorted ({@link TextFeatures}); empty for an empty text. */
  public long[] terms(String text) {
    return TextFeatures.pack(TextFeatures.termIndices(text, tokenizer), idf);
  }

  /** Document frequencies of the hashed terms, and the number of documents: mergeable counts. */
  public static final class DocumentFrequencies implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int[] df = new int[TextFeatures.NUM_FEATURES];
    private long documents;

    /** Counts one document by its distinct term indices. */
    public DocumentFrequencies add(int[] indices) {
      for (int i : indices) {
        df[i]++;
      }
      documents++;
      return this;
    }

    public DocumentFrequencies merge(DocumentFrequencies other) {
      for (int i = 0; i < df.length; i++) {
        df[i] += other.df[i];
      }
      documents += other.documents;
      return this;
    }

    public long documents() {
      return documents;
    }

    /** MLlib's IDF of each term: log((m + 1) / (df + 1)). */
    double[] idf() {
      double[] out = new double[df.length];
      for (int i = 0; i < df.length; i++) {
        out[i] = Math.log((documents + 1.0) / (df[i] + 1.0));
      }
      return out;
    }
  }
}
