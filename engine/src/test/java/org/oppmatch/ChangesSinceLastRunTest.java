package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.oppmatch.testing.Fixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.schema.InputTable;
import org.oppmatch.testing.Duck;
import org.oppmatch.testing.Fixtures;
import org.oppmatch.validate.Uscc;

/**
 * Two run dates on changing input: an enterprise leaves the input, one moves to another zone, a
 * strong newcomer pushes a lead off a short list. The second run's movement, dropped reasons and
 * manifest summary say exactly that.
 */
class ChangesSinceLastRunTest {
  @TempDir static Path tmp;
  static Path out;

  @BeforeAll
  static void twoRuns() {
    Path config =
        Fixtures.write(
            tmp, "config.json", "{\"quarantine_limit\": 0.2, \"lists\": {\"top_n\": 4}}");
    Path day1 = tmp.resolve("day1");
    NightlyJobEndToEndTest.writeInputs(day1);
    out = tmp.resolve("out");
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(day1, out, "2026-11-20", config)),
        NightlyJobEndToEndTest.lastErr);

    List<Map<String, String>> ents = new ArrayList<>();
    for (Map<String, String> e : NightlyJobEndToEndTest.enterprises()) {
      switch (e.get("enterprise_id")) {
        case "A3" -> {} // leaves the input
        case "X1" -> ents.add(with(e, "industry_codes", "3741;3973", "business_scope", "涡轮"));
        case "A1" -> {
          // a twin of A1 under a new id: the same text, so the same score, and the id breaks
          // the tie (a different name would change its text match with the opportunities); its
          // own USCC makes it another company
          ents.add(with(e, "uscc", Uscc.withCheckChar("91510100MA6CA0010")));
          ents.add(with(e, "enterprise_id", "A4", "uscc", Uscc.withCheckChar("91510100MA6CA0040")));
        }
        default -> ents.add(e);
      }
    }
    Path day2 = tmp.resolve("day2");
    NightlyJobEndToEndTest.writeInputs(day2);
    Fixtures.write(day2, "enterprises.csv", Fixtures.csv(InputTable.ENTERPRISES, ents));
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(day2, out, "2026-11-21", config)),
        NightlyJobEndToEndTest.lastErr);
  }

  static List<Map<String, Object>> rows(String output, String date, String order) {
    return Duck.query(
        "select * from "
            + Duck.parquet(out.resolve(output + "/run_date=" + date))
            + " order by "
            + order);
  }

  @Test
  void theListShowsNewAndMovedLeads() {
    Map<String, String> aero = new TreeMap<>();
    for (Map<String, Object> r : rows("targets", "2026-11-21", "zone_id, rank")) {
      if ("Z_AERO".equals(r.get("zone_id"))) {
        aero.put(
            (String) r.get("enterprise_id"),
            r.get("rank") + ":" + r.get("movement") + ":" + r.get("previous_rank"));
      }
    }
    assertEquals(
        Map.of("A1", "1:same:1", "A4", "2:new:null", "X1", "3:new:null", "G1", "4:down:2"), aero);
  }

  @Test
  void droppedLeadsSayWhyTheyLeft() {
    Map<String, String> dropped = new TreeMap<>();
    for (Map<String, Object> r : rows("dropped", "2026-11-21", "zone_id, previous_rank")) {
      dropped.put(
          r.get("zone_id") + "/" + r.get("enterprise_id"),
          r.get("reason") + "@" + r.get("previous_rank"));
    }
    assertEquals(
        Map.of(
            "Z_AERO/A3", "enterprise_gone@3",
            "Z_AERO/A2", "fell_below_list@4",
            "Z_CHIP/X1", "moved_zone@1"),
        dropped);
  }

  @Test
  void theManifestSummarisesTheChangePerZone() throws IOException {
    JsonNode c =
        new ObjectMapper()
            .readTree(out.resolve("manifests/run_date=2026-11-21.json").toFile())
            .get("changes");
    assertEquals("2026-11-20", c.get("previous_run_date").asText());
    assertEquals(
        "{\"new\":2,\"up\":0,\"down\":1,\"same\":1,\"dropped\":2}",
        c.at("/zones/Z_AERO").toString());
    assertEquals(1, c.at("/zones/Z_CHIP/dropped").asLong());
  }
}
