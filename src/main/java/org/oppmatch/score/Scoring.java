package org.oppmatch.score;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oppmatch.config.JobConfig;
import org.oppmatch.match.Features;
import org.oppmatch.schema.Cols;

/**
 * Scores enterprise-zone pairs: each factor's value times its normalised weight, rounded to 0.01,
 * is one entry of score_components, and the score is their sum, so they always add up.
 */
public final class Scoring {
  private Scoring() {}

  /** Adds the zone's name, ecosystem and the enterprise-zone distance (zones are broadcast). */
  public static Dataset<Row> withZone(Dataset<Row> pairs, Dataset<Row> zones) {
    Dataset<Row> z =
        zones.select(
            col(Cols.ZONE_ID).as("_z_id"),
            col(Cols.NAME_ZH).as(Features.ZONE_NAME),
            col(Cols.ECOSYSTEM).as(Features.ZONE_ECOSYSTEM),
            col(Cols.LATITUDE).as("_z_lat"),
            col(Cols.LONGITUDE).as("_z_lon"),
            col(Cols.FACTORY_M2).as(Features.ZONE_FACTORY_M2),
            col(Cols.LAND_HA).as(Features.ZONE_LAND_HA),
            col(Cols.OFFICE_M2).as(Features.ZONE_OFFICE_M2));
    return pairs
        .join(broadcast(z), pairs.col(Cols.ZONE_ID).equalTo(z.col("_z_id")))
        .withColumn(
            Features.DISTANCE_KM,
            FactorColumns.haversineKm(
                col(Cols.LATITUDE), col(Cols.LONGITUDE), col("_z_lat"), col("_z_lon")))
        .drop("_z_id", "_z_lat", "_z_lon");
  }

  /** score_components (factor key to contribution), score and tier. */
  public static Dataset<Row> score(Dataset<Row> pairs, JobConfig config) {
    Map<Factor, Double> weights = config.normalisedWeights();
    Map<String, Column> values = new LinkedHashMap<>();
    for (Factor f : Factor.values()) {
      values.put(
          Features.FACTOR_PREFIX + f.key(), FactorColumns.clamp01(FactorColumns.value(f, config)));
    }
    Dataset<Row> valued = pairs.withColumns(values);
    List<Column> mapEntries = new ArrayList<>();
    Column sum = lit(0.0);
    for (Factor f : Factor.values()) {
      Column contribution =
          round(col(Features.FACTOR_PREFIX + f.key()).multiply(weights.get(f)), 2);
      mapEntries.add(lit(f.key()));
      mapEntries.add(contribution);
      sum = sum.plus(contribution);
    }
    Column score = round(sum, 2);
    return valued
        .withColumn(Cols.SCORE_COMPONENTS, map(mapEntries.toArray(Column[]::new)))
        .withColumn(Cols.SCORE, score)
        .withColumn(
            Cols.TIER,
            when(col(Cols.SCORE).geq(config.lists.tierA), lit("A"))
                .when(col(Cols.SCORE).geq(config.lists.tierB), lit("B"))
                .otherwise(lit("C")));
  }
}
