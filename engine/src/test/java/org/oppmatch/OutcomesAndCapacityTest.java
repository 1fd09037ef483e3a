package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.schema.InputTable;
import org.oppmatch.testing.Duck;
import org.oppmatch.testing.Fixtures;

/**
 * Version 2 of the data contract on the end-to-end fixture: what the outcomes of earlier leads do
 * to the lists (won, lost, first report owns the lead), and allocation with capacities (an
 * enterprise that misses its best zone's full list goes to the zone it fits next).
 */
class OutcomesAndCapacityTest {
  static final String DATE = NightlyJobEndToEndTest.DATE;

  @TempDir static Path tmp;

  /** Every list as published without outcomes, with room for every lead. */
  static Map<String, Map<String, Object>> unbounded;

  static Path withOutcomes;

  /** With a third zone that also looks for 3973, far away: without a cap, then CAP per zone. */
  static Map<String, Map<String, Object>> spareUnbounded;

  static Path capped;

  static final int CAP = 1;

  static Map<String, String> outcome(String enterprise, String zone, String stage, String date) {
    return Fixtures.row(
        "enterprise_id", enterprise, "zone_id", zone, "stage", stage, "stage_date", date);
  }

  @BeforeAll
  static void runThree() {
    Path plain = tmp.resolve("plain");
    NightlyJobEndToEndTest.writeInputs(plain);
    Path lenient = Fixtures.write(tmp, "lenient.json", "{\"quarantine_limit\": 0.4}");
    Path out = tmp.resolve("unbounded");
    assertEquals(
        0, NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(plain, out, DATE, lenient)));
    unbounded = byEnterprise(NightlyJobEndToEndTest.targets(out, DATE));

