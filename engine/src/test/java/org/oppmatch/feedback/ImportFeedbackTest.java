package org.oppmatch.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.export.ChangeLog;
import org.oppmatch.export.FeedbackColumn;
import org.oppmatch.export.LeadColumn;
import org.oppmatch.export.LeadListWorkbook;
import org.oppmatch.export.LeadRow;
import org.oppmatch.export.Names;
import org.oppmatch.export.ZoneExport;
import org.oppmatch.export.ZoneInfo;

/**
 * The checks of the feedback import, one per kind of mistake a team makes, on workbooks written by
 * the export and filled in with POI as a person would in Excel; and the outcomes file it appends
 * to. No Spark: the round trip through the nightly job is FeedbackRoundTripTest.
 */
class ImportFeedbackTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
  static final int FIRST_FEEDBACK = LeadColumn.values().length;

  @TempDir Path tmp;

  private static LeadRow lead(int rank, String id) {
    return new LeadRow(
        rank,
        id,
        "企业" + id,
        80 - rank,
        "A",
        "none",
        List.of(),
        List.of(),
        List.of(),
        "理由",
        Map.of(),
        List.of(),
        true,
        null,
        null,
        null,
        null,
        LeadRow.Profile.NONE);
  }

  /** The export's workbook of zone Z1 listing E1..E{n}. */
  private Path exported(String name, int n) throws IOException {
    List<LeadRow> leads = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      leads.add(lead(i, "E" + i));
    }
    ZoneExport zone =
        new ZoneExport(
            new ZoneInfo("Z1", "一号园区", "aerospace"),
            TODAY,
            leads,
            ChangeLog.unknown(),
            List.of(),
            Names.none());
    Path p = tmp.resolve(name);
    try (OutputStream out = Files.newOutputStream(p)) {
      LeadListWorkbook.write(zone, out);
    }
    return p;
  }

  /** A filled-in row: a value per feedback column, null leaves the cell as it is. */
  record Fill(int excelRow, Object stage, Object date, Object amount, String note) {}

  /** Fills cells as Excel stores what a person types: text, numbers, dates as date cells. */
  static void fill(Path workbook, List<Fill> fills) throws IOException {
    XSSFWorkbook wb;
    try (InputStream in = Files.newInputStream(workbook)) {
      wb = new XSSFWorkbook(in);
    }
    try (wb) {
      Sheet s = wb.getSheet(LeadListWorkbook.LEADS_SHEET);
      CellStyle dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      for (Fill f : fills) {
        Row row = s.getRow(f.excelRow() - 1);
        if (row == null) {
          row = s.createRow(f.excelRow() - 1);
        }
        set(row, FeedbackColumn.STAGE, f.stage(), dateStyle);
        set(row, FeedbackColumn.DATE, f.date(), dateStyle);
        set(row, FeedbackColumn.AMOUNT, f.amount(), dateStyle);
        set(row, FeedbackColumn.NOTE, f.note(), dateStyle);
      }
      try (OutputStream out = Files.newOutputStream(workbook)) {
        wb.write(out);
      }
    }
  }

  private static void set(Row row, FeedbackColumn c, Object v, CellStyle dateStyle) {
    if (v == null) {
      return;
    }
    Cell cell = row.getCell(FIRST_FEEDBACK + c.ordinal());
    if (cell == null) {
      cell = row.createCell(FIRST_FEEDBACK + c.ordinal());
    }
    if (v instanceof LocalDate d) {
      cell.setCellValue(d);
      cell.setCellStyle(dateStyle);
    } else if (v instanceof Number n) {
      cell.setCellValue(n.doubleValue());
    } else {
      cell.setCellValue(v.toString());
    }
  }

  /** Sets the enterprise id cell of a row (a row typed in below the list, or an id changed). */
  static void setId(Path workbook, int excelRow, String id) throws IOException {
    XSSFWorkbook wb;
    try (InputStream in = Files.newInputStream(workbook)) {
      wb = new XSSFWorkbook(in);
    }
    try (wb) {
      Sheet s = wb.getSheet(LeadListWorkbook.LEADS_SHEET);
      Row row = s.getRow(excelRow - 1) == null ? s.createRow(excelRow - 1) : s.getRow(excelRow - 1);
      row.createCell(LeadColumn.ENTERPRISE_ID.ordinal()).setCellValue(id);
      try (OutputStream out = Files.newOutputStream(workbook)) {
        wb.write(out);
      }
    }
  }

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ImportFeedback.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Run importInto(Path outcomes, Path... workbooks) {
    List<String> a = new ArrayList<>();
    for (Path w : workbooks) {
      a.add(w.toString());
    }
    a.addAll(List.of("--outcomes", outcomes.toString(), "--today", TODAY.toString()));
    return run(a.toArray(new String[0]));
  }

  @Test
  void everyKindOfMistakeIsReportedWithSheetAndRowAndTheGoodRowsStillGoIn() throws IOException {
    Path wb = exported("z1.xlsx", 9);
    fill(
        wb,
        List.of(
            new Fill(2, "已签约", LocalDate.of(2026, 11, 3), 12.5, "首期"),
            new Fill(3, "contacted", "2026/11/4", null, null),
            new Fill(4, "跟进中", LocalDate.of(2026, 11, 5), null, null),
            new Fill(5, "已走访", null, null, null),
            new Fill(6, "已走访", "下周二", null, null),
            new Fill(7, "洽谈中", LocalDate.of(2026, 11, 21), null, null),
            new Fill(8, "洽谈中", LocalDate.of(2026, 11, 6), -5, null),
            new Fill(9, null, null, null, "只有备注：没有阶段和日期，不成一条跟进记录"),
            new Fill(12, "已接触", "2026-11-07", null, null)));
    setId(wb, 12, "E99");
    Path outcomes = tmp.resolve("outcomes.csv");

    Run r = importInto(outcomes, wb);

    assertEquals(ImportFeedback.ROWS_REJECTED, r.code(), r.err());
    assertEquals(
        "enterprise_id,zone_id,stage,stage_date,investment_cny,note\n"
            + "E1,Z1,signed,2026-11-03,125000,首期\n"
            + "E2,Z1,contacted,2026-11-04,,\n",
        Files.readString(outcomes),
        "12.5万元 is 125,000 yuan; the note goes with its row");
    String err = r.err();
    String where = wb + " sheet " + LeadListWorkbook.LEADS_SHEET + " row ";
    for (String expected :
        List.of(
            where + "4 (enterprise E3): unknown stage \"跟进中\"",
            where + "5 (enterprise E4): no date",
            where + "6 (enterprise E5): date \"下周二\" is not a date",
            where + "7 (enterprise E6): date 2026-11-21 is in the future (today is 2026-11-20)",
            where + "8 (enterprise E7): amount -5 is negative",
            where + "9 (enterprise E8): a note needs a stage and a date",
            where + "12 (enterprise E99): enterprise id E99 is not on the list")) {
      assertTrue(err.contains("import-feedback: rejected " + expected), expected + " in\n" + err);
    }
    assertFalse(err.contains("row 9 (enterprise E8): no stage"), "one reason for a note alone");
    assertEquals(7, err.lines().filter(l -> l.contains(": rejected ")).count(), err);
    assertTrue(r.out().contains("zone Z1, 9 rows filled in: 2 valid"), r.out());
  }

  @Test
  void importingTheSameWorkbookAgainAddsNothing() throws IOException {
    Path wb = exported("z1.xlsx", 3);
    fill(wb, List.of(new Fill(3, "已走访", LocalDate.of(2026, 11, 10), 300, null)));
    Path outcomes = tmp.resolve("outcomes.csv");
    assertEquals(ImportFeedback.OK, importInto(outcomes, wb).code());
    byte[] once = Files.readAllBytes(outcomes);
    Run again = importInto(outcomes, wb, wb);
    assertEquals(ImportFeedback.OK, again.code(), again.err());
    assertTrue(again.out().contains("nothing new to append"), again.out());
    assertEquals(new String(once, StandardCharsets.UTF_8), Files.readString(outcomes));
  }

  @Test
  void rowsAlreadyInTheFileAreRecognisedWhateverTheirSpellingAndTheFileKeepsItsBytes()
      throws IOException {
    Path outcomes = tmp.resolve("outcomes.csv");
    // as Excel saves CSV: byte-order mark, CRLF, another column order, an extra column, 3e6
    String before =
        "\uFEFFzone_id,enterprise_id,stage,stage_date,investment_cny,source\r\n"
            + "Z1,E1,SIGNED,2026-11-03,3e6,crm\r\n"
            + "Z9,E5,lost,2026-01-01,,crm";
    Files.writeString(outcomes, before);
    Path wb = exported("z1.xlsx", 2);
    fill(
        wb,
        List.of(
            new Fill(2, "已签约", LocalDate.of(2026, 11, 3), 300, null),
            new Fill(3, "已放弃", LocalDate.of(2026, 11, 8), null, null)));
    Run r = importInto(outcomes, wb);
    assertEquals(ImportFeedback.OK, r.code(), r.err());
    assertEquals(
        before + "\r\nZ1,E2,lost,2026-11-08,,\r\n",
        Files.readString(outcomes),
        "E1's signing is there already (300万元 = 3e6 yuan); E2 follows in the file's own order");
    assertTrue(r.out().contains("1 already in"), r.out());
  }

  @Test
  void aWorkbookNamesItsZoneWhateverItsFileIsCalled() throws IOException {
    Path wb = exported("z1.xlsx", 1);
    Path renamed = tmp.resolve("空天园反馈-张三.xlsx");
    Files.move(wb, renamed);
    fill(renamed, List.of(new Fill(2, "已接触", "2026年11月9日", null, null)));
    Path outcomes = tmp.resolve("outcomes.csv");
    assertEquals(ImportFeedback.OK, importInto(outcomes, renamed).code());
    assertTrue(Files.readString(outcomes).endsWith("E1,Z1,contacted,2026-11-09,,\n"));
  }

  @Test
  void aFileThatIsNoLeadListOrBadArgumentsChangeNothing() throws IOException {
    Path outcomes = tmp.resolve("outcomes.csv");
    Path good = exported("z1.xlsx", 1);
    fill(good, List.of(new Fill(2, "已接触", "2026-11-09", null, null)));
    Path notExcel = Files.writeString(tmp.resolve("notes.xlsx"), "not a workbook");
    Run r = importInto(outcomes, good, notExcel);
    assertEquals(ImportFeedback.BAD_ARGUMENTS, r.code());
    assertTrue(r.err().contains("notes.xlsx: cannot be read as an Excel workbook"), r.err());
    assertFalse(Files.exists(outcomes), "nothing appended when one workbook cannot be read");

    Path foreign = tmp.resolve("foreign.xlsx");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(foreign)) {
      wb.createSheet(LeadListWorkbook.LEADS_SHEET);
      wb.write(out);
    }
    r = importInto(outcomes, foreign);
    assertEquals(ImportFeedback.BAD_ARGUMENTS, r.code());
    assertTrue(r.err().contains("no sheet " + LeadListWorkbook.IMPORT_SHEET), r.err());

    assertEquals(ImportFeedback.BAD_ARGUMENTS, run(good.toString()).code(), "no --outcomes");
    assertEquals(ImportFeedback.BAD_ARGUMENTS, run("--outcomes", outcomes.toString()).code());
    Run today = run(good.toString(), "--outcomes", outcomes.toString(), "--today", "11/20");
    assertEquals(ImportFeedback.BAD_ARGUMENTS, today.code());
    assertTrue(today.err().contains("exit codes: 0"), "the usage names the codes");
    assertFalse(Files.exists(outcomes));
  }

  @Test
  void aFileWithoutTheColumnsARowFillsInGainsThem() throws IOException {
    // written by hand, or before notes were imported: no investment_cny, no note
    Path outcomes =
        Files.writeString(
            tmp.resolve("outcomes.csv"),
            "enterprise_id,zone_id,stage,stage_date\r\n"
                + "E9,Z1,lost,2026-01-02\r\n"
                + "\"E,8\",Z1,visited,2026-01-03\r\n"
                + "E7,Z1\r\n");
    Path wb = exported("z1.xlsx", 2);
    fill(
        wb,
        List.of(
            new Fill(2, "已签约", LocalDate.of(2026, 11, 3), 1000, null),
            new Fill(3, "暂缓", LocalDate.of(2026, 11, 4), null, "明年预算下来再谈, 联系人王总")));
    Run r = importInto(outcomes, wb);
    assertEquals(ImportFeedback.OK, r.code(), r.err());
    assertEquals(
        "enterprise_id,zone_id,stage,stage_date,investment_cny,note\r\n"
            + "E9,Z1,lost,2026-01-02,,\r\n"
            + "\"E,8\",Z1,visited,2026-01-03,,\r\n"
            + "E7,Z1\r\n"
            + "E1,Z1,signed,2026-11-03,10000000,\r\n"
            + "E2,Z1,deferred,2026-11-04,,\"明年预算下来再谈, 联系人王总\"\r\n",
        Files.readString(outcomes),
        "earlier rows empty in the new columns, a malformed line kept as it is, the line ends kept");
    // and the next import compares with the widened file
    assertTrue(importInto(outcomes, wb).out().contains("nothing new to append"));
  }

  @Test
  void datesAndAmountsAreReadAsPeopleTypeThem() {
    assertEquals(LocalDate.of(2026, 11, 9), ReturnedWorkbook.date(null, "2026-11-09"));
    assertEquals(LocalDate.of(2026, 11, 9), ReturnedWorkbook.date(null, "2026/11/9"));
    assertEquals(LocalDate.of(2026, 11, 9), ReturnedWorkbook.date(null, "2026.11.9"));
    assertEquals(LocalDate.of(2026, 11, 9), ReturnedWorkbook.date(null, "2026年11月9日"));
    assertEquals(LocalDate.of(2026, 11, 9), ReturnedWorkbook.date(null, "20261109"));
    assertEquals(null, ReturnedWorkbook.date(null, "2026-02-30"));
    assertEquals(null, ReturnedWorkbook.date(null, "11月9日"));
    assertEquals(new java.math.BigDecimal("1200.5"), ReturnedWorkbook.amount(null, "1,200.5"));
    assertEquals(null, ReturnedWorkbook.amount(null, "五百"));
    assertEquals(org.oppmatch.model.EngagementStage.LANDED, ReturnedWorkbook.stage(" 已落地 "));
    assertEquals(org.oppmatch.model.EngagementStage.VISITED, ReturnedWorkbook.stage("Visited"));
    assertEquals(null, ReturnedWorkbook.stage("已完成"));
  }
}
