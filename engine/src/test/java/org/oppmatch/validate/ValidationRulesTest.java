package org.oppmatch.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oppmatch.testing.Fixtures.row;
import static org.oppmatch.testing.Fixtures.with;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.oppmatch.config.JobConfig;
import org.oppmatch.publish.Manifest;
import org.oppmatch.schema.InputTable;
import org.oppmatch.stage.EnterpriseInput;
import org.oppmatch.stage.ReferenceData;
import org.oppmatch.stage.RunInputs;
import org.oppmatch.stage.RunResources;
import org.oppmatch.testing.Fixtures;
import org.oppmatch.testing.SharedSpark;

/**
 * Every rule of data-contract.md with a row that breaks it: the row must be quarantined under that
 * rule's name, and the good rows beside it accepted. All rows are validated by the job's own
 * stages, in one pass per table, so the rules are also shown not to disturb each other.
 */
class ValidationRulesTest {
  static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);

  @TempDir static Path dir;

  /** record_key to rule, over every table. */
  static final Map<String, String> RULE_OF = new HashMap<>();

  /** The raw_row of each quarantined row, by table#row_number. */
  static final Map<String, String> RAW_OF = new HashMap<>();

  static final Map<InputTable, long[]> COUNTS = new EnumMap<>(InputTable.class);

  static final Map<String, String> ENTERPRISE =
      row(
          "enterprise_id", "E_OK",
          "uscc", "91350100M000100Y43",
          "name", "成都好企业有限公司",
          "country", "CN",
          "city", "成都",
          "latitude", "30.6",
          "longitude", "104.0",
          "industry_codes", "3741;3744",
          "revenue_cny", "1000000",
          "employees", "50",
          "founded_year", "2010",
          "rd_ratio", "0.05",
          "tags", "high_tech;listed",
          "signals", "expansion:2026-10-01",
          "local_presence", "true",
          "updated_at", "2026-01-01");

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("E_BLANK_NAME", "missing_required"),
        Arguments.of("E_NO_CODES", "missing_required"),
        Arguments.of("E_EMPLOYEES_TEXT", "bad_type"),
        Arguments.of("E_LAT_TEXT", "bad_type"),
        Arguments.of("E_PRESENCE_TEXT", "bad_type"),
        Arguments.of("E_DATE_TEXT", "bad_type"),
        Arguments.of("E_USCC", "invalid_uscc"),
        Arguments.of("E_USCC_SHORT", "invalid_uscc"),
        Arguments.of("E_COUNTRY", "invalid_country"),
        Arguments.of("E_HALF_COORD", "invalid_coordinates"),
        Arguments.of("E_LAT_RANGE", "invalid_coordinates"),
        Arguments.of("E_CODE", "invalid_industry_code"),
        Arguments.of("E_CODE_LETTERS", "invalid_industry_code"),
        Arguments.of("E_REVENUE", "negative_value"),
        Arguments.of("E_NAN", "bad_type"),
        Arguments.of("E_INF", "bad_type"),
        Arguments.of("E_NEG_INF", "bad_type"),
        Arguments.of("E_HUGE", "bad_type"),
        Arguments.of("E_BELL", "control_character"),
        Arguments.of("E_NEWLINE_NAME", "control_character"),
        Arguments.of("O_CTRL", "control_character"),
        Arguments.of("E_PATENTS", "negative_value"),
        Arguments.of("E_RD", "out_of_range"),
        Arguments.of("E_FUTURE", "future_year"),
        Arguments.of("E_TAG", "unknown_tag"),
        Arguments.of("E_SIGNAL", "invalid_signal"),
        Arguments.of("E_SIGNAL_KIND", "invalid_signal"),
        Arguments.of("E_DUP", "duplicate_id"),
        Arguments.of("Z_LAT", "invalid_coordinates"),
        Arguments.of("Z_LAND", "negative_value"),
        Arguments.of("Z_LEAD", "invalid_industry_code"),
        Arguments.of("Z_NO_ECO", "missing_required"),
        Arguments.of("Z_DUP", "duplicate_id"),
        Arguments.of("N_POS", "invalid_position"),
        Arguments.of("N_NO_NAME", "missing_required"),
        Arguments.of("Z_GHOST/N_OK", "unknown_zone"),
        Arguments.of("Z_OK/N_GHOST", "unknown_node"),
        Arguments.of("Z_OK/N_STATUS", "invalid_status"),
        Arguments.of("Z_OK/N_PRIO", "out_of_range"),
        Arguments.of("Z_OK/N_TWICE", "duplicate_id"),
        Arguments.of("O_ZONE", "unknown_zone"),
        Arguments.of("O_BUDGET", "negative_value"),
        Arguments.of("O_DEADLINE", "bad_type"),
        Arguments.of("O_NO_DESC", "missing_required"),
        Arguments.of("O_KEYWORDS_OBJECT", "bad_type"),
        Arguments.of("O_DUP", "duplicate_id"),
        Arguments.of("E_OC/Z_OK", "invalid_stage"),
        Arguments.of("E_OC2/Z_OK", "missing_required"));
  }

  @BeforeAll
  static void validateFixture() {
    List<Map<String, String>> ents = new ArrayList<>();
    ents.add(ENTERPRISE);
    ents.add(
        with(ENTERPRISE, "enterprise_id", "E_OK2", "uscc", "", "latitude", "", "longitude", ""));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_BLANK_NAME", "name", "   "));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_NO_CODES", "industry_codes", " ; "));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_NO_COUNTRY", "country", ""));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_EMPLOYEES_TEXT", "employees", "about 50"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_LAT_TEXT", "latitude", "north"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_PRESENCE_TEXT", "local_presence", "maybe"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_DATE_TEXT", "updated_at", "yesterday"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_USCC", "uscc", "91350100M000100Y44"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_USCC_SHORT", "uscc", "9135010"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_COUNTRY", "country", "China"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_HALF_COORD", "longitude", ""));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_LAT_RANGE", "latitude", "95"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_CODE", "industry_codes", "3741;9999"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_CODE_LETTERS", "industry_codes", "ABCD"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_REVENUE", "revenue_cny", "-1"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_NAN", "revenue_cny", "NaN"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_INF", "registered_capital_cny", "Infinity"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_NEG_INF", "rd_ratio", "-Infinity"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_HUGE", "revenue_cny", "1e400"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_BELL", "name", "响铃\u0007公司"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_NEWLINE_NAME", "name", "两行\n公司"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_PATENTS", "patents", "-3"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_RD", "rd_ratio", "1.7"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_FUTURE", "founded_year", "2099"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_TAG", "tags", "listed;bogus_tag"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_SIGNAL", "signals", "expansion:2026/13/40"));
    ents.add(with(ENTERPRISE, "enterprise_id", "E_SIGNAL_KIND", "signals", "party:2026-01-01"));
    ents.add(
        with(ENTERPRISE, "enterprise_id", "E_DUP", "updated_at", "2026-03-01", "name", "newest"));
    ents.add(
        with(ENTERPRISE, "enterprise_id", "E_DUP", "updated_at", "2025-03-01", "name", "older"));
    Fixtures.write(
        dir,
        "enterprises.csv",
        Fixtures.csv(InputTable.ENTERPRISES, ents)
            + "E_MALFORMED,too,many,fields,here,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u\n");

    Map<String, String> zone =
        row(
            "zone_id",
            "Z_OK",
            "name_zh",
            "好园区",
            "ecosystem",
            "aerospace",
            "lead_industries",
            "3741;374");
    Fixtures.write(
        dir,
        "zones.csv",
        Fixtures.csv(
            InputTable.ZONES,
            List.of(
                zone,
                with(zone, "zone_id", "Z_LAT", "latitude", "100", "longitude", "104"),
                with(zone, "zone_id", "Z_LAND", "land_ha_available", "-5"),
                with(zone, "zone_id", "Z_LEAD", "lead_industries", "37;AB"),
                with(zone, "zone_id", "Z_NO_ECO", "ecosystem", " "),
                with(zone, "zone_id", "Z_DUP"),
                with(zone, "zone_id", "Z_DUP", "name_zh", "second"))));

    Map<String, String> node =
        row(
            "node_id",
            "N_OK",
            "ecosystem",
            "aerospace",
            "name_zh",
            "航空发动机",
            "position",
            "midstream",
            "industry_codes",
            "3741");
    Fixtures.write(
        dir,
        "chain_nodes.csv",
        Fixtures.csv(
            InputTable.CHAIN_NODES,
            List.of(
                node,
                with(node, "node_id", "N_STATUS"),
                with(node, "node_id", "N_PRIO"),
                with(node, "node_id", "N_TWICE"),
                with(node, "node_id", "N_POS", "position", "sideways"),
                with(node, "node_id", "N_NO_NAME", "name_zh", ""))));

    Fixtures.write(
        dir,
        "zone_chain.csv",
        Fixtures.csv(
            InputTable.ZONE_CHAIN,
            List.of(
                row("zone_id", "Z_OK", "node_id", "N_OK", "status", "Missing", "priority", "1"),
                row("zone_id", "Z_GHOST", "node_id", "N_OK", "status", "weak"),
                row("zone_id", "Z_OK", "node_id", "N_GHOST", "status", "weak"),
                row("zone_id", "Z_OK", "node_id", "N_STATUS", "status", "absent"),
                row("zone_id", "Z_OK", "node_id", "N_PRIO", "status", "weak", "priority", "9"),
                // the pair (zone_id, node_id) twice: the first row is kept
                row("zone_id", "Z_OK", "node_id", "N_TWICE", "status", "weak", "priority", "2"),
                row("zone_id", "Z_OK", "node_id", "N_TWICE", "status", "strong"))));

    String opp =
        "{\"opportunity_id\":\"%s\",\"title\":\"场景\",\"zone_id\":\"%s\",\"description\":%s,"
            + "\"keywords\":%s,\"budget_cny\":%s,\"deadline\":\"%s\"}\n";
    String opportunities =
        String.format(opp, "O_OK", "Z_OK", "\"需求\"", "[\"涡轮\"]", "1000000", "2026-12-31")
            + String.format(opp, "O_ZONE", "Z_GHOST", "\"需求\"", "[]", "1", "2026-12-31")
            + String.format(opp, "O_BUDGET", "Z_OK", "\"需求\"", "[]", "-5", "2026-12-31")
            + String.format(opp, "O_DEADLINE", "Z_OK", "\"需求\"", "[]", "1", "someday")
            + String.format(opp, "O_NO_DESC", "Z_OK", "null", "[]", "1", "2026-12-31")
            + String.format(
                opp, "O_KEYWORDS_OBJECT", "Z_OK", "\"需求\"", "{\"a\":1}", "1", "2026-12-31")
            + String.format(opp, "O_DUP", "Z_OK", "\"需求\"", "[]", "1", "2026-12-31")
            + String.format(opp, "O_DUP", "Z_OK", "\"需求\"", "[]", "2", "2026-12-31")
            + "{\"opportunity_id\": \"O_BROKEN\", \"title\": \n"
            + "\n"
            + "[1, 2]\n"
            // a line break is text in a description, a control character in a title
            + String.format(opp, "O_LINES", "Z_OK", "\"两行\\n需求\"", "[]", "1", "2026-12-31")
            + String.format(opp, "O_CTRL", "Z_OK", "\"需求\"", "[]", "1", "2026-12-31")
                .replace("\"场景\"", "\"场\\u0001景\"");
    Fixtures.write(dir, "opportunities.jsonl", opportunities);

    Fixtures.write(
        dir,
        "outcomes.csv",
        Fixtures.csv(
            InputTable.OUTCOMES,
            List.of(
                row(
                    "enterprise_id",
                    "E_OK",
                    "zone_id",
                    "Z_OK",
                    "stage",
                    "visited",
                    "stage_date",
                    "2026-10-01"),
                row(
                    "enterprise_id",
                    "E_OC",
                    "zone_id",
                    "Z_OK",
                    "stage",
                    "won",
                    "stage_date",
                    "2026-10-01"),
                row("enterprise_id", "E_OC2", "zone_id", "Z_OK", "stage", "signed"))));

    // as the job validates: the reference tables on the driver, the enterprises in one pass
    SparkSession spark = SharedSpark.get();
    JobConfig config = new JobConfig();
    RunInputs inputs = RunInputs.locate(spark, dir.toString(), config);
    ReferenceData reference = ReferenceData.read(spark, inputs, config, RUN_DATE);
    try (RunResources resources = new RunResources(spark)) {
      EnterpriseInput enterprises =
          EnterpriseInput.read(spark, inputs, reference, RUN_DATE, resources);
      org.oppmatch.stage.PoolStatistics.compute(enterprises, reference, config);
      Manifest manifest = new Manifest(RUN_DATE, "test", java.time.Instant.now());
      enterprises.countInto(manifest);
      reference.countInto(manifest);
      List<Row> q = new ArrayList<>(enterprises.quarantine().collectAsList());
      ENTERPRISE_QUARANTINE.addAll(q);
      FIXTURE = new Fixture(config, inputs, reference);
      q.addAll(reference.quarantine());
      // the quarantine's columns by position (Validation.QUARANTINE): the reference tables' rows
      // are made on the driver, without a schema
      for (Row r : q) {
        String table = r.getString(0);
        String rule = r.getString(1);
        long line = r.getLong(5);
        String key = r.getString(6);
        RULE_OF.put(key == null ? "line " + line : key, rule);
        RULE_OF.put(table + "#" + line, rule);
        RAW_OF.put(table + "#" + line, r.getString(7));
      }
      manifest
          .inputs()
          .forEach(
              (table, c) ->
                  COUNTS.put(
                      InputTable.byName(table).orElseThrow(),
                      new long[] {c.rowsRead(), c.accepted(), c.quarantined()}));
      for (Row r : enterprises.validated().filter("enterprise_id = 'E_DUP'").collectAsList()) {
        if (!enterprises.duplicates().isLoser("E_DUP", r.getString(0), r.getLong(1))) {
          KEPT_DUPLICATE.add(r.getAs("name"));
        }
      }
    }
  }

  /** The name of the E_DUP row that was kept. */
  static final List<String> KEPT_DUPLICATE = new ArrayList<>();

  /** The enterprises' quarantine rows, in order. */
  static final List<Row> ENTERPRISE_QUARANTINE = new ArrayList<>();

  record Fixture(JobConfig config, RunInputs inputs, ReferenceData reference) {}

  static Fixture FIXTURE;

  @Test
  void aLargeTextInputIsQuarantinedAsASmallOne() {
    // beyond the small size the rows are validated again into the cache, keeping the text of the
    // rows whose id repeats: the same quarantine, rows and raw text, as the small input's
    System.setProperty(EnterpriseInput.SMALL_TEXT_PROPERTY, "0");
    SparkSession spark = SharedSpark.get();
    try (RunResources resources = new RunResources(spark)) {
      EnterpriseInput large =
          EnterpriseInput.read(spark, FIXTURE.inputs(), FIXTURE.reference(), RUN_DATE, resources);
      org.oppmatch.stage.PoolStatistics.compute(large, FIXTURE.reference(), FIXTURE.config());
      List<Row> q = large.quarantine().collectAsList();
      assertTrue(q.stream().anyMatch(r -> "duplicate_id".equals(r.getString(1))), q.toString());
      assertEquals(ENTERPRISE_QUARANTINE, q);
    } finally {
      System.clearProperty(EnterpriseInput.SMALL_TEXT_PROPERTY);
    }
  }

  @Test
  void everyQuarantinedRowKeepsItsRawRowDuplicatesToo() {
    assertFalse(RAW_OF.isEmpty());
    RAW_OF.forEach((at, raw) -> assertNotNull(raw, "raw_row of " + at));
    // a duplicate's raw text is its own row's, not the kept row's
    assertTrue(
        RAW_OF.get("enterprises#33").contains("E_DUP"), "the duplicate's own raw line: " + RAW_OF);
    assertTrue(
        RAW_OF.get("opportunities#8").contains("O_DUP"),
        "the duplicate's own raw record: " + RAW_OF);
  }

  @ParameterizedTest(name = "{0} is quarantined as {1}")
  @MethodSource("cases")
  void aRowBreakingARuleIsQuarantinedUnderItsName(String key, String rule) {
    assertEquals(rule, RULE_OF.get(key), "rule of " + key + "; all: " + RULE_OF);
  }

  @Test
  void malformedLinesAreQuarantinedWithoutTheirNeighbours() {
    // the CSV line with too many fields follows the 25 rows (header is line 1)
    assertEquals("malformed", RULE_OF.get("enterprises#34"));
    assertEquals("duplicate_id", RULE_OF.get("enterprises#33"), "the line before is unharmed");
    // JSON Lines: a record cut off at the end of its line, and [1, 2] (not an object) after a
    // blank line, are malformed on their own lines
    assertEquals("malformed", RULE_OF.get("opportunities#9"), "all: " + RULE_OF);
    assertEquals("malformed", RULE_OF.get("opportunities#11"), "all: " + RULE_OF);
    assertEquals("duplicate_id", RULE_OF.get("opportunities#8"), "the line before is unharmed");
  }

  @Test
  void rowsReadEqualAcceptedPlusQuarantined() {
    assertEquals(6, COUNTS.size(), "every table counted");
    COUNTS.forEach(
        (t, c) ->
            assertEquals(c[0], c[1] + c[2], t.tableName() + " read = accepted + quarantined"));
    assertEquals(
        3,
        COUNTS.get(InputTable.ENTERPRISES)[1] - 1,
        "E_OK, E_OK2, E_NO_COUNTRY (CN when none is given, version 3) and the newest E_DUP");
  }

  @Test
  void aRepeatedZoneAndNodeKeepsTheFirstRow() {
    ReferenceData.Table zc = FIXTURE.reference().table(InputTable.ZONE_CHAIN);
    List<String> kept = new ArrayList<>();
    for (var c : zc.accepted()) {
      if ("N_TWICE".equals(zc.value(c, "node_id"))) {
        kept.add((String) zc.value(c, "status"));
      }
    }
    assertEquals(List.of("weak"), kept, "the first row's status");
    Row q =
        zc.quarantine().stream()
            .filter(r -> "duplicate_id".equals(r.getString(1)))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "duplicate_id: (zone_id, node_id) 'Z_OK, N_TWICE' appears again; the first row is kept",
        q.getString(3));
  }

  @Test
  void duplicateKeepsTheNewestUpdatedAt() {
    assertEquals(List.of("newest"), KEPT_DUPLICATE);
  }

  @Test
  void vocabularyIsCaseInsensitiveAndUnknownCodesNeedTheTable() {
    assertTrue(!RULE_OF.containsKey("Z_OK/N_OK"), "status 'Missing' is accepted as missing");
    Set<String> table = Set.of("3741", "374", "37");
    assertTrue(IndustryCodes.isValid("37", Set.of()) && IndustryCodes.isValid("37", table));
    assertTrue(IndustryCodes.isValid("3741", Set.of()) && IndustryCodes.isValid("3741", table));
    assertTrue(IndustryCodes.isValid("3798", Set.of()), "the shape alone: 2-4 digits, major 01-97");
    assertFalse(IndustryCodes.isValid("3798", table), "not a class of the table");
    assertFalse(IndustryCodes.isValid("9812", Set.of()), "major class 98 does not exist");
    assertFalse(IndustryCodes.isValid("3", Set.of()));
  }
}
