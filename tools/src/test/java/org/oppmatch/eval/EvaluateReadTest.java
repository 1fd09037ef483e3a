package org.oppmatch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.testing.SharedSpark;

class EvaluateReadTest {
  private static final LocalDate RUN = LocalDate.of(2026, 11, 20);

  @Test
  void readsTheTargetsPartitionOfTheRunDateAndFiltersEnterprises(@TempDir Path dir) {
    SparkSession spark = SharedSpark.get();
    String select =
        "select '%s' as zone_id, %d as rank, '%s' as enterprise_id, cast(%s as double) as score,"
            + " %s as chain_role, array(%s) as matched_node_ids,"
            + " map('industry_fit', cast(25 as double), 'chain_role', cast(%s as double))"
            + " as score_components, array(%s) as competing_zones, array('TAG:listed') as reasons,"
            + " 'x' as explanation";
    String sql =
        String.format(select, "A", 1, "P1", "80.5", "'fill_gap'", "'N1', 'N2'", "25", "'B'")
            + " union all "
            + String.format(select, "A", 2, "X1", "60.25", "null", "", "0", "");
    spark.sql(sql).write().parquet(dir.resolve("targets/run_date=" + RUN).toString());
    // another date's partition must not be read
    spark
        .sql(String.format(select, "A", 1, "OLD", "99", "'none'", "", "0", ""))
        .write()
        .parquet(dir.resolve("targets/run_date=2026-11-19").toString());

    List<Lead> leads = Evaluate.readLeads(spark, dir.toString(), RUN, null);
    leads = leads.stream().sorted(Comparator.comparingInt(Lead::rank)).toList();
    assertEquals(
        List.of(
            new Lead(
                "A",
                1,
                "P1",
                80.5,
                "fill_gap",
                List.of("N1", "N2"),
                Map.of("industry_fit", 25.0, "chain_role", 25.0),
                List.of("B"),
                List.of("TAG:listed")),
            new Lead(
                "A",
                2,
                "X1",
                60.25,
                "none",
                List.of(),
                Map.of("industry_fit", 25.0, "chain_role", 0.0),
                List.of(),
                List.of("TAG:listed"))),
        leads);
    assertEquals(
        List.of("X1"),
        Evaluate.readLeads(spark, dir.toString(), RUN, List.of("X1", "NOT_THERE")).stream()
            .map(Lead::enterpriseId)
            .toList());
  }

  @Test
  void onlyASucceededManifestIsMeasured(@TempDir Path dir) throws IOException {
    assertThrows(
        IllegalArgumentException.class, () -> Evaluate.succeededManifest(dir.toString(), RUN));
    Path m = dir.resolve("manifests/run_date=" + RUN + ".json");
    Files.createDirectories(m.getParent());
    Files.writeString(m, "{\"status\": \"failed\"}");
    assertThrows(
        IllegalArgumentException.class, () -> Evaluate.succeededManifest(dir.toString(), RUN));
    Files.writeString(
        m, "{\"status\": \"succeeded\", \"inputs\": {\"enterprises\": {\"rows_read\": 5300}}}");
    assertEquals(
        5300,
        Evaluate.succeededManifest(dir.toString(), RUN)
            .at("/inputs/enterprises/rows_read")
            .asInt());
  }
}
