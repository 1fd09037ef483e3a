package org.oppmatch.feedback;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.oppmatch.export.FeedbackColumn;
import org.oppmatch.export.LeadColumn;
import org.oppmatch.export.LeadListWorkbook;
import org.oppmatch.model.EngagementStage;

/**
 * A zone's lead-list workbook as its team sent it back: the zone and the enterprise ids it was sent
 * with (from its very hidden import sheet), and each lead row whose feedback columns were filled
 * in, either as an outcome row or rejected with the reasons. Columns are found by their headers, so
 * a team that inserted, hid or moved columns, or sorted and filtered the rows, loses nothing.
 */
public final class ReturnedWorkbook {

  /** A filled-in row that cannot become an outcome: where it is (Excel's row number) and why. */
  public record Rejected(String file, String sheet, int excelRow, String enterpriseId, String why) {

    @Override
    public String toString() {
      return file
          + " sheet "
          + sheet
          + " row "
          + excelRow
          + (enterpriseId.isEmpty() ? "" : " (enterprise " + enterpriseId + ")")
          + ": "
          + why;
    }
  }

  /** The workbook is not a lead list this import can read: nothing of it is imported. */
  public static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message);
    }
  }

  private static final Pattern DATE_PARTS =
      Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$");
  private static final Pattern DATE_DIGITS = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");

  private final String file;
  private final String zoneId;
  private final List<OutcomeRow> outcomes;
  private final List<Rejected> rejected;

  private ReturnedWorkbook(
      String file, String zoneId, List<OutcomeRow> outcomes, List<Rejected> rejected) {
    this.file = file;
    this.zoneId = zoneId;
    this.outcomes = outcomes;
    this.rejected = rejected;
  }

  /**
   * Reads the workbook at {@code path}; a date after {@code today} is rejected.
   *
   * @throws Unreadable when it is no lead-list workbook with feedback columns
   */
  public static ReturnedWorkbook read(Path path, LocalDate today) throws Unreadable {
    String file = path.toString();
    if (!Files.isRegularFile(path)) {
      throw new Unreadable(file + ": no such file");
    }
    try (InputStream in = Files.newInputStream(path);
        Workbook wb = WorkbookFactory.create(in)) {
      Identity id = identity(file, wb);
      Sheet sheet = wb.getSheet(LeadListWorkbook.LEADS_SHEET);
      if (sheet == null) {
        throw new Unreadable(file + ": no sheet " + LeadListWorkbook.LEADS_SHEET);
      }
      return rows(file, id, sheet, today);
    } catch (IOException | RuntimeException e) {
      // POI reports a file that is no workbook (or a damaged one) with assorted runtime exceptions
      throw new Unreadable(file + ": cannot be read as an Excel workbook (" + e.getMessage() + ")");
    }
  }

  public String file() {
    return file;
  }

  public String zoneId() {
    return zoneId;
  }

  /** The filled-in rows that passed every check, in sheet order. */
  public List<OutcomeRow> outcomes() {
    return outcomes;
  }

  /** The filled-in rows that did not, in sheet order. */
  public List<Rejected> rejected() {
    return rejected;
  }

  private record Identity(String zoneId, Set<String> enterpriseIds) {}

  private static Identity identity(String file, Workbook wb) throws Unreadable {
    Sheet s = wb.getSheet(LeadListWorkbook.IMPORT_SHEET);
    if (s == null) {
      throw new Unreadable(
          file
              + ": not a lead list with feedback columns (it has no sheet "
              + LeadListWorkbook.IMPORT_SHEET
              + "); use the workbook of a current run");
    }
    String zone = null;
    Set<String> ids = new HashSet<>();
    boolean inIds = false;
    for (Row r : s) {
      String key = text(r.getCell(0));
      if (inIds) {
        if (!key.isEmpty()) {
          ids.add(key);
        }
      } else if (key.equals(LeadListWorkbook.IMPORT_ZONE_ID)) {
        zone = text(r.getCell(1));
      } else if (key.equals(LeadListWorkbook.IMPORT_ENTERPRISE_IDS)) {
        inIds = true;
      }
    }
    if (zone == null || zone.isEmpty()) {
      throw new Unreadable(file + ": sheet " + LeadListWorkbook.IMPORT_SHEET + " names no zone");
    }
    return new Identity(zone, ids);
  }

  private static ReturnedWorkbook rows(String file, Identity id, Sheet sheet, LocalDate today)
      throws Unreadable {
    Row header = sheet.getRow(sheet.getFirstRowNum());
    int idColumn = -1;
    Map<FeedbackColumn, Integer> columns = new EnumMap<>(FeedbackColumn.class);
    if (header != null) {
      for (Cell c : header) {
        String h = text(c);
        if (h.equals(LeadColumn.ENTERPRISE_ID.header())) {
          idColumn = c.getColumnIndex();
        }
        for (FeedbackColumn f : FeedbackColumn.values()) {
          if (h.equals(f.header())) {
            columns.put(f, c.getColumnIndex());
          }
        }
      }
    }
    List<String> missing = new ArrayList<>();
    if (idColumn < 0) {
      missing.add(LeadColumn.ENTERPRISE_ID.header());
    }
    for (FeedbackColumn f : FeedbackColumn.values()) {
      if (f != FeedbackColumn.NOTE && !columns.containsKey(f)) {
        missing.add(f.header());
      }
    }
    if (!missing.isEmpty()) {
      throw new Unreadable(
          file
              + ": sheet "
              + sheet.getSheetName()
              + " has no column "
              + String.join(", ", missing));
    }
    List<OutcomeRow> outcomes = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    for (Row r : sheet) {
      if (r.getRowNum() <= header.getRowNum()) {
        continue;
      }
      Cell stageCell = r.getCell(columns.get(FeedbackColumn.STAGE));
      Cell dateCell = r.getCell(columns.get(FeedbackColumn.DATE));
      Cell amountCell = r.getCell(columns.get(FeedbackColumn.AMOUNT));
      Integer noteColumn = columns.get(FeedbackColumn.NOTE);
      String stageText = text(stageCell);
      String dateText = text(dateCell);
      String amountText = text(amountCell);
      String note = noteColumn == null ? "" : text(r.getCell(noteColumn));
      if (stageText.isEmpty() && dateText.isEmpty() && amountText.isEmpty() && note.isEmpty()) {
        continue;
      }
      String enterprise = text(r.getCell(idColumn));
      List<String> why = new ArrayList<>();
      if (enterprise.isEmpty()) {
        why.add("no enterprise id (column " + LeadColumn.ENTERPRISE_ID.header() + ")");
      } else if (!id.enterpriseIds().contains(enterprise)) {
        why.add("enterprise id " + enterprise + " is not on the list this workbook was sent with");
      }
      EngagementStage stage = stage(stageText);
      if (stageText.isEmpty() && dateText.isEmpty() && amountText.isEmpty()) {
        // an outcome row carries a note; a note alone has no stage to be one
        why.add(
            "a note needs a stage and a date ("
                + FeedbackColumn.STAGE.header()
                + ", "
                + FeedbackColumn.DATE.header()
                + "): if nothing else happened, 已接触 or 暂缓");
      } else if (stageText.isEmpty()) {
        why.add("no stage (" + FeedbackColumn.STAGE.header() + ")");
      } else if (stage == null) {
        why.add(
            "unknown stage \""
                + stageText
                + "\" (one of "
                + String.join(", ", FeedbackColumn.stageLabels())
                + ")");
      }
      LocalDate date = null;
      if (dateText.isEmpty()) {
        if (!stageText.isEmpty() || !amountText.isEmpty()) {
          why.add("no date (" + FeedbackColumn.DATE.header() + ")");
        }
      } else {
        date = date(dateCell, dateText);
        if (date == null) {
          why.add("date \"" + dateText + "\" is not a date such as 2026-11-20");
        } else if (date.isBefore(FeedbackColumn.EARLIEST_DATE)) {
          why.add("date " + date + " is before " + FeedbackColumn.EARLIEST_DATE);
        } else if (date.isAfter(today)) {
          why.add("date " + date + " is in the future (today is " + today + ")");
        }
      }
      BigDecimal amount = null;
      if (!amountText.isEmpty()) {
        amount = amount(amountCell, amountText);
        if (amount == null) {
          why.add("amount \"" + amountText + "\" is not a number (万元)");
        } else if (amount.signum() < 0) {
          why.add("amount " + amountText + " is negative");
        }
      }
      if (why.isEmpty()) {
        outcomes.add(
            new OutcomeRow(
                enterprise,
                id.zoneId(),
                stage,
                date,
                amount == null
                    ? null
                    : amount.multiply(BigDecimal.valueOf(FeedbackColumn.YUAN_PER_AMOUNT_UNIT)),
                note.isEmpty() ? null : note));
      } else {
        rejected.add(
            new Rejected(
                file, sheet.getSheetName(), r.getRowNum() + 1, enterprise, String.join("; ", why)));
      }
    }
    return new ReturnedWorkbook(file, id.zoneId(), outcomes, rejected);
  }

  /** The stage of a drop-down label (已签约), or of the contract's key (signed) typed in. */
  static EngagementStage stage(String text) {
    String t = text.trim();
    for (EngagementStage s : EngagementStage.values()) {
      if (s.zh().equals(t)) {
        return s;
      }
    }
    return EngagementStage.of(t.toLowerCase(Locale.ROOT));
  }

  /** A date cell, or a text such as 2026-11-20, 2026/11/20, 2026年11月20日, 20261120; else null. */
  static LocalDate date(Cell cell, String text) {
    if (numeric(cell) && serialDate(cell.getNumericCellValue())) {
      return cell.getLocalDateTimeCellValue().toLocalDate();
    }
    String t = text.trim();
    Matcher m = DATE_PARTS.matcher(t);
    if (!m.matches()) {
      m = DATE_DIGITS.matcher(t);
      if (!m.matches()) {
        return null;
      }
    }
    try {
      return LocalDate.of(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** A number cell, or a text such as 1,200.5; else null. */
  static BigDecimal amount(Cell cell, String text) {
    if (numeric(cell)) {
      return BigDecimal.valueOf(cell.getNumericCellValue());
    }
    try {
      return new BigDecimal(text.replaceAll("[,，\\s]", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A number Excel can show as a date (1900-01-01 to 9999-12-31); 20261120 typed into a date cell
   * is not one, and is read as its digits instead.
   */
  private static boolean serialDate(double v) {
    return v >= 1 && v < 2_958_466;
  }

  private static boolean numeric(Cell cell) {
    if (cell == null) {
      return false;
    }
    CellType t = cell.getCellType();
    return t == CellType.NUMERIC
        || (t == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC);
  }

  /**
   * What a cell shows, trimmed: a text as it is, a date as 2026-11-20, a number without a trailing
   * .0 (an id typed as 10023 is the text 10023), a formula by its last computed value; "" for none.
   */
  static String text(Cell cell) {
    if (cell == null) {
      return "";
    }
    CellType t = cell.getCellType();
    if (t == CellType.FORMULA) {
      t = cell.getCachedFormulaResultType();
    }
    return switch (t) {
      case STRING -> cell.getStringCellValue().trim();
      case NUMERIC ->
          DateUtil.isCellDateFormatted(cell) && serialDate(cell.getNumericCellValue())
              ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
              : OutcomeRow.plain(BigDecimal.valueOf(cell.getNumericCellValue()));
      case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
      case ERROR -> "#ERROR";
      default -> "";
    };
  }
}
