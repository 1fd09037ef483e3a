package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.export.FeedbackColumn;
import org.oppmatch.export.LeadColumn;
import org.oppmatch.export.LeadListCsv;
import org.oppmatch.export.LeadListWorkbook;
import org.oppmatch.feedback.ImportFeedback;
import org.oppmatch.schema.InputTable;
import org.oppmatch.testing.Duck;
import org.oppmatch.testing.Fixtures;

/**
 * The round trip of a zone's lead list on the end-to-end fixture: the workbook a run exports says
 * who each enterprise is, its team fills in the feedback columns (in Excel, here with POI), {@code
 * jobs/import-feedback} appends them to the outcomes input, and the next night's lists act on them.
 * Two runs of the job in all, shared by every test.
 */
class FeedbackRoundTripTest {
  static final String DATE = NightlyJobEndToEndTest.DATE;
  static final String NEXT_DATE = "2026-11-21";
  static final String ZONE = "Z_AERO";

  @TempDir static Path tmp;
  static Path inputs;
  static Path out;
  static int firstExit;
  static int secondExit;
  static Path returned;
  static Path outcomes;

  /** Excel's row number of the lead row of each enterprise on Z_AERO's sheet. */
  static Map<String, Integer> rowOf = new java.util.HashMap<>();

  static ImportRun firstImport;
  static String afterFirstImport;
  static ImportRun secondImport;
  static String afterSecondImport;

  record ImportRun(int code, String out, String err) {}

  @BeforeAll
  static void exportFillImportAndRunAgain() throws IOException {
    inputs = tmp.resolve("in");
    NightlyJobEndToEndTest.writeInputs(inputs);
    List<Map<String, String>> enterprises = new ArrayList<>();
    for (Map<String, String> e : NightlyJobEndToEndTest.enterprises()) {
      // A1 with a head count, so every profile column of its row has a value
      enterprises.add(
          "A1".equals(e.get("enterprise_id")) ? Fixtures.with(e, "employees", "1200") : e);
    }
    Fixtures.write(inputs, "enterprises.csv", Fixtures.csv(InputTable.ENTERPRISES, enterprises));
    // the fixture's codes, as a classification table names them
    Path table =
        Fixtures.write(
            tmp,
            "gbt4754.csv",
            "code,name_zh\n3741,飞机制造\n3744,航空相关设备制造\n3911,计算机整机制造\n"
                + "3973,集成电路制造\n6520,集成电路设计\n0111,稻谷种植\n");
    // 2 of 13 enterprise rows are planted bad, as in NightlyJobEndToEndTest
    Path config =
        Fixtures.write(
            tmp,
            "config.json",
            "{\"quarantine_limit\": 0.2, \"classification_table\": \""
                + table.toString().replace("\\", "\\\\")
                + "\"}");
    out = tmp.resolve("out");
    firstExit = NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(inputs, out, DATE, config));
    assertEquals(0, firstExit, NightlyJobEndToEndTest.lastErr);

    // the team fills in its copy: A1 signed, A3 contacted with a note, A2 "not now" with a note,
    // and a stage not in the list for T1
    returned = tmp.resolve("returned").resolve("新都航空园-反馈.xlsx");
    Files.createDirectories(returned.getParent());
    Files.copy(workbook(out, DATE), returned);
    fillIn(
        returned,
        Map.of(
            "A1", new Object[] {"已签约", LocalDate.of(2026, 11, 18), 50_000.0},
            "A3", new Object[] {"已接触", LocalDate.of(2026, 11, 19), 200.0, A3_NOTE},
            "A2", new Object[] {"暂缓", LocalDate.of(2026, 11, 19), null, "明年预算下来再谈"},
            "T1", new Object[] {"跟进中", LocalDate.of(2026, 11, 19), null}));

    outcomes = inputs.resolve("outcomes.csv");
    firstImport = importFeedback();
    afterFirstImport = Files.readString(outcomes);
    secondImport = importFeedback();
    afterSecondImport = Files.readString(outcomes);

