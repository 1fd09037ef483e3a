package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oppmatch.testing.Fixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.io.CsvRecordReader;
import org.oppmatch.schema.InputTable;
import org.oppmatch.testing.Duck;
import org.oppmatch.testing.Fixtures;

/**
 * Every input as an Excel workbook (job-contract.md, version 3: NAME.xlsx), as staff keep zones and
 * opportunity lists: numbers and dates typed as Excel types. The lists are those of the same rows
 * in CSV, and a row a person mistyped is quarantined under its sheet row number.
 */
class XlsxInputTest {
  static final String DATE = NightlyJobEndToEndTest.DATE;

  @TempDir static Path tmp;
  static Path csvOut;
  static Path xlsxOut;

  /** The fixture's enterprises, and one whose head count a person typed as words. */
  static List<Map<String, String>> enterprises() {
    List<Map<String, String>> rows = new ArrayList<>(NightlyJobEndToEndTest.enterprises());
    rows.add(
        with(
            NightlyJobEndToEndTest.BASE,
            "enterprise_id",
            "WORDS1",
            "name",
            "文字人数公司",
            "industry_codes",
            "3741",
            "employees",
            "about 50"));
    return rows;
  }

  @BeforeAll
  static void theSameRowsInCsvAndInWorkbooks() throws IOException {
    Path config = Fixtures.write(tmp, "config.json", "{\"quarantine_limit\": 0.3}");
    Path csv = tmp.resolve("csv");
    NightlyJobEndToEndTest.writeInputs(csv);
    Fixtures.write(csv, "enterprises.csv", Fixtures.csv(InputTable.ENTERPRISES, enterprises()));
    csvOut = tmp.resolve("csv-out");
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(csv, csvOut, DATE, config)),
        NightlyJobEndToEndTest.lastErr);

    Path xlsx = tmp.resolve("xlsx");
    for (InputTable t :
        List.of(
            InputTable.ENTERPRISES,
            InputTable.ZONES,
            InputTable.CHAIN_NODES,
            InputTable.ZONE_CHAIN,
            InputTable.OPPORTUNITIES)) {
      Fixtures.xlsx(xlsx, t, rowsOf(csv.resolve(t.tableName() + ".csv")));
    }
    xlsxOut = tmp.resolve("xlsx-out");
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(xlsx, xlsxOut, DATE, config)),
        NightlyJobEndToEndTest.lastErr);
  }

  /** A contract CSV's rows as column maps. */
  static List<Map<String, String>> rowsOf(Path csv) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(csv)) {
      CsvRecordReader records = new CsvRecordReader(r, -1);
      List<String> header = records.readHeader();
      while (records.hasNext()) {
        List<String> fields = records.next().fields();
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          row.put(header.get(i), fields.get(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void workbooksGiveTheListsOfTheSameRowsInCsv() throws IOException {
    assertEquals(
        NightlyJobEndToEndTest.targets(csvOut, DATE),
        NightlyJobEndToEndTest.targets(xlsxOut, DATE));
    JsonNode m = NightlyJobEndToEndTest.manifest(xlsxOut, DATE);
    for (String t : List.of("enterprises", "zones", "opportunities")) {
      assertEquals("xlsx", m.at("/inputs/" + t + "/format").asText(), t);
    }
    assertEquals(
        NightlyJobEndToEndTest.manifest(csvOut, DATE).at("/inputs/enterprises/accepted"),
        m.at("/inputs/enterprises/accepted"));
  }

  @Test
  void aMistypedRowIsQuarantinedUnderItsSheetRowNumber() {
    List<Map<String, Object>> q =
        Duck.query(
            "select rule, source_file, row_number, raw_row from "
                + Duck.parquet(xlsxOut.resolve("quarantine/run_date=" + DATE))
                + " where record_key = 'WORDS1'");
    assertEquals(1, q.size(), q.toString());
    assertEquals("bad_type", q.get(0).get("rule"));
    // the header is row 1: the fixture's rows are 2 to 14, this one 15
    assertEquals(enterprises().size() + 1L, ((Number) q.get(0).get("row_number")).longValue());
    assertTrue(((String) q.get(0).get("source_file")).endsWith("enterprises.xlsx"));
    assertTrue(((String) q.get(0).get("raw_row")).startsWith("WORDS1,,文字人数公司,CN"), q.toString());
    assertTrue(((String) q.get(0).get("raw_row")).contains(",about 50,"), q.toString());
  }
}