    Path in = tmp.resolve("outcomes");
    NightlyJobEndToEndTest.writeInputs(in);
    Fixtures.write(
        in,
        "outcomes.csv",
        Fixtures.csv(
            InputTable.OUTCOMES,
            List.of(
                outcome("A1", "Z_AERO", "contacted", "2026-01-10"),
                outcome("A1", "Z_AERO", "signed", "2026-06-01"),
                outcome("A2", "Z_AERO", "lost", "2026-10-01"),
                outcome("A3", "Z_AERO", "lost", "2025-10-01"),
                outcome("X1", "Z_AERO", "contacted", "2026-11-01"),
                outcome("X1", "Z_AERO", "visited", "2026-11-10"),
                outcome("X1", "Z_CHIP", "contacted", "2026-11-05"),
                outcome("C2", "Z_CHIP", "contacted", "2026-03-01"),
                outcome("C1", "Z_NOPE", "contacted", "2026-11-01"),
                outcome("C1", "Z_CHIP", "negotiating", "2026-11-21"))));
    withOutcomes = tmp.resolve("with-outcomes");
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(in, withOutcomes, DATE, lenient)),
        NightlyJobEndToEndTest.lastErr);

    Path spare = tmp.resolve("spare");
    NightlyJobEndToEndTest.writeInputs(spare);
    List<Map<String, String>> zones = new java.util.ArrayList<>(NightlyJobEndToEndTest.zones());
    zones.add(
        Fixtures.row(
            "zone_id",
            "Z_SPARE",
            "name_zh",
            "深圳飞地园",
            "ecosystem",
            "electronic_info",
            "lead_industries",
            "3973",
            "latitude",
            "22.54",
            "longitude",
            "114.06"));
    Fixtures.write(spare, "zones.csv", Fixtures.csv(InputTable.ZONES, zones));
    // its wafer node is as weak as Z_CHIP's: every chip firm fits it next, a little lower (farther)
    String chain =
        Fixtures.csv(
            InputTable.ZONE_CHAIN,
            List.of(
                Fixtures.row(
                    "zone_id", "Z_SPARE", "node_id", "EI_FAB", "status", "weak", "priority", "2")));
    try {
      java.nio.file.Files.writeString(
          spare.resolve("zone_chain.csv"),
          chain.substring(chain.indexOf('\n') + 1),
          java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Path spareOut = tmp.resolve("spare-unbounded");
    assertEquals(
        0, NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(spare, spareOut, DATE, lenient)));
    spareUnbounded = byEnterprise(NightlyJobEndToEndTest.targets(spareOut, DATE));
    Path cap =
        Fixtures.write(
            tmp, "cap.json", "{\"quarantine_limit\": 0.4, \"lists\": {\"top_n\": " + CAP + "}}");
    capped = tmp.resolve("capped");
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(spare, capped, DATE, cap)),
        NightlyJobEndToEndTest.lastErr);
  }

  static Map<String, Map<String, Object>> byEnterprise(List<Map<String, Object>> rows) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    rows.forEach(r -> assertNull(out.put((String) r.get("enterprise_id"), r), "one list each"));
    return out;
  }

  static List<String> list(Path out, String zone) {
    return NightlyJobEndToEndTest.targets(out, DATE).stream()
        .filter(r -> zone.equals(r.get("zone_id")))
        .map(r -> (String) r.get("enterprise_id"))
        .toList();
  }

  @Test
  void wonAndRecentlyLostEnterprisesAreOnNoListAnOldLossIsForgotten() {
    for (String e : List.of("A1", "A2", "A3", "X1", "C1", "C2")) {
      assertTrue(unbounded.containsKey(e), e + " is a lead without outcomes");
    }
    Map<String, Map<String, Object>> now =
        byEnterprise(NightlyJobEndToEndTest.targets(withOutcomes, DATE));
    assertFalse(now.containsKey("A1"), "signed with Z_AERO: won");
    assertFalse(now.containsKey("A2"), "lost 50 days ago: in the cool-down");
    assertEquals("Z_AERO", now.get("A3").get("zone_id"), "lost 415 days ago: a lead again");
    assertNull(now.get("A3").get("engagement_stage"));
    // A1 led Z_AERO's list; without A1 and A2 the others move up in the same order
    List<String> before = list(tmp.resolve("unbounded"), "Z_AERO");
    List<String> expected =
        before.stream()
            .filter(e -> !e.equals("A1") && !e.equals("A2"))
            .collect(Collectors.toList());
    expected.add(0, "X1"); // see the next test: X1 now belongs to Z_AERO, and scores above A3
    List<String> aero = list(withOutcomes, "Z_AERO");
    assertEquals(expected.size(), aero.size(), aero.toString());
    assertEquals(
        expected.stream().filter(e -> !e.equals("X1")).toList(),
        aero.stream().filter(e -> !e.equals("X1")).toList());
  }

  @Test
  void theZoneThatReportedFirstOwnsTheLeadAndNoOtherZoneSeesIt() {
    Map<String, Map<String, Object>> now =
        byEnterprise(NightlyJobEndToEndTest.targets(withOutcomes, DATE));
    Map<String, Object> x1 = now.get("X1");
    // X1 fits Z_CHIP best, but Z_AERO contacted it on 11-01, four days before Z_CHIP
    assertEquals("Z_CHIP", unbounded.get("X1").get("zone_id"));
    assertEquals("Z_AERO", x1.get("zone_id"));
    assertEquals("visited", x1.get("engagement_stage"), "the owner's latest stage");
    assertEquals(LocalDate.of(2026, 11, 1), x1.get("engagement_since"));
    assertTrue(((List<?>) x1.get("reasons")).get(0).toString().startsWith("ENGAGED:visited@"));
    assertTrue(
        ((String) x1.get("explanation")).startsWith("本园区于2026-11-01首次对接，目前已走访；"),
        (String) x1.get("explanation"));
    assertFalse(list(withOutcomes, "Z_CHIP").contains("X1"));
    assertEquals("C1", list(withOutcomes, "Z_CHIP").get(0), "C1 moves up to first");
    // a contact older than outcomes.active_days gives no ownership: C2 stays where it fits
    assertEquals(unbounded.get("C2").get("zone_id"), now.get("C2").get("zone_id"));
    assertNull(now.get("C2").get("engagement_stage"));
    // the version 2 columns: no model under the rules, the lead's own id as its only member
    assertNull(x1.get("model_score"));
    assertEquals(List.of("X1"), x1.get("member_enterprise_ids"));
  }

  @Test
  void anOwnedLeadIsListedWhateverTheListsLength() throws Exception {
    Path in = tmp.resolve("outcomes");
    Path out = tmp.resolve("owned-capped");
    Path one =
        Fixtures.write(tmp, "one.json", "{\"quarantine_limit\": 0.4, \"lists\": {\"top_n\": 1}}");
    assertEquals(0, NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(in, out, DATE, one)));
    List<String> aero = list(out, "Z_AERO");
    assertEquals(2, aero.size(), "one lead, and the lead Z_AERO owns: " + aero);
    assertTrue(aero.contains("X1"));
  }

  @Test
  void theRulesRankAndALearnedRankingNeedsEnoughWonEnterprises() throws Exception {
    com.fasterxml.jackson.databind.JsonNode manifest =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(withOutcomes.resolve("manifests/run_date=" + DATE + ".json").toFile());
    assertEquals("rules", manifest.path("ranking").path("used").asText());
    assertEquals(1, manifest.path("ranking").path("won_enterprises").asInt(), "A1");
    Path learned =
        Fixtures.write(
            tmp,
            "learned.json",
            "{\"quarantine_limit\": 0.4, \"ranking\": {\"mode\": \"learned\"}}");
    Path out = tmp.resolve("learned");
    assertEquals(
        3,
        NightlyJobEndToEndTest.run(
            NightlyJobEndToEndTest.args(tmp.resolve("outcomes"), out, DATE, learned)));
    assertTrue(
        NightlyJobEndToEndTest.lastErr.contains("ranking.min_positive_outcomes"),
        NightlyJobEndToEndTest.lastErr);
    assertFalse(java.nio.file.Files.exists(out.resolve("targets")), "nothing published");
  }

  @Test
  void theReportCountsPerZoneTheLeadsItWorksAndWhatItWonAndLost() throws Exception {
    String html =
        java.nio.file.Files.readString(
            withOutcomes.resolve("report/run_date=" + DATE + "/index.html"));
    assertTrue(html.contains(">跟进中</th><th class=\"n\">已签约落地</th><th class=\"n\">已放弃</th>"));
    // the zone table's row of Z_AERO: X1 engaged, A1 won, A2 lost (A3's loss is past the cool-down)
    java.util.regex.Matcher row =
        java.util.regex.Pattern.compile("<tr><td><a href=\"#z\\d+\">新都航空园</a>.*?</tr>")
            .matcher(html);
    assertTrue(row.find(), "the zone's row");
    List<String> cells = new java.util.ArrayList<>();
    java.util.regex.Matcher n =
        java.util.regex.Pattern.compile("<td class=\"n[^\"]*\">([^<]*)</td>").matcher(row.group());
    while (n.find()) {
      cells.add(n.group(1));
    }
    assertEquals(
        List.of("1", "1", "1"), cells.subList(cells.size() - 3, cells.size()), cells.toString());
    String plain =
        java.nio.file.Files.readString(
            tmp.resolve("unbounded").resolve("report/run_date=" + DATE + "/index.html"));
    assertFalse(plain.contains("跟进中"), "no outcomes table, no outcome columns");
  }

  @Test
  void outcomesOfAnUnknownZoneOrAfterTheRunDateAreQuarantined() {
    List<Map<String, Object>> q =
        Duck.query(
            "select rule, row_number from "
                + Duck.parquet(withOutcomes.resolve("quarantine/run_date=" + DATE))
                + " where input = 'outcomes' order by row_number");
    assertEquals(
        List.of(
            Map.of("rule", "unknown_zone", "row_number", 10L),
            Map.of("rule", "future_date", "row_number", 11L)),
        q);
  }

  @Test
  void anEnterpriseThatMissesAFullListGoesToTheZoneItFitsNext() {
    Map<String, Map<String, Object>> now =
        byEnterprise(NightlyJobEndToEndTest.targets(capped, DATE));
    Map<String, List<Double>> scoresByZone = new HashMap<>();
    now.values()
        .forEach(
            r ->
                scoresByZone
                    .computeIfAbsent((String) r.get("zone_id"), z -> new java.util.ArrayList<>())
                    .add(((Number) r.get("score")).doubleValue()));
    scoresByZone.forEach((z, s) -> assertTrue(s.size() <= CAP, z + " lists " + s.size()));
    int moved = 0;
    for (Map.Entry<String, Map<String, Object>> e : now.entrySet()) {
      Map<String, Object> was = spareUnbounded.get(e.getKey());
      String best = (String) was.get("zone_id");
      String zone = (String) e.getValue().get("zone_id");
      if (zone.equals(best)) {
        continue;
      }
      moved++;
      // its best zone is full of leads at least as good as it was there
      double there = ((Number) was.get("score")).doubleValue();
      List<Double> full = scoresByZone.get(best);
      assertEquals(CAP, full.size(), e.getKey() + " left " + best + " with room");
      full.forEach(s -> assertTrue(s >= there, e.getKey() + " beat a lead of " + best));
      assertTrue(
          ((List<?>) was.get("competing_zones")).contains(zone),
          e.getKey() + " fits " + zone + " too");
    }
    assertTrue(moved > 0, "some enterprise went to its next zone: " + now.keySet());
    assertEquals(
        "Z_SPARE", now.get("C1").get("zone_id"), "C1 is second in Z_CHIP, first in Z_SPARE");
    // and every zone that fits an unlisted enterprise is full
    for (Map.Entry<String, Map<String, Object>> e : spareUnbounded.entrySet()) {
      if (now.containsKey(e.getKey()) || e.getValue().get("group_id") != null) {
        continue;
      }
      List<String> fits = new java.util.ArrayList<>(List.of((String) e.getValue().get("zone_id")));
      ((List<?>) e.getValue().get("competing_zones")).forEach(z -> fits.add((String) z));
      for (String z : fits) {
        assertEquals(
            CAP, scoresByZone.getOrDefault(z, List.of()).size(), e.getKey() + " fits " + z);
      }
    }
  }

  @Test
  void theChainCoverageSaysWhereTheFirmsThatFitANodeWent() {
    List<Map<String, Object>> rows =
        Duck.query(
            "select * from "
                + Duck.parquet(capped.resolve("coverage/run_date=" + DATE))
                + " order by zone_id, node_id");
    assertFalse(rows.isEmpty());
    for (Map<String, Object> r : rows) {
      long fit = ((Number) r.get("fit")).longValue();
      long parts =
          ((Number) r.get("listed_here")).longValue()
              + ((Number) r.get("listed_elsewhere")).longValue()
              + ((Number) r.get("below_list")).longValue();
      assertEquals(fit, parts, "the counts add up: " + r);
      assertTrue(((Number) r.get("below_list")).longValue() >= 0, r.toString());
    }
    Map<String, Object> chipFab =
        rows.stream()
            .filter(r -> r.get("zone_id").equals("Z_CHIP") && r.get("node_id").equals("EI_FAB"))
            .findFirst()
            .orElseThrow();
    // Z_CHIP lists one lead (X1); C1 fits the wafer node too but went to Z_SPARE
    assertEquals(1L, chipFab.get("listed_here"));
    assertTrue(((Number) chipFab.get("listed_elsewhere")).longValue() >= 1, chipFab.toString());
    assertEquals("weak", chipFab.get("status"));
  }
}
