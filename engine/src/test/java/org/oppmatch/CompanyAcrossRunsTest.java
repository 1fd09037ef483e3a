package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oppmatch.testing.Fixtures.with;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.feedback.ImportFeedback;
import org.oppmatch.schema.InputTable;
import org.oppmatch.testing.Duck;
import org.oppmatch.testing.Fixtures;
import org.oppmatch.validate.Uscc;

/**
 * Company identity across runs (data-contract.md, version 3) where one company, one lead meets the
 * teams' feedback and the change since the last run. Two nights on the end-to-end fixture with
 * companies of several ids:
 *
 * <ul>
 *   <li>A1 and its CRM copy A1_CRM are one company, listed under A1; its team fills in its workbook
 *       row (signed) and imports it, which names the id the company is listed under;
 *   <li>Q1 and Q2 share a USCC; an outcome (lost) names Q2, the id the company is not listed under;
 *   <li>P1 is listed alone; the next night a newer row of it arrives under P1_NEW;
 *   <li>R1 and R2 share a USCC, listed under R1; the next night R1's row is gone, R2 is still
 *       there.
 * </ul>
 */
class CompanyAcrossRunsTest {
  static final String NIGHT_1 = "2026-11-20";
  static final String NIGHT_2 = "2026-11-21";
  static final String ZONE = "Z_AERO";
  static final String USCC_P = Uscc.withCheckChar("91510100MA6CPPP10");
  static final String USCC_Q = Uscc.withCheckChar("91510100MA6CQQQ10");
  static final String USCC_R = Uscc.withCheckChar("91510100MA6CRRR10");

  @TempDir static Path tmp;
  static Path out;
  static int secondExit;
  static String secondErr;
  static Map<String, Map<String, Object>> night1;
  static Map<String, Map<String, Object>> night2;
  static List<Map<String, Object>> dropped;

  static List<Map<String, String>> firstNight() {
    List<Map<String, String>> rows = new ArrayList<>(NightlyJobEndToEndTest.enterprises());
    rows.add(OneCompanyOneLeadTest.a1FromCrm());
    rows.add(aero("Q1", USCC_Q, "锦江航材有限公司", "2026-05-01"));
    rows.add(aero("Q2", USCC_Q, "锦江航材股份有限公司", "2026-04-01"));
    rows.add(aero("P1", USCC_P, "天府导航有限公司", "2026-01-01"));
    rows.add(aero("R1", USCC_R, "蓉城叶片有限公司", "2026-09-01"));
    rows.add(aero("R2", USCC_R, "蓉城叶片股份有限公司", "2026-02-01"));
    return rows;
  }

  static Map<String, String> aero(String id, String uscc, String name, String updated) {
    return with(
        NightlyJobEndToEndTest.BASE,
        "enterprise_id",
        id,
        "uscc",
        uscc,
        "name",
        name,
        "industry_codes",
        "3741",
        "business_scope",
        "航空零部件",
        "updated_at",
        updated);
  }

