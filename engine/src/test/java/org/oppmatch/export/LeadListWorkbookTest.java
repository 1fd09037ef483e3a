package org.oppmatch.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class LeadListWorkbookTest {

  private static XSSFWorkbook roundTrip(ZoneExport zone) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LeadListWorkbook.write(zone, out);
    return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
  }

  private static int col(LeadColumn c) {
    return c.ordinal();
  }

  private static List<String> rowTexts(Row row) {
    List<String> out = new ArrayList<>();
    for (Cell c : row) {
      out.add(c.getCellType() == CellType.STRING ? c.getStringCellValue() : c.toString());
    }
    return out;
  }

  @Test
  void leadSheetHasChineseHeadersInOrderAndRowsByRank() throws IOException {
    ZoneExport zone = ExportFixtures.hostileZone();
    try (XSSFWorkbook wb = roundTrip(zone)) {
      assertEquals(
          List.of(LeadListWorkbook.LEADS_SHEET, LeadListWorkbook.CHANGES_SHEET, "概况"),
          List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)));
      Sheet s = wb.getSheet(LeadListWorkbook.LEADS_SHEET);
      assertEquals(
          List.of(
              "排名",
              "企业名称",
              "企业编号",
              "所在省份",
              "所在城市",
              "主营行业代码",
              "主营行业",
              "企业规模",
              "营业收入区间",
              "从业人数",
              "企业标签",
              "法定代表人",
              "电话",
              "邮箱",
              "网址",
              "地址",
              "得分",
              "等级",
              "链条角色",
              "匹配环节",
              "匹配场景机会",
              "推荐理由",
              "是否新增",
              "上次排名",
              "趋势",
              "其他意向园区",
              "得分构成",
              "跟进阶段",
              "最近备注",
              "本次反馈：跟进阶段",
              "本次反馈：日期",
              "本次反馈：投资额（万元）",
              "本次反馈：备注"),
          rowTexts(s.getRow(0)));
      assertEquals(zone.leads().size(), s.getLastRowNum(), "one row per lead below the header");
      for (int i = 0; i < zone.leads().size(); i++) {
        Row row = s.getRow(i + 1);
        LeadRow lead = zone.leads().get(i);
        assertEquals(lead.rank(), row.getCell(0).getNumericCellValue(), 0, "rank of row " + i);
        assertEquals(lead.enterpriseId(), row.getCell(2).getStringCellValue());
        assertEquals(
            CellType.NUMERIC,
            row.getCell(col(LeadColumn.SCORE)).getCellType(),
            "score is a number");
        assertEquals(lead.score(), row.getCell(col(LeadColumn.SCORE)).getNumericCellValue(), 1e-9);
        assertEquals(
            "0.00", row.getCell(col(LeadColumn.SCORE)).getCellStyle().getDataFormatString());
      }
      Row first = s.getRow(1);
      assertEquals("补链", first.getCell(col(LeadColumn.CHAIN_ROLE)).getStringCellValue());
      assertEquals(
          "航空发动机",
          first.getCell(col(LeadColumn.MATCHED_NODES)).getStringCellValue(),
          "node names, not ids");
      assertEquals(
          "航空发动机涡轮叶片配套",
          first.getCell(col(LeadColumn.MATCHED_OPPORTUNITIES)).getStringCellValue(),
          "titles, not ids");
      assertEquals(
          "补链：航空发动机（缺失环节）；位于成德眉资。",
          first.getCell(col(LeadColumn.EXPLANATION)).getStringCellValue());
      assertEquals("否", first.getCell(col(LeadColumn.IS_NEW)).getStringCellValue());
      assertEquals(2.0, first.getCell(col(LeadColumn.PREVIOUS_RANK)).getNumericCellValue(), 0);
      assertEquals("成都东部新区", first.getCell(col(LeadColumn.COMPETING_ZONES)).getStringCellValue());
      assertEquals(
          "产业匹配 41.25；链条角色 41.25",
          first.getCell(col(LeadColumn.SCORE_COMPONENTS)).getStringCellValue());
      assertEquals("强链", s.getRow(2).getCell(col(LeadColumn.CHAIN_ROLE)).getStringCellValue());
      assertEquals("—", s.getRow(3).getCell(col(LeadColumn.CHAIN_ROLE)).getStringCellValue());
    }
  }

  @Test
  void headerIsFrozenFilteredAndTiersAreColoured() throws IOException {
    try (XSSFWorkbook wb = roundTrip(ExportFixtures.hostileZone())) {
      XSSFSheet s = wb.getSheet(LeadListWorkbook.LEADS_SHEET);
      PaneInformation pane = s.getPaneInformation();
      assertNotNull(pane, "a frozen pane");
      assertTrue(pane.isFreezePane());
      assertEquals(1, pane.getHorizontalSplitPosition(), "header row frozen");
      assertEquals(2, pane.getVerticalSplitPosition(), "rank and name stay in view");
      assertTrue(s.getCTWorksheet().isSetAutoFilter(), "autofilter on the header");
      assertEquals(
          "A1:AG10", s.getCTWorksheet().getAutoFilter().getRef(), "to the last feedback column");
      assertTrue(
          s.getColumnWidth(col(LeadColumn.EXPLANATION)) > s.getColumnWidth(0) * 5,
          "the explanation column is wide");
      String a = fill(s.getRow(1).getCell(col(LeadColumn.TIER)));
      String b = fill(s.getRow(2).getCell(col(LeadColumn.TIER)));
      String c = fill(s.getRow(3).getCell(col(LeadColumn.TIER)));
      assertEquals("C6EFCE", a);
      assertEquals("FFEB9C", b);
      assertEquals("E7E6E6", c);
    }
  }

  private static String fill(Cell cell) {
    XSSFCell x = (XSSFCell) cell;
    byte[] rgb = x.getCellStyle().getFillForegroundXSSFColor().getRGB();
    return String.format("%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
  }

  @Test
  void hostileNamesAreStringCellsWithTheExactText() throws IOException {
    ZoneExport zone = ExportFixtures.hostileZone();
    try (XSSFWorkbook wb = roundTrip(zone)) {
      Sheet s = wb.getSheet(LeadListWorkbook.LEADS_SHEET);
      List<String> names = new ArrayList<>();
      for (int r = 1; r <= s.getLastRowNum(); r++) {
        Cell name = s.getRow(r).getCell(1);
        assertEquals(CellType.STRING, name.getCellType(), "row " + r);
        names.add(name.getStringCellValue());
        if (SafeText.looksLikeFormula(name.getStringCellValue())) {
          assertTrue(name.getCellStyle().getQuotePrefixed(), "quote prefix on " + r);
        }
      }
      for (String hostile : ExportFixtures.HOSTILE_NAMES) {
        assertTrue(names.contains(hostile), "exact text kept: " + hostile.replace("\t", "\\t"));
      }
      assertTrue(names.contains(ExportFixtures.SCRIPT_NAME));
      Sheet changes = wb.getSheet(LeadListWorkbook.CHANGES_SHEET);
      assertEquals("=1+2", changes.getRow(3).getCell(1).getStringCellValue());
      assertEquals("=cmd|' /C calc'!A0", changes.getRow(3).getCell(5).getStringCellValue());
    }
  }

  @Test
  void noCellOfAnySheetIsAFormula() throws IOException {
    try (XSSFWorkbook wb = roundTrip(ExportFixtures.hostileZone())) {
      int cells = 0;
      for (Sheet s : wb) {
        for (Row row : s) {
          for (Cell c : row) {
            cells++;
            assertNotEquals(
                CellType.FORMULA,
                c.getCellType(),
                s.getSheetName() + "!" + c.getAddress() + " is a formula");
          }
        }
      }
      assertTrue(cells > 100, "the check saw the cells: " + cells);
    }
  }

  @Test
  void changesSheetListsNewMovedAndDropped() throws IOException {
    try (XSSFWorkbook wb = roundTrip(ExportFixtures.hostileZone())) {
      Sheet s = wb.getSheet(LeadListWorkbook.CHANGES_SHEET);
      assertEquals(LeadListWorkbook.CHANGE_HEADERS, rowTexts(s.getRow(0)));
      assertEquals("新增", s.getRow(1).getCell(0).getStringCellValue());
      assertEquals("上升", s.getRow(2).getCell(0).getStringCellValue());
      assertEquals(5.0, s.getRow(2).getCell(4).getNumericCellValue(), 0);
      assertEquals("移出", s.getRow(3).getCell(0).getStringCellValue());
      assertEquals(CellType.BLANK, s.getRow(3).getCell(3).getCellType(), "no rank once dropped");
    }
  }

  @Test
  void withoutAnEarlierRunTheChangesSheetSaysSoInOneLine() throws IOException {
    try (XSSFWorkbook wb = roundTrip(ExportFixtures.emptyZone("z1", "空园区"))) {
      Sheet s = wb.getSheet(LeadListWorkbook.CHANGES_SHEET);
      assertEquals(0, s.getLastRowNum());
      assertEquals(LeadListWorkbook.NO_EARLIER_RUN, s.getRow(0).getCell(0).getStringCellValue());
      Sheet leads = wb.getSheet(LeadListWorkbook.LEADS_SHEET);
      assertEquals(0, leads.getLastRowNum(), "only the header");
    }
  }

  @Test
  void summaryCountsTiersRolesAndNamesTheNodesWithoutCandidates() throws IOException {
    try (XSSFWorkbook wb = roundTrip(ExportFixtures.hostileZone())) {
      Sheet s = wb.getSheet(LeadListWorkbook.SUMMARY_SHEET);
      List<List<String>> rows = new ArrayList<>();
      for (Row r : s) {
        rows.add(rowTexts(r));
      }
      assertTrue(rows.contains(List.of("园区", "成都空天产业功能区")), rows.toString());
      assertTrue(rows.contains(List.of("运行日期", "2026-11-20")));
      assertTrue(rows.contains(List.of("A 级", "1.0")));
      assertTrue(rows.contains(List.of("C 级", "7.0")));
      assertTrue(rows.contains(List.of("补链", "1.0")));
      assertTrue(rows.contains(List.of("—", "6.0")));
      assertTrue(rows.contains(List.of("移出", "1.0")));
      assertTrue(rows.contains(List.of("航空发动机", "AERO_ENGINE", "缺失", "9.0")));
      int gapHeading = rows.indexOf(List.of("没有候选企业的环节（1 个）"));
      assertTrue(gapHeading > 0, rows.toString());
      // without the pool's counts the reason is only that the list has none
      assertEquals(List.of("航电系统", "AERO_AVIONICS", "薄弱", "无候选企业"), rows.get(gapHeading + 2));
      assertFalse(rows.subList(gapHeading, rows.size()).toString().contains("航空发动机"));
    }
  }

  @Test
  void aTextLongerThanACellHoldsIsCutNotFatal() throws IOException {
    char[] big = new char[40_000];
    Arrays.fill(big, '长');
    LeadRow lead = ExportFixtures.lead(1, "E1", new String(big), 50, "B", "none");
    ZoneExport base = ExportFixtures.emptyZone("z1", "园区");
    ZoneExport zone =
        new ZoneExport(
            base.zone(),
            base.runDate(),
            List.of(lead),
            base.changes(),
            base.coverage(),
            base.names());
    try (XSSFWorkbook wb = roundTrip(zone)) {
      String text = wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue();
      assertEquals(SafeText.MAX_CELL_CHARS, text.length());
      assertTrue(text.endsWith("…"));
    }
  }
}
