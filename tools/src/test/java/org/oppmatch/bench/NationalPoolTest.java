package org.oppmatch.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.NightlyJob;
import org.oppmatch.sample.ChainNodeRef;
import org.oppmatch.sample.DuplicateKind;
import org.oppmatch.sample.NameKey;
import org.oppmatch.sample.SampleInputs;
import org.oppmatch.sample.Vocabulary;
import org.oppmatch.sample.ZoneRef;
import org.oppmatch.testing.SharedSpark;
import org.oppmatch.validate.Uscc;

class NationalPoolTest {
  private static final Path SAMPLE = Path.of("data/sample");
  private static SparkSession spark;
  private static List<ZoneRef> zones;
  private static List<ChainNodeRef> nodes;
  private static Dataset<Row> pool10k;

  @BeforeAll
  static void setUp() throws IOException {
    spark = SharedSpark.get();
    zones = SampleInputs.readZones(SAMPLE.resolve("zones.csv"));
    nodes = SampleInputs.readChainNodes(SAMPLE.resolve("chain_nodes.csv"));
    pool10k = NationalPool.draft(spark, PoolSettings.national(10_000, 7), zones, nodes, 2).cache();
  }

  /** An order-independent hash of every value of every row. */
  private static long contentHash(Dataset<Row> df) {
    Column[] all = java.util.Arrays.stream(df.columns()).map(c -> col(c)).toArray(Column[]::new);
    return df.select(xxhash64(all).as("h")).agg(expr("bit_xor(h)")).first().getLong(0);
  }

  @Test
  void sameSeedGivesTheSameRowsWhateverThePartitioning() {
    Dataset<Row> a =
        NationalPool.enterprises(spark, PoolSettings.national(2_000, 7), zones, nodes, 2);
    Dataset<Row> b =
        NationalPool.enterprises(spark, PoolSettings.national(2_000, 7), zones, nodes, 3);
    Dataset<Row> other =
        NationalPool.enterprises(spark, PoolSettings.national(2_000, 8), zones, nodes, 2);
    assertEquals(contentHash(a), contentHash(b), "same seed, other partitioning");
    assertNotEquals(contentHash(a), contentHash(other), "another seed");
    assertEquals(2_000, b.select("enterprise_id").distinct().count(), "ids are unique");
    assertEquals(NationalPool.SCHEMA, a.schema());
  }

  private static double share(Column condition) {
    Row r = pool10k.agg(sum(when(condition, lit(1)).otherwise(lit(0))).as("n")).first();
    return r.getLong(0) / 10_000.0;
  }

  @Test
  void sizeMixAndOriginFollowTheNationalShares() {
    assertEquals(0.82, share(col(NationalPool.SIZE_CLASS).equalTo(0)), 0.02, "micro");
    assertEquals(0.16, share(col(NationalPool.SIZE_CLASS).equalTo(1)), 0.02, "small");
    assertEquals(0.018, share(col(NationalPool.SIZE_CLASS).equalTo(2)), 0.006, "medium");
    assertEquals(0.98, share(col("country").equalTo("CN")), 0.01, "registered in China");
    assertEquals(0.12, share(size(col("signals")).gt(0)), 0.02, "with a recent signal");
    double highTech =
        share(org.apache.spark.sql.functions.array_contains(col("tags"), "high_tech"));
    assertTrue(highTech > 0.004 && highTech < 0.03, "high-tech share near 1%: " + highTech);
    double metro = share(col("city").isin("成都", "德阳", "眉山", "资阳"));
    assertEquals(0.05, metro, 0.015, "Chengdu metro");
  }

  @Test
  void aRealisticShareFitsTheSampleZones() {
    Set<String> targeted = new HashSet<>();
    zones.forEach(z -> targeted.addAll(z.leadIndustries()));
    nodes.forEach(n -> targeted.addAll(n.industryCodes()));
    Column primary = element_at(col("industry_codes"), 1);
    Column primary4 = primary.substr(1, 4);
    double onTarget = share(primary4.isin(targeted.toArray()).or(primary.isin(targeted.toArray())));
    // 30% drawn from targets, less the few primaries cut to their 3-digit class
    assertEquals(0.30, onTarget, 0.03, "primary code on a zone lead industry or chain node");
  }

