package org.oppmatch.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RunReportPageTest {

  static final String MANIFEST =
      """
      {"run_date":"2026-11-20","status":"succeeded",
       "engine":{"name":"opportunity-engine","version":"0.1.0","spark_version":"4.1.0"},
       "config_hash":"abc123","config":{"lists":{"min_score":25,"tier_a":70,"tier_b":50}},
       "inputs":{
         "enterprises":{"location":"x","format":"csv","rows_read":5000,"accepted":4970,
           "quarantined":30,"quarantine_share":0.006,
           "quarantined_by_rule":{"invalid_uscc":12,"<b>bad</b>":3}},
         "zones":{"location":"y","format":"csv","rows_read":51,"accepted":51,"quarantined":0,
           "quarantine_share":0.0,"quarantined_by_rule":{}}},
       "outputs":{"targets":9,"quarantine":30},
       "stages":[{"name":"check_inputs","millis":1200},{"name":"score_rank_write","millis":8400,
         "rows":9}],
       "total_millis":9600}
      """;

  static RunSummary summary() throws Exception {
    JsonNode m = new ObjectMapper().readTree(MANIFEST);
    return RunSummary.fromManifest(m);
  }

  static List<ZoneExport> zones() {
    return List.of(
        ExportFixtures.hostileZone(),
        ExportFixtures.emptyZone("cd_science_city", "成都科学城"),
        ExportFixtures.emptyZone("z_evil", "<img src=x onerror=alert(2)>园区"));
  }

  @Test
  void namesEveryZoneAndShowsCountsAndCharts() throws Exception {
    String page = RunReportPage.render(summary(), zones());
    assertTrue(page.startsWith("<!DOCTYPE html>"));
    assertTrue(page.contains("<html lang=\"zh-CN\">"));
    assertTrue(page.contains("<meta charset=\"utf-8\">"));
    assertTrue(page.contains("name=\"viewport\""));
    for (ZoneExport z : zones()) {
      assertTrue(
          page.contains(SafeText.html(z.zone().displayName())), "names " + z.zone().zoneId());
    }
    assertTrue(page.contains("<svg"), "inline SVG charts");
    assertTrue(count(page, "<svg class=\"hist\"") == 3, "a histogram per zone");
    assertTrue(page.contains("航空发动机涡轮叶片配套") || page.contains("补链：航空发动机"));
    assertTrue(page.contains("补链：航空发动机（缺失环节）；位于成德眉资。"), "explanations of top leads");
    assertTrue(page.contains("航电系统"), "the node without candidates");
    assertTrue(page.contains("无候选企业"));
    assertTrue(page.contains("invalid_uscc"), "quarantine by rule");
    assertTrue(page.contains("score_rank_write"), "stage timings");
    assertTrue(page.contains("8.4 s"));
    assertTrue(page.contains("5,000"), "input counts");
  }

  @Test
  void showsTheTopFiveLeadsOfAZoneOnly() throws Exception {
    String page = RunReportPage.render(summary(), zones());
    Matcher m = Pattern.compile("<ol class=\"leads\">(.*?)</ol>", Pattern.DOTALL).matcher(page);
    assertTrue(m.find());
    assertEquals(RunReportPage.TOP_LEADS, count(m.group(1), "<li>"));
    assertTrue(m.group(1).contains("中航动力（成都）有限公司"));
    assertFalse(m.group(1).contains("&lt;script&gt;"), "rank 9 is not in the top five");
  }

  @Test
  void escapesEveryTextFromTheData() throws Exception {
    ZoneExport z = ExportFixtures.hostileZone();
    List<LeadRow> leads = new java.util.ArrayList<>(z.leads());
    leads.add(0, ExportFixtures.lead(1, "X", ExportFixtures.SCRIPT_NAME, 99, "A", "fill_gap"));
    ZoneExport hostileFirst =
        new ZoneExport(
            new ZoneInfo("z\"><script>alert(3)</script>", "<script>alert(1)</script>", "<i>eco"),
            z.runDate(),
            leads,
            z.changes(),
            z.coverage(),
            z.names());
    String page = RunReportPage.render(summary(), List.of(hostileFirst, zones().get(2)));
    assertFalse(page.contains("<script"), "no script element, whatever the data says");
    assertFalse(page.contains("<img"));
    assertFalse(page.contains("<b>bad</b>"));
    assertFalse(page.contains("<i>eco"));
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(page.contains("&lt;img src=x onerror=alert(2)&gt;园区"));
    assertTrue(page.contains("script-src") || page.contains("default-src 'none'"), "CSP");
  }

  @Test
  void withoutAnEarlierRunNewAndDroppedAreNotGuessed() throws Exception {
    String page = RunReportPage.render(summary(), List.of(ExportFixtures.emptyZone("z1", "园区一")));
    assertTrue(page.contains("没有上次运行的结果可以比较"));
  }

  @Test
  void histogramBinsCoverTheListRange() {
    Svg.Histogram h = Svg.Histogram.of(List.of(25.0, 29.99, 30.0, 70.0, 100.0), 25);
    assertEquals(25.0, h.start());
    assertEquals(15, h.counts().length);
    assertEquals(2, h.counts()[0]);
    assertEquals(1, h.counts()[1]);
    assertEquals(1, h.counts()[9], "70 opens the tenth bin");
    assertEquals(1, h.counts()[14], "100 is in the last bin");
    assertEquals(Svg.TIER_A, Svg.tierColour(70, 70, 50));
    assertEquals(Svg.TIER_B, Svg.tierColour(65, 70, 50));
    assertEquals(Svg.TIER_C, Svg.tierColour(45, 70, 50));
  }

  private static int count(String s, String sub) {
    int n = 0;
    for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
      n++;
    }
    return n;
  }
}