    secondExit =
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(inputs, out, NEXT_DATE, config));
  }

  static final String A3_NOTE = "约了11月25日见面, 对接人王总";

  static Path workbook(Path output, String date) {
    return output.resolve("exports/run_date=" + date + "/" + ZONE + ".xlsx");
  }

  static ImportRun importFeedback() {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int code =
        ImportFeedback.execute(
            new String[] {
              returned.toString(), "--outcomes", outcomes.toString(), "--today", NEXT_DATE
            },
            new PrintStream(o, true, StandardCharsets.UTF_8),
            new PrintStream(e, true, StandardCharsets.UTF_8));
    return new ImportRun(
        code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
  }

  /**
   * Stage, date, amount (万元) and, when given, a note on the rows of the given enterprises, as typed
   * in Excel.
   */
  static void fillIn(Path file, Map<String, Object[]> byEnterprise) throws IOException {
    XSSFWorkbook wb;
    try (InputStream in = Files.newInputStream(file)) {
      wb = new XSSFWorkbook(in);
    }
    try (wb) {
      Sheet s = wb.getSheet(LeadListWorkbook.LEADS_SHEET);
      int first = LeadColumn.values().length;
      CellStyle dateStyle = wb.createCellStyle();
      dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      for (Row row : s) {
        Cell id = row.getCell(LeadColumn.ENTERPRISE_ID.ordinal());
        if (row.getRowNum() == 0 || id == null) {
          continue;
        }
        rowOf.put(id.getStringCellValue(), row.getRowNum() + 1);
        Object[] v = byEnterprise.get(id.getStringCellValue());
        if (v == null) {
          continue;
        }
        row.getCell(first + FeedbackColumn.STAGE.ordinal()).setCellValue((String) v[0]);
        Cell date = row.getCell(first + FeedbackColumn.DATE.ordinal());
        date.setCellValue((LocalDate) v[1]);
        date.setCellStyle(dateStyle);
        if (v[2] != null) {
          row.getCell(first + FeedbackColumn.AMOUNT.ordinal()).setCellValue((Double) v[2]);
        }
        if (v.length > 3) {
          row.getCell(first + FeedbackColumn.NOTE.ordinal()).setCellValue((String) v[3]);
        }
      }
      try (OutputStream o = Files.newOutputStream(file)) {
        wb.write(o);
      }
    }
  }

  static Map<String, String> leadRow(Path workbook, String enterpriseId) throws IOException {
    try (InputStream in = Files.newInputStream(workbook);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet s = wb.getSheet(LeadListWorkbook.LEADS_SHEET);
      for (Row row : s) {
        if (row.getRowNum() > 0
            && enterpriseId.equals(
                row.getCell(LeadColumn.ENTERPRISE_ID.ordinal()).getStringCellValue())) {
          Map<String, String> m = new java.util.LinkedHashMap<>();
          for (Cell c : s.getRow(0)) {
            Cell v = row.getCell(c.getColumnIndex());
            m.put(
                c.getStringCellValue(),
                v == null || v.getCellType() == CellType.BLANK
                    ? ""
                    : v.getCellType() == CellType.NUMERIC
                        ? Double.toString(v.getNumericCellValue())
                        : v.getStringCellValue());
          }
          return m;
        }
      }
    }
    return null;
  }

  static final Map<String, String> A1_PROFILE =
      Map.of(
          "所在省份", "四川省",
          "所在城市", "成都",
          "主营行业代码", "3741",
          "主营行业", "飞机制造",
          "企业规模", "大型",
          "营业收入区间", "100亿元以上",
          "企业标签", "世界500强、上市公司");

  @Test
  void theWorkbookRowSaysWhoTheEnterpriseIs() throws IOException {
    Map<String, String> a1 = leadRow(workbook(out, DATE), "A1");
    A1_PROFILE.forEach((column, value) -> assertEquals(value, a1.get(column), column));
    assertEquals("1200.0", a1.get("从业人数"), "a number cell");
    assertEquals("", a1.get("跟进阶段"), "nobody works A1 yet");
    assertEquals("", a1.get(FeedbackColumn.STAGE.header()), "left for the team");
  }

  @Test
  void theCsvRowAndTheReportSayTheSame() throws IOException {
    List<String> lines =
        Files.readAllLines(out.resolve("exports/run_date=" + DATE + "/" + ZONE + ".csv"));
    List<String> header = List.of(lines.get(0).substring(1).split(","));
    String a1Line = lines.stream().filter(l -> l.contains(",A1,")).findFirst().orElseThrow();
    List<String> a1 = List.of(a1Line.split(",", -1));
    A1_PROFILE.forEach(
        (column, value) -> assertEquals(value, a1.get(header.indexOf(column)), column));
    assertEquals("1200", a1.get(header.indexOf("从业人数")));
    assertEquals(LeadColumn.values().length, header.size(), LeadListCsv.class + " columns");

    String report = Files.readString(out.resolve("report/run_date=" + DATE + "/index.html"));
    assertTrue(
        report.contains(
            "<span>所在省份 四川省</span> · <span>所在城市 成都</span> · <span>主营行业代码 3741</span> · "
                + "<span>主营行业 飞机制造</span> · <span>企业规模 大型</span> · "
                + "<span>营业收入区间 100亿元以上</span> · <span>从业人数 1200</span> · "
                + "<span>企业标签 世界500强、上市公司</span>"),
        "A1 leads Z_AERO's top five");
    assertTrue(report.contains(">航空航天</td>"), "the ecosystem by its name");
  }

  @Test
  void theTargetsOutputKeepsItsColumns() {
    List<Map<String, Object>> rows = NightlyJobEndToEndTest.targets(out, DATE);
    for (String column : List.of("province", "city", "employees", "revenue_cny", "size_band")) {
      assertFalse(rows.get(0).containsKey(column), column + " is for people, not the contract");
    }
  }

  @Test
  void theTwoFilledRowsBecomeOutcomesAndTheBadOneIsReported() {
    assertEquals(ImportFeedback.ROWS_REJECTED, firstImport.code(), firstImport.err());
    assertEquals(
        "enterprise_id,zone_id,stage,stage_date,investment_cny,note\n"
            + "A1,Z_AERO,signed,2026-11-18,500000000,\n"
            + "A3,Z_AERO,contacted,2026-11-19,2000000,\""
            + A3_NOTE
            + "\"\n"
            + "A2,Z_AERO,deferred,2026-11-19,,明年预算下来再谈\n",
        afterFirstImport,
        "in sheet order; 万元 made yuan; the notes with their rows");
    assertTrue(
        firstImport
            .err()
            .contains(
                "rejected "
                    + returned
                    + " sheet 线索清单 row "
                    + rowOf.get("T1")
                    + " (enterprise T1): unknown stage \"跟进中\""),
        firstImport.err());
    assertEquals(1, firstImport.err().lines().filter(l -> l.contains(": rejected ")).count());
    assertTrue(
        firstImport.out().contains("zone Z_AERO, 4 rows filled in: 3 valid"), firstImport.out());
  }

  @Test
  void aSecondImportAddsNothing() {
    assertEquals(afterFirstImport, afterSecondImport);
    assertTrue(secondImport.out().contains("nothing new to append"), secondImport.out());
    assertTrue(secondImport.out().contains("3 valid (3 already in"), secondImport.out());
    assertEquals(ImportFeedback.ROWS_REJECTED, secondImport.code(), "T1's row is still wrong");
  }

  @Test
  void theNextRunActsOnTheFeedback() throws IOException {
    assertEquals(0, secondExit, NightlyJobEndToEndTest.lastErr);
    List<Map<String, Object>> next = NightlyJobEndToEndTest.targets(out, NEXT_DATE);
    assertTrue(
        next.stream().noneMatch(r -> "A1".equals(r.get("enterprise_id"))),
        "signed: on no list any more");
    Map<String, Object> a3 =
        next.stream().filter(r -> "A3".equals(r.get("enterprise_id"))).findFirst().orElseThrow();
    assertEquals(ZONE, a3.get("zone_id"));
    assertEquals("contacted", a3.get("engagement_stage"));
    assertEquals(LocalDate.of(2026, 11, 19), a3.get("engagement_since"));
    assertNull(
        NightlyJobEndToEndTest.targets(out, DATE).stream()
            .filter(r -> "A3".equals(r.get("enterprise_id")))
            .findFirst()
            .orElseThrow()
            .get("engagement_stage"),
        "before the feedback nobody worked A3");

    List<Map<String, Object>> dropped =
        Duck.query(
            "select enterprise_id, reason from "
                + Duck.parquet(out.resolve("dropped/run_date=" + NEXT_DATE))
                + " where zone_id = '"
                + ZONE
                + "'");
    assertTrue(
        dropped.contains(Map.of("enterprise_id", "A1", "reason", "won")), dropped.toString());
    assertTrue(
        dropped.contains(Map.of("enterprise_id", "A2", "reason", "deferred")),
        "not now: off every list for outcomes.deferred_days " + dropped);
    assertTrue(next.stream().noneMatch(r -> "A2".equals(r.get("enterprise_id"))));

    Path nextWorkbook = workbook(out, NEXT_DATE);
    assertNull(leadRow(nextWorkbook, "A1"));
    try (InputStream in = Files.newInputStream(nextWorkbook);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      boolean said = false;
      for (Row r : wb.getSheet(LeadListWorkbook.CHANGES_SHEET)) {
        said |=
            "A1".equals(r.getCell(2) == null ? null : r.getCell(2).getStringCellValue())
                && "已签约或落地，不再列入清单".equals(r.getCell(5).getStringCellValue());
      }
      assertTrue(said, "the changes sheet says in Chinese why A1 left");
    }
    Map<String, String> a3Row = leadRow(nextWorkbook, "A3");
    assertEquals("已接触（自2026-11-19）", a3Row.get("跟进阶段"));
    assertEquals("2026-11-19 新都航空园：" + A3_NOTE, a3Row.get("最近备注"), "the note came back");
  }

  @Test
  void theNextListsCarryTheLatestNoteAndTheHistory() {
    Map<String, Map<String, Object>> before = new java.util.HashMap<>();
    NightlyJobEndToEndTest.targets(out, DATE)
        .forEach(r -> before.put((String) r.get("enterprise_id"), r));
    List<Map<String, Object>> next = NightlyJobEndToEndTest.targets(out, NEXT_DATE);
    Map<String, Object> a3 =
        next.stream().filter(r -> "A3".equals(r.get("enterprise_id"))).findFirst().orElseThrow();
    assertEquals(A3_NOTE, a3.get("latest_note"));
    assertEquals(LocalDate.of(2026, 11, 19), a3.get("latest_note_date"));
    assertEquals(ZONE, a3.get("latest_note_zone_id"));
    for (Map<String, Object> r : NightlyJobEndToEndTest.targets(out, DATE)) {
      assertEquals(List.of(), r.get("score_history"), "no earlier run: an empty history");
      assertEquals(List.of(), r.get("rank_history"));
    }
    for (Map<String, Object> r : next) {
      Map<String, Object> then = before.get((String) r.get("enterprise_id"));
      boolean sameZone = then != null && then.get("zone_id").equals(r.get("zone_id"));
      // one earlier run: its score and rank on this list, or null where it was not on it
      assertEquals(
          java.util.Arrays.asList(sameZone ? then.get("score") : null),
          r.get("score_history"),
          r.toString());
      assertEquals(
          java.util.Arrays.asList(sameZone ? then.get("rank") : null),
          r.get("rank_history"),
          r.toString());
      assertEquals(sameZone ? then.get("rank") : null, r.get("previous_rank"), "the same run");
    }
  }
}
