package org.oppmatch.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
  @Test
  void quotesOnlyWhenNeededAndDoublesInnerQuotes() {
    assertEquals("plain", Csv.quote("plain"));
    assertEquals("成都星翼航空科技有限公司", Csv.quote("成都星翼航空科技有限公司"));
    assertEquals("\"a,b\"", Csv.quote("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", Csv.quote("say \"hi\""));
    assertEquals("\"   \"", Csv.quote("   "));
    assertEquals("", Csv.quote(null));
  }

  @Test
  void parsesQuotedFieldsAndEmptyOnes() {
    assertEquals(List.of("a", "b,c", "", "d\"e", ""), Csv.parseLine("a,\"b,c\",,\"d\"\"e\","));
    assertThrows(IllegalArgumentException.class, () -> Csv.parseLine("a,\"open,b"));
    assertThrows(IllegalArgumentException.class, () -> Csv.parseLine("a,\"x\"y,b"));
  }

  @Test
  void trickyRecordRoundTripsThroughTheWriter() {
    EnterpriseRecord r =
        new EnterpriseRecord(
            "E0000042",
            null,
            "Kortec \"Alpha\" Aerospace Co., Ltd.",
            "JP",
            "Aichi",
            "Nagoya",
            35.18,
            136.9,
            List.of("3741", "374"),
            "Design, manufacture and sale of \"aero-engine\" parts, avionics; MRO",
            "涡轮叶片、机匣,燃烧室",
            1.5e8,
            0.0,
            1200,
            1998,
            345,
            0.0523,
            -0.125,
            List.of("listed", "fortune_global_500"),
            List.of("expansion:2026-03-01"),
            true,
            "G0009",
            LocalDate.of(2026, 5, 4));
    String csv = EnterpriseCsv.toCsv(List.of(r));
    List<String> lines = csv.lines().toList();
    assertEquals(2, lines.size());
    List<String> parsed = Csv.parseLine(lines.get(1));
    assertEquals(r.toCells(), parsed);
    assertEquals("Kortec \"Alpha\" Aerospace Co., Ltd.", parsed.get(2));
    assertEquals("150000000", parsed.get(EnterpriseRecord.column("registered_capital_cny")));
    assertEquals("0", parsed.get(EnterpriseRecord.column("revenue_cny")));
    assertEquals("3741;374", parsed.get(EnterpriseRecord.column("industry_codes")));
  }
}
