package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.export.LeadListWorkbook;
import org.oppmatch.testing.Duck;
import org.oppmatch.testing.Fixtures;
import org.oppmatch.validate.Uscc;

/**
 * Two nights on a registry export (data-contract.md, version 3): its firms are listed with the
 * contacts a team calls, in targets and in the zone's workbook; the next night one of them is
 * deregistered (注销): it is accepted and counted, on no list, and dropped as inactive.
 */
class RegistryRunTest {
  static final String NIGHT_1 = "2026-11-20";
  static final String NIGHT_2 = "2026-11-21";
  static final String HEADER = "统一社会信用代码,企业名称,登记状态,法定代表人,注册资本,所属行业,经营范围,电话,邮箱,企业地址,所属城市\n";
  static final String CHIP = Uscc.withCheckChar("91510100MA6CCHP10");
  static final String FAB = Uscc.withCheckChar("91510100MA6CFAB10");

  @TempDir static Path tmp;
  static Path out;
  static List<Map<String, Object>> night1;
  static List<Map<String, Object>> night2;
  static List<Map<String, Object>> dropped;

  static String registry(String fabStatus) {
    return HEADER
        + CHIP
        + ",成都芯片制造有限公司,存续,王五,2亿元,集成电路制造,晶圆 芯片制造,028-61234567,bd@chip.cn,成都市郫都区创新路8号,成都\n"
        + FAB
        + ",成都晶圆代工有限公司,"
        + fabStatus
        + ",赵六,8000万元人民币,集成电路制造,晶圆代工,028-60000000,-,成都市双流区,成都\n";
  }

  @BeforeAll
  static void twoNights() {
    Path config = Fixtures.write(tmp, "config.json", "{\"quarantine_limit\": 0.2}");
    out = tmp.resolve("out");
    Path in1 = tmp.resolve("night1");
    NightlyJobEndToEndTest.writeInputs(in1);
    Fixtures.write(in1, "enterprises.csv", registry("在业"));
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(in1, out, NIGHT_1, config)),
        NightlyJobEndToEndTest.lastErr);
    night1 = NightlyJobEndToEndTest.targets(out, NIGHT_1);
    Path in2 = tmp.resolve("night2");
    NightlyJobEndToEndTest.writeInputs(in2);
    Fixtures.write(in2, "enterprises.csv", registry("注销"));
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(in2, out, NIGHT_2, config)),
        NightlyJobEndToEndTest.lastErr);
    night2 = NightlyJobEndToEndTest.targets(out, NIGHT_2);
    dropped =
        Duck.query("select * from " + Duck.parquet(out.resolve("dropped/run_date=" + NIGHT_2)));
  }

  static Map<String, Object> lead(List<Map<String, Object>> leads, String id) {
    return leads.stream().filter(r -> id.equals(r.get("enterprise_id"))).findFirst().orElse(null);
  }

  @Test
  void aRegistryFirmIsListedUnderItsUsccWithItsContacts() {
    Map<String, Object> chip = lead(night1, CHIP);
    assertNotNull(chip, night1.toString());
    assertEquals("Z_CHIP", chip.get("zone_id"));
    assertEquals("王五", chip.get("legal_representative"));
    assertEquals("028-61234567", chip.get("phone"));
    assertEquals("bd@chip.cn", chip.get("email"));
    assertEquals("成都市郫都区创新路8号", chip.get("address"));
    assertEquals(null, chip.get("website"));
    assertEquals(null, lead(night1, FAB).get("email"), "- is no email");
  }

  @Test
  void theZonesWorkbookShowsWhomToCall() throws IOException {
    Path wb = out.resolve("exports/run_date=" + NIGHT_1 + "/Z_CHIP.xlsx");
    try (InputStream in = Files.newInputStream(wb);
        XSSFWorkbook book = new XSSFWorkbook(in)) {
      Sheet s = book.getSheet(LeadListWorkbook.LEADS_SHEET);
      Row header = s.getRow(0);
      int phone = -1;
      int id = -1;
      for (Cell c : header) {
        phone = c.getStringCellValue().equals("电话") ? c.getColumnIndex() : phone;
        id = c.getStringCellValue().equals("企业编号") ? c.getColumnIndex() : id;
      }
      boolean found = false;
      for (Row r : s) {
        if (r.getRowNum() > 0 && CHIP.equals(r.getCell(id).getStringCellValue())) {
          assertEquals("028-61234567", r.getCell(phone).getStringCellValue());
          found = true;
        }
      }
      assertTrue(found);
    }
    String csv = Files.readString(out.resolve("exports/run_date=" + NIGHT_1 + "/Z_CHIP.csv"));
    assertTrue(csv.contains("王五,028-61234567,bd@chip.cn,,成都市郫都区创新路8号"), csv);
  }

  @Test
  void aDeregisteredFirmIsCountedOnNoListAndDroppedAsInactive() throws IOException {
    assertNotNull(lead(night1, FAB), "listed while in business");
    assertFalse(night2.stream().anyMatch(r -> FAB.equals(r.get("enterprise_id"))));
    assertTrue(
        dropped.stream()
            .anyMatch(
                d -> FAB.equals(d.get("enterprise_id")) && "inactive".equals(d.get("reason"))),
        dropped.toString());
    var m = NightlyJobEndToEndTest.manifest(out, NIGHT_2).at("/inputs/enterprises");
    assertEquals(2, m.path("accepted").asLong(), "accepted");
    assertEquals(1, m.path("inactive").asLong(), m.toString());
    assertEquals(0, m.path("quarantined").asLong());
  }
}
