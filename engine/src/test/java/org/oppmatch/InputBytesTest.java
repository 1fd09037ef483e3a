package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.oppmatch.testing.Fixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.schema.InputTable;
import org.oppmatch.testing.Duck;
import org.oppmatch.testing.Fixtures;

/**
 * The bytes of the files people hold (data-contract.md, version 3): a CSV saved by Chinese Excel
 * (GB18030), a UTF-16 file, bytes that decode in no encoding, control characters, NaN, a table with
 * a header and no rows. Through the whole job: the lists of a GB18030 file are the lists of the
 * same rows in UTF-8, and no output ever holds U+FFFD.
 */
class InputBytesTest {
  static final String DATE = NightlyJobEndToEndTest.DATE;
  static final Charset GB18030 = Charset.forName("GB18030");

  @TempDir static Path tmp;
  static Path config;
  static Path utf8Out;
  static Path gbOut;
  static int utf8Exit;
  static String utf8Err;

  /** The fixture's enterprises and three rows people's files hold (without the bad bytes). */
  static List<Map<String, String>> rows() {
    List<Map<String, String>> rows = new ArrayList<>(NightlyJobEndToEndTest.enterprises());
    Map<String, String> base = NightlyJobEndToEndTest.BASE;
    rows.add(with(base, "enterprise_id", "NUL1", "name", "空字符\u0000公司", "industry_codes", "3741"));
    rows.add(
        with(
            base,
            "enterprise_id",
            "NAN1",
            "name",
            "无穷公司",
            "industry_codes",
            "3741",
            "revenue_cny",
            "NaN"));
    return rows;
  }