  @Test
  void skewPutsThirtyPercentOnOneCode() {
    PoolSettings skewed = PoolSettings.national(10_000, 7).withSkew(0.3, null);
    String code = NationalPool.skewCodeOf(skewed, zones, nodes);
    assertEquals(NationalPool.mostTargetedCode(zones, nodes), code);
    long onCode =
        NationalPool.enterprises(spark, skewed, zones, nodes, 2)
            .filter(element_at(col("industry_codes"), 1).substr(1, 4).equalTo(code))
            .count();
    // 30% drawn on the code, a few of them cut to the 3-digit class, a few more from chain draws
    assertTrue(onCode >= 2_850 && onCode <= 3_400, onCode + " of 10,000 on " + code);
  }

  @Test
  void everyRowHasABrandOfItsOwn() {
    // 300,000 of the 343,000 three-character brands: the permutation never repeats one
    NationalPool pool = new NationalPool(PoolSettings.national(300_000, 7), zones, nodes);
    Set<String> brands = new HashSet<>();
    Set<String> latin = new HashSet<>();
    for (long i = 0; i < 300_000; i++) {
      String b = pool.brand(i);
      assertTrue(brands.add(b), "brand of row " + i + " repeats: " + b);
      String l = pool.latinBrand(i).toLowerCase(java.util.Locale.ROOT);
      assertTrue(latin.add(l), "Latin name of row " + i + " repeats: " + l);
      for (String blocked : Vocabulary.BLOCKED_BRANDS) {
        assertTrue(!b.contains(blocked), b + " holds " + blocked);
      }
    }
    assertEquals(
        4, new NationalPool(PoolSettings.national(1_000_000, 7), zones, nodes).brand(9).length());
  }

  @Test
  void withoutPlantedRowsNoTwoNamesMeanTheSameCompany() {
    Dataset<Row> pool =
        NationalPool.enterprises(
            spark, PoolSettings.national(10_000, 7).withDuplicates(0), zones, nodes, 2);
    List<String> names = pool.select("name").as(Encoders.STRING()).collectAsList();
    Set<String> keys = new HashSet<>();
    for (String n : names) {
      assertTrue(keys.add(NameKey.of(n)), "name key repeats: " + n);
    }
    assertEquals(10_000, names.size());
  }

  @Test
  void plantedRowsAreCountedAndLookAsTheirKindSays() {
    Map<DuplicateKind, Long> planted =
        NationalPool.plantedCounts(PoolSettings.national(10_000, 7), zones, nodes);
    long total = planted.values().stream().mapToLong(Long::longValue).sum();
    // 2% of rows drawn, less the few whose original is registered abroad
    assertEquals(200, total, 40, "planted rows " + planted);
    for (DuplicateKind k :
        List.of(
            DuplicateKind.SAME_USCC,
            DuplicateKind.LEGAL_FORM,
            DuplicateKind.PLACE,
            DuplicateKind.SPACING,
            DuplicateKind.LOOK_ALIKE,
            DuplicateKind.BRANCH)) {
      assertTrue(planted.getOrDefault(k, 0L) > 0, k + " planted: " + planted);
    }
    // the same USCC under a second id only where SAME_USCC planted one
    long repeatedUscc =
        pool10k.where(col("uscc").isNotNull()).count()
            - pool10k.select("uscc").where(col("uscc").isNotNull()).distinct().count();
    assertEquals((long) planted.get(DuplicateKind.SAME_USCC), repeatedUscc);
    assertEquals(
        (long) planted.get(DuplicateKind.BRANCH),
        pool10k.where(col("name").endsWith("分公司")).count(),
        "branches");
    // every copy of the same company keeps its original's name key and city
    List<Row> rows = pool10k.select("name", "city").collectAsList();
    Map<String, Long> byKeyAndCity = new java.util.HashMap<>();
    for (Row r : rows) {
      if (r.getString(0).codePoints().anyMatch(c -> c >= 0x4e00)
          && !r.getString(0).endsWith("分公司")) {
        byKeyAndCity.merge(NameKey.of(r.getString(0)) + "|" + r.getString(1), 1L, Long::sum);
      }
    }
    long repeats = byKeyAndCity.values().stream().mapToLong(n -> n - 1).sum();
    assertEquals(
        total - planted.get(DuplicateKind.BRANCH), repeats, "rows sharing a name and city");
  }

