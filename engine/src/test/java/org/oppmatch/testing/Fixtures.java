package org.oppmatch.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oppmatch.schema.ColumnSpec;
import org.oppmatch.schema.InputTable;

/** Builds tiny input files in code: rows as column maps, written as contract CSV. */
public final class Fixtures {
  private Fixtures() {}

  /** A row of {@code table} from alternating column names and values. */
  public static Map<String, String> row(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  /** A copy of {@code base} with some columns replaced. */
  public static Map<String, String> with(Map<String, String> base, String... kv) {
    Map<String, String> m = new LinkedHashMap<>(base);
    m.putAll(row(kv));
    return m;
  }

  /** The CSV text of rows with every contract column of the table as header. */
  public static String csv(InputTable table, List<Map<String, String>> rows) {
    List<String> header = new ArrayList<>();
    for (ColumnSpec c : table.columns()) {
      header.add(c.name());
    }
    StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
    for (Map<String, String> r : rows) {
      List<String> cells = new ArrayList<>();
      for (String h : header) {
        cells.add(quote(r.getOrDefault(h, "")));
      }
      sb.append(String.join(",", cells)).append('\n');
    }
    return sb.toString();
  }

  public static String quote(String v) {
    if (v == null) {
      return "";
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }

  /**
   * Rows of {@code table} as an Excel workbook, as people type them: every contract column in the
   * header, numbers in number columns as number cells, dates in date columns as date cells (a value
   * that does not parse stays text, as a person may type it), the rest text.
   */
  public static Path xlsx(Path dir, InputTable table, List<Map<String, String>> rows) {
    try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb =
        new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
      org.apache.poi.ss.usermodel.Sheet sheet = wb.createSheet(table.tableName());
      org.apache.poi.ss.usermodel.CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
      org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
      List<ColumnSpec> columns = table.columns();
      for (int i = 0; i < columns.size(); i++) {
        header.createCell(i).setCellValue(columns.get(i).name());
      }
      for (int r = 0; r < rows.size(); r++) {
        org.apache.poi.ss.usermodel.Row row = sheet.createRow(r + 1);
        for (int i = 0; i < columns.size(); i++) {
          String v = rows.get(r).get(columns.get(i).name());
          if (v == null || v.isEmpty()) {
            continue;
          }
          org.apache.poi.ss.usermodel.Cell cell = row.createCell(i);
          switch (columns.get(i).type()) {
            case DOUBLE, INT -> {
              try {
                cell.setCellValue(Double.parseDouble(v));
              } catch (NumberFormatException e) {
                cell.setCellValue(v);
              }
            }
            case DATE -> {
              try {
                cell.setCellValue(java.time.LocalDate.parse(v));
                cell.setCellStyle(date);
              } catch (java.time.format.DateTimeParseException e) {
                cell.setCellValue(v);
              }
            }
            default -> cell.setCellValue(v);
          }
        }
      }
      Files.createDirectories(dir);
      Path p = dir.resolve(table.tableName() + ".xlsx");
      try (java.io.OutputStream out = Files.newOutputStream(p)) {
        wb.write(out);
      }
      return p;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public static Path write(Path dir, String name, String text) {
    try {
      Files.createDirectories(dir);
      Path p = dir.resolve(name);
      Files.writeString(p, text, StandardCharsets.UTF_8);
      return p;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
