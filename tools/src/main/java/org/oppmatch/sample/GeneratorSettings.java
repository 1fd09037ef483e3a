package org.oppmatch.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Set;

/**
 * Settings of the enterprise generator. Precedence: built-in defaults, then the defaults JSON file
 * (data/generator-defaults.json), then command-line flags.
 *
 * @param seed seed of every random choice; same seed and inputs give the same file
 * @param count data rows in the output file, planted bad rows included
 * @param anchorDate the run date the sample is built for: signals and updated_at lie before it
 * @param plantedBadRows rows that each break exactly one data-contract rule (under 5% of count)
 * @param foreignShare share of firms registered outside China
 * @param missingUsccShare share of Chinese firms without a unified social credit code
 * @param chainCodeShare share of firms whose primary industry comes from the chain nodes or zone
 *     lead industries (the rest from other real classes)
 * @param signalShare share of firms with at least one recent signal
 * @param groupShare share of firms that belong to a group of 2-4 firms
 * @param sizeMicro share of micro firms (small, medium, large follow)
 */
public record GeneratorSettings(
    long seed,
    int count,
    LocalDate anchorDate,
    int plantedBadRows,
    double foreignShare,
    double missingUsccShare,
    double chainCodeShare,
    double signalShare,
    double groupShare,
    double sizeMicro,
    double sizeSmall,
    double sizeMedium,
    double sizeLarge) {

  private static final Set<String> KNOWN_KEYS =
      Set.of(
          "seed",
          "count",
          "anchor_date",
          "planted_bad_rows",
          "foreign_share",
          "missing_uscc_share",
          "chain_code_share",
          "signal_share",
          "group_share",
          "size_mix",
          "description");

  public GeneratorSettings {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive: " + count);
    }
    if (plantedBadRows < 0 || (plantedBadRows > 0 && plantedBadRows * 20L >= count)) {
      throw new IllegalArgumentException(
          "planted_bad_rows must stay under 5% of count: " + plantedBadRows + " of " + count);
    }
    for (double share :
        new double[] {
          foreignShare,
          missingUsccShare,
          chainCodeShare,
          signalShare,
          groupShare,
          sizeMicro,
          sizeSmall,
          sizeMedium,
          sizeLarge
        }) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("shares must lie in 0..1: " + share);
      }
    }
    if (Math.abs(sizeMicro + sizeSmall + sizeMedium + sizeLarge - 1) > 1e-6) {
      throw new IllegalArgumentException("size_mix must sum to 1");
    }
  }

  /** The built-in defaults (the same values as data/generator-defaults.json). */
  public static GeneratorSettings defaults() {
    return new GeneratorSettings(
        20261120L,
        5000,
        LocalDate.of(2026, 11, 20),
        30,
        0.09,
        0.10,
        0.60,
        0.30,
        0.05,
        0.40,
        0.35,
        0.18,
        0.07);
  }

  /** Reads a defaults JSON file over the built-in defaults; unknown keys are an error. */
  public static GeneratorSettings load(Path json) throws IOException {
    JsonNode root = new ObjectMapper().readTree(Files.readString(json));
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(json + ": expected a JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KNOWN_KEYS.contains(key)) {
        throw new IllegalArgumentException(json + ": unknown setting " + key);
      }
    }
    GeneratorSettings d = defaults();
    JsonNode mix = root.path("size_mix");
    return new GeneratorSettings(
        root.path("seed").asLong(d.seed),
        root.path("count").asInt(d.count),
        root.has("anchor_date") ? LocalDate.parse(root.get("anchor_date").asText()) : d.anchorDate,
        root.path("planted_bad_rows").asInt(d.plantedBadRows),
        root.path("foreign_share").asDouble(d.foreignShare),
        root.path("missing_uscc_share").asDouble(d.missingUsccShare),
        root.path("chain_code_share").asDouble(d.chainCodeShare),
        root.path("signal_share").asDouble(d.signalShare),
        root.path("group_share").asDouble(d.groupShare),
        mix.path("micro").asDouble(d.sizeMicro),
        mix.path("small").asDouble(d.sizeSmall),
        mix.path("medium").asDouble(d.sizeMedium),
        mix.path("large").asDouble(d.sizeLarge));
  }

  public GeneratorSettings withSeed(long newSeed) {
    return new GeneratorSettings(
        newSeed,
        count,
        anchorDate,
        plantedBadRows,
        foreignShare,
        missingUsccShare,
        chainCodeShare,
        signalShare,
        groupShare,
        sizeMicro,
        sizeSmall,
        sizeMedium,
        sizeLarge);
  }

  /** Changes the row count; planted bad rows shrink to stay under 5% when needed. */
  public GeneratorSettings withCount(int newCount) {
    int planted = Math.min(plantedBadRows, Math.max(0, (newCount - 1) / 20));
    return new GeneratorSettings(
        seed,
        newCount,
        anchorDate,
        planted,
        foreignShare,
        missingUsccShare,
        chainCodeShare,
        signalShare,
        groupShare,
        sizeMicro,
        sizeSmall,
        sizeMedium,
        sizeLarge);
  }

  public GeneratorSettings withPlantedBadRows(int planted) {
    return new GeneratorSettings(
        seed,
        count,
        anchorDate,
        planted,
        foreignShare,
        missingUsccShare,
        chainCodeShare,
        signalShare,
        groupShare,
        sizeMicro,
        sizeSmall,
        sizeMedium,
        sizeLarge);
  }
}
