package org.oppmatch.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.io.InputLocator;
import org.oppmatch.io.RawReader;
import org.oppmatch.schema.InputTable;
import org.oppmatch.testing.SharedSpark;

/**
 * The job caches no raw text for rows that broke no rule ({@link Validation#forCache}); a row that
 * then loses as a duplicate gets it read again ({@link Validation#rawTextOf}), from Parquet here,
 * where the raw text is a JSON of the whole row.
 */
class LoserRawTextTest {
  @TempDir Path dir;

  private Dataset<Row> rawZones() throws IOException {
    StructType schema =
        new StructType()
            .add("zone_id", DataTypes.StringType)
            .add("name_zh", DataTypes.StringType)
            .add("ecosystem", DataTypes.StringType)
            .add("lead_industries", DataTypes.createArrayType(DataTypes.StringType));
    SparkSession spark = SharedSpark.get();
    spark
        .createDataFrame(
            List.of(
                RowFactory.create("Z1", "航空园", "aerospace", new String[] {"3741"}),
                RowFactory.create("Z2", "电子园", "electronic_info", new String[] {"3973"}),
                RowFactory.create("Z1", "航空园（重复）", "aerospace", new String[] {"3741"})),
            schema)
        .coalesce(1)
        .write()
        .parquet(dir.resolve("zones").toString());
    InputLocator locator =
        new InputLocator(spark.sparkContext().hadoopConfiguration(), dir.toString(), Map.of());
    return new RawReader(spark).read(locator.locate(InputTable.ZONES).orElseThrow());
  }

  @Test
  void aDuplicateLoserKeepsItsOwnRawRow() throws IOException {
    Dataset<Row> raw = rawZones();
    Validation.Context ctx =
        new Validation.Context(LocalDate.of(2026, 11, 20), Set.of(), null, null);
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      Validation.Validated validated =
          Validation.validateCached(
              raw,
              InputTable.ZONES,
              ctx,
              d -> {
                cached.add(d.cache());
                return d;
              });
      List<Row> q = validated.quarantined(InputTable.ZONES).collectAsList();
      assertEquals(1, q.size(), q.toString());
      Row loser = q.get(0);
      assertEquals("duplicate_id", loser.getAs("rule"));
      assertEquals(3L, ((Number) loser.getAs("row_number")).longValue(), "the later row loses");
      String rawRow = loser.getAs("raw_row");
      assertTrue(rawRow.contains("航空园（重复）"), "its own row, not the kept one: " + rawRow);
    } finally {
      cached.forEach(Dataset::unpersist);
    }
  }

  @Test
  void theRawTextIsMadeForTheLosersAloneNotForEveryRow() throws IOException {
    Dataset<Row> raw = rawZones();
    Dataset<Row> losers =
        SharedSpark.get()
            .createDataFrame(
                List.of(RowFactory.create("Z1", "f", 3L, true)),
                new StructType()
                    .add("_dup_key", DataTypes.StringType)
                    .add("_dup_file", DataTypes.StringType)
                    .add("_dup_line", DataTypes.LongType)
                    .add("_dup", DataTypes.BooleanType));
    String plan = Validation.rawTextOf(raw, losers).queryExecution().optimizedPlan().toString();
    int join = plan.indexOf("Join LeftSemi");
    assertTrue(join > 0, plan);
    assertTrue(plan.substring(0, join).contains("StructsToJson"), "made above the join: " + plan);
    assertFalse(plan.substring(join).contains("StructsToJson"), "not beneath it: " + plan);
  }
}
