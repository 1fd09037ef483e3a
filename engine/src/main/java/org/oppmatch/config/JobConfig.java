package org.oppmatch.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oppmatch.io.InputFormat;
import org.oppmatch.score.Factor;

/**
 * The nightly job's configuration: weights, limits, list sizes and allocation. Loaded from JSON by
 * {@link ConfigLoader}; every field has the documented default, and {@link #validate()} names the
 * key of any value out of range.
 */
@JsonPropertyOrder(alphabetic = true)
public final class JobConfig {

  /** Share of an input's rows that may be quarantined before the run fails (exit code 3). */
  @JsonProperty("quarantine_limit")
  public double quarantineLimit = 0.05;

  /**
   * Optional path of a full GB/T 4754-2017 table (CSV with a `code` column); when set, industry
   * codes must be in it, and its names appear in explanations.
   */
  @JsonProperty("classification_table")
  public String classificationTable;

  /** Per-table format, when a file's extension does not say it (csv, jsonl, parquet). */
  @JsonProperty("input_formats")
  public Map<String, String> inputFormats = new LinkedHashMap<>();

  /**
   * Relative weight of each scoring factor; normalised so that they sum to 100. A configuration
   * names only the weights it changes: the others keep their defaults (set one to 0 to drop it).
   */
  @JsonProperty("weights")
  public Map<String, Double> weights = Factor.defaultWeights();

  @JsonProperty("weights")
  void setWeights(Map<String, Double> overrides) {
    Map<String, Double> merged = Factor.defaultWeights();
    merged.putAll(overrides);
    this.weights = merged;
  }

  @JsonProperty("scoring")
  public Scoring scoring = new Scoring();

  @JsonProperty("lists")
  public Lists lists = new Lists();

  @JsonProperty("allocation")
  public Allocation allocation = new Allocation();

  @JsonProperty("opportunities")
  public Opportunities opportunities = new Opportunities();

  @JsonProperty("exports")
  public Exports exports = new Exports();

  @JsonProperty("outcomes")
  public Outcomes outcomes = new Outcomes();

  @JsonProperty("ranking")
  public Ranking ranking = new Ranking();

  @JsonProperty("inputs")
  public Inputs inputs = new Inputs();

  /**
   * How the inputs people hold are read (data-contract.md, version 3): the text encoding of CSV and
   * JSON Lines files, and the rates money in another currency is converted to yuan at.
   */
  @JsonPropertyOrder(alphabetic = true)
  public static final class Inputs {
    /** auto (a byte-order mark, else UTF-8, else GB18030), utf-8, gb18030 or utf-16. */
    @JsonProperty("encoding")
    public String encoding = "auto";

    /**
     * Yuan per unit of each currency a registry writes money in (美元 USD, 欧元 EUR, 港元 HKD, 日元 JPY, 英镑
     * GBP); a configuration names only the rates it changes.
     */
    @JsonProperty("fx_to_cny")
    public Map<String, Double> fxToCny = defaultRates();

    @JsonProperty("fx_to_cny")
    void setFxToCny(Map<String, Double> overrides) {
      Map<String, Double> merged = defaultRates();
      merged.putAll(overrides);
      this.fxToCny = merged;
    }

    /** The currencies and their default rates (yuan per unit, late 2026). */
    public static Map<String, Double> defaultRates() {
      Map<String, Double> out = new java.util.TreeMap<>();
      out.put("USD", 7.10);
      out.put("EUR", 8.20);
      out.put("HKD", 0.91);
      out.put("JPY", 0.047);
      out.put("GBP", 9.40);
      return out;
    }
  }

  /** What the outcomes of earlier leads do to the lists (data-contract.md, version 2). */
  @JsonPropertyOrder(alphabetic = true)
  public static final class Outcomes {
    /** Days a lost enterprise stays off every list after its last lost outcome. */
    @JsonProperty("cooldown_days")
    public int cooldownDays = 365;

    /** Days a contact, visit or negotiation keeps the enterprise with the zone that reported it. */
    @JsonProperty("active_days")
    public int activeDays = 180;

    /**
     * Days a deferral ("not now", 暂缓) keeps the enterprise off every list (version 3); after that
     * it is eligible again, as if new.
     */
    @JsonProperty("deferred_days")
    public int deferredDays = 90;
  }

  /** How each zone's list is ordered: by the rules' score, or by a model learned from outcomes. */
  @JsonPropertyOrder(alphabetic = true)
  public static final class Ranking {
    public static final List<String> MODES = List.of("auto", "rules", "learned");

