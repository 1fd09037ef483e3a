package org.oppmatch.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportStageTest {
  static final String MANIFEST =
      """
      {"run_date":"2026-11-20","status":"succeeded","previous_run":"2026-11-19",
       "engine":{"version":"0.1.0","spark_version":"4.1.0"},"config_hash":"h",
       "config":{"lists":{"min_score":25,"tier_a":70,"tier_b":50}},
       "inputs":{"enterprises":{"format":"csv","rows_read":10,"accepted":9,"quarantined":1,
         "quarantine_share":0.1,"quarantined_by_rule":{"invalid_uscc":1}}},
       "outputs":{"targets":3},"stages":[{"name":"score_rank_write","millis":1500,"rows":3}]}
      """;

  private static LeadRow target(
      int rank,
      String id,
      String name,
      double score,
      String tier,
      List<String> nodes,
      boolean isNew,
      Integer previousRank) {
    return new LeadRow(
        rank,
        id,
        name,
        score,
        tier,
        nodes.isEmpty() ? "none" : "fill_gap",
        nodes,
        List.of("OPP_1"),
        List.of("OPP:OPP_1"),
        "补链：航空发动机（缺失环节）。",
        Map.of("geography", 5.0, "industry_fit", score - 5.0),
        List.of("z_sci"),
        isNew,
        previousRank,
        null,
        null,
        null,
        LeadRow.Profile.NONE);
  }

  private static Map<String, List<LeadRow>> targets() {
    Map<String, List<LeadRow>> out = new java.util.LinkedHashMap<>();
    // deliberately out of order: the stage orders by zone and rank
    out.put(
        "z_air",
        List.of(
            target(3, "E3", "下降公司", 40.0, "C", List.of(), false, 1),
            target(1, "E1", "新来公司", 75.5, "A", List.of("N1"), true, null),
            target(2, "E2", "=HYPERLINK(\"http://x\")", 55.0, "B", List.of("N1", "N2"), false, 4)));
    out.put(
        "../evil",
        List.of(target(1, "E7", "<script>alert(1)</script>", 30.0, "C", List.of(), true, null)));
    return out;
  }

  private static List<ZoneInfo> zones() {
    return List.of(
        new ZoneInfo("z_air", "成都空天产业功能区", "aerospace"),
        new ZoneInfo("z_sci", "成都科学城", "artificial_intelligence"),
        new ZoneInfo("../evil", "<script>alert(1)</script>", "x"));
  }

  private static List<ExportStage.ChainEntry> chain() {
    return List.of(
        new ExportStage.ChainEntry("z_air", "N1", "航空发动机", "missing"),
        new ExportStage.ChainEntry("z_air", "N2", "航电系统", "weak"),
        new ExportStage.ChainEntry("z_air", "N3", "航空材料", "strong"));
  }

  private static Map<String, String> opportunities() {
    return Map.of("OPP_1", "航空发动机涡轮叶片配套");
  }

  private static List<ExportStage.DroppedLead> dropped() {
    return List.of(new ExportStage.DroppedLead("z_air", "E9", "离开公司", 2, "得分低于分数线"));
  }

  private static ExportStage.Input input(
      Map<String, List<LeadRow>> targets, List<ExportStage.DroppedLead> dropped) {
    return new ExportStage.Input(targets, dropped, zones(), chain(), opportunities());
  }

  private static List<List<String>> rows(Sheet s) {
    List<List<String>> out = new ArrayList<>();
    for (Row r : s) {
      List<String> cells = new ArrayList<>();
      for (Cell c : r) {
        cells.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : c.toString());
      }
      out.add(cells);
    }
    return out;
  }

  @Test
  void writesAWorkbookAndCsvPerZoneAndTheReport(@TempDir java.nio.file.Path tmp) throws Exception {
    FileSystem fs = FileSystem.getLocal(new Configuration());
    Path dir = new Path(tmp.toUri());
    ExportStage.Written w =
        ExportStage.write(
            input(targets(), dropped()), new ObjectMapper().readTree(MANIFEST), fs, dir);
    assertEquals(3, w.zones());
    assertEquals(7, w.files());

    java.nio.file.Path exports = tmp.resolve(ExportStage.EXPORTS);
    List<String> files;
    try (Stream<java.nio.file.Path> s = Files.list(exports)) {
      files = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    String evil = SafeText.fileName("../evil");
    assertEquals(
        List.of(
            evil + ".csv", evil + ".xlsx", "z_air.csv", "z_air.xlsx", "z_sci.csv", "z_sci.xlsx"),
        files,
        "one workbook and one CSV per zone, no .crc files, nothing outside exports/");
    try (Stream<java.nio.file.Path> s = Files.list(tmp)) {
      assertEquals(
          List.of(ExportStage.EXPORTS, ExportStage.REPORT),
          s.map(p -> p.getFileName().toString()).sorted().toList());
    }

    try (InputStream in = Files.newInputStream(exports.resolve("z_air.xlsx"));
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      List<List<String>> leads = rows(wb.getSheet(LeadListWorkbook.LEADS_SHEET));
      assertEquals(4, leads.size());
      assertEquals(
          List.of("E1", "E2", "E3"), leads.subList(1, 4).stream().map(r -> r.get(2)).toList());
      assertEquals("=HYPERLINK(\"http://x\")", leads.get(2).get(1));
      assertEquals(
          "航空发动机；航电系统", leads.get(2).get(LeadColumn.MATCHED_NODES.ordinal()), "node names");
      assertEquals(
          "航空发动机涡轮叶片配套",
          leads.get(2).get(LeadColumn.MATCHED_OPPORTUNITIES.ordinal()),
          "opportunity titles");
      assertEquals(
          "成都科学城", leads.get(2).get(LeadColumn.COMPETING_ZONES.ordinal()), "competing zone names");
      assertEquals(
          "产业匹配 50.00；区位 5.00",
          leads.get(2).get(LeadColumn.SCORE_COMPONENTS.ordinal()),
          "factor order, not map order");

      List<List<String>> changes = rows(wb.getSheet(LeadListWorkbook.CHANGES_SHEET));
      assertEquals(
          List.of("新增", "上升", "下降", "移出"),
          changes.subList(1, changes.size()).stream().map(r -> r.get(0)).toList());
      assertEquals("E1", changes.get(1).get(2));
      assertTrue(changes.get(2).get(5).startsWith("上升 2 位"), changes.get(2).toString());
      assertTrue(changes.get(3).get(5).startsWith("下降 2 位"), changes.get(3).toString());
      assertEquals(List.of("移出", "离开公司", "E9", "", "2.0", "得分低于分数线"), changes.get(4));

      List<List<String>> summary = rows(wb.getSheet(LeadListWorkbook.SUMMARY_SHEET));
      assertTrue(summary.contains(List.of("上次运行日期", "2026-11-19")), summary.toString());
      assertTrue(summary.contains(List.of("航空发动机", "N1", "缺失", "2.0")), summary.toString());
      assertTrue(summary.contains(List.of("航电系统", "N2", "薄弱", "1.0")));
      assertTrue(summary.contains(List.of("航空材料", "N3", "较强", "0.0")));
      assertTrue(summary.contains(List.of("没有候选企业的环节（1 个）")));
    }

    try (InputStream in = Files.newInputStream(exports.resolve("z_sci.xlsx"));
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertEquals(0, wb.getSheet(LeadListWorkbook.LEADS_SHEET).getLastRowNum(), "no leads");
      assertEquals(
          List.of(LeadListWorkbook.CHANGE_HEADERS, List.of("与上次运行相比，清单没有变化。")),
          rows(wb.getSheet(LeadListWorkbook.CHANGES_SHEET)));
    }

    String csv = Files.readString(exports.resolve("z_air.csv"), StandardCharsets.UTF_8);
    List<List<String>> records = LeadListCsvTest.parse(csv.substring(1));
    assertEquals("'=HYPERLINK(\"http://x\")", records.get(2).get(1));

    String html =
        Files.readString(
            tmp.resolve(ExportStage.REPORT).resolve(ExportStage.REPORT_FILE),
            StandardCharsets.UTF_8);
    assertTrue(html.contains("成都空天产业功能区"));
    assertTrue(html.contains("成都科学城"));
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertFalse(html.contains("<script"));
    assertTrue(html.contains("invalid_uscc"));
  }

  @Test
  void withoutDroppedLeadsOrPreviousRanksNoEarlierRunIsKnown() throws Exception {
    Map<String, List<LeadRow>> firstRun =
        Map.of("z_air", List.of(target(1, "E1", "新来公司", 75.5, "A", List.of("N1"), true, null)));
    List<ZoneExport> exports =
        ExportStage.build(
            input(firstRun, null), new ObjectMapper().readTree("{\"run_date\":\"2026-11-20\"}"));
    assertEquals(
        List.of("../evil", "z_air", "z_sci"),
        exports.stream().map(z -> z.zone().zoneId()).toList());
    for (ZoneExport z : exports) {
      assertFalse(z.changes().known(), z.zone().zoneId());
    }
    ZoneExport air = exports.get(1);
    assertEquals(1, air.leads().size());
    assertEquals(List.of(1, 0, 0), air.coverage().stream().map(NodeCoverage::candidates).toList());
    assertEquals(java.time.LocalDate.of(2026, 11, 20), air.runDate());
  }

  @Test
  void previousRanksWithoutDroppedLeadsLeaveTheDroppedCountUnknown() throws Exception {
    List<ZoneExport> exports =
        ExportStage.build(input(targets(), null), new ObjectMapper().readTree(MANIFEST));
    ZoneExport air = exports.get(1);
    assertTrue(air.changes().known(), "previous ranks say there was an earlier run");
    assertFalse(air.changes().counted(ChangeRow.Kind.DROPPED));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    LeadListWorkbook.write(air, out);
    try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(out.toByteArray()))) {
      List<List<String>> changes = rows(wb.getSheet(LeadListWorkbook.CHANGES_SHEET));
      assertEquals(List.of(LeadListWorkbook.DROPPED_UNKNOWN), changes.get(changes.size() - 1));
      List<List<String>> summary = rows(wb.getSheet(LeadListWorkbook.SUMMARY_SHEET));
      assertTrue(summary.contains(List.of("移出", "未提供")), summary.toString());
      assertTrue(summary.contains(List.of("新增", "1.0")), summary.toString());
    }
    String page =
        RunReportPage.render(
            RunSummary.fromManifest(new ObjectMapper().readTree(MANIFEST)), exports);
    assertTrue(page.contains("本次运行未提供移出的线索"));
    assertFalse(page.contains("<span>移出</span><b>0</b>"), "no false zero");
  }

  @Test
  void theDroppedOutputsReasonCodesAreShownInChinese() {
    Names names = new Names(Map.of(), Map.of(), Map.of("z_sci", "成都科学城"));
    List<ChangeRow> rows =
        ExportStage.changes(
            List.of(),
            List.of(
                new ExportStage.DroppedLead("z_air", "E1", "甲", 1, "won"),
                new ExportStage.DroppedLead("z_air", "E2", "乙", 2, "moved_zone", "z_sci"),
                new ExportStage.DroppedLead("z_air", "E3", "丙", 3, "fell_below_list"),
                new ExportStage.DroppedLead("z_air", "E4", "丁", 4, "得分低于分数线")),
            names);
    assertEquals(
        List.of("已签约或落地，不再列入清单", "已列入成都科学城的清单", "得分未进入本次清单", "得分低于分数线"),
        rows.stream().map(ChangeRow::reason).toList());
  }
}
