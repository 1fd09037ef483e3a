package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oppmatch.testing.Fixtures.row;
import static org.oppmatch.testing.Fixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.schema.InputTable;
import org.oppmatch.schema.Outputs;
import org.oppmatch.testing.Duck;
import org.oppmatch.testing.Fixtures;
import org.oppmatch.testing.SharedSpark;

/**
 * The whole nightly job on a small fixture whose right answers are known: who is ranked above whom
 * and why, allocation across zones and groups, quarantine and manifest counts, identical reruns,
 * every input format, and the exit codes of job-contract.md. Outputs are read back with DuckDB, an
 * independent Parquet reader.
 */
class NightlyJobEndToEndTest {
  static final String DATE = "2026-11-20";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;
  static Path inputs;
  static Path config;
  static Path out;
  static int firstExit;

  static final Map<String, String> BASE =
      row(
          "country", "CN",
          "province", "四川省",
          "city", "成都",
          "latitude", "30.66",
          "longitude", "104.06",
          "revenue_cny", "100000000",
          "updated_at", "2026-06-01");

  static List<Map<String, String>> enterprises() {
    List<Map<String, String>> e = new ArrayList<>();
    e.add(
        with(
            BASE,
            "enterprise_id",
            "A1",
            "name",
            "成都涡轮动力股份有限公司",
            "industry_codes",
            "3741",
            "business_scope",
            "航空发动机涡轮叶片研制",
            "tags",
            "fortune_global_500;listed",
            "signals",
            "expansion:2026-11-01",
            "revenue_cny",
            "50000000000"));
    e.add(
        with(
            BASE,
            "enterprise_id",
            "A2",
            "name",
            "上海地面设备有限公司",
            "industry_codes",
            "3744",
            "city",
            "上海",
            "province",
            "上海市",
            "latitude",
            "31.23",
            "longitude",
            "121.47",
            "updated_at",
            "2026-05-01"));
    e.add(
        with(
            BASE,
            "enterprise_id",
            "A3",
            "name",
            "西安整机配套有限公司",
            "industry_codes",
            "3911;3741",
            "city",
            "西安",
            "province",
            "陕西省",
            "latitude",
            "34.34",
            "longitude",
            "108.94"));
    e.add(
        with(
            BASE,
            "enterprise_id",
            "C1",
            "name",
            "成都晶圆制造有限公司",
            "industry_codes",
            "3973",
            "business_scope",
            "晶圆制造",
            "tags",
            "high_tech",
            "revenue_cny",
            "1000000000"));
    e.add(
        with(
            BASE,
            "enterprise_id",
            "C2",
            "name",
            "深圳芯片设计有限公司",
            "industry_codes",
            "6520",
            "city",
            "深圳",
            "province",
            "广东省",
            "latitude",
            "22.54",
            "longitude",
            "114.06",
            "revenue_cny",
            "10000000"));
    e.add(
        with(
            BASE,
            "enterprise_id",
            "X1",
            "name",
            "德阳晶圆涡轮集团有限公司",
            "industry_codes",
            "3973;3741",
            "business_scope",
            "晶圆 涡轮",
            "tags",
            "chain_leader",
            "city",
            "德阳",
            "latitude",
            "31.13",
            "longitude",
            "104.40"));
    e.add(
        with(
            BASE,
            "enterprise_id",
            "G1",
            "name",
            "集团航空有限公司",
            "industry_codes",
            "3741",
            "tags",
            "listed",
            "group_id",
            "GRP"));
    e.add(
        with(
            BASE,
            "enterprise_id",
            "G2",
            "name",
            "集团芯片有限公司",
            "industry_codes",
            "3973",
            "tags",
            "listed",
            "group_id",
            "GRP"));
    Map<String, String> twin =
        with(
            BASE,
            "name",
            "双胞胎地面设备有限公司",
            "industry_codes",
            "3744",
            "city",
            "上海",
            "latitude",
            "31.23",
            "longitude",
            "121.47");
    // twins in all but their USCCs: two companies that score the same
    e.add(
        with(
            twin,
            "enterprise_id",
            "T2",
            "uscc",
            org.oppmatch.validate.Uscc.withCheckChar("91310000MA1FTWN20")));
    e.add(
        with(
            twin,
            "enterprise_id",
            "T1",
            "uscc",
            org.oppmatch.validate.Uscc.withCheckChar("91310000MA1FTWN10")));
    e.add(with(BASE, "enterprise_id", "N1", "name", "稻谷种植合作社", "industry_codes", "0111"));
    e.add(
        with(
            BASE,
            "enterprise_id",
            "B1",
            "name",
            "坏标签有限公司",
            "industry_codes",
            "3741",
            "tags",
            "vip"));
    e.add(
        with(
            BASE,
            "enterprise_id",
            "A2",
            "name",
            "旧版本",
            "industry_codes",
            "3744",
            "updated_at",
            "2025-01-01"));
    return e;
  }

