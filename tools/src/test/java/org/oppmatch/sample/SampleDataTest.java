package org.oppmatch.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the hand-curated sample inputs against data-contract.md and the brief's shape. */
class SampleDataTest {
  private static final Path SAMPLE = Path.of("data/sample");
  private static final Set<String> ECOSYSTEMS =
      Set.of(
          "electronic_info",
          "digital_economy",
          "artificial_intelligence",
          "aerospace",
          "rail_transit",
          "automotive",
          "biomedicine",
          "new_materials",
          "urban_agri_food",
          "producer_services",
          "new_consumption",
          "carbon_neutral");
  private static final Set<String> CHAIN_ECOSYSTEMS =
      Set.of("aerospace", "electronic_info", "biomedicine", "automotive");
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);

  private static List<Map<String, String>> zones;
  private static List<Map<String, String>> nodes;
  private static List<Map<String, String>> zoneChain;
  private static EnterpriseGeneratorTest.ContractCheck check;

  @BeforeAll
  static void read() throws IOException {
    zones = Csv.readRows(SAMPLE.resolve("zones.csv"));
    nodes = Csv.readRows(SAMPLE.resolve("chain_nodes.csv"));
    zoneChain = Csv.readRows(SAMPLE.resolve("zone_chain.csv"));
    check =
        new EnterpriseGeneratorTest.ContractCheck(
            EnterpriseGeneratorTest.ContractCheck.loadTable(), 2026);
  }

  @Test
  void zonesCoverAllTwelveEcosystemsWithRealCodes() throws IOException {
    assertEquals(
        "zone_id,name_zh,name_en,ecosystem,district,latitude,longitude,lead_industries,tracks,"
            + "land_ha_available,factory_m2_available,office_m2_available",
        Files.readAllLines(SAMPLE.resolve("zones.csv")).get(0));
    assertTrue(zones.size() >= 40, "zones: " + zones.size());
    Set<String> ids = new HashSet<>();
    Set<String> ecosystems = new HashSet<>();
    int withCoords = 0;
    for (Map<String, String> z : zones) {
      assertTrue(ids.add(z.get("zone_id")), z.get("zone_id"));
      assertFalse(z.get("name_zh").isBlank());
      assertTrue(ECOSYSTEMS.contains(z.get("ecosystem")), z.get("ecosystem"));
      ecosystems.add(z.get("ecosystem"));
      List<String> lead = SampleInputs.splitArray(z.get("lead_industries"));
      assertTrue(lead.size() >= 3 && lead.size() <= 8, z.get("zone_id") + " " + lead);
      lead.forEach(c -> assertTrue(check.validCode(c), z.get("zone_id") + " " + c));
      String lat = z.get("latitude");
      String lon = z.get("longitude");
      assertEquals(lat.isEmpty(), lon.isEmpty(), z.get("zone_id"));
      if (!lat.isEmpty()) {
        withCoords++;
        double la = Double.parseDouble(lat);
        double lo = Double.parseDouble(lon);
        assertTrue(la > 30.0 && la < 31.3 && lo > 103.3 && lo < 104.8, "in Chengdu: " + z);
      }
      for (String col :
          List.of("land_ha_available", "factory_m2_available", "office_m2_available")) {
        if (!z.get(col).isEmpty()) {
          assertTrue(Double.parseDouble(z.get(col)) >= 0);
        }
      }
    }
    assertEquals(ECOSYSTEMS, ecosystems);
    assertTrue(withCoords < zones.size() && withCoords > zones.size() - 6, "a few without coords");
  }

  @Test
  void chainNodesMapFourEcosystems() {
    Set<String> ids = new HashSet<>();
    Map<String, Integer> perEcosystem = new HashMap<>();
    for (Map<String, String> n : nodes) {
      String id = n.get("node_id");
      assertTrue(ids.add(id), id);
      assertTrue(id.matches("[A-Z]+(_[A-Z0-9]+)+"), id);
      assertTrue(CHAIN_ECOSYSTEMS.contains(n.get("ecosystem")), n.get("ecosystem"));
      perEcosystem.merge(n.get("ecosystem"), 1, Integer::sum);
      assertTrue(Set.of("upstream", "midstream", "downstream").contains(n.get("position")));
      List<String> codes = SampleInputs.splitArray(n.get("industry_codes"));
      assertFalse(codes.isEmpty());
      codes.forEach(c -> assertTrue(check.validCode(c), id + " " + c));
      int keywords = SampleInputs.splitArray(n.get("keywords")).size();
      assertTrue(keywords >= 3 && keywords <= 8, id);
    }
    assertEquals(CHAIN_ECOSYSTEMS, perEcosystem.keySet());
    perEcosystem.forEach((e, count) -> assertTrue(count >= 10, e + ": " + count));
  }

  @Test
  void zoneChainRefersToKnownZonesAndNodesWithAMixOfStatuses() {
    Set<String> zoneIds = new HashSet<>();
    Map<String, String> zoneEcosystem = new HashMap<>();
    zones.forEach(
        z -> {
          zoneIds.add(z.get("zone_id"));
          zoneEcosystem.put(z.get("zone_id"), z.get("ecosystem"));
        });
    Set<String> nodeIds = new HashSet<>();
    nodes.forEach(n -> nodeIds.add(n.get("node_id")));
    Map<String, Set<String>> statuses = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    Set<String> pairs = new HashSet<>();
    int withoutPriority = 0;
    for (Map<String, String> r : zoneChain) {
      assertTrue(zoneIds.contains(r.get("zone_id")), r.toString());
      assertTrue(nodeIds.contains(r.get("node_id")), r.toString());
      assertTrue(pairs.add(r.get("zone_id") + "/" + r.get("node_id")), "duplicate " + r);
      assertTrue(Set.of("strong", "weak", "missing").contains(r.get("status")), r.toString());
      if (r.get("priority").isEmpty()) {
        withoutPriority++;
      } else {
        int p = Integer.parseInt(r.get("priority"));
        assertTrue(p >= 1 && p <= 5, r.toString());
      }
      statuses.computeIfAbsent(r.get("zone_id"), k -> new HashSet<>()).add(r.get("status"));
      counts.merge(r.get("zone_id"), 1, Integer::sum);
    }
    assertTrue(withoutPriority > 0 && withoutPriority < zoneChain.size() / 3);
    counts.forEach((z, c) -> assertTrue(c >= 3 && c <= 12, z + ": " + c));
    statuses.forEach(
        (z, s) -> assertTrue(s.contains("missing") && s.contains("weak"), z + ": " + s));
    zoneEcosystem.forEach(
        (z, e) -> {
          if (CHAIN_ECOSYSTEMS.contains(e)) {
            assertTrue(counts.containsKey(z), "chain zone without a status table: " + z);
          }
        });
    assertTrue(
        counts.keySet().stream().anyMatch(z -> !CHAIN_ECOSYSTEMS.contains(zoneEcosystem.get(z))),
        "some zones of other ecosystems carry a chain too");
  }

  @Test
  void opportunitiesFollowTheContractAndTheRunDate() throws IOException {
    Set<String> zoneIds = new HashSet<>();
    zones.forEach(z -> zoneIds.add(z.get("zone_id")));
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(SAMPLE.resolve("opportunities.jsonl"));
    assertTrue(lines.size() >= 60, "opportunities: " + lines.size());
    Set<String> ids = new HashSet<>();
    Map<String, Integer> perEcosystem = new HashMap<>();
    int cityWide = 0;
    int expired = 0;
    for (String line : lines) {
      JsonNode o = json.readTree(line);
      String id = o.get("opportunity_id").asText();
      assertTrue(id.matches("OPP_2026_\\d{3}") && ids.add(id), id);
      assertFalse(o.get("title").asText().isBlank());
      JsonNode zone = o.get("zone_id");
      if (zone == null || zone.isNull()) {
        cityWide++;
      } else {
        assertTrue(zoneIds.contains(zone.asText()), id + " " + zone);
      }
      String eco = o.get("ecosystem").asText();
      assertTrue(ECOSYSTEMS.contains(eco), id + " " + eco);
      perEcosystem.merge(eco, 1, Integer::sum);
      for (JsonNode c : o.get("industry_codes")) {
        assertTrue(check.validCode(c.asText()), id + " " + c);
      }
      long cjk =
          o.get("description")
              .asText()
              .codePoints()
              .filter(c -> c >= 0x4e00 && c <= 0x9fff)
              .count();
      assertTrue(cjk >= 100 && cjk <= 300, id + " description has " + cjk + " characters");
      assertTrue(o.get("keywords").size() >= 3, id);
      assertNotNull(o.get("cooperation_mode"));
      assertTrue(o.get("budget_cny").isNumber() && o.get("budget_cny").asDouble() >= 0, id);
      LocalDate published = LocalDate.parse(o.get("published_date").asText());
      LocalDate deadline = LocalDate.parse(o.get("deadline").asText());
      assertEquals(2026, published.getYear(), id);
      assertTrue(published.isBefore(deadline), id);
      if (deadline.isBefore(RUN_DATE)) {
        expired++;
      }
    }
    assertEquals(ECOSYSTEMS, perEcosystem.keySet());
    int chainMin = CHAIN_ECOSYSTEMS.stream().mapToInt(perEcosystem::get).min().orElseThrow();
    int otherMax =
        perEcosystem.entrySet().stream()
            .filter(e -> !CHAIN_ECOSYSTEMS.contains(e.getKey()))
            .mapToInt(Map.Entry::getValue)
            .max()
            .orElseThrow();
    assertTrue(chainMin > otherMax, "chain ecosystems carry more opportunities");
    double n = lines.size();
    assertTrue(cityWide / n >= 0.10 && cityWide / n <= 0.20, "city-wide share " + cityWide / n);
    assertTrue(expired / n >= 0.07 && expired / n <= 0.14, "expired share " + expired / n);
  }
}
