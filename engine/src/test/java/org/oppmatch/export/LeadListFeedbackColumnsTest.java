package org.oppmatch.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * What a lead row tells the officer who calls the enterprise (place, industry, size, tags, all in
 * Chinese) in the workbook, the CSV and the report, and the columns the team fills in and sends
 * back.
 */
class LeadListFeedbackColumnsTest {

  private static XSSFWorkbook workbook(ZoneExport zone) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LeadListWorkbook.write(zone, out);
    return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
  }

  private static String cell(Row row, LeadColumn c) {
    Cell cell = row.getCell(c.ordinal());
    return cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : cell.toString();
  }

  private static String fill(Cell cell) {
    byte[] rgb = ((XSSFCell) cell).getCellStyle().getFillForegroundXSSFColor().getRGB();
    return String.format("%02X%02X%02X", rgb[0], rgb[1], rgb[2]);
  }

  @Test
  void theProfileColumnsNameTheEnterpriseInChinese() throws IOException {
    try (XSSFWorkbook wb = workbook(ExportFixtures.profiledZone(Map.of("3741", "飞机制造")))) {
      Row first = wb.getSheet(LeadListWorkbook.LEADS_SHEET).getRow(1);
      assertEquals("四川省", cell(first, LeadColumn.PROVINCE));
      assertEquals("成都", cell(first, LeadColumn.CITY));
      assertEquals("3741", cell(first, LeadColumn.INDUSTRY_CODE));
      assertEquals("飞机制造", cell(first, LeadColumn.INDUSTRY_NAME), "the run's class name");
      assertEquals("中型", cell(first, LeadColumn.SIZE_BAND), "350 people, 3,500万元");
      assertEquals("2000万-1亿元", cell(first, LeadColumn.REVENUE_BAND));
      Cell employees = first.getCell(LeadColumn.EMPLOYEES.ordinal());
      assertEquals(CellType.NUMERIC, employees.getCellType());
      assertEquals(350.0, employees.getNumericCellValue(), 0);
      assertEquals("世界500强、上市公司、高新技术企业", cell(first, LeadColumn.TAGS), "the most telling first");
      Row unknown = wb.getSheet(LeadListWorkbook.LEADS_SHEET).getRow(2);
      for (LeadColumn c :
          List.of(
              LeadColumn.PROVINCE,
              LeadColumn.INDUSTRY_NAME,
              LeadColumn.SIZE_BAND,
              LeadColumn.REVENUE_BAND,
              LeadColumn.EMPLOYEES,
              LeadColumn.TAGS)) {
        assertEquals(CellType.BLANK, unknown.getCell(c.ordinal()).getCellType(), c.name());
      }
      List<String> summary = new ArrayList<>();
      for (Row r : wb.getSheet(LeadListWorkbook.SUMMARY_SHEET)) {
        summary.add(cell(r, LeadColumn.RANK) + "|" + (r.getCell(1) == null ? "" : r.getCell(1)));
      }
      assertTrue(summary.contains("产业生态圈|航空航天"), "ecosystems by name: " + summary);
    }
  }

  @Test
  void withoutAClassificationTableTheIndustryIsNamedByTheShippedOne() throws IOException {
    try (XSSFWorkbook wb = workbook(ExportFixtures.profiledZone(Map.of()))) {
      assertEquals(
          "飞机制造",
          cell(wb.getSheet(LeadListWorkbook.LEADS_SHEET).getRow(1), LeadColumn.INDUSTRY_NAME));
    }
  }

  @Test
  void theCsvAndTheReportShowTheSameProfile() throws Exception {
    ZoneExport zone = ExportFixtures.profiledZone(Map.of("3741", "飞机制造"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LeadListCsv.write(zone, out);
    List<List<String>> csv =
        LeadListCsvTest.parse(out.toString(StandardCharsets.UTF_8).substring(1));
    assertEquals(
        List.of("四川省", "成都", "3741", "飞机制造", "中型", "2000万-1亿元", "350", "世界500强、上市公司、高新技术企业"),
        csv.get(1).subList(LeadColumn.PROVINCE.ordinal(), LeadColumn.TAGS.ordinal() + 1));
    assertEquals(LeadColumn.values().length, csv.get(0).size(), "no feedback columns in the CSV");

    String page = RunReportPage.render(RunReportPageTest.summary(), List.of(zone));
    assertTrue(
        page.contains(
            "<p class=\"facts\"><span>所在省份 四川省</span> · <span>所在城市 成都</span> · "
                + "<span>主营行业代码 3741</span> · <span>主营行业 飞机制造</span> · "
                + "<span>企业规模 中型</span> · <span>营业收入区间 2000万-1亿元</span> · "
                + "<span>从业人数 350</span> · <span>企业标签 世界500强、上市公司、高新技术企业</span></p>"),
        page);
    assertTrue(page.contains("<td class=\"opt\">航空航天</td>"), "the ecosystem's name");
    assertFalse(page.contains(">aerospace<"));
  }

  @Test
  void theTeamsColumnsAreMarkedValidatedAndExplained() throws IOException {
    ZoneExport zone = ExportFixtures.hostileZone();
    int first = LeadColumn.values().length;
    try (XSSFWorkbook wb = workbook(zone)) {
      XSSFSheet s = wb.getSheet(LeadListWorkbook.LEADS_SHEET);
      Row header = s.getRow(0);
      assertEquals("DDEBF7", fill(header.getCell(LeadColumn.ENGAGEMENT.ordinal())), "read-only");
      for (FeedbackColumn f : FeedbackColumn.values()) {
        Cell h = header.getCell(first + f.ordinal());
        assertEquals(f.header(), h.getStringCellValue());
        assertEquals("F8CBAD", fill(h), "the team's header colour: " + f);
        Cell body = s.getRow(1).getCell(first + f.ordinal());
        assertEquals(CellType.BLANK, body.getCellType(), "left for the team");
        assertEquals("FFF2CC", fill(body), "the team's cells: " + f);
      }
      assertEquals(
          "yyyy-mm-dd",
          s.getRow(1)
              .getCell(first + FeedbackColumn.DATE.ordinal())
              .getCellStyle()
              .getDataFormatString());
      assertNotNull(header.getCell(first).getCellComment(), "a note says what the columns are");
      String note = header.getCell(first).getCellComment().getString().getString();
      assertTrue(note.contains("万元") && note.contains("jobs/import-feedback"), note);

      List<XSSFDataValidation> validations = s.getDataValidations();
      assertEquals(3, validations.size());
      int last = zone.leads().size() + 1; // Excel's row number of the last lead
      XSSFDataValidation stage = byColumn(validations, first + FeedbackColumn.STAGE.ordinal());
      assertEquals(
          List.of("已接触", "已走访", "洽谈中", "暂缓", "已签约", "已落地", "已放弃"),
          List.of(stage.getValidationConstraint().getExplicitListValues()));
      // read back, POI's inverted flag says showDropDown="0": Excel shows the arrow
      assertTrue(stage.getSuppressDropDownArrow());
      assertEquals(DataValidation.ErrorStyle.STOP, stage.getErrorStyle());
      assertEquals("AD2:AD" + last, stage.getRegions().getCellRangeAddress(0).formatAsString());
      XSSFDataValidation date = byColumn(validations, first + FeedbackColumn.DATE.ordinal());
      assertEquals(
          DataValidationConstraint.ValidationType.DATE,
          date.getValidationConstraint().getValidationType());
      assertEquals("DATE(2000,1,1)", date.getValidationConstraint().getFormula1());
      XSSFDataValidation amount = byColumn(validations, first + FeedbackColumn.AMOUNT.ordinal());
      assertEquals(
          DataValidationConstraint.ValidationType.DECIMAL,
          amount.getValidationConstraint().getValidationType());
      assertEquals("0", amount.getValidationConstraint().getFormula1());
    }
  }

  private static XSSFDataValidation byColumn(List<XSSFDataValidation> all, int column) {
    return all.stream()
        .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == column)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no validation on column " + column));
  }

  @Test
  void aVeryHiddenSheetNamesTheZoneAndTheListedEnterprises() throws IOException {
    ZoneExport zone = ExportFixtures.hostileZone();
    try (XSSFWorkbook wb = workbook(zone)) {
      int i = wb.getSheetIndex(LeadListWorkbook.IMPORT_SHEET);
      assertEquals(3, i, "after the three sheets people read");
      assertEquals(SheetVisibility.VERY_HIDDEN, wb.getSheetVisibility(i));
      assertEquals(0, wb.getActiveSheetIndex());
      Sheet s = wb.getSheetAt(i);
      assertEquals(LeadListWorkbook.IMPORT_ZONE_ID, s.getRow(0).getCell(0).getStringCellValue());
      assertEquals("cd_kongtian", s.getRow(0).getCell(1).getStringCellValue());
      assertEquals("2026-11-20", s.getRow(1).getCell(1).getStringCellValue());
      assertEquals(
          LeadListWorkbook.IMPORT_ENTERPRISE_IDS, s.getRow(2).getCell(0).getStringCellValue());
      List<String> ids = new ArrayList<>();
      for (int r = 3; r <= s.getLastRowNum(); r++) {
        ids.add(s.getRow(r).getCell(0).getStringCellValue());
      }
      assertEquals(zone.leads().stream().map(LeadRow::enterpriseId).toList(), ids);
    }
  }

  @Test
  void aZoneWithoutLeadsHasTheColumnsButNoValidations() throws IOException {
    try (XSSFWorkbook wb = workbook(ExportFixtures.emptyZone("z1", "空园区"))) {
      XSSFSheet s = wb.getSheet(LeadListWorkbook.LEADS_SHEET);
      assertEquals(
          FeedbackColumn.NOTE.header(),
          s.getRow(0)
              .getCell(LeadColumn.values().length + FeedbackColumn.NOTE.ordinal())
              .getStringCellValue());
      assertTrue(s.getDataValidations().isEmpty());
      assertNull(s.getRow(1));
    }
  }
}