  @BeforeAll
  static void runTwoFilesOfTheSameRows() throws IOException {
    config = Fixtures.write(tmp, "config.json", "{\"quarantine_limit\": 0.5}");
    // UTF-8, with a row whose name holds two bytes that are no UTF-8
    Path utf8 = tmp.resolve("utf8");
    NightlyJobEndToEndTest.writeInputs(utf8);
    String csv = Fixtures.csv(InputTable.ENTERPRISES, rows());
    String badRow =
        Fixtures.csv(
                InputTable.ENTERPRISES,
                List.of(
                    with(
                        NightlyJobEndToEndTest.BASE,
                        "enterprise_id",
                        "BAD1",
                        "name",
                        "Bad@@Name",
                        "industry_codes",
                        "3741")))
            .lines()
            .skip(1)
            .findFirst()
            .orElseThrow();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(csv.getBytes(StandardCharsets.UTF_8));
    String[] around = badRow.split("@@");
    bytes.writeBytes(around[0].getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe});
    bytes.writeBytes((around[1] + "\n").getBytes(StandardCharsets.UTF_8));
    Files.write(utf8.resolve("enterprises.csv"), bytes.toByteArray());
    utf8Out = tmp.resolve("utf8-out");
    utf8Exit = NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(utf8, utf8Out, DATE, config));
    utf8Err = NightlyJobEndToEndTest.lastErr;

    // the same rows as Chinese Excel saves them, and the zones as Windows' "Unicode text"
    Path gb = tmp.resolve("gb18030");
    NightlyJobEndToEndTest.writeInputs(gb);
    Files.write(gb.resolve("enterprises.csv"), csv.getBytes(GB18030));
    // with an outcomes table that holds a header and no rows: fine, unlike the required tables
    Fixtures.write(gb, "outcomes.csv", Fixtures.csv(InputTable.OUTCOMES, List.of()));
    String zones = Files.readString(gb.resolve("zones.csv"));
    Files.write(gb.resolve("zones.csv"), ("\uFEFF" + zones).getBytes(StandardCharsets.UTF_16LE));
    gbOut = tmp.resolve("gb18030-out");
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(gb, gbOut, DATE, config)),
        NightlyJobEndToEndTest.lastErr);
  }

  static Map<String, String> quarantineRules(Path out) {
    Map<String, String> rules = new TreeMap<>();
    for (Map<String, Object> r :
        Duck.query(
            "select record_key, rule from "
                + Duck.parquet(out.resolve("quarantine/run_date=" + DATE))
                + " where input = 'enterprises'")) {
      rules.put(String.valueOf(r.get("record_key")), (String) r.get("rule"));
    }
    return rules;
  }

  @Test
  void aGb18030FileGivesTheListsOfTheSameRowsInUtf8() throws IOException {
    assertEquals(0, utf8Exit, utf8Err);
    assertEquals(
        NightlyJobEndToEndTest.targets(utf8Out, DATE), NightlyJobEndToEndTest.targets(gbOut, DATE));
    JsonNode m = NightlyJobEndToEndTest.manifest(gbOut, DATE);
    assertEquals(
        "gb18030", m.at("/inputs/enterprises/encodings").elements().next().asText(), m.toString());
    assertEquals("utf-16le", m.at("/inputs/zones/encodings").elements().next().asText());
    assertEquals(
        "utf-8",
        NightlyJobEndToEndTest.manifest(utf8Out, DATE)
            .at("/inputs/enterprises/encodings")
            .elements()
            .next()
            .asText());
    assertTrue(
        NightlyJobEndToEndTest.targets(gbOut, DATE).stream()
            .anyMatch(r -> "成都涡轮动力股份有限公司".equals(r.get("enterprise_name"))),
        "the names read right");
  }

  @Test
  void badBytesControlCharactersAndNanAreQuarantinedByTheirRules() {
    Map<String, String> rules = quarantineRules(utf8Out);
    assertEquals("bad_encoding", rules.get("BAD1"), rules.toString());
    assertEquals("control_character", rules.get("NUL1"));
    assertEquals("bad_type", rules.get("NAN1"));
    Map<String, Object> bad =
        Duck.query(
                "select detail, raw_row from "
                    + Duck.parquet(utf8Out.resolve("quarantine/run_date=" + DATE))
                    + " where record_key = 'BAD1'")
            .get(0);
    assertTrue(
        ((String) bad.get("raw_row")).startsWith("BAD1,,Bad\\xFF\\xFEName,"), bad.toString());
    assertEquals("bad_encoding: bytes FF FE are not utf-8", bad.get("detail"));
    // the same rows in GB18030 (without the bad bytes): the same rules
    Map<String, String> gb = quarantineRules(gbOut);
    assertEquals("control_character", gb.get("NUL1"));
    assertEquals("bad_type", gb.get("NAN1"));
  }

  @Test
  void noOutputEverHoldsAReplacementCharacter() throws IOException {
    for (Path out : List.of(utf8Out, gbOut)) {
      for (String o : NightlyJobEndToEndTest.PARQUET_OUTPUTS) {
        List<Map<String, Object>> hits =
            Duck.query(
                "select * from "
                    + Duck.parquet(out.resolve(o + "/run_date=" + DATE))
                    + " t where cast(t as varchar) like '%\uFFFD%'");
        assertEquals(List.of(), hits, o);
      }
      try (Stream<Path> files = Files.walk(out)) {
        for (Path f : files.filter(f -> f.toString().matches(".*\\.(csv|html|json)$")).toList()) {
          assertFalse(Files.readString(f).contains("\uFFFD"), f.toString());
        }
      }
    }
  }

  @Test
  void aRequiredTableWithAHeaderAndNoRowsFailsInOneLine() throws IOException {
    for (InputTable t : List.of(InputTable.ENTERPRISES, InputTable.ZONES)) {
      Path in = tmp.resolve("empty-" + t.tableName());
      NightlyJobEndToEndTest.writeInputs(in);
      Fixtures.write(in, t.tableName() + ".csv", Fixtures.csv(t, List.of()));
      Path out = tmp.resolve("empty-out-" + t.tableName());
      int code = NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(in, out, DATE, config));
      String err = NightlyJobEndToEndTest.lastErr;
      assertEquals(3, code, err);
      assertTrue(
          err.startsWith("nightly: input_contract_violated: " + t.tableName() + " has no rows ("),
          err);
      assertEquals(1, err.lines().count(), err);
    }
    assertEquals(
        0,
        NightlyJobEndToEndTest.manifest(gbOut, DATE).at("/inputs/outcomes/rows_read").asLong(),
        "an empty outcomes table is read and fine");
  }
}
