package org.oppmatch.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.NightlyJob;
import org.oppmatch.testing.Duck;
import org.oppmatch.testing.SharedSpark;

/**
 * jobs/lookup on one nightly run of the bundled sample: what it says of a company is checked
 * against the published targets, read independently with DuckDB.
 */
class LookupTest {
  static final String DATE = "2026-11-20";

  @TempDir static Path out;
  static List<Map<String, Object>> targets;
  static JsonNode config;

  /** Per zone: leads on the list without an engagement, and the lowest score among them. */
  static final Map<String, Long> listLength = new HashMap<>();

  static final Map<String, Double> lowest = new HashMap<>();

  record Run(int exit, String out, String err) {}

  /** The night before, on the sample as it is; on DATE, a newer row of one of its leads joins. */
  static final String NIGHT_BEFORE = "2026-11-19";

  @TempDir static Path inputs;

  @TempDir static Path configs;

  /** A lead of the night before with a USCC, its zone and rank then. */
  static Map<String, Object> renewed;

  static String renewedId;

  @BeforeAll
  static void runTheSample() throws IOException {
    // the night before needs its lists only, not its workbooks
    Path listsOnly = configs.resolve("lists-only.json");
    java.nio.file.Files.writeString(listsOnly, "{\"exports\": {\"enabled\": false}}");
    run("data/sample", NIGHT_BEFORE, "--config", listsOnly.toString());
    // the best ranked lead whose row holds a USCC (the second column)
    java.util.Set<String> withUscc = new java.util.HashSet<>();
    for (String line : java.nio.file.Files.readAllLines(Path.of("data/sample/enterprises.csv"))) {
      String[] f = line.split(",", 3);
      if (f.length == 3 && !f[1].isEmpty()) {
        withUscc.add(f[0]);
      }
    }
    renewed =
        Duck.query(
                "select zone_id, rank, enterprise_id from "
                    + Duck.parquet(out.resolve("targets/run_date=" + NIGHT_BEFORE))
                    + " order by rank, zone_id")
            .stream()
            .filter(r -> withUscc.contains((String) r.get("enterprise_id")))
            .findFirst()
            .orElseThrow();
    renewedId = (String) renewed.get("enterprise_id");
    // the same firm from a second source: its USCC under a CRM id, updated since
    java.nio.file.Files.createDirectories(inputs);
    List<String> lines = new ArrayList<>();
    try (var files = java.nio.file.Files.list(Path.of("data/sample"))) {
      for (Path f : files.toList()) {
        java.nio.file.Files.copy(f, inputs.resolve(f.getFileName().toString()));
      }
    }
    for (String line : java.nio.file.Files.readAllLines(inputs.resolve("enterprises.csv"))) {
      lines.add(line);
      if (line.startsWith(renewedId + ",")) {
        lines.add(
            renewedId
                + "_CRM"
                + line.substring(renewedId.length(), line.lastIndexOf(',') + 1)
                + "2026-11-18");
      }
    }
    java.nio.file.Files.write(inputs.resolve("enterprises.csv"), lines);
    run(inputs.toString(), DATE);
    targets =
        Duck.query(
            "select zone_id, zone_name, rank, enterprise_id, score, group_id, competing_zones,"
                + " engagement_stage from "
                + Duck.parquet(out.resolve("targets/run_date=" + DATE))
                + " order by zone_id, rank");
    for (Map<String, Object> r : targets) {
      if (r.get("engagement_stage") == null) {
        String z = (String) r.get("zone_id");
        listLength.merge(z, 1L, Long::sum);
        lowest.merge(z, score(r), Math::min);
      }
    }
    config =
        new ObjectMapper()
            .readTree(out.resolve("manifests/run_date=" + DATE + ".json").toFile())
            .get("config");
  }