  static List<Map<String, String>> zones() {
    return List.of(
        row(
            "zone_id",
            "Z_AERO",
            "name_zh",
            "新都航空园",
            "ecosystem",
            "aerospace",
            "lead_industries",
            "3741;3744",
            "latitude",
            "30.82",
            "longitude",
            "104.16"),
        row(
            "zone_id",
            "Z_CHIP",
            "name_zh",
            "高新芯片园",
            "ecosystem",
            "electronic_info",
            "lead_industries",
            "3973;6520",
            "latitude",
            "30.73",
            "longitude",
            "103.97"));
  }

  static void writeInputs(Path dir) {
    Fixtures.write(dir, "enterprises.csv", Fixtures.csv(InputTable.ENTERPRISES, enterprises()));
    Fixtures.write(dir, "zones.csv", Fixtures.csv(InputTable.ZONES, zones()));
    writeChainAndOpportunities(dir);
  }

  static void writeChainAndOpportunities(Path dir) {
    Fixtures.write(
        dir,
        "chain_nodes.csv",
        Fixtures.csv(
            InputTable.CHAIN_NODES,
            List.of(
                row(
                    "node_id",
                    "AERO_ENGINE",
                    "ecosystem",
                    "aerospace",
                    "name_zh",
                    "航空发动机",
                    "position",
                    "midstream",
                    "industry_codes",
                    "3741",
                    "keywords",
                    "航空发动机;涡轮"),
                row(
                    "node_id",
                    "AERO_GROUND",
                    "ecosystem",
                    "aerospace",
                    "name_zh",
                    "地面保障设备",
                    "position",
                    "midstream",
                    "industry_codes",
                    "3744"),
                row(
                    "node_id",
                    "EI_FAB",
                    "ecosystem",
                    "electronic_info",
                    "name_zh",
                    "晶圆制造",
                    "position",
                    "midstream",
                    "industry_codes",
                    "3973"),
                row(
                    "node_id",
                    "EI_DESIGN",
                    "ecosystem",
                    "electronic_info",
                    "name_zh",
                    "芯片设计",
                    "position",
                    "upstream",
                    "industry_codes",
                    "6520"))));
    Fixtures.write(
        dir,
        "zone_chain.csv",
        Fixtures.csv(
            InputTable.ZONE_CHAIN,
            List.of(
                row(
                    "zone_id",
                    "Z_AERO",
                    "node_id",
                    "AERO_ENGINE",
                    "status",
                    "missing",
                    "priority",
                    "1"),
                row(
                    "zone_id",
                    "Z_AERO",
                    "node_id",
                    "AERO_GROUND",
                    "status",
                    "strong",
                    "priority",
                    "3"),
                row("zone_id", "Z_CHIP", "node_id", "EI_FAB", "status", "weak", "priority", "2"),
                row(
                    "zone_id",
                    "Z_CHIP",
                    "node_id",
                    "EI_DESIGN",
                    "status",
                    "strong",
                    "priority",
                    "3"))));
    Fixtures.write(
        dir,
        "opportunities.csv",
        Fixtures.csv(
            InputTable.OPPORTUNITIES,
            List.of(
                row(
                    "opportunity_id",
                    "O_TURBINE",
                    "title",
                    "航空发动机涡轮叶片配套",
                    "zone_id",
                    "Z_AERO",
                    "industry_codes",
                    "3741",
                    "description",
                    "寻找涡轮叶片供应商",
                    "keywords",
                    "涡轮;叶片",
                    "deadline",
                    "2026-12-31"),
                row(
                    "opportunity_id",
                    "O_EXPIRED",
                    "title",
                    "已截止的机会",
                    "zone_id",
                    "Z_AERO",
                    "industry_codes",
                    "3741",
                    "description",
                    "已截止",
                    "keywords",
                    "涡轮",
                    "deadline",
                    "2026-10-01"),
                row(
                    "opportunity_id",
                    "O_WAFER",
                    "title",
                    "晶圆产线验证场景",
                    "ecosystem",
                    "electronic_info",
                    "industry_codes",
                    "3973",
                    "description",
                    "开放晶圆验证产线",
                    "keywords",
                    "晶圆"))));
  }

