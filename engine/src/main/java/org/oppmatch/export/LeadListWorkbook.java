package org.oppmatch.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A zone's lead list as an Excel workbook for its promotion team: the ranked leads (线索清单), what
 * changed since the last run (变化) and a summary with the chain map's coverage (概况).
 *
 * <p>The lead sheet ends with the team's own columns ({@link FeedbackColumn}, 本次反馈): a stage from a
 * drop-down, a date, an amount and a note per lead, in their own colour. A very hidden sheet
 * ({@link #IMPORT_SHEET}) records the zone, the run date and the enterprise ids the list was sent
 * with, so the returned workbook names its zone whatever the file is renamed to, and a row whose id
 * was typed in or changed is caught on import ({@code org.oppmatch.feedback.ImportFeedback}).
 *
 * <p>Every text is written as a string cell, never as a formula, whatever it begins with: names and
 * texts come from outside. A text that Excel would take for a formula when typed also gets the
 * quote prefix, so that editing the cell and pressing Enter keeps it text.
 */
public final class LeadListWorkbook {
  public static final String LEADS_SHEET = "线索清单";
  public static final String CHANGES_SHEET = "变化";
  public static final String SUMMARY_SHEET = "概况";

  /**
   * The very hidden sheet the feedback import reads: rows of key (column A) and value (column B),
   * {@link #IMPORT_ZONE_ID}, {@link #IMPORT_RUN_DATE}, then {@link #IMPORT_ENTERPRISE_IDS} with
   * their count, followed by one id per row in column A. Excel shows it in no menu.
   */
  public static final String IMPORT_SHEET = "oppmatch_import";

  public static final String IMPORT_ZONE_ID = "zone_id";
  public static final String IMPORT_RUN_DATE = "run_date";
  public static final String IMPORT_ENTERPRISE_IDS = "enterprise_ids";

  /** The note on the first feedback header: what the orange columns are for. */
  static final String FEEDBACK_NOTE =
      "本次反馈（橙色表头的四列）由招商团队填写：从下拉列表选择跟进阶段，填写达到该阶段的日期；"
          + "投资额以万元为单位，可不填；备注随本行一并导入，下次清单的「最近备注」列显示最新一条。"
          + "企业表示暂不考虑时选「暂缓」：暂缓期内不再列入清单，期满后重新推荐。"
          + "左侧「跟进阶段」列是系统已记录的阶段，只读。填好后交回，由 jobs/import-feedback 导入。";

  /** The single line of the changes sheet when there is nothing to compare with. */
  public static final String NO_EARLIER_RUN = "没有上次运行的结果可以比较：本次是第一次运行。";

  public static final String NO_CHANGE = "与上次运行相比，清单没有变化。";

  /** Said instead of a count when the job did not give the leads that left the list. */
  public static final String DROPPED_UNKNOWN = "移出的线索：本次运行未提供";

  public static final List<String> CHANGE_HEADERS =
      List.of("变化", "企业名称", "企业编号", "本次排名", "上次排名", "说明");

  /** Rows SXSSF keeps in memory before flushing them to its temporary file. */
  private static final int ROW_WINDOW = 200;

  private LeadListWorkbook() {}

  /** Writes the workbook of one zone; the stream is left open. */
  public static void write(ZoneExport zone, OutputStream out) throws IOException {
    // Streaming (SXSSF) rather than plain XSSF: XSSF keeps every cell as an XML bean and took
    // about half a second per 200-row workbook here, which is most of a run's export time
    try (SXSSFWorkbook wb = new SXSSFWorkbook(null, ROW_WINDOW, false, false)) {
      Styles styles = new Styles(wb.getXSSFWorkbook());
      leadsSheet(wb.createSheet(LEADS_SHEET), styles, zone);
      changesSheet(wb.createSheet(CHANGES_SHEET), styles, zone.changes());
      summarySheet(wb.createSheet(SUMMARY_SHEET), styles, zone);
      importSheet(wb.createSheet(IMPORT_SHEET), zone);
      wb.setSheetVisibility(wb.getSheetIndex(IMPORT_SHEET), SheetVisibility.VERY_HIDDEN);
      wb.getXSSFWorkbook()
          .getProperties()
          .getCoreProperties()
          .setTitle(zone.zone().displayName() + " 招商线索");
      wb.getXSSFWorkbook().getProperties().getCoreProperties().setCreator("opportunity-engine");
      wb.write(out);
    }
  }

  private static void leadsSheet(Sheet sheet, Styles s, ZoneExport zone) {
    LeadColumn[] cols = LeadColumn.values();
    FeedbackColumn[] feedback = FeedbackColumn.values();
    int lastColumn = cols.length + feedback.length - 1;
    Row header = sheet.createRow(0);
    for (LeadColumn c : cols) {
      text(header.createCell(c.ordinal()), c.header(), s.header, s);
      sheet.setColumnWidth(c.ordinal(), c.width() * 256);
    }
    for (FeedbackColumn f : feedback) {
      int i = cols.length + f.ordinal();
      text(header.createCell(i), f.header(), s.feedbackHeader, s);
      sheet.setColumnWidth(i, f.width() * 256);
    }
    note(sheet, header.getCell(cols.length), FEEDBACK_NOTE);
    int r = 1;
    for (LeadRow lead : zone.leads()) {
      Row row = sheet.createRow(r++);
      for (LeadColumn c : cols) {
        Cell cell = row.createCell(c.ordinal());
        Object v = c.value(lead, zone.names());
        if (c == LeadColumn.TIER) {
          text(cell, (String) v, s.tier(lead.tier()), s);
        } else if (c == LeadColumn.SCORE) {
          cell.setCellValue(lead.score());
          cell.setCellStyle(s.score);
        } else {
          value(cell, v, c.wrap() ? s.wrap : s.text, s);
        }
      }
      // empty but styled, so the team sees where to write and a typed date shows as a date
      for (FeedbackColumn f : feedback) {
        row.createCell(cols.length + f.ordinal()).setCellStyle(s.feedback(f));
      }
    }
    if (r > 1) {
      validations(sheet, cols.length, r - 1);
    }
    // rank and name stay in view while the officer scrolls through the long texts to the right
    sheet.createFreezePane(2, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(r - 1, 1), 0, lastColumn));
    printSetup(sheet);
  }

  /**
   * The feedback cells of rows 1..lastRow accept only a stage of the list, a date and an amount of
   * zero or more: Excel refuses anything else as it is typed (pasted values bypass it, so the
   * import checks again).
   */
  private static void validations(Sheet sheet, int firstFeedbackColumn, int lastRow) {
    DataValidationHelper h = sheet.getDataValidationHelper();
    DataValidation stage =
        h.createValidation(
            h.createExplicitListConstraint(FeedbackColumn.stageLabels().toArray(new String[0])),
            column(firstFeedbackColumn + FeedbackColumn.STAGE.ordinal(), lastRow));
    // POI's XSSF inverts this flag: true writes showDropDown="0", which is what shows the arrow
    stage.setSuppressDropDownArrow(true);
    refuse(stage, "跟进阶段", "请从下拉列表中选择：" + String.join("、", FeedbackColumn.stageLabels()));
    sheet.addValidationData(stage);
    DataValidation date =
        h.createValidation(
            h.createDateConstraint(
                DataValidationConstraint.OperatorType.GREATER_OR_EQUAL,
                "DATE("
                    + FeedbackColumn.EARLIEST_DATE.getYear()
                    + ","
                    + FeedbackColumn.EARLIEST_DATE.getMonthValue()
                    + ","
                    + FeedbackColumn.EARLIEST_DATE.getDayOfMonth()
                    + ")",
                null,
                null),
            column(firstFeedbackColumn + FeedbackColumn.DATE.ordinal(), lastRow));
    refuse(date, "日期", "请填写达到该阶段的日期，例如 2026-11-20");
    sheet.addValidationData(date);
    DataValidation amount =
        h.createValidation(
            h.createDecimalConstraint(
                DataValidationConstraint.OperatorType.GREATER_OR_EQUAL, "0", null),
            column(firstFeedbackColumn + FeedbackColumn.AMOUNT.ordinal(), lastRow));
    refuse(amount, "投资额", "请填写不小于 0 的数字，单位万元");
    sheet.addValidationData(amount);
  }

  private static CellRangeAddressList column(int col, int lastRow) {
    return new CellRangeAddressList(1, lastRow, col, col);
  }

  private static void refuse(DataValidation v, String title, String message) {
    v.setErrorStyle(DataValidation.ErrorStyle.STOP);
    v.setEmptyCellAllowed(true);
    v.setShowErrorBox(true);
    v.createErrorBox(title, message);
  }

  /** A cell note (Excel's comment) shown when the pointer rests on the cell. */
  private static void note(Sheet sheet, Cell cell, String text) {
    CreationHelper helper = sheet.getWorkbook().getCreationHelper();
    ClientAnchor anchor = helper.createClientAnchor();
    anchor.setCol1(cell.getColumnIndex());
    anchor.setCol2(cell.getColumnIndex() + 4);
    anchor.setRow1(cell.getRowIndex());
    anchor.setRow2(cell.getRowIndex() + 6);
    Comment comment = sheet.createDrawingPatriarch().createCellComment(anchor);
    comment.setString(helper.createRichTextString(text));
    comment.setAuthor("opportunity-engine");
    cell.setCellComment(comment);
  }

  /** The zone, the run date and the listed enterprise ids, for the feedback import. */
  private static void importSheet(Sheet sheet, ZoneExport zone) {
    int r = 0;
    pair(sheet.createRow(r++), IMPORT_ZONE_ID, zone.zone().zoneId());
    pair(
        sheet.createRow(r++),
        IMPORT_RUN_DATE,
        zone.runDate() == null ? "" : zone.runDate().toString());
    pair(sheet.createRow(r++), IMPORT_ENTERPRISE_IDS, Integer.toString(zone.leads().size()));
    for (LeadRow lead : zone.leads()) {
      sheet.createRow(r++).createCell(0).setCellValue(lead.enterpriseId());
    }
  }

  private static void pair(Row row, String key, String value) {
    row.createCell(0).setCellValue(key);
    row.createCell(1).setCellValue(value);
  }

  private static void changesSheet(Sheet sheet, Styles s, ChangeLog changes) {
    if (!changes.known()) {
      text(sheet.createRow(0).createCell(0), NO_EARLIER_RUN, s.text, s);
      sheet.setColumnWidth(0, 60 * 256);
      return;
    }
    Row header = sheet.createRow(0);
    int[] widths = {8, 30, 16, 9, 9, 50};
    for (int i = 0; i < CHANGE_HEADERS.size(); i++) {
      text(header.createCell(i), CHANGE_HEADERS.get(i), s.header, s);
      sheet.setColumnWidth(i, widths[i] * 256);
    }
    int r = 1;
    for (ChangeRow c : changes.rows()) {
      Row row = sheet.createRow(r++);
      text(row.createCell(0), c.kind().zh(), s.change(c.kind()), s);
      value(row.createCell(1), c.name(), s.text, s);
      value(row.createCell(2), c.enterpriseId(), s.text, s);
      value(row.createCell(3), c.rank(), s.text, s);
      value(row.createCell(4), c.previousRank(), s.text, s);
      value(row.createCell(5), c.reason(), s.wrap, s);
    }
    if (changes.rows().isEmpty() && changes.droppedKnown()) {
      text(sheet.createRow(r++).createCell(0), NO_CHANGE, s.text, s);
    }
    if (!changes.droppedKnown()) {
      text(sheet.createRow(r).createCell(0), DROPPED_UNKNOWN, s.text, s);
    }
    sheet.createFreezePane(0, 1);
    printSetup(sheet);
  }

  private static void summarySheet(Sheet sheet, Styles s, ZoneExport zone) {
    sheet.setColumnWidth(0, 22 * 256);
    sheet.setColumnWidth(1, 34 * 256);
    sheet.setColumnWidth(2, 10 * 256);
    sheet.setColumnWidth(3, 12 * 256);
    Cursor c = new Cursor(sheet, s);
    c.title(zone.zone().displayName() + " 招商线索概况");
    c.pair("园区", zone.zone().displayName());
    c.pair("园区编号", zone.zone().zoneId());
    c.pair("产业生态圈", Labels.ecosystem(zone.zone().ecosystem()));
    c.pair("运行日期", zone.runDate() == null ? "" : zone.runDate().toString());
    c.pair("线索总数", zone.leads().size());
    c.blank();
    c.heading("本次反馈");
    c.line("「线索清单」右侧橙色表头的四列由招商团队填写：跟进阶段（下拉选择）、日期、投资额（万元）、备注。");
    c.line("填好后将本文件交回，系统导入后，下次运行的清单即反映跟进情况，备注显示在「最近备注」列。");
    c.line("企业表示暂不考虑时选「暂缓」：暂缓期内不列入任何清单，期满后作为新线索重新推荐。");
    c.blank();
    c.heading("按等级");
    zone.countsByTier().forEach((tier, n) -> c.pair(tier + " 级", n));
    c.blank();
    c.heading("按链条角色");
    zone.countsByChainRole().forEach((role, n) -> c.pair(Labels.chainRole(role), n));
    c.blank();
    c.heading("与上次运行相比");
    ChangeLog changes = zone.changes();
    if (!changes.known()) {
      c.line(NO_EARLIER_RUN);
    } else {
      if (changes.previousRunDate() != null) {
        c.pair("上次运行日期", changes.previousRunDate());
      }
      for (ChangeRow.Kind k : ChangeRow.Kind.values()) {
        c.pair(k.zh(), changes.counted(k) ? changes.count(k) : "未提供");
      }
    }
    c.blank();
    c.heading("产业链环节与候选企业");
    if (zone.coverage().isEmpty()) {
      c.line("本园区没有产业链图谱（两图一表），无环节可统计。");
    } else {
      c.header("环节名称", "环节编号", "现状", "候选企业数");
      for (NodeCoverage n : zone.coverage()) {
        c.row(n.nameZh(), n.nodeId(), Labels.nodeStatus(n.status()), n.candidates());
      }
      c.blank();
      List<NodeCoverage> gaps = zone.uncoveredNodes();
      c.heading("没有候选企业的环节（" + gaps.size() + " 个）");
      if (gaps.isEmpty()) {
        c.line("每个环节都有候选企业。");
      } else {
        c.header("环节名称", "环节编号", "现状", "原因");
        for (NodeCoverage n : gaps) {
          c.row(n.nameZh(), n.nodeId(), Labels.nodeStatus(n.status()), n.gapReason());
        }
      }
    }
  }

  private static void printSetup(Sheet sheet) {
    sheet.getPrintSetup().setLandscape(true);
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 0);
    sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
  }

  /** Numbers as numeric cells, anything else as a string cell, null as an empty cell. */
  private static void value(Cell cell, Object v, CellStyle style, Styles s) {
    if (v instanceof Integer i) {
      cell.setCellValue(i);
      cell.setCellStyle(style);
    } else if (v instanceof Long l) {
      cell.setCellValue(l);
      cell.setCellStyle(style);
    } else if (v instanceof Double d) {
      cell.setCellValue(d);
      cell.setCellStyle(s.score);
    } else if (v != null) {
      text(cell, v.toString(), style, s);
    } else {
      cell.setCellStyle(style);
    }
  }

  /** The one way text enters a cell: as a string value, never through setCellFormula. */
  private static void text(Cell cell, String v, CellStyle style, Styles s) {
    if (v == null) {
      cell.setCellStyle(style);
      return;
    }
    cell.setCellValue(SafeText.fitCell(v));
    cell.setCellStyle(SafeText.looksLikeFormula(v) ? s.quoted(style) : style);
  }

  /** Writes the summary sheet top to bottom. */
  private static final class Cursor {
    private final Sheet sheet;
    private final Styles s;
    private int r;

    Cursor(Sheet sheet, Styles s) {
      this.sheet = sheet;
      this.s = s;
    }

    void title(String t) {
      text(sheet.createRow(r++).createCell(0), t, s.title, s);
      r++;
    }

    void heading(String t) {
      text(sheet.createRow(r++).createCell(0), t, s.bold, s);
    }

    void line(String t) {
      text(sheet.createRow(r++).createCell(0), t, s.text, s);
    }

    void blank() {
      r++;
    }

    void pair(String key, Object v) {
      row(key, v);
    }

    void header(String... names) {
      Row row = sheet.createRow(r++);
      for (int i = 0; i < names.length; i++) {
        text(row.createCell(i), names[i], s.header, s);
      }
    }

    void row(Object... values) {
      Row row = sheet.createRow(r++);
      for (int i = 0; i < values.length; i++) {
        value(row.createCell(i), values[i], s.text, s);
      }
    }
  }

  /** The workbook's few cell styles, made once: Excel caps a workbook at 64,000 styles. */
  private static final class Styles {
    final XSSFWorkbook wb;
    final CellStyle header;
    final CellStyle text;
    final CellStyle wrap;
    final CellStyle score;
    final CellStyle bold;
    final CellStyle title;
    final CellStyle feedbackHeader;
    final Map<FeedbackColumn, CellStyle> feedback = new HashMap<>();
    final Map<String, CellStyle> tiers = new HashMap<>();
    final Map<ChangeRow.Kind, CellStyle> changes = new HashMap<>();
    final Map<CellStyle, CellStyle> quoted = new HashMap<>();

    Styles(XSSFWorkbook wb) {
      this.wb = wb;
      text = wb.createCellStyle();
      text.setVerticalAlignment(VerticalAlignment.TOP);
      wrap = derive(text);
      wrap.setWrapText(true);
      score = derive(text);
      score.setDataFormat(wb.createDataFormat().getFormat("0.00"));
      XSSFFont boldFont = wb.createFont();
      boldFont.setBold(true);
      bold = derive(text);
      bold.setFont(boldFont);
      header = fill(derive(text), "DDEBF7", null);
      header.setFont(boldFont);
      header.setBorderBottom(BorderStyle.THIN);
      XSSFFont titleFont = wb.createFont();
      titleFont.setBold(true);
      titleFont.setFontHeightInPoints((short) 14);
      title = derive(text);
      title.setFont(titleFont);
      // Excel's own "Good", "Neutral" and a plain grey, so the colours read as Excel users expect
      tiers.put("A", fill(derive(text), "C6EFCE", "006100"));
      tiers.put("B", fill(derive(text), "FFEB9C", "9C5700"));
      tiers.put("C", fill(derive(text), "E7E6E6", "404040"));
      changes.put(ChangeRow.Kind.NEW, fill(derive(text), "C6EFCE", "006100"));
      changes.put(ChangeRow.Kind.DROPPED, fill(derive(text), "FFC7CE", "9C0006"));
      // the team's columns: an orange header and pale yellow cells, apart from the engine's blue
      feedbackHeader = fill(derive(header), "F8CBAD", null);
      XSSFCellStyle input = fill(derive(text), "FFF2CC", null);
      for (FeedbackColumn f : FeedbackColumn.values()) {
        feedback.put(f, f == FeedbackColumn.NOTE ? wrapped(derive(input)) : derive(input));
      }
      feedback
          .get(FeedbackColumn.DATE)
          .setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      feedback
          .get(FeedbackColumn.AMOUNT)
          .setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
    }

    CellStyle feedback(FeedbackColumn f) {
      return feedback.get(f);
    }

    private static XSSFCellStyle wrapped(XSSFCellStyle st) {
      st.setWrapText(true);
      return st;
    }

    CellStyle tier(String tier) {
      return tiers.getOrDefault(tier, text);
    }

    CellStyle change(ChangeRow.Kind kind) {
      return changes.getOrDefault(kind, text);
    }

    /** The same style with Excel's quote prefix (shown as a leading ' in the formula bar). */
    CellStyle quoted(CellStyle base) {
      return quoted.computeIfAbsent(
          base,
          b -> {
            CellStyle q = derive(b);
            q.setQuotePrefixed(true);
            return q;
          });
    }

    private XSSFCellStyle derive(CellStyle base) {
      XSSFCellStyle st = wb.createCellStyle();
      st.cloneStyleFrom(base);
      return st;
    }

    private XSSFCellStyle fill(XSSFCellStyle st, String rgb, String fontRgb) {
      st.setFillForegroundColor(color(rgb));
      st.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      if (fontRgb != null) {
        XSSFFont f = wb.createFont();
        f.setColor(color(fontRgb));
        f.setBold(true);
        st.setFont(f);
      }
      return st;
    }

    private static XSSFColor color(String rgb) {
      byte[] b = new byte[3];
      for (int i = 0; i < 3; i++) {
        b[i] = (byte) Integer.parseInt(rgb.substring(2 * i, 2 * i + 2), 16);
      }
      return new XSSFColor(b, null);
    }
  }
}