    /** auto: learned when the history allows it, else rules; rules; learned (or fail, exit 3). */
    @JsonProperty("mode")
    public String mode = "auto";

    /** Enterprises won in the history below which no model is learned. */
    @JsonProperty("min_positive_outcomes")
    public int minPositiveOutcomes = 100;
  }

  /** The lead lists for people (XLSX and CSV per zone) and the HTML run report. */
  @JsonPropertyOrder(alphabetic = true)
  public static final class Exports {
    /** Write exports/ and report/ with every run. */
    @JsonProperty("enabled")
    public boolean enabled = true;
  }

  /** Parameters of the scoring factors. */
  @JsonPropertyOrder(alphabetic = true)
  public static final class Scoring {
    /** A match on a secondary industry code counts this share of a primary-code match. */
    @JsonProperty("secondary_code_factor")
    public double secondaryCodeFactor = 0.7;

    /** Days after which a signal counts half as much as on its day. */
    @JsonProperty("signal_half_life_days")
    public double signalHalfLifeDays = 90;

    /**
     * Firms an industry division (two digits of GB/T 4754) needs for size percentiles of its own; a
     * smaller one is measured against the whole pool.
     */
    @JsonProperty("size_min_group")
    public int sizeMinGroup = 30;

    /** Radius (km) of local supply cooperation (300公里协作配套半径). */
    @JsonProperty("cooperation_radius_km")
    public double cooperationRadiusKm = 300;
  }

  /** Per-zone lead lists. */
  @JsonPropertyOrder(alphabetic = true)
  public static final class Lists {
    /** Leads published per zone. */
    @JsonProperty("top_n")
    public int topN = 200;

    /** Score below which a pair is not a lead (and does not count as a competing zone). */
    @JsonProperty("min_score")
    public double minScore = 25;

    /** Lowest score of tier A. */
    @JsonProperty("tier_a")
    public double tierA = 70;

    /** Lowest score of tier B (below it: tier C). */
    @JsonProperty("tier_b")
    public double tierB = 50;
  }

  /** Cross-zone allocation, so that zones do not compete for the same enterprise. */
  @JsonPropertyOrder(alphabetic = true)
  public static final class Allocation {
    /** Zones whose lists may name one enterprise, and one group (group_id), at most. */
    @JsonProperty("max_zones_per_enterprise")
    public int maxZonesPerEnterprise = 1;
  }

  /** Matching of enterprises to scenario opportunities. */
  @JsonPropertyOrder(alphabetic = true)
  public static final class Opportunities {
    /** Enterprises listed per opportunity in opportunity_matches. */
    @JsonProperty("top_n")
    public int topN = 50;

    /** Similarity (0..1) below which an enterprise does not match an opportunity. */
    @JsonProperty("min_similarity")
    public double minSimilarity = 0.3;

    /**
     * How texts become terms for the text match: {@code char_bigram} (Chinese character pairs and
     * Latin words) or {@code hanlp} (HanLP word segmentation).
     */
    @JsonProperty("tokenizer")
    public String tokenizer = "char_bigram";

    /** Cosine similarity of the TF-IDF term vectors at which the text match is full. */
    @JsonProperty("text_full_similarity")
    public double textFullSimilarity = 0.3;

    /** Opportunities named per lead in matched_opportunity_ids. */
    @JsonProperty("per_lead")
    public int perLead = 3;

    /**
     * At most this many enterprise texts (a seeded sample above it) give the IDF weights: term
     * document frequencies are settled long before millions of firms, and the fit is a full pass of
     * tokenising.
     */
    @JsonProperty("idf_sample_max")
    public int idfSampleMax = 300_000;
  }

