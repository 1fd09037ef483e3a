package org.oppmatch.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.oppmatch.io.CsvRecordReader;
import org.oppmatch.sample.Csv;

/**
 * The same enterprise rows as a CSV file and as an Excel workbook, to measure what reading a
 * workbook costs against the CSV (docs/performance.md): the bundled sample's well-formed rows,
 * repeated under new ids up to N, beside the sample's other tables. Usage: {@code WorkbookInputs
 * SAMPLE_DIR OUT_DIR N}; it writes OUT_DIR/csv/ and OUT_DIR/xlsx/.
 */
public final class WorkbookInputs {
  private WorkbookInputs() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: WorkbookInputs SAMPLE_DIR OUT_DIR ROWS");
      System.exit(2);
    }
    Path sample = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int n = Integer.parseInt(args[2]);
    List<String> header;
    List<List<String>> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(sample.resolve("enterprises.csv"))) {
      CsvRecordReader records = new CsvRecordReader(in, -1);
      header = records.readHeader();
      while (records.hasNext()) {
        List<String> f = records.next().fields();
        if (f != null) {
          rows.add(f);
        }
      }
    }
    boolean[] numeric = new boolean[header.size()];
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c);
      numeric[c] =
          org.oppmatch.schema.InputTable.ENTERPRISES
              .column(name)
              .map(
                  s ->
                      s.type() == org.oppmatch.schema.ColumnType.DOUBLE
                          || s.type() == org.oppmatch.schema.ColumnType.INT)
              .orElse(false);
    }
    int id = header.indexOf("enterprise_id");
    int uscc = header.indexOf("uscc");
    for (String kind : List.of("csv", "xlsx")) {
      Path dir = out.resolve(kind);
      Files.createDirectories(dir);
      for (String t :
          List.of("zones.csv", "chain_nodes.csv", "zone_chain.csv", "opportunities.jsonl")) {
        Files.copy(sample.resolve(t), dir.resolve(t), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    try (BufferedWriter csv =
            Files.newBufferedWriter(out.resolve("csv/enterprises.csv"), StandardCharsets.UTF_8);
        SXSSFWorkbook wb = new SXSSFWorkbook(1000)) {
      Sheet sheet = wb.createSheet("enterprises");
      csv.write(Csv.line(header));
      csv.write('\n');
      Row h = sheet.createRow(0);
      for (int c = 0; c < header.size(); c++) {
        h.createCell(c).setCellValue(header.get(c));
      }
      for (int i = 0; i < n; i++) {
        List<String> r = new ArrayList<>(rows.get(i % rows.size()));
        r.set(id, String.format("W%07d", i));
        // a repeated firm is another firm: its USCC goes with its first copy only
        if (i >= rows.size()) {
          r.set(uscc, "");
        }
        csv.write(Csv.line(r));
        csv.write('\n');
        Row row = sheet.createRow(i + 1);
        for (int c = 0; c < r.size(); c++) {
          String v = r.get(c);
          if (v == null || v.isEmpty()) {
            continue;
          }
          // numbers as number cells, as a person's spreadsheet holds them
          if (numeric[c] && v.matches("-?[0-9]+(\\.[0-9]+)?")) {
            row.createCell(c).setCellValue(Double.parseDouble(v));
          } else {
            row.createCell(c).setCellValue(v);
          }
        }
      }
      try (OutputStream o = Files.newOutputStream(out.resolve("xlsx/enterprises.xlsx"))) {
        wb.write(o);
      }
      wb.dispose();
    }
    System.out.println("wrote " + n + " enterprise rows to " + out + "/csv and " + out + "/xlsx");
  }
}