  static void run(String in, String date, String... more) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> argv =
        new ArrayList<>(List.of("--inputs", in, "--output", out.toString(), "--run-date", date));
    argv.addAll(List.of(more));
    int exit =
        NightlyJob.execute(
            SharedSpark.get(),
            argv.toArray(String[]::new),
            new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(err));
    assertEquals(0, exit, err.toString());
  }

  @Test
  void aNewerRowOfALeadIsTheSameCompanyAsTheNightBefore() throws Exception {
    Run r = lookup("--json", renewedId + "_CRM");
    assertEquals(0, r.exit(), r.err());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals(renewedId, doc.at("/company/company_id").asText(), "yesterday's id kept");
    assertEquals(2, doc.at("/company/members").size(), doc.at("/company").toString());
    JsonNode listed = doc.get("listed");
    assertTrue(listed.size() >= 1, doc.toString());
    JsonNode here = null;
    for (JsonNode l : listed) {
      if (l.path("zone_id").asText().equals(renewed.get("zone_id"))) {
        here = l;
      }
    }
    assertNotNull(here, "still listed in " + renewed.get("zone_id") + ": " + listed);
    assertEquals(((Number) renewed.get("rank")).intValue(), here.path("previous_rank").asInt());
    assertTrue(!here.path("movement").asText().equals("new"), here.toString());
    assertEquals(0, doc.at("/dropped/rows").size(), "not gone: " + doc.get("dropped"));
    assertEquals(NIGHT_BEFORE, doc.at("/dropped/previous_run").asText());
    String text = LookupReport.text(doc);
    assertTrue(text.contains("上次第 " + ((Number) renewed.get("rank")).intValue() + " 名"), text);
  }

  static Run lookup(String... args) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    List<String> argv = new ArrayList<>(List.of("--output", out.toString(), "--run-date", DATE));
    argv.addAll(List.of(args));
    int exit =
        Lookup.execute(
            SharedSpark.get(),
            argv.toArray(String[]::new),
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8));
    return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }

  static double score(Map<String, Object> r) {
    return ((Number) r.get("score")).doubleValue();
  }

  static int topN() {
    return config.at("/lists/top_n").asInt();
  }

  static Map<String, Object> target(String zone, String enterprise) {
    return targets.stream()
        .filter(r -> zone.equals(r.get("zone_id")) && enterprise.equals(r.get("enterprise_id")))
        .findFirst()
        .orElse(null);
  }

  @Test
  void aListedEnterpriseIsShownWithItsPublishedRankAndScore() {
    // the first lead of the longest list
    String zone =
        listLength.entrySet().stream()
            .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry::getKey))
            .orElseThrow()
            .getKey();
    Map<String, Object> lead =
        targets.stream().filter(r -> zone.equals(r.get("zone_id"))).findFirst().orElseThrow();
    String id = (String) lead.get("enterprise_id");
    Run r = lookup(id);
    assertEquals(0, r.exit(), r.err());
    String points = String.format(Locale.ROOT, "%.2f", score(lead));
    assertTrue(
        r.out()
            .contains(
                zone
                    + " "
                    + lead.get("zone_name")
                    + " · 第 "
                    + lead.get("rank")
                    + " 名 (rank) · 得分 (score) "
                    + points),
        r.out());
    assertTrue(
        r.out()
            .contains(
                zone
                    + " "
                    + lead.get("zone_name")
                    + "  "
                    + points
                    + "  已列入，第 "
                    + lead.get("rank")
                    + " 名 (listed)"),
        r.out());
    assertTrue(r.out().startsWith("企业 (enterprise)  " + id + "  "), r.out());
    assertTrue(r.out().contains("核对 (check)  输入行数与运行记录一致，重算得分与已发布名单一致"), r.out());
  }

  @Test
  void aZoneWhereItScoredButIsNotListedSaysWhyAsTheListsShow() throws IOException {
    // a lead listed elsewhere below the lowest score of a full list it also competes for: that
    // full list must have kept it out (outside a group, nothing else could have)
    Map<String, Object> lead = null;
    String full = null;
    for (Map<String, Object> r : targets) {
      if (r.get("group_id") != null || r.get("engagement_stage") != null) {
        continue;
      }
      for (Object z : (List<?>) r.get("competing_zones")) {
        if (listLength.getOrDefault(z, 0L) == topN()
            && score(r) < lowest.get(z)
            && (lead == null || score(r) > score(lead))) {
          lead = r;
          full = (String) z;
        }
      }
    }
    assertNotNull(lead, "the sample fills a list (longquan_auto at 200)");
    String id = (String) lead.get("enterprise_id");
    Run r = lookup("--json", id);
    assertEquals(0, r.exit(), r.err());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals(id, doc.at("/company/company_id").asText());
    assertTrue(doc.at("/company/entities_output").asBoolean(), "the run writes its entities");
    assertEquals(0, doc.get("warnings").size(), doc.get("warnings").toString());

    JsonNode there = zone(doc, full);
    assertEquals("list_full", finding(there, "list_full").path("code").asText(), there.toString());
    JsonNode facts = finding(there, "list_full").path("facts");
    assertEquals(topN(), facts.path("list_length").asInt());
    assertEquals(topN(), facts.path("top_n").asInt());
    assertEquals(lowest.get(full), facts.path("lowest_listed_score").asDouble());
    assertTrue(there.path("score").asDouble() <= lowest.get(full), there.toString());
    assertNull(target(full, id));

    // every zone it scored in, checked against the published lists
    for (JsonNode z : doc.get("zones")) {
      checkAgainstTargets(id, (String) lead.get("group_id"), z);
    }
    // and what it says of the listed zone is the targets row
    JsonNode listed = doc.get("listed");
    assertEquals(1, listed.size());
    assertEquals(lead.get("zone_id"), listed.get(0).path("zone_id").asText());
    assertEquals(((Number) lead.get("rank")).intValue(), listed.get(0).path("rank").asInt());
    assertEquals(score(lead), listed.get(0).path("score").asDouble());
    String text = LookupReport.text(doc);
    assertTrue(
        text.contains(
            "名单已满 "
                + topN()
                + "/"
                + topN()
                + " (lists.top_n)，最低入选得分 "
                + String.format(Locale.ROOT, "%.2f", lowest.get(full))),
        text);
  }

  /** Each finding of a zone holds in the published targets. */
  static void checkAgainstTargets(String id, String group, JsonNode z) {
    String zone = z.path("zone_id").asText();
    double s = z.path("score").asDouble();
    Map<String, Object> row = target(zone, id);
    if (z.path("verdict").asText().equals("listed")) {
      assertNotNull(row, zone);
      assertEquals(((Number) row.get("rank")).intValue(), z.at("/findings/0/facts/rank").asInt());
      assertEquals(score(row), s, zone + ": recomputed score = published score");
      return;
    }
    assertNull(row, zone);
    for (JsonNode f : z.get("findings")) {
      JsonNode facts = f.get("facts");
      switch (f.path("code").asText()) {
        case "below_min_score" -> assertTrue(s < config.at("/lists/min_score").asDouble(), zone);
        case "max_zones_reached" -> {
          assertTrue(
              facts.get("listed_in").size()
                  >= config.at("/allocation/max_zones_per_enterprise").asInt());
          for (JsonNode l : facts.get("listed_in")) {
            Map<String, Object> better = target(l.path("zone_id").asText(), id);
            assertNotNull(better, l.toString());
            assertTrue(score(better) >= s, zone + " vs " + l);
          }
        }
        case "list_full" -> {
          assertEquals(topN(), listLength.get(zone));
          assertEquals(lowest.get(zone), facts.path("lowest_listed_score").asDouble());
          assertTrue(lowest.get(zone) >= s, zone);
        }
        case "group_zones_reached" -> {
          for (JsonNode l : facts.get("listed_in")) {
            Map<String, Object> member =
                target(l.path("zone_id").asText(), l.path("enterprise_id").asText());
            assertNotNull(member, l.toString());
            assertEquals(group, member.get("group_id"));
            assertTrue(score(member) >= s, zone + " vs " + l);
          }
        }
        default -> fail(zone + ": " + f);
      }
    }
  }

  static JsonNode zone(JsonNode doc, String zone) {
    for (JsonNode z : doc.get("zones")) {
      if (z.path("zone_id").asText().equals(zone)) {
        return z;
      }
    }
    return fail("no zone " + zone + " in " + doc.get("zones"));
  }

  static JsonNode finding(JsonNode zone, String code) {
    for (JsonNode f : zone.get("findings")) {
      if (f.path("code").asText().equals(code)) {
        return f;
      }
    }
    return fail("no " + code + " in " + zone);
  }

  @Test
  void anUnknownIdExitsWith3() {
    Run r = lookup("E9999999");
    assertEquals(3, r.exit(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().contains("no enterprise with the id or name 'E9999999'"), r.err());
  }

  @Test
  void aNameOfSeveralCompaniesListsThemAndAsksForAnId() {
    Run r = lookup("有限公司");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("give one enterprise_id"), r.err());
    List<String> lines = r.out().lines().skip(1).toList();
    assertEquals(Company.MAX_LISTED, lines.size(), r.out());
    assertTrue(lines.get(0).matches("  E\\d{7}  \\S.*"), lines.get(0));
  }

  @Test
  void noSucceededRunOfTheDateOrNoArgumentsAreTold() {
    Run none = lookup("--run-date", "2026-11-21", "E0000001");
    assertEquals(3, none.exit(), none.err());
    assertTrue(none.err().contains("no run for run_date=2026-11-21"), none.err());
    Run bad = lookup();
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains(LookupArgs.USAGE), bad.err());
  }

  @Test
  void aMergedIdFindsItsCompanyWithEveryMemberAndRule() throws Exception {
    List<Map<String, Object>> merged =
        Duck.query(
            "select enterprise_id, company_id, rule from "
                + Duck.parquet(out.resolve("entities/run_date=" + DATE))
                + " where rule is not null order by enterprise_id limit 1");
    assertEquals(1, merged.size(), "the sample holds rows of one company under two ids");
    String member = (String) merged.get(0).get("enterprise_id");
    Run r = lookup("--json", member);
    assertEquals(0, r.exit(), r.err());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals(merged.get(0).get("company_id"), doc.at("/company/company_id").asText());
    boolean found = false;
    for (JsonNode m : doc.at("/company/members")) {
      if (m.path("enterprise_id").asText().equals(member)) {
        assertEquals(merged.get(0).get("rule"), m.path("rule").asText());
        found = true;
      }
    }
    assertTrue(found, doc.at("/company").toString());
    assertEquals(0, doc.get("warnings").size(), doc.get("warnings").toString());
  }
}
