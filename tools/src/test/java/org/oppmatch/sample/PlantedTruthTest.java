package org.oppmatch.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlantedTruthTest {
  private static final Path SAMPLE = Path.of("data/sample");
  private static List<ZoneRef> zones;
  private static List<ChainNodeRef> nodes;
  private static List<ZoneChainRef> zoneChain;
  private static GeneratorSettings settings;
  private static PlantedTruthSample sample;

  @BeforeAll
  static void generateOnce() throws IOException {
    zones = SampleInputs.readZones(SAMPLE.resolve("zones.csv"));
    nodes = SampleInputs.readChainNodes(SAMPLE.resolve("chain_nodes.csv"));
    zoneChain = SampleInputs.readZoneChain(SAMPLE.resolve("zone_chain.csv"));
    settings = GeneratorSettings.load(Path.of("data/generator-defaults.json")).withCount(1000);
    sample = EnterpriseGenerator.generateWithTruth(settings, zones, nodes, zoneChain, 150);
  }

  private static ChainNodeRef node(String id, String... codes) {
    return new ChainNodeRef(id, "eco", id, "midstream", List.of(codes), List.of());
  }

  @Test
  void slotsAreCodesOnlyOneZoneLacks() {
    List<ChainNodeRef> n =
        List.of(
            node("N1", "1111", "2222"),
            node("N2", "1111"),
            node("N3", "3333"),
            node("N4", "444"),
            node("N5", "4441"),
            node("N6", "6666"),
            node("N7", "6666"));
    List<ZoneChainRef> zc =
        List.of(
            new ZoneChainRef("Z1", "N1", "missing", 2),
            new ZoneChainRef("Z2", "N2", "missing", 2), // 1111 missing in two zones: ambiguous
            new ZoneChainRef("Z1", "N3", "weak", null), // weak: no gap to fill
            new ZoneChainRef("Z2", "N4", "missing", 3), // 444 contains 4441: ambiguous too
            new ZoneChainRef("Z1", "N5", "missing", 3),
            new ZoneChainRef("Z3", "N6", "missing", 3),
            new ZoneChainRef("Z1", "N7", "weak", 1), // 6666 weak in Z1 at a more urgent priority
            new ZoneChainRef("Z2", "N7", "strong", 5),
            new ZoneChainRef("Z2", "N1", "weak", 4)); // 2222 weak in Z2 at a less urgent one
    List<TruthSlot> slots = PlantedTruth.slots(n, zc);
    assertEquals(
        List.of(
            new TruthSlot("Z1", "N1", "2222", 2, List.of("Z2:weak:4"), false),
            new TruthSlot("Z3", "N6", "6666", 3, List.of("Z1:weak:1", "Z2:strong:5"), true)),
        slots);
  }

  @Test
  void planTakesZonesInTurnThenNodesThenCodes() {
    List<TruthSlot> slots =
        List.of(
            new TruthSlot("A", "N1", "1", 1, List.of(), false),
            new TruthSlot("A", "N1", "2", 1, List.of(), false),
            new TruthSlot("A", "N2", "3", 1, List.of(), false),
            new TruthSlot("B", "N3", "4", 1, List.of(), false));
    List<String> codes = PlantedTruth.plan(slots, 8).stream().map(TruthSlot::code).toList();
    assertEquals(List.of("1", "4", "3", "4", "2", "4", "3", "4"), codes);
    assertThrows(IllegalArgumentException.class, () -> PlantedTruth.plan(List.of(), 1));
  }

  @Test
  void noiseGapFillersAreNoiseFirmsWhosePrimaryCodeIsOnAMissingNode() {
    List<ChainNodeRef> n = List.of(node("N1", "1111"), node("N2", "222"));
    List<ZoneChainRef> zc =
        List.of(
            new ZoneChainRef("Z1", "N1", "missing", 1),
            new ZoneChainRef("Z2", "N1", "missing", 1),
            new ZoneChainRef("Z3", "N2", "missing", 1),
            new ZoneChainRef("Z4", "N2", "weak", 1));
    EnterpriseRecord e1 = record("E1", "1111", "2221");
    EnterpriseRecord e2 = record("E2", "2221", "1111"); // 2221 lies under 222
    EnterpriseRecord e3 = record("E3", "9999", "1111"); // only a secondary code on the node
    assertEquals(
        List.of(
            new NoiseGapFiller("E1", "Z1", "N1", "1111"),
            new NoiseGapFiller("E1", "Z2", "N1", "1111"),
            new NoiseGapFiller("E2", "Z3", "N2", "2221")),
        PlantedTruth.noiseGapFillers(List.of(e1, e2, e3), n, zc));
  }

  private static EnterpriseRecord record(String id, String... codes) {
    return new EnterpriseRecord(
        id,
        null,
        id,
        "CN",
        null,
        null,
        null,
        null,
        List.of(codes),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        List.of(),
        null,
        null,
        null);
  }

  @Test
  void sameSeedGivesTheSameFileAndTruthAndAnotherSeedDiffers() {
    PlantedTruthSample again =
        EnterpriseGenerator.generateWithTruth(settings, zones, nodes, zoneChain, 150);
    PlantedTruthSample other =
        EnterpriseGenerator.generateWithTruth(settings.withSeed(7), zones, nodes, zoneChain, 150);
    assertEquals(EnterpriseCsv.toCsv(sample.sample()), EnterpriseCsv.toCsv(again.sample()));
    assertEquals(PlantedTruth.toCsv(sample.truth()), PlantedTruth.toCsv(again.truth()));
    assertNotEquals(EnterpriseCsv.toCsv(sample.sample()), EnterpriseCsv.toCsv(other.sample()));
    // the plan follows the chain maps, not the seed: same zones and nodes, other firms
    assertEquals(
        sample.truth().stream().map(t -> t.zoneId() + t.nodeId() + t.primaryCode()).toList(),
        other.truth().stream().map(t -> t.zoneId() + t.nodeId() + t.primaryCode()).toList());
  }

  @Test
  void noiseIsExactlyTheDefaultOutputAndPlantedRowsFollowIt() {
    GeneratedSample noise = EnterpriseGenerator.generate(settings, zones, nodes);
    List<SampleRow> rows = sample.sample().rows();
    assertEquals(settings.count() + 150, rows.size());
    assertEquals(noise.rows(), rows.subList(0, settings.count()));
    assertEquals(noise.planted(), sample.sample().planted(), "bad rows keep their lines");
    Set<String> ids = new HashSet<>();
    rows.stream()
        .filter(r -> r.planted() != PlantedKind.DUPLICATE_ID)
        .forEach(r -> assertTrue(ids.add(r.record().enterpriseId()), r.record().enterpriseId()));
    for (TruthRow t : sample.truth()) {
      assertTrue(ids.contains(t.enterpriseId()), t.enterpriseId());
    }
  }

  @Test
  void eachPlantedFirmCarriesItsNodesCodeAsPrimaryAndOnlyThatZoneLacksIt() {
    Map<String, ChainNodeRef> nodeById = new HashMap<>();
    nodes.forEach(n -> nodeById.put(n.nodeId(), n));
    Map<String, EnterpriseRecord> byId = new HashMap<>();
    sample.sample().rows().forEach(r -> byId.put(r.record().enterpriseId(), r.record()));
    for (TruthRow t : sample.truth()) {
      EnterpriseRecord e = byId.get(t.enterpriseId());
      ChainNodeRef node = nodeById.get(t.nodeId());
      String primary = e.industryCodes().get(0);
      assertEquals(t.primaryCode(), primary, t.toString());
      assertTrue(node.industryCodes().contains(primary), t + ": primary not a code of the node");
      for (String code : e.industryCodes()) {
        assertTrue(node.industryCodes().contains(code), t + ": " + code + " is off the node");
      }
      assertEquals(PlantedTruth.GAP_FILLER, t.kind());
      Integer priority = priorityOf(t.zoneId(), t.nodeId());
      assertTrue(
          zoneChain.contains(new ZoneChainRef(t.zoneId(), t.nodeId(), "missing", priority)),
          t + ": the node is not missing in the zone");
      // an independent reading of the rule: no other zone lacks (or, for a strengthener, has
      // weak) any node whose codes contain the primary code or are contained in it
      Map<String, String> others = new TreeMap<>();
      for (ZoneChainRef r : zoneChain) {
        boolean related =
            nodeById.get(r.nodeId()).industryCodes().stream()
                .anyMatch(c -> c.startsWith(primary) || primary.startsWith(c));
        if (related && !r.zoneId().equals(t.zoneId())) {
          others.merge(r.zoneId(), r.status(), (a, b) -> rank(a) <= rank(b) ? a : b);
        }
      }
      assertTrue(!others.containsValue("missing"), t + ": another zone lacks it: " + others);
      assertEquals(
          others.keySet().stream().toList(),
          t.otherZones().stream().map(z -> z.substring(0, z.indexOf(':'))).toList(),
          t.toString());
      for (String other : t.otherZones()) {
        String[] p = other.split(":");
        assertEquals(others.get(p[0]), p[1], t.toString());
      }
    }
  }

  @Test
  void plantedFirmsAreStrongRecentLocalAndCleanAndSpreadOverZones() throws IOException {
    Map<String, ChainNodeRef> nodeById = new HashMap<>();
    nodes.forEach(n -> nodeById.put(n.nodeId(), n));
    Map<String, SampleRow> byId = new HashMap<>();
    sample.sample().rows().forEach(r -> byId.put(r.record().enterpriseId(), r));
    var check =
        new EnterpriseGeneratorTest.ContractCheck(
            EnterpriseGeneratorTest.ContractCheck.loadTable(), 2026);
    LocalDate anchor = settings.anchorDate();
    Map<String, Integer> perZone = new TreeMap<>();
    for (TruthRow t : sample.truth()) {
      SampleRow row = byId.get(t.enterpriseId());
      EnterpriseRecord e = row.record();
      assertEquals(Set.of(), check.lineViolations(row.text()), t.enterpriseId());
      assertTrue(List.of("成都", "德阳", "眉山", "资阳").contains(e.city()), e.city());
      assertTrue(e.revenueCny() >= 2e7, "medium or large: " + e.revenueCny());
      assertTrue(e.tags().stream().anyMatch(x -> !x.equals("high_tech")), "a tag beyond high_tech");
      assertTrue(
          e.signals().stream()
              .filter(s -> !s.startsWith("hiring:"))
              .map(s -> LocalDate.parse(s.substring(s.indexOf(':') + 1)))
              .anyMatch(d -> d.isBefore(anchor) && !d.isBefore(anchor.minusDays(60))),
          "a signal of intent in the last 60 days: " + e.signals());
      assertTrue(
          nodeById.get(t.nodeId()).keywords().stream().anyMatch(k -> e.businessScope().contains(k)),
          "the scope names the node: " + e.businessScope());
      perZone.merge(t.zoneId(), 1, Integer::sum);
    }
    int min = perZone.values().stream().min(Integer::compare).orElseThrow();
    int max = perZone.values().stream().max(Integer::compare).orElseThrow();
    assertTrue(max - min <= 1, "zones in turn: " + perZone);
    assertEquals(14, perZone.size(), "the sample's chain maps give 14 zones a unique gap");
  }

  @Test
  void cliWritesEnterprisesAndTruth(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("inputs/enterprises.csv");
    Path truth = dir.resolve("truth.csv");
    String summary =
        EnterpriseGenerator.run(
            new String[] {
              "--zones", "data/sample/zones.csv",
              "--chain-nodes", "data/sample/chain_nodes.csv",
              "--zone-chain", "data/sample/zone_chain.csv",
              "--defaults", "data/generator-defaults.json",
              "--count", "1000",
              "--planted-truth", "150",
              "--out", out.toString(),
              "--truth", truth.toString()
            });
    assertTrue(summary.contains("150 planted-truth enterprises"), summary);
    assertEquals(EnterpriseCsv.toCsv(sample.sample()), Files.readString(out));
    assertEquals(PlantedTruth.toCsv(sample.truth()), Files.readString(truth));
    assertEquals(sample.truth(), PlantedTruth.read(truth));
    assertEquals(
        sample.noiseGapFillers(), PlantedTruth.readNoise(dir.resolve("noise-gap-fillers.csv")));
    assertTrue(sample.noiseGapFillers().size() > 50, "the noise holds gap-fillers too");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            EnterpriseGenerator.run(
                new String[] {
                  "--zones", "data/sample/zones.csv",
                  "--chain-nodes", "data/sample/chain_nodes.csv",
                  "--out", out.toString(),
                  "--planted-truth", "10"
                }),
        "--planted-truth needs the chain maps");
  }

  private static Integer priorityOf(String zone, String node) {
    return zoneChain.stream()
        .filter(r -> r.zoneId().equals(zone) && r.nodeId().equals(node))
        .findFirst()
        .orElseThrow()
        .priority();
  }

  private static int rank(String status) {
    return List.of("missing", "weak", "strong").indexOf(status);
  }
}
