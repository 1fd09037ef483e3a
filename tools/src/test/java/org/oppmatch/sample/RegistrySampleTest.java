package org.oppmatch.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * data/registry-sample is what RegistrySample writes from data/sample, cell for cell, and looks
 * like a registry export: Chinese headers, no enterprise_id, inactive firms, money with units.
 */
class RegistrySampleTest {
  static final Path COMMITTED = Path.of("data/registry-sample");

  @TempDir Path tmp;

  /** Every cell of a workbook's first sheet as Excel shows it, row by row. */
  static List<List<String>> cells(Path xlsx) throws IOException {
    List<List<String>> out = new ArrayList<>();
    DataFormatter f = new DataFormatter();
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      for (Row r : wb.getSheetAt(0)) {
        List<String> row = new ArrayList<>();
        for (Cell c : r) {
          row.add(c.getColumnIndex() + "=" + f.formatCellValue(c));
        }
        out.add(row);
      }
    }
    return out;
  }

  @Test
  void theCommittedExampleIsTheGeneratorsOutput() throws IOException {
    RegistrySample.write(Path.of("data/sample"), tmp);
    for (String f : List.of("enterprises.xlsx", "zones.xlsx", "opportunities.xlsx")) {
      assertEquals(cells(tmp.resolve(f)), cells(COMMITTED.resolve(f)), f);
    }
    for (String f : List.of("chain_nodes.csv", "zone_chain.csv")) {
      assertEquals(Files.readString(tmp.resolve(f)), Files.readString(COMMITTED.resolve(f)), f);
    }
  }

  @Test
  void itLooksLikeARegistryExport() throws IOException {
    List<List<String>> rows = cells(COMMITTED.resolve("enterprises.xlsx"));
    assertEquals(RegistrySample.COLUMNS.size(), rows.get(0).size());
    assertTrue(rows.get(0).contains("0=统一社会信用代码"), rows.get(0).toString());
    String all = rows.toString();
    for (String s : List.of("注销", "吊销", "万元人民币", "亿元人民币", "万美元", "028-", "、")) {
      assertTrue(all.contains(s), s);
    }
    assertTrue(rows.size() > 500, "hundreds of firms: " + rows.size());
  }
}