  /** Every problem with the values, each naming its key; empty when the configuration is valid. */
  public List<String> validate() {
    List<String> errors = new ArrayList<>();
    range(errors, "quarantine_limit", quarantineLimit, 0, 1);
    inputFormats.forEach(
        (table, format) -> {
          if (org.oppmatch.schema.InputTable.byName(table).isEmpty()) {
            errors.add("input_formats." + table + ": not an input table");
          }
          try {
            InputFormat.parse(format);
          } catch (IllegalArgumentException e) {
            errors.add("input_formats." + table + ": " + e.getMessage());
          }
        });
    double total = 0;
    for (Map.Entry<String, Double> w : weights.entrySet()) {
      if (Factor.byKey(w.getKey()).isEmpty()) {
        errors.add("weights." + w.getKey() + ": unknown factor; known: " + Factor.keys());
      } else if (w.getValue() == null || !(w.getValue() >= 0) || w.getValue() > 1000) {
        errors.add("weights." + w.getKey() + ": must be a number in 0..1000, was " + w.getValue());
      } else {
        total += w.getValue();
      }
    }
    if (!(total > 0)) {
      errors.add("weights: at least one weight must be above 0");
    }
    range(errors, "scoring.secondary_code_factor", scoring.secondaryCodeFactor, 0, 1);
    range(errors, "scoring.signal_half_life_days", scoring.signalHalfLifeDays, 1, 3650);
    range(errors, "scoring.size_min_group", scoring.sizeMinGroup, 1, 1_000_000);
    range(errors, "opportunities.text_full_similarity", opportunities.textFullSimilarity, 0.01, 1);
    range(errors, "opportunities.idf_sample_max", opportunities.idfSampleMax, 1_000, 1e9);
    if (!List.of("char_bigram", "hanlp").contains(opportunities.tokenizer)) {
      errors.add(
          "opportunities.tokenizer: "
              + opportunities.tokenizer
              + " is not one of char_bigram, hanlp");
    }
    range(errors, "scoring.cooperation_radius_km", scoring.cooperationRadiusKm, 1, 5000);
    range(errors, "lists.top_n", lists.topN, 1, 1_000_000);
    range(errors, "lists.min_score", lists.minScore, 0, 100);
    range(errors, "lists.tier_a", lists.tierA, 0, 100);
    range(errors, "lists.tier_b", lists.tierB, 0, 100);
    if (lists.tierB > lists.tierA) {
      errors.add("lists.tier_b: must not exceed lists.tier_a (" + lists.tierA + ")");
    }
    range(errors, "allocation.max_zones_per_enterprise", allocation.maxZonesPerEnterprise, 1, 100);
    range(errors, "opportunities.top_n", opportunities.topN, 1, 1_000_000);
    range(errors, "opportunities.min_similarity", opportunities.minSimilarity, 0, 1);
    range(errors, "opportunities.per_lead", opportunities.perLead, 1, 100);
    range(errors, "outcomes.cooldown_days", outcomes.cooldownDays, 0, 36_500);
    range(errors, "outcomes.active_days", outcomes.activeDays, 1, 36_500);
    range(errors, "outcomes.deferred_days", outcomes.deferredDays, 0, 36_500);
    if (!Ranking.MODES.contains(ranking.mode)) {
      errors.add("ranking.mode: " + ranking.mode + " is not one of " + Ranking.MODES);
    }
    range(errors, "ranking.min_positive_outcomes", ranking.minPositiveOutcomes, 1, 1e9);
    if (!org.oppmatch.io.TextEncoding.SETTINGS.contains(inputs.encoding)) {
      errors.add(
          "inputs.encoding: "
              + inputs.encoding
              + " is not one of "
              + org.oppmatch.io.TextEncoding.SETTINGS);
    }
    inputs.fxToCny.forEach(
        (currency, rate) -> {
          if (!Inputs.defaultRates().containsKey(currency)) {
            errors.add(
                "inputs.fx_to_cny."
                    + currency
                    + ": not a currency of registries; known: "
                    + Inputs.defaultRates().keySet());
          } else if (rate == null || !(rate > 0) || rate > 1000) {
            errors.add(
                "inputs.fx_to_cny." + currency + ": must be in 0..1000, above 0, was " + rate);
          }
        });
    return errors;
  }

  /** Weights normalised to sum to 100, for every known factor (absent ones weigh 0). */
  public Map<Factor, Double> normalisedWeights() {
    double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<Factor, Double> out = new LinkedHashMap<>();
    for (Factor f : Factor.values()) {
      out.put(f, 100.0 * weights.getOrDefault(f.key(), 0.0) / total);
    }
    return out;
  }

  public Map<String, InputFormat> parsedInputFormats() {
    Map<String, InputFormat> out = new LinkedHashMap<>();
    inputFormats.forEach((k, v) -> out.put(k, InputFormat.parse(v)));
    return out;
  }

  private static void range(List<String> errors, String key, double v, double lo, double hi) {
    if (!(v >= lo && v <= hi)) {
      errors.add(key + ": must be in " + fmt(lo) + ".." + fmt(hi) + ", was " + fmt(v));
    }
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