  @Test
  void everyUsccHasTheRightCheckCharacter() {
    List<Row> codes = pool10k.select("uscc").na().drop().collectAsList();
    assertTrue(codes.size() > 8_000, "most Chinese firms have a code: " + codes.size());
    for (Row r : codes) {
      assertTrue(Uscc.isValid(r.getString(0)), r.getString(0));
    }
  }

  @Test
  void opportunitiesAreDeterministicAndMostlyOpen() throws IOException {
    List<NationalOpportunities.Template> templates =
        NationalOpportunities.readTemplates(SAMPLE.resolve("opportunities.jsonl"));
    LocalDate anchor = LocalDate.of(2026, 11, 20);
    List<Row> a = NationalOpportunities.generate(templates, zones, nodes, 5_000, 7, anchor);
    List<Row> b = NationalOpportunities.generate(templates, zones, nodes, 5_000, 7, anchor);
    assertEquals(a.toString(), b.toString());
    assertEquals(5_000, a.stream().map(r -> r.getString(0)).distinct().count());
    long expired = a.stream().filter(r -> r.getDate(11).toLocalDate().isBefore(anchor)).count();
    assertEquals(0.10, expired / 5_000.0, 0.02, "expired on the anchor date");
  }

  @Test
  void generatedInputsPassTheJobWithNothingQuarantined(@TempDir Path dir) throws IOException {
    GenerateNational.Args args =
        GenerateNational.Args.parse(
            new String[] {
              "--out", dir.resolve("in").toString(), "--count", "1k", "--opportunities", "200"
            });
    GenerateNational.run(spark, args);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        NightlyJob.execute(
            spark,
            new String[] {
              "--inputs", dir.resolve("in").toString(),
              "--output", dir.resolve("out").toString(),
              "--run-date", "2026-11-20"
            },
            new PrintStream(out, true),
            new PrintStream(out, true));
    assertEquals(0, code, out.toString());
    JsonNode manifest =
        new ObjectMapper()
            .readTree(Files.readString(dir.resolve("out/manifests/run_date=2026-11-20.json")));
    for (String table :
        List.of("enterprises", "zones", "chain_nodes", "zone_chain", "opportunities")) {
      assertEquals(0, manifest.path("inputs").path(table).path("quarantined").asLong(), table);
    }
    assertEquals(1_000, manifest.path("inputs").path("enterprises").path("rows_read").asLong());
    assertTrue(manifest.path("outputs").path("targets").asLong() > 0, "some leads");
    // each planted copy of a company merges into it; look-alikes and branches stay apart
    JsonNode planted =
        new ObjectMapper()
            .readTree(Files.readString(dir.resolve("in/_generated.json")))
            .path("planted");
    long sameCompany = 0;
    long apart = 0;
    for (var e : (Iterable<Map.Entry<String, JsonNode>>) planted::fields) {
      if (DuplicateKind.byName(e.getKey()).orElseThrow().sameCompany()) {
        sameCompany += e.getValue().asLong();
      } else {
        apart += e.getValue().asLong();
      }
    }
    assertTrue(sameCompany > 5 && apart > 0, "planted " + planted);
    assertEquals(sameCompany, manifest.path("companies").path("merges").asLong(), "merges");
    assertEquals(1_000 - sameCompany, manifest.path("companies").path("companies").asLong());
  }
}
