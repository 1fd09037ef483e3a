package org.oppmatch.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a sheet's cells become the text a row is validated from: each by its Excel type, in its
 * column, under its sheet row number, the way a person typed them in Excel.
 */
class XlsxRowsTest {
  @TempDir Path tmp;

  static List<XlsxRows.Row> read(Path file) throws IOException {
    List<XlsxRows.Row> rows = new ArrayList<>();
    try (XlsxRows r = new XlsxRows(file.toString(), Map.of())) {
      r.forEachRemaining(rows::add);
    }
    return rows;
  }

  Path write(XSSFWorkbook wb, String name) throws IOException {
    Path p = tmp.resolve(name);
    try (OutputStream out = Files.newOutputStream(p)) {
      wb.write(out);
    }
    wb.close();
    return p;
  }

  @Test
  void eachCellIsReadByItsExcelType() throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook();
    CellStyle date = wb.createCellStyle();
    date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
    CellStyle dateTime = wb.createCellStyle();
    dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d h:mm"));
    CellStyle money = wb.createCellStyle();
    money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
    Sheet s = wb.createSheet("企业");
    Row h = s.createRow(0);
    h.createCell(0).setCellValue("企业名称");
    h.createCell(1).setCellValue("成立日期");
    Row r = s.createRow(1);
    r.createCell(0).setCellValue("成都芯谷科技有限公司");
    r.createCell(1).setCellValue(LocalDate.of(2016, 3, 9));
    r.getCell(1).setCellStyle(date);
    r.createCell(2).setCellValue(LocalDateTime.of(2024, 11, 30, 14, 5));
    r.getCell(2).setCellStyle(dateTime);
    r.createCell(3).setCellValue(1.0e7); // 10000000, never 1.0E7
    r.createCell(4).setCellValue(1234.5);
    r.getCell(4).setCellStyle(money); // a number format is not a date
    r.createCell(5).setCellValue(120.0); // a head count typed as a number: 120, not 120.0
    r.createCell(6).setCellValue(true);
    r.createCell(7).setCellValue("0028"); // a code typed as text keeps its zeros
    r.createCell(8).setCellErrorValue(FormulaError.NA.getCode());

    List<XlsxRows.Row> rows = read(write(wb, "types.xlsx"));

    assertEquals(2, rows.size());
    assertEquals(List.of("企业名称", "成立日期"), rows.get(0).cells());
    assertEquals(
        Arrays.asList(
            "成都芯谷科技有限公司",
            "2016-03-09",
            "2024-11-30T14:05",
            "10000000",
            "1234.5",
            "120",
            "true",
            "0028",
            "#N/A"),
        rows.get(1).cells());
  }

  @Test
  void emptyCellsKeepTheirColumnsAndBlankRowsTheirNumbers() throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook();
    Sheet s = wb.createSheet("zones");
    s.createRow(0).createCell(0).setCellValue("zone_id");
    s.getRow(0).createCell(1).setCellValue("name");
    s.getRow(0).createCell(2).setCellValue("city");
    Row a = s.createRow(1);
    a.createCell(0).setCellValue("Z1");
    a.createCell(2).setCellValue("成都"); // B left empty
    s.createRow(2).createCell(1).setCellValue("   "); // a row of blanks only
    s.createRow(3); // a row Excel wrote with no cells
    Row b = s.createRow(6); // rows 5 and 6 never written
    b.createCell(1).setCellValue("name, with \"quotes\"");

    List<XlsxRows.Row> rows = read(write(wb, "sparse.xlsx"));

    assertEquals(List.of(1L, 2L, 7L), rows.stream().map(XlsxRows.Row::number).toList());
    assertEquals(Arrays.asList("Z1", null, "成都"), rows.get(1).cells());
    assertEquals(Arrays.asList(null, "name, with \"quotes\""), rows.get(2).cells());
    // the quarantine shows a row as a CSV line of its cells
    assertEquals("Z1,,成都", rows.get(1).text());
    assertEquals(",\"name, with \"\"quotes\"\"\"", rows.get(2).text());
  }

  @Test
  void onlyTheFirstSheetIsRead() throws IOException {
    XSSFWorkbook wb = new XSSFWorkbook();
    wb.createSheet("数据").createRow(0).createCell(0).setCellValue("enterprise_id");
    wb.createSheet("说明").createRow(0).createCell(0).setCellValue("填表说明");

    List<XlsxRows.Row> rows = read(write(wb, "two-sheets.xlsx"));

    assertEquals(1, rows.size());
    assertEquals(List.of("enterprise_id"), rows.get(0).cells());
  }

  @Test
  void aStreamedSheetOfManyRowsIsReadRowByRow() throws IOException {
    // a workbook written the way large exports are: streamed, strings inline, no shared table
    Path p = tmp.resolve("many.xlsx");
    int n = 20_000;
    try (SXSSFWorkbook wb = new SXSSFWorkbook(100);
        OutputStream out = Files.newOutputStream(p)) {
      Sheet s = wb.createSheet();
      s.createRow(0).createCell(0).setCellValue("enterprise_id");
      for (int i = 1; i <= n; i++) {
        Row r = s.createRow(i);
        r.createCell(0).setCellValue("E" + i);
        r.createCell(1).setCellValue(i);
      }
      wb.write(out);
      wb.dispose();
    }

    long count = 0;
    XlsxRows.Row last = null;
    try (XlsxRows r = new XlsxRows(p.toString(), Map.of())) {
      while (r.hasNext()) {
        last = r.next();
        count++;
      }
      assertFalse(r.hasNext());
    }
    assertEquals(n + 1, count);
    assertEquals(n + 1L, last.number());
    assertEquals(List.of("E" + n, String.valueOf(n)), last.cells());
  }

  @Test
  void aFileThatIsNoWorkbookSaysSo() throws IOException {
    Path p = Files.writeString(tmp.resolve("enterprises.xlsx"), "enterprise_id,name\nE1,x\n");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> read(p));
    assertTrue(e.getMessage().contains("cannot read the workbook"), e.getMessage());
    assertTrue(e.getMessage().contains("enterprises.xlsx"), e.getMessage());
  }

  @Test
  void aCellReferenceNamesItsColumn() {
    assertEquals(0, XlsxRows.column("A1"));
    assertEquals(25, XlsxRows.column("Z9"));
    assertEquals(26, XlsxRows.column("AA10"));
    assertEquals(16383, XlsxRows.column("XFD1048576")); // Excel's last cell
  }
}
