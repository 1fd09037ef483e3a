package org.oppmatch.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadListCsvTest {

  private static byte[] csv(ZoneExport zone) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LeadListCsv.write(zone, out);
    return out.toByteArray();
  }

  /** A strict RFC 4180 reader: records end with CRLF, quoted fields may hold anything. */
  static List<List<String>> parse(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
        i++;
      } else if (c == '"') {
        assertEquals(0, field.length(), "a quote only opens a field");
        quoted = true;
        i++;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        i++;
      } else if (c == '\r') {
        assertEquals('\n', text.charAt(i + 1), "CR only as part of CRLF outside quotes");
        record.add(field.toString());
        field.setLength(0);
        records.add(record);
        record = new ArrayList<>();
        i += 2;
      } else {
        assertFalse(c == '\n', "bare LF outside quotes at " + i);
        field.append(c);
        i++;
      }
    }
    assertTrue(record.isEmpty() && field.length() == 0, "the last record ends with CRLF");
    return records;
  }

  @Test
  void utf8WithByteOrderMarkHeadersAndCrlf() throws IOException {
    byte[] bytes = csv(ExportFixtures.hostileZone());
    assertArrayEquals(
        new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3), "BOM");
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertTrue(
        text.startsWith(
            "排名,企业名称,企业编号,所在省份,所在城市,主营行业代码,主营行业,企业规模,营业收入区间,从业人数,企业标签,法定代表人,电话,邮箱,网址,地址,得分,等级,链条角色,匹配环节,匹配场景机会,推荐理由,是否新增,上次排名,趋势,其他意向园区,得分构成,跟进阶段,最近备注\r\n"),
        text.substring(0, 120));
    assertTrue(text.endsWith("\r\n"));
  }

  @Test
  void rowsInRankOrderWithPlainNumbers() throws IOException {
    ZoneExport zone = ExportFixtures.hostileZone();
    String text = new String(csv(zone), StandardCharsets.UTF_8).substring(1);
    List<List<String>> records = parse(text);
    assertEquals(zone.leads().size() + 1, records.size());
    for (int i = 0; i < zone.leads().size(); i++) {
      List<String> r = records.get(i + 1);
      assertEquals(LeadColumn.values().length, r.size(), "fields of row " + i);
      assertEquals(Integer.toString(i + 1), r.get(0), "rank");
      assertEquals(zone.leads().get(i).enterpriseId(), r.get(2));
      assertEquals(Labels.points(zone.leads().get(i).score()), r.get(LeadColumn.SCORE.ordinal()));
      assertEquals(
          Integer.toString(i + 2),
          r.get(LeadColumn.PREVIOUS_RANK.ordinal()),
          "previous rank as a number");
    }
    assertEquals("82.50", records.get(1).get(LeadColumn.SCORE.ordinal()));
    assertEquals("A", records.get(1).get(LeadColumn.TIER.ordinal()));
    assertEquals("补链", records.get(1).get(LeadColumn.CHAIN_ROLE.ordinal()));
    assertEquals("航空发动机涡轮叶片配套", records.get(1).get(LeadColumn.MATCHED_OPPORTUNITIES.ordinal()));
    assertEquals("川西精密机械股份有限公司, \"东区\"", records.get(2).get(1), "comma and quote survive");
  }

  @Test
  void hostileTextIsPrefixedWithAQuote() throws IOException {
    String text =
        new String(csv(ExportFixtures.hostileZone()), StandardCharsets.UTF_8).substring(1);
    List<List<String>> records = parse(text);
    List<String> names = records.stream().skip(1).map(r -> r.get(1)).toList();
    for (String hostile : ExportFixtures.HOSTILE_NAMES) {
      assertTrue(names.contains("'" + hostile), "neutralised: " + hostile.replace("\t", "\\t"));
      assertFalse(names.contains(hostile), "raw: " + hostile.replace("\t", "\\t"));
    }
    for (List<String> r : records.subList(1, records.size())) {
      for (int col = 0; col < r.size(); col++) {
        String f = r.get(col);
        if (col != LeadColumn.RANK.ordinal()
            && col != LeadColumn.SCORE.ordinal()
            && col != LeadColumn.PREVIOUS_RANK.ordinal()) {
          assertFalse(SafeText.looksLikeFormula(f), "text field starts a formula: " + f);
        }
      }
    }
    assertTrue(names.contains(ExportFixtures.SCRIPT_NAME), "only formula starts are changed");
  }

  @Test
  void fieldsQuoteOnlyWhereRfc4180Requires() {
    assertEquals("abc", LeadListCsv.field("abc"));
    assertEquals("\"a,b\"", LeadListCsv.field("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", LeadListCsv.field("say \"hi\""));
    assertEquals("\"a\r\nb\"", LeadListCsv.field("a\r\nb"));
    assertEquals("\"'\rcr\"", LeadListCsv.field("\rcr"));
    assertEquals("'=1+1", LeadListCsv.field("=1+1"));
    assertEquals("-2", LeadListCsv.field(-2), "numbers are not neutralised");
    assertEquals("'-2", LeadListCsv.field("-2"), "text is");
    assertEquals("70.10", LeadListCsv.field(70.1));
    assertEquals("", LeadListCsv.field(null));
  }
}
