package org.oppmatch.stage;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.unsafe.hash.Murmur3_x86_32;
import org.oppmatch.config.JobConfig;
import org.oppmatch.match.OpportunityIndex;
import org.oppmatch.match.TextFeatures;
import org.oppmatch.match.TextModel;
import org.oppmatch.model.OpenOpportunity;
import org.oppmatch.model.SizeCuts;
import org.oppmatch.model.ZoneModel;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.InputTable;
import org.oppmatch.score.Scorer;
import org.oppmatch.validate.Duplicates;
import org.oppmatch.validate.Validation;

/**
 * What the scoring needs of the whole pool, in one pass over the accepted enterprises: the size cut
 * points per industry division ({@link SizeCuts}) and the document frequencies of the text terms,
 * over every enterprise or, above {@code opportunities.idf_sample_max}, a seeded sample of them (by
 * a hash of the id, so the sample is the same however the input is split), together with the open
 * opportunities' texts.
 */
public final class PoolStatistics {
  /** Fixed, so a rerun on the same input samples the same enterprises. */
  static final int IDF_SAMPLE_SEED = 4754;

  private final SizeCuts sizes;
  private final TextModel text;
  private final long textDocuments;

  private PoolStatistics(SizeCuts sizes, TextModel text, long textDocuments) {
    this.sizes = sizes;
    this.text = text;
    this.textDocuments = textDocuments;
  }

  /**
   * One partition's counts, and the rows of repeated ids held aside: which of them counts is known
   * only when all of them are seen.
   */
  static final class Counts implements Serializable {
    private static final long serialVersionUID = 1L;
    final SizeCuts.Counts sizes = new SizeCuts.Counts();
    final TextModel.DocumentFrequencies documents = new TextModel.DocumentFrequencies();
    final ArrayList<Held> held = new ArrayList<>();

    Counts merge(Counts other) {
      sizes.merge(other.sizes);
      documents.merge(other.documents);
      held.addAll(other.held);
      return this;
    }

    void add(Measures m) {
      sizes.add(m.division(), m.revenue(), m.capital(), m.employees());
      if (m.terms() != null) {
        documents.add(m.terms());
      }
    }
  }

  /** What the statistics read of one enterprise (terms only when it is in the IDF sample). */
  record Measures(String division, Double revenue, Double capital, Integer employees, int[] terms)
      implements Serializable {}

  /** A row of a repeated id, held until the row its id keeps is known. */
  record Held(String id, Duplicates.Position position, Measures measures) implements Serializable {}

  /** One Spark job over the cached enterprises (only the columns read here leave the cache). */
  public static PoolStatistics compute(
      EnterpriseInput enterprises, ReferenceData reference, JobConfig config) {
    long accepted = enterprises.accepted();
    int max = config.opportunities.idfSampleMax;
    double rate = accepted <= max ? 1.0 : (double) max / accepted;
    TextFeatures.Tokenizer tokenizer = TextFeatures.Tokenizer.of(config.opportunities.tokenizer);
    java.util.Set<Long> repeated = new java.util.HashSet<>(enterprises.repeatedIdHashes().keySet());
    enterprises.validated().sparkSession().sparkContext().setJobDescription("pool statistics");
    Counts counts =
        enterprises
            .validated()
            .select(
                col(Cols.RAW_FILE),
                col(Cols.RAW_LINE),
                col(Validation.RULES_COLUMN),
                col(Cols.ENTERPRISE_ID),
                col(Cols.INDUSTRY_CODES),
                col(Cols.REVENUE),
                col(Cols.REGISTERED_CAPITAL),
                col(Cols.EMPLOYEES),
                col(Cols.NAME),
                col(Cols.BUSINESS_SCOPE),
                col(Cols.PRODUCTS),
                col(Cols.UPDATED_AT),
                col(Validation.KEY_HASH_COLUMN))
            .javaRDD()
            .aggregate(new Counts(), (c, r) -> add(c, r, repeated, rate, tokenizer), Counts::merge);
    enterprises.validated().sparkSession().sparkContext().setJobDescription(null);
    // of each repeated id one row counts, the one the id keeps
    Map<String, List<Duplicates.Position>> positions = new HashMap<>();
    counts.held.forEach(
        h -> positions.computeIfAbsent(h.id(), x -> new ArrayList<>()).add(h.position()));
    Duplicates duplicates = Duplicates.decide(InputTable.ENTERPRISES, positions);
    for (Held h : counts.held) {
      if (!duplicates.isLoser(h.id(), h.position().file(), h.position().line())) {
        counts.add(h.measures());
      }
    }
    enterprises.duplicates(duplicates);
    for (OpenOpportunity o : reference.openOpportunities()) {
      counts.documents.add(
          TextFeatures.termIndices(
              TextFeatures.opportunityText(o.title(), o.description(), o.keywords()), tokenizer));
    }
    return new PoolStatistics(
        counts.sizes.cuts(config.scoring.sizeMinGroup),
        TextModel.fit(tokenizer, counts.documents),
        counts.documents.documents());
  }

  private static Counts add(
      Counts c,
      Row r,
      java.util.Set<Long> repeated,
      double rate,
      TextFeatures.Tokenizer tokenizer) {
    if (!r.getList(2).isEmpty()) {
      return c;
    }
    String id = r.getString(3);
    List<String> codes = r.getList(4);
    Measures m =
        new Measures(
            codes.get(0).substring(0, 2),
            r.isNullAt(5) ? null : r.getDouble(5),
            r.isNullAt(6) ? null : r.getDouble(6),
            r.isNullAt(7) ? null : r.getInt(7),
            rate >= 1.0 || sampled(id, rate)
                ? TextFeatures.termIndices(
                    org.oppmatch.model.Enterprise.text(
                        r.getString(8), r.getString(9), r.getString(10)),
                    tokenizer)
                : null);
    if (repeated.contains(r.getLong(12))) {
      c.held.add(
          new Held(
              id,
              new Duplicates.Position(
                  r.getString(0),
                  r.getLong(1),
                  r.isNullAt(11) ? null : r.getDate(11).toLocalDate()),
              m));
    } else {
      c.add(m);
    }
    return c;
  }

  /** Whether an enterprise is in the IDF sample: a hash of its id below the rate. */
  static boolean sampled(String id, double rate) {
    byte[] b = id.getBytes(StandardCharsets.UTF_8);
    int h =
        Murmur3_x86_32.hashUnsafeBytes(b, Platform.BYTE_ARRAY_OFFSET, b.length, IDF_SAMPLE_SEED);
    return (h & 0xffffffffL) < rate * 4294967296.0;
  }

  /** The scorer of the run: the zone model, the opportunity index and these statistics. */
  public Scorer scorer(ReferenceData reference, JobConfig config, LocalDate runDate) {
    ZoneModel zones = reference.zoneModel();
    OpportunityIndex index =
        OpportunityIndex.build(
            reference.openOpportunities(),
            zones,
            text,
            config.scoring.secondaryCodeFactor,
            config.opportunities.textFullSimilarity,
            config.opportunities.minSimilarity);
    return new Scorer(zones, index, text, sizes, Scorer.Params.of(config, runDate));
  }

  /** Documents the IDF was counted on (sampled enterprises and open opportunities). */
  public long textDocuments() {
    return textDocuments;
  }
}