  @BeforeAll
  static void twoNightsWithFeedbackBetween() throws IOException {
    Path config = Fixtures.write(tmp, "config.json", "{\"quarantine_limit\": 0.2}");
    Path in1 = tmp.resolve("night1");
    NightlyJobEndToEndTest.writeInputs(in1);
    Fixtures.write(in1, "enterprises.csv", Fixtures.csv(InputTable.ENTERPRISES, firstNight()));
    out = tmp.resolve("out");
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(in1, out, NIGHT_1, config)),
        NightlyJobEndToEndTest.lastErr);
    night1 = leads(NIGHT_1);

    // the team marks the company it sees as A1 signed in its workbook and imports it
    Path in2 = tmp.resolve("night2");
    NightlyJobEndToEndTest.writeInputs(in2);
    Path returned = tmp.resolve("returned.xlsx");
    Files.copy(FeedbackRoundTripTest.workbook(out, NIGHT_1), returned);
    FeedbackRoundTripTest.fillIn(
        returned, Map.of("A1", new Object[] {"已签约", LocalDate.of(2026, 11, 20), 3000.0}));
    Path outcomes = in2.resolve("outcomes.csv");
    ByteArrayOutputStream importErr = new ByteArrayOutputStream();
    int imported =
        ImportFeedback.execute(
            new String[] {returned.toString(), "--outcomes", outcomes.toString()},
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(importErr, true, StandardCharsets.UTF_8));
    assertEquals(0, imported, importErr.toString(StandardCharsets.UTF_8));
    assertTrue(Files.readString(outcomes).contains("\nA1,Z_AERO,signed,2026-11-20,"));
    // another team's CRM names the Q company by its other id
    Files.writeString(
        outcomes,
        Files.readString(outcomes) + "Q2," + ZONE + ",lost,2026-11-20,,\n",
        StandardCharsets.UTF_8);

    // the next night: a newer row of P1 arrives under P1_NEW, R1's row is gone
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, String> r : firstNight()) {
      if (!r.get("enterprise_id").equals("R1")) {
        rows.add(r);
      }
    }
    rows.add(aero("P1_NEW", USCC_P, "天府导航科技有限公司", "2026-11-15"));
    Fixtures.write(in2, "enterprises.csv", Fixtures.csv(InputTable.ENTERPRISES, rows));
    secondExit = NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(in2, out, NIGHT_2, config));
    secondErr = NightlyJobEndToEndTest.lastErr;
    night2 = secondExit == 0 ? leads(NIGHT_2) : Map.of();
    dropped =
        secondExit == 0
            ? Duck.query(
                "select * from "
                    + Duck.parquet(out.resolve("dropped/run_date=" + NIGHT_2))
                    + " order by zone_id, previous_rank")
            : List.of();
  }

  /** The leads of a night by the id they are listed under. */
  static Map<String, Map<String, Object>> leads(String date) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    NightlyJobEndToEndTest.targets(CompanyAcrossRunsTest.out, date)
        .forEach(r -> out.put((String) r.get("enterprise_id"), r));
    return out;
  }

  static Map<String, Object> droppedRow(String enterpriseId) {
    return dropped.stream()
        .filter(d -> enterpriseId.equals(d.get("enterprise_id")))
        .findFirst()
        .orElse(null);
  }

  @Test
  void theFirstNightListsEachCompanyOnceUnderItsNewestRow() {
    assertEquals(List.of("A1", "A1_CRM"), night1.get("A1").get("member_enterprise_ids"));
    assertEquals(List.of("Q1", "Q2"), night1.get("Q1").get("member_enterprise_ids"));
    assertEquals(List.of("R1", "R2"), night1.get("R1").get("member_enterprise_ids"));
    assertEquals(List.of("P1"), night1.get("P1").get("member_enterprise_ids"));
    for (String id : List.of("A1", "Q1", "R1", "P1")) {
      assertEquals(ZONE, night1.get(id).get("zone_id"), id);
    }
  }

  @Test
  void feedbackOnAMergedCompanyRunsTheNextNightAndTakesTheCompanyOffTheLists() {
    assertEquals(0, secondExit, secondErr);
    assertFalse(night2.containsKey("A1"), "signed: on no list");
    assertFalse(night2.containsKey("A1_CRM"), "nor under its other id");
    Map<String, Object> a1 = droppedRow("A1");
    assertNotNull(a1, dropped.toString());
    assertEquals("won", a1.get("reason"));
    assertEquals("A1", a1.get("company_id"));
  }

  @Test
  void anOutcomeNamingAnyIdOfACompanyAppliesToTheCompany() {
    assertFalse(night2.containsKey("Q1") || night2.containsKey("Q2"), night2.keySet().toString());
    Map<String, Object> q = droppedRow("Q1");
    assertNotNull(q, dropped.toString());
    assertEquals("lost", q.get("reason"), "Q2's outcome is Q1's company's");
    assertEquals("Q1", q.get("company_id"));
  }

  @Test
  void aNewerRowOfAListedCompanyKeepsItsIdAndItsPlace() {
    Map<String, Object> p = night2.get("P1");
    assertNotNull(p, "listed under yesterday's id: " + night2.keySet());
    assertFalse(night2.containsKey("P1_NEW"));
    assertEquals(List.of("P1", "P1_NEW"), p.get("member_enterprise_ids"));
    assertEquals("天府导航科技有限公司", p.get("enterprise_name"), "with its newest row's attributes");
    assertEquals(false, p.get("is_new"));
    assertEquals(night1.get("P1").get("rank"), p.get("previous_rank"));
    assertFalse("new".equals(p.get("movement")));
    assertEquals(null, droppedRow("P1"), "not gone");
    Map<String, String> entities = new TreeMap<>();
    Duck.query(
            "select enterprise_id, company_id from "
                + Duck.parquet(out.resolve("entities/run_date=" + NIGHT_2)))
        .forEach(r -> entities.put((String) r.get("enterprise_id"), (String) r.get("company_id")));
    assertEquals("P1", entities.get("P1_NEW"));
    assertEquals("P1", entities.get("P1"));
  }

  @Test
  void aCompanyWhoseListedRowLeftIsStillTheSameCompany() {
    Map<String, Object> r = night2.get("R2");
    assertNotNull(r, night2.keySet().toString());
    assertEquals(List.of("R2"), r.get("member_enterprise_ids"));
    assertEquals(false, r.get("is_new"));
    assertEquals(night1.get("R1").get("rank"), r.get("previous_rank"));
    assertEquals(null, droppedRow("R1"), "R1's company is listed as R2: " + dropped);
  }

  @Test
  void nothingIsCalledGoneThatIsStillHere() {
    assertEquals(0, secondExit, secondErr);
    assertTrue(
        dropped.stream().noneMatch(d -> "enterprise_gone".equals(d.get("reason"))),
        dropped.toString());
    // every lead of the first night is listed in its zone again (same company) or dropped
    for (Map<String, Object> lead : night1.values()) {
      String zone = (String) lead.get("zone_id");
      @SuppressWarnings("unchecked")
      List<String> ids = (List<String>) lead.get("member_enterprise_ids");
      boolean listed =
          night2.values().stream()
              .anyMatch(
                  l ->
                      zone.equals(l.get("zone_id"))
                          && ((List<?>) l.get("member_enterprise_ids"))
                              .stream().anyMatch(ids::contains));
      boolean gone =
          dropped.stream()
              .anyMatch(
                  d ->
                      zone.equals(d.get("zone_id"))
                          && lead.get("enterprise_id").equals(d.get("enterprise_id")));
      assertTrue(
          listed ^ gone, lead.get("enterprise_id") + " listed " + listed + ", dropped " + gone);
    }
  }
}