  static int run(String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        NightlyJob.execute(
            SharedSpark.get(),
            args,
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    lastErr = err.toString(StandardCharsets.UTF_8);
    return code;
  }

  static String lastErr = "";

  static String[] args(Path in, Path output, String date, Path cfg) {
    List<String> a =
        new ArrayList<>(
            List.of("--inputs", in.toString(), "--output", output.toString(), "--run-date", date));
    if (cfg != null) {
      a.add("--config");
      a.add(cfg.toString());
    }
    return a.toArray(new String[0]);
  }

  @BeforeAll
  static void runOnce() {
    inputs = tmp.resolve("in");
    writeInputs(inputs);
    // 2 of 13 enterprise rows are planted bad: above the default 5% limit
    config = Fixtures.write(tmp, "config.json", "{\"quarantine_limit\": 0.2}");
    out = tmp.resolve("out");
    firstExit = run(args(inputs, out, DATE, config));
  }

  static List<Map<String, Object>> targets(Path output, String date) {
    return Duck.query(
        "select * exclude (run_date) from "
            + Duck.parquet(output.resolve("targets/run_date=" + date))
            + " order by zone_id, rank");
  }

  static List<String> zoneList(String zone) {
    return targets(out, DATE).stream()
        .filter(r -> zone.equals(r.get("zone_id")))
        .map(r -> (String) r.get("enterprise_id"))
        .toList();
  }

  static Map<String, Object> lead(String enterpriseId) {
    return targets(out, DATE).stream()
        .filter(r -> enterpriseId.equals(r.get("enterprise_id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(enterpriseId + " is on no list"));
  }

  static JsonNode manifest(Path output, String date) throws IOException {
    return JSON.readTree(output.resolve("manifests/run_date=" + date + ".json").toFile());
  }

  @Test
  void theRunSucceedsAndPublishesEveryOutputWithTheManifestLast() throws IOException {
    assertEquals(0, firstExit, lastErr);
    for (String o : Outputs.ALL) {
      assertTrue(Files.isDirectory(out.resolve(o + "/run_date=" + DATE)), o);
    }
    JsonNode m = manifest(out, DATE);
    assertEquals("succeeded", m.get("status").asText());
    assertEquals(DATE, m.get("run_date").asText());
    assertTrue(m.get("config_hash").asText().startsWith("sha256:"));
    assertEquals(0.2, m.at("/config/quarantine_limit").asDouble());
    assertTrue(m.get("stages").size() >= 5, "stage timings");
    assertFalse(Files.exists(out.resolve("_staging/run_date=" + DATE)), "no staging left");
  }

  @Test
  void zoneListsAreRankedByFitWithTheReasonsStated() {
    // A1: fills the zone's missing engine node, Fortune 500, recent expansion, opportunity match
    assertEquals("A1", zoneList("Z_AERO").get(0));
    List<String> aero = zoneList("Z_AERO");
    // A3 fills the gap through a secondary code; A2 only extends a strong node
    assertTrue(aero.indexOf("A3") < aero.indexOf("A2"), "fill_gap above extend: " + aero);
    // T1 and T2 are identical: the tie goes to the smaller id, the same way on every run
    assertEquals(aero.indexOf("T1") + 1, aero.indexOf("T2"), aero.toString());
    assertEquals(lead("T1").get("score"), lead("T2").get("score"));
    assertEquals(List.of("X1", "C1", "C2"), zoneList("Z_CHIP").subList(0, 3));

    Map<String, Object> a1 = lead("A1");
    assertEquals(1, a1.get("rank"));
    assertEquals("A", a1.get("tier"));
    assertEquals("fill_gap", a1.get("chain_role"));
    assertEquals(List.of("AERO_ENGINE"), a1.get("matched_node_ids"));
    assertEquals(List.of("O_TURBINE"), a1.get("matched_opportunity_ids"));
    List<?> reasons = (List<?>) a1.get("reasons");
    for (String r :
        List.of(
            "FILL_GAP:AERO_ENGINE",
            "OPP:O_TURBINE",
            "TAG:fortune_global_500",
            "SIGNAL:expansion@2026-11-01",
            "CHENGDU_METRO")) {
      assertTrue(reasons.contains(r), r + " in " + reasons);
    }
    String why = (String) a1.get("explanation");
    assertTrue(why.startsWith("补链：航空发动机（缺失环节）；匹配场景机会「航空发动机涡轮叶片配套」；世界500强；近19天扩张信号"), why);
    assertTrue(why.endsWith("。"), why);
    assertEquals("strengthen", lead("C1").get("chain_role"));
    assertEquals("extend", lead("A2").get("chain_role"));
  }

  @Test
  void scoreComponentsAddUpToTheScore() {
    for (Map<String, Object> r : targets(out, DATE)) {
      String components = String.valueOf(r.get("score_components"));
      double sum =
          Stream.of(components.replaceAll("[{}]", "").split(","))
              .mapToDouble(kv -> Double.parseDouble(kv.split("=")[1].trim()))
              .sum();
      assertEquals(
          ((Number) r.get("score")).doubleValue(),
          sum,
          0.005,
          r.get("enterprise_id") + " " + components);
      double score = ((Number) r.get("score")).doubleValue();
      assertTrue(score >= 0 && score <= 100);
    }
  }

  @Test
  void eachEnterpriseAndGroupGoesToOneZoneAndNamesTheOthers() {
    Map<Object, Long> zonesPerEnterprise =
        targets(out, DATE).stream()
            .collect(Collectors.groupingBy(r -> r.get("enterprise_id"), Collectors.counting()));
    zonesPerEnterprise.forEach((e, n) -> assertEquals(1L, n, e + " is on one list"));
    Map<String, Object> x1 = lead("X1");
    assertEquals(
        "Z_CHIP",
        x1.get("zone_id"),
        "X1 fits the chip zone best (weak node, open wafer opportunity)");
    assertEquals(List.of("Z_AERO"), x1.get("competing_zones"));
    // G1 and G2 share a group: the group is pitched by one zone, where its best member fits best
    assertEquals("Z_AERO", lead("G1").get("zone_id"));
    assertFalse(zonesPerEnterprise.containsKey("G2"), "G2 is left to its group's zone");
    assertFalse(zonesPerEnterprise.containsKey("N1"), "no industry match, no lead");
  }

  @Test
  void opportunityMatchesSkipExpiredOpportunities() {
    List<Map<String, Object>> m =
        Duck.query(
            "select * from "
                + Duck.parquet(out.resolve("opportunity_matches/run_date=" + DATE))
                + " order by opportunity_id, rank");
    assertTrue(m.stream().noneMatch(r -> "O_EXPIRED".equals(r.get("opportunity_id"))), "expired");
    Map<String, Object> first =
        m.stream()
            .filter(r -> "O_TURBINE".equals(r.get("opportunity_id")))
            .findFirst()
            .orElseThrow();
    assertEquals("A1", first.get("enterprise_id"));
    assertEquals(1.0, ((Number) first.get("similarity")).doubleValue(), 1e-9);
    assertTrue(((List<?>) first.get("reasons")).contains("KEYWORD:叶片"), first.toString());
    assertTrue(
        m.stream()
            .anyMatch(
                r ->
                    "O_WAFER".equals(r.get("opportunity_id"))
                        && "C1".equals(r.get("enterprise_id"))));
  }

  @Test
  void quarantineAndManifestCountEveryRow() throws IOException {
    List<Map<String, Object>> q =
        Duck.query(
            "select input, rule, record_key, row_number, raw_row from "
                + Duck.parquet(out.resolve("quarantine/run_date=" + DATE))
                + " order by row_number");
    assertEquals(2, q.size(), q.toString());
    assertEquals("unknown_tag", q.get(0).get("rule"));
    assertEquals("B1", q.get(0).get("record_key"));
    assertEquals(13L, ((Number) q.get(0).get("row_number")).longValue(), "line 13 of the CSV");
    assertTrue(String.valueOf(q.get(0).get("raw_row")).startsWith("B1,"), "the raw line");
    assertEquals("duplicate_id", q.get(1).get("rule"));
    assertEquals("A2", q.get(1).get("record_key"));
    assertTrue(
        String.valueOf(q.get(1).get("raw_row")).startsWith("A2,"),
        "the duplicate's raw line, read again (the cache keeps none for rows that broke no rule)");

    JsonNode ent = manifest(out, DATE).at("/inputs/enterprises");
    assertEquals(13, ent.get("rows_read").asLong());
    assertEquals(11, ent.get("accepted").asLong());
    assertEquals(2, ent.get("quarantined").asLong());
    assertEquals(1, ent.at("/quarantined_by_rule/unknown_tag").asLong());
    assertEquals(1, ent.at("/quarantined_by_rule/duplicate_id").asLong());
    JsonNode outputs = manifest(out, DATE).get("outputs");
    assertEquals(targets(out, DATE).size(), outputs.get("targets").asLong());
    assertEquals(2, outputs.get("quarantine").asLong());
  }

  @Test
  void rerunsGiveIdenticalTargetsAndALaterDateComparesWithTheEarlierAndBothReadAsOneTable()
      throws IOException {
    Path again = tmp.resolve("again");
    assertEquals(0, run(args(inputs, again, DATE, config)), lastErr);
    assertEquals(targets(out, DATE), targets(again, DATE));

    assertEquals(0, run(args(inputs, again, "2026-11-21", config)), lastErr);
    List<Map<String, Object>> next = targets(again, "2026-11-21");
    assertFalse(next.isEmpty());
    for (Map<String, Object> r : next) {
      assertEquals(false, r.get("is_new"), r.toString());
      assertEquals(r.get("rank"), r.get("previous_rank"), r.toString());
      assertEquals("same", r.get("movement"), r.toString());
    }
    assertTrue(
        Duck.query("select * from " + Duck.parquet(again.resolve("dropped/run_date=2026-11-21")))
            .isEmpty(),
        "nothing dropped between two runs on the same input");
    JsonNode changes = manifest(again, "2026-11-21").get("changes");
    assertEquals(DATE, changes.get("previous_run_date").asText());
    assertEquals(0, changes.at("/zones/Z_AERO/new").asLong());
    assertTrue(changes.at("/zones/Z_AERO/same").asLong() > 0);
    assertEquals(true, targets(again, DATE).get(0).get("is_new"), "first run: every lead is new");

    // a rerun of the first date replaces its outputs and leaves the later date alone
    assertEquals(0, run(args(inputs, again, DATE, config)), lastErr);
    assertEquals(targets(out, DATE), targets(again, DATE));
    assertEquals(next, targets(again, "2026-11-21"));
    // and the two dates read as one table by every reader
    everyOutputReadsAsOneTableWithRunDateFromItsDirectoriesOnly(again);
  }

  /** The Parquet outputs: every one is partitioned by run date. */
  static final List<String> PARQUET_OUTPUTS =
      List.of(
          Outputs.TARGETS,
          Outputs.OPPORTUNITY_MATCHES,
          Outputs.QUARANTINE,
          Outputs.DROPPED,
          Outputs.ENTITIES,
          Outputs.COVERAGE);

  /**
   * Every output of a root with two published dates reads as one table, run_date from the directory
   * names, and no data file holds run_date (data-contract.md, version 3).
   */
  static void everyOutputReadsAsOneTableWithRunDateFromItsDirectoriesOnly(Path two)
      throws IOException {
    for (String o : PARQUET_OUTPUTS) {
      // no data file holds run_date: read each file alone, without its directory's name
      try (Stream<Path> files = Files.walk(two.resolve(o))) {
        List<Path> parquet = files.filter(f -> f.toString().endsWith(".parquet")).toList();
        assertFalse(parquet.isEmpty(), o);
        for (Path f : parquet) {
          List<Map<String, Object>> columns =
              Duck.query(
                  "select column_name from (describe select * from read_parquet('"
                      + f
                      + "', hive_partitioning = false))");
          assertFalse(columns.contains(Map.of("column_name", "run_date")), f + " holds run_date");
        }
      }
      // the output as one table, as Spark's partition discovery reads it: run_date a date
      Dataset<Row> table = SharedSpark.get().read().parquet(two.resolve(o).toString());
      assertEquals(
          DataTypes.DateType, table.schema().apply("run_date").dataType(), o + " run_date");
      Map<String, Long> rows = new java.util.TreeMap<>();
      for (Row r : table.groupBy("run_date").count().collectAsList()) {
        rows.put(r.getDate(0).toString(), r.getLong(1));
      }
      for (String date : List.of(DATE, "2026-11-21")) {
        long expected = manifest(two, date).at("/outputs/" + o).asLong();
        assertEquals(expected, rows.getOrDefault(date, 0L), o + " on " + date);
      }
      // and as DuckDB reads it with hive partitioning
      List<Map<String, Object>> byDate =
          Duck.query(
              "select cast(run_date as varchar) as d, count(*) as n from read_parquet('"
                  + two.resolve(o)
                  + "/*/*.parquet', hive_partitioning = true) group by d order by d");
      for (Map<String, Object> r : byDate) {
        assertEquals(rows.get((String) r.get("d")), ((Number) r.get("n")).longValue(), o);
      }
    }
  }

  @Test
  void jsonLinesAndParquetInputsGiveTheSameTargetsAsCsv() throws IOException {
    Path in = tmp.resolve("formats");
    writeChainAndOpportunities(in);
    StringBuilder jsonl = new StringBuilder();
    for (Map<String, String> e : enterprises()) {
      ObjectNode n = JSON.createObjectNode();
      for (Map.Entry<String, String> kv : e.entrySet()) {
        var spec = InputTable.ENTERPRISES.column(kv.getKey()).orElseThrow();
        switch (spec.type()) {
          case STRING_ARRAY -> {
            var arr = n.putArray(kv.getKey());
            for (String s : kv.getValue().split(";")) {
              arr.add(s);
            }
          }
          case DOUBLE -> n.put(kv.getKey(), Double.parseDouble(kv.getValue()));
          default -> n.put(kv.getKey(), kv.getValue());
        }
      }
      jsonl.append(JSON.writeValueAsString(n)).append('\n');
    }
    Fixtures.write(in, "enterprises.jsonl", jsonl.toString());
    StructType zoneSchema =
        new StructType()
            .add("zone_id", DataTypes.StringType)
            .add("name_zh", DataTypes.StringType)
            .add("ecosystem", DataTypes.StringType)
            .add("lead_industries", DataTypes.createArrayType(DataTypes.StringType))
            .add("latitude", DataTypes.DoubleType)
            .add("longitude", DataTypes.DoubleType)
            .add("extra_column", DataTypes.IntegerType);
    List<Row> zoneRows = new ArrayList<>();
    for (Map<String, String> z : zones()) {
      zoneRows.add(
          RowFactory.create(
              z.get("zone_id"),
              z.get("name_zh"),
              z.get("ecosystem"),
              z.get("lead_industries").split(";"),
              Double.parseDouble(z.get("latitude")),
              Double.parseDouble(z.get("longitude")),
              7));
    }
    Dataset<Row> zonesDf = SharedSpark.get().createDataFrame(zoneRows, zoneSchema);
    zonesDf.coalesce(1).write().parquet(in.resolve("zones").toString());
    Path o = tmp.resolve("formats-out");
    assertEquals(0, run(args(in, o, DATE, config)), lastErr);
    assertEquals(targets(out, DATE), targets(o, DATE));
    assertEquals("jsonl", manifest(o, DATE).at("/inputs/enterprises/format").asText());
    assertEquals("parquet", manifest(o, DATE).at("/inputs/zones/format").asText());
  }

  @Test
  void aMissingRequiredColumnFailsBeforeAnyWorkNamingFileAndColumn() throws IOException {
    Path in = tmp.resolve("no-column");
    writeInputs(in);
    Fixtures.write(in, "zones.csv", "zone_id,name_zh,lead_industries\nZ_AERO,园,3741\n");
    Path o = tmp.resolve("no-column-out");
    assertEquals(3, run(args(in, o, DATE, config)));
    assertTrue(lastErr.contains("zones.csv") && lastErr.contains("ecosystem"), lastErr);
    assertFalse(Files.exists(o.resolve("targets")), "nothing published");
    assertFailureManifest(o, "input_contract_violated");
  }

  @Test
  void aMissingTableFailsWithCode3() throws IOException {
    Path in = tmp.resolve("no-table");
    writeInputs(in);
    Files.delete(in.resolve("zone_chain.csv"));
    Path o = tmp.resolve("no-table-out");
    assertEquals(3, run(args(in, o, DATE, config)));
    assertTrue(lastErr.contains("zone_chain"), lastErr);
    assertFailureManifest(o, "input_contract_violated");
  }

  @Test
  void aQuarantineShareAboveTheLimitFailsAndKeepsTheEarlierPublication() throws IOException {
    Path o = tmp.resolve("limit-out");
    assertEquals(0, run(args(inputs, o, DATE, config)), lastErr);
    List<Map<String, Object>> before = targets(o, DATE);
    // the default limit is 5%; 2 of 13 rows is 15%
    assertEquals(3, run(args(inputs, o, DATE, null)));
    assertTrue(lastErr.contains("enterprises.csv") && lastErr.contains("quarantine"), lastErr);
    assertEquals(before, targets(o, DATE), "the earlier publication of the date is intact");
    assertEquals("succeeded", manifest(o, DATE).get("status").asText());
    JsonNode failed = assertFailureManifest(o, "input_contract_violated");
    assertEquals(2, failed.at("/inputs/enterprises/quarantined").asLong());
  }

  @Test
  void badArgumentsAndConfigurationExitWith2() throws IOException {
    assertEquals(2, run("--inputs", inputs.toString(), "--output", tmp.resolve("x").toString()));
    assertTrue(lastErr.contains("--run-date"), lastErr);
    assertEquals(2, run(args(inputs, tmp.resolve("x"), "2026-02-30", null)));
    Path bad = Fixtures.write(tmp, "bad.json", "{\"lists\": {\"top_n\": 10, \"colour\": \"red\"}}");
    assertEquals(2, run(args(inputs, tmp.resolve("x"), DATE, bad)));
    assertTrue(lastErr.contains("colour"), lastErr);
    Path fraction = Fixtures.write(tmp, "fraction.json", "{\"lists\": {\"top_n\": 10.7}}");
    assertEquals(2, run(args(inputs, tmp.resolve("x"), DATE, fraction)));
    assertTrue(lastErr.contains("lists.top_n"), lastErr);
    assertFalse(Files.exists(tmp.resolve("x")), "nothing read, nothing written");
    // an output that is a file, or that cannot be made, before any input is read
    Path file = Fixtures.write(tmp, "output-file", "not a directory");
    Path noInputs = tmp.resolve("no-such-inputs");
    assertEquals(2, run(args(noInputs, file, DATE, null)));
    assertTrue(lastErr.startsWith("nightly: bad_arguments: --output "), lastErr);
    assertTrue(lastErr.contains("is a file"), lastErr);
    assertEquals(2, run(args(noInputs, file.resolve("out"), DATE, null)));
    assertEquals("not a directory", Files.readString(file), "nothing written");
  }

  static JsonNode assertFailureManifest(Path output, String kind) throws IOException {
    Path dir = output.resolve("manifests/failed");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().startsWith("run_date=" + DATE + ".")).toList();
    }
    assertFalse(files.isEmpty(), "a failure manifest in " + dir);
    JsonNode m = JSON.readTree(files.get(files.size() - 1).toFile());
    assertEquals("failed", m.get("status").asText());
    assertEquals(kind, m.at("/failure/kind").asText());
    assertNotNull(m.at("/failure/reason").asText(null));
    assertNull(m.get("outputs").get("targets"), "a failed run publishes no output");
    return m;
  }
}
