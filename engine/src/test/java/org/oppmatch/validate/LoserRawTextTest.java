package org.oppmatch.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
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
 * The raw text a duplicate's loser is quarantined with. A text input's validated rows keep it for
 * the rows of the repeated ids (or, for a small input, for every row); a Parquet input's keep none,
 * and the loser's is read again ({@link Validation#rawTextOf}) as a JSON of the whole row.
 */
class LoserRawTextTest {
  @TempDir Path dir;

  private Dataset<Row> rawEnterprises() throws IOException {
    return rawEnterprises(true);
  }

  private Dataset<Row> rawEnterprises(boolean withText) throws IOException {
    if (!withText) {
      SparkSession spark = SharedSpark.get();
      InputLocator locator =
          new InputLocator(spark.sparkContext().hadoopConfiguration(), dir.toString(), Map.of());
      return new RawReader(spark).read(locator.locate(InputTable.ENTERPRISES).orElseThrow(), false);
    }
    StructType schema =
        new StructType()
            .add("enterprise_id", DataTypes.StringType)
            .add("name", DataTypes.StringType)
            .add("country", DataTypes.StringType)
            .add("industry_codes", DataTypes.createArrayType(DataTypes.StringType))
            .add("updated_at", DataTypes.StringType);
    SparkSession spark = SharedSpark.get();
    spark
        .createDataFrame(
            List.of(
                RowFactory.create("E1", "航空公司", "CN", new String[] {"3741"}, "2026-06-01"),
                RowFactory.create("E2", "电子公司", "CN", new String[] {"3973"}, "2026-06-01"),
                RowFactory.create("E1", "航空公司（旧）", "CN", new String[] {"3741"}, "2026-01-01")),
            schema)
        .coalesce(1)
        .write()
        .mode("overwrite")
        .parquet(dir.resolve("enterprises").toString());
    InputLocator locator =
        new InputLocator(spark.sparkContext().hadoopConfiguration(), dir.toString(), Map.of());
    return new RawReader(spark).read(locator.locate(InputTable.ENTERPRISES).orElseThrow());
  }

  @Test
  void aDuplicateLoserKeepsItsOwnRawRow() throws IOException {
    Dataset<Row> raw = rawEnterprises();
    Dataset<Row> withoutText = rawEnterprises(false);
    RowValidator validator =
        new RowValidator(
            InputTable.ENTERPRISES, LocalDate.of(2026, 11, 20), Set.of(), Set.of(), Set.of());
    Dataset<Row> validated =
        Validation.validate(withoutText, validator, InputTable.ENTERPRISES).cache();
    try {
      Map<String, List<Duplicates.Position>> byId = new java.util.HashMap<>();
      for (Row r : validated.collectAsList()) {
        byId.computeIfAbsent(r.getString(Validation.FIRST_VALUE), k -> new java.util.ArrayList<>())
            .add(
                new Duplicates.Position(
                    r.getString(Validation.FILE),
                    r.getLong(Validation.LINE),
                    LocalDate.parse(r.getAs("updated_at").toString())));
      }
      byId.remove("E2");
      Duplicates d = Duplicates.decide(InputTable.ENTERPRISES, byId);
      assertEquals(1, d.loserCount());
      // as the job reads Parquet: no raw text in the validated rows, read again for the quarantine
      List<Row> q =
          Validation.quarantined(validated, InputTable.ENTERPRISES, d, () -> raw, false)
              .collectAsList();
      assertEquals(1, q.size(), q.toString());
      Row loser = q.get(0);
      assertEquals("duplicate_id", loser.getAs("rule"));
      assertEquals(
          "duplicate_id: enterprise_id 'E1' appears again; the row with the newest updated_at is kept",
          loser.getAs("detail"));
      assertEquals(3L, ((Number) loser.getAs("row_number")).longValue(), "the older row loses");
      String rawRow = loser.getAs("raw_row");
      assertTrue(rawRow.contains("航空公司（旧）"), "its own row, not the kept one: " + rawRow);
    } finally {
      validated.unpersist();
    }
  }

  private static final String LOSER_LINE = "E1,航空公司（旧）,CN,3741,2026-01-01";

  /** A CSV input: E1 twice (the older row, line 4, loses) and a row that breaks a rule. */
  private Dataset<Row> csvEnterprises() throws IOException {
    java.nio.file.Files.writeString(
        dir.resolve("enterprises.csv"),
        "enterprise_id,name,country,industry_codes,updated_at\n"
            + "E1,航空公司,CN,3741,2026-06-01\n"
            + "E2,电子公司,CN,3973,2026-06-01\n"
            + LOSER_LINE
            + "\n"
            + "E3,,CN,3741,2026-06-01\n");
    SparkSession spark = SharedSpark.get();
    InputLocator locator =
        new InputLocator(spark.sparkContext().hadoopConfiguration(), dir.toString(), Map.of());
    return new RawReader(spark).read(locator.locate(InputTable.ENTERPRISES).orElseThrow(), false);
  }

