package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.schema.InputTable;
import org.oppmatch.testing.Duck;
import org.oppmatch.testing.Fixtures;
import org.oppmatch.validate.Uscc;

/**
 * One company, one lead (data-contract.md, version 2) on the end-to-end fixture with rows that are
 * one company under several ids, and rows that only look alike.
 */
class OneCompanyOneLeadTest {
  static final String DATE = NightlyJobEndToEndTest.DATE;
  static final String USCC_U = Uscc.withCheckChar("91510100MA6CUUU10");
  static final String USCC_D1 = Uscc.withCheckChar("91510100MA6CDDD10");
  static final String USCC_D2 = Uscc.withCheckChar("91510100MA6CDDD20");

  @TempDir static Path tmp;
  static Path out;
  static Map<String, Map<String, Object>> leads;

  @BeforeAll
  static void run() {
    Path in = tmp.resolve("in");
    NightlyJobEndToEndTest.writeInputs(in);
    List<Map<String, String>> rows = new ArrayList<>(NightlyJobEndToEndTest.enterprises());
    Map<String, String> base = NightlyJobEndToEndTest.BASE;
    rows.add(a1FromCrm());
    // one USCC, two ids and two names: one company, under the newer row
    rows.add(
        Fixtures.with(
            base,
            "enterprise_id",
            "U1",
            "name",
            "旧名航空有限公司",
            "uscc",
            USCC_U,
            "industry_codes",
            "3741",
            "updated_at",
            "2024-01-01"));
    rows.add(
        Fixtures.with(
            base,
            "enterprise_id",
            "U2",
            "name",
            "新名航空有限公司",
            "uscc",
            USCC_U,
            "industry_codes",
            "3741",
            "updated_at",
            "2026-01-01"));
    // the same name under two USCCs: two companies
    rows.add(
        Fixtures.with(
            base,
            "enterprise_id",
            "D1",
            "name",
            "同名叶片有限公司",
            "uscc",
            USCC_D1,
            "industry_codes",
            "3741"));
    rows.add(
        Fixtures.with(
            base,
            "enterprise_id",
            "D2",
            "name",
            "同名叶片有限公司",
            "uscc",
            USCC_D2,
            "industry_codes",
            "3741"));
    // the same name without USCCs, in another city and another industry: two companies
    rows.add(
        Fixtures.with(base, "enterprise_id", "S1", "name", "远方涡轮有限公司", "industry_codes", "3741"));
    rows.add(
        Fixtures.with(
            base,
            "enterprise_id",
            "S2",
            "name",
            "远方涡轮有限公司",
            "industry_codes",
            "3973",
            "city",
            "上海",
            "province",
            "上海市",
            "latitude",
            "31.23",
            "longitude",
            "121.47"));
    Fixtures.write(in, "enterprises.csv", Fixtures.csv(InputTable.ENTERPRISES, rows));
    Path config = Fixtures.write(tmp, "config.json", "{\"quarantine_limit\": 0.2}");
    out = tmp.resolve("out");
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(in, out, DATE, config)),
        NightlyJobEndToEndTest.lastErr);
    leads = new TreeMap<>();
    NightlyJobEndToEndTest.targets(out, DATE)
        .forEach(r -> leads.put((String) r.get("enterprise_id"), r));
    // the same input the way a large pool goes: its blocks and companies over several partitions
    spread = tmp.resolve("spread");
    System.setProperty(org.oppmatch.resolve.CompanyMerge.PARTITIONS_PROPERTY, "3");
    try {
      assertEquals(
          0,
          NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(in, spread, DATE, config)),
          NightlyJobEndToEndTest.lastErr);
    } finally {
      System.clearProperty(org.oppmatch.resolve.CompanyMerge.PARTITIONS_PROPERTY);
    }
  }

  static Path spread;

  /** A1 again, from a CRM export: a name variant without a USCC, older, with a tag of its own. */
  static Map<String, String> a1FromCrm() {
    return Fixtures.with(
        NightlyJobEndToEndTest.BASE,
        "enterprise_id",
        "A1_CRM",
        "name",
        "涡轮动力有限公司（成都）",
        "industry_codes",
        "3741",
        "tags",
        "chain_leader",
        "updated_at",
        "2025-01-01");
  }

  @Test
  void aLargePoolsWayGivesTheSameCompaniesAndLists() throws Exception {
    String q = "select enterprise_id, company_id, rule from %s order by enterprise_id";
    assertEquals(
        Duck.query(String.format(q, Duck.parquet(out.resolve("entities/run_date=" + DATE)))),
        Duck.query(String.format(q, Duck.parquet(spread.resolve("entities/run_date=" + DATE)))));
    String t =
        "select zone_id, rank, enterprise_id, score, member_enterprise_ids from %s"
            + " order by zone_id, rank";
    assertEquals(
        Duck.query(String.format(t, Duck.parquet(out.resolve("targets/run_date=" + DATE)))),
        Duck.query(String.format(t, Duck.parquet(spread.resolve("targets/run_date=" + DATE)))));
  }

  @Test
  void aCompanyIsListedOnceUnderItsNewestRowWithEveryIdAndTag() {
    assertFalse(leads.containsKey("A1_CRM"));
    assertEquals(List.of("A1", "A1_CRM"), leads.get("A1").get("member_enterprise_ids"));
    assertTrue(
        ((List<?>) leads.get("A1").get("reasons")).contains("TAG:chain_leader"),
        "the CRM row's tag counts for the company");
    assertFalse(leads.containsKey("U1"));
    assertEquals(List.of("U2", "U1"), leads.get("U2").get("member_enterprise_ids"));
    for (String alone : List.of("D1", "D2", "S1", "A3")) {
      if (leads.containsKey(alone)) {
        assertEquals(List.of(alone), leads.get(alone).get("member_enterprise_ids"), alone);
      }
    }
    assertTrue(leads.containsKey("D1") && leads.containsKey("D2"), "two USCCs, two companies");
  }

  @Test
  void entitiesMapEveryAcceptedIdToItsCompanyWithTheRule() throws Exception {
    Map<String, String> rule = new TreeMap<>();
    Map<String, String> company = new TreeMap<>();
    for (Map<String, Object> r :
        Duck.query(
            "select enterprise_id, company_id, rule from "
                + Duck.parquet(out.resolve("entities/run_date=" + DATE)))) {
      company.put((String) r.get("enterprise_id"), (String) r.get("company_id"));
      rule.put((String) r.get("enterprise_id"), String.valueOf(r.get("rule")));
    }
    assertEquals("A1", company.get("A1_CRM"));
    assertEquals("same_name_and_city", rule.get("A1_CRM"));
    assertEquals("U2", company.get("U1"));
    assertEquals("same_uscc", rule.get("U1"));
    for (String self : List.of("A1", "U2", "D1", "D2", "S1", "S2")) {
      assertEquals(self, company.get(self), self);
      assertEquals("null", rule.get(self), self);
    }
    JsonNode manifest =
        NightlyJobEndToEndTest.JSON.readTree(
            out.resolve("manifests/run_date=" + DATE + ".json").toFile());
    long rows = manifest.path("companies").path("rows").asLong();
    assertEquals(company.size(), rows, "one entities row per accepted enterprise row");
    assertEquals(2, manifest.path("companies").path("merges").asLong());
    assertEquals(rows - 2, manifest.path("companies").path("companies").asLong());
    assertEquals(
        rows,
        manifest.path("inputs").path("enterprises").path("accepted").asLong(),
        "merging loses no row");
  }
}