  private static RowValidator validator() {
    return new RowValidator(
        InputTable.ENTERPRISES, LocalDate.of(2026, 11, 20), Set.of(), Set.of(), Set.of());
  }

  /** The raw text each validated row kept, by line. */
  private static Map<Long, String> keptText(Dataset<Row> validated) {
    Map<Long, String> out = new java.util.TreeMap<>();
    for (Row r : validated.collectAsList()) {
      out.put(r.getLong(Validation.LINE), r.getString(Validation.RAW));
    }
    return out;
  }

  @Test
  void validatedRowsKeepTheTextOfRejectedRowsOfRepeatedKeysOrOfAll() throws IOException {
    Dataset<Row> raw = csvEnterprises();
    Map<Long, String> rejectedOnly =
        keptText(Validation.validate(raw, validator(), InputTable.ENTERPRISES));
    assertEquals(4, rejectedOnly.size(), rejectedOnly.toString());
    assertEquals("E3,,CN,3741,2026-06-01", rejectedOnly.get(5L), "the row without a name");
    assertNull(rejectedOnly.get(2L));
    assertNull(rejectedOnly.get(3L));
    assertNull(rejectedOnly.get(4L));

    long[] e1 = {Validation.keyHash("E1")};
    Map<Long, String> withE1 =
        keptText(
            Validation.validate(
                raw,
                validator(),
                InputTable.ENTERPRISES,
                Validation.KeepText.rejectedAndKeys(
                    org.apache.spark.api.java.JavaSparkContext.fromSparkContext(
                            SharedSpark.get().sparkContext())
                        .broadcast(e1))));
    assertEquals("E1,航空公司,CN,3741,2026-06-01", withE1.get(2L));
    assertNull(withE1.get(3L), "E2 does not repeat");
    assertEquals(LOSER_LINE, withE1.get(4L));
    assertEquals("E3,,CN,3741,2026-06-01", withE1.get(5L));

    Map<Long, String> all =
        keptText(
            Validation.validate(raw, validator(), InputTable.ENTERPRISES, Validation.KeepText.ALL));
    assertEquals("E2,电子公司,CN,3973,2026-06-01", all.get(3L));
    assertFalse(all.containsValue(null), all.toString());
  }

  @Test
  void aTextInputsLoserIsQuarantinedWithTheTextItsRowKept() throws IOException {
    Dataset<Row> validated =
        Validation.validate(
                csvEnterprises(), validator(), InputTable.ENTERPRISES, Validation.KeepText.ALL)
            .cache();
    try {
      Map<String, List<Duplicates.Position>> byId = new java.util.HashMap<>();
      for (Row r : validated.collectAsList()) {
        if (Validation.accepted(r)) {
          byId.computeIfAbsent(
                  r.getString(Validation.FIRST_VALUE), k -> new java.util.ArrayList<>())
              .add(
                  new Duplicates.Position(
                      r.getString(Validation.FILE),
                      r.getLong(Validation.LINE),
                      LocalDate.parse(r.getAs("updated_at").toString())));
        }
      }
      byId.keySet().retainAll(Set.of("E1"));
      Duplicates d = Duplicates.decide(InputTable.ENTERPRISES, byId);
      List<Row> q =
          Validation.quarantined(
                  validated,
                  InputTable.ENTERPRISES,
                  d,
                  () -> {
                    throw new AssertionError("the input is read again");
                  },
                  true)
              .collectAsList();
      assertEquals(2, q.size(), q.toString());
      assertEquals("duplicate_id", q.get(0).getAs("rule"));
      assertEquals(4L, ((Number) q.get(0).getAs("row_number")).longValue());
      assertEquals(LOSER_LINE, q.get(0).getAs("raw_row"));
      assertEquals(5L, ((Number) q.get(1).getAs("row_number")).longValue());
      assertEquals("E3,,CN,3741,2026-06-01", q.get(1).getAs("raw_row"));
    } finally {
      validated.unpersist();
    }
  }

  @Test
  void theRawTextIsMadeForTheLosersAloneNotForEveryRow() throws IOException {
    Dataset<Row> raw = rawEnterprises();
    Dataset<Row> losers =
        SharedSpark.get()
            .createDataFrame(
                List.of(RowFactory.create("f", 3L)),
                new StructType()
                    .add("_dup_file", DataTypes.StringType)
                    .add("_dup_line", DataTypes.LongType));
    String plan = Validation.rawTextOf(raw, losers).queryExecution().optimizedPlan().toString();
    int join = plan.indexOf("Join LeftSemi");
    assertTrue(join > 0, plan);
    assertTrue(plan.substring(0, join).contains("StructsToJson"), "made above the join: " + plan);
    assertFalse(plan.substring(join).contains("StructsToJson"), "not beneath it: " + plan);
  }
}
