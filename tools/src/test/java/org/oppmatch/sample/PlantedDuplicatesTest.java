package org.oppmatch.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.schema.ColumnSpec;
import org.oppmatch.schema.InputTable;
import org.oppmatch.validate.RowValidator;
import org.oppmatch.validate.Uscc;

/** The planted duplicates of the evaluation, on the input jobs/evaluate builds by default. */
class PlantedDuplicatesTest {
  private static final Path SAMPLE = Path.of("data/sample");
  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);
  private static final int DUPLICATES = 200;

  private static List<ZoneRef> zones;
  private static List<ChainNodeRef> nodes;
  private static List<ZoneChainRef> zoneChain;
  private static GeneratorSettings settings;
  private static PlantedTruthSample input;
  private static Set<String> plantedTruthIds;
  private static PlantedDuplicates.Planted planted;
  private static Map<String, EnterpriseRecord> byId;

  @BeforeAll
  static void plantOnce() throws IOException {
    zones = SampleInputs.readZones(SAMPLE.resolve("zones.csv"));
    nodes = SampleInputs.readChainNodes(SAMPLE.resolve("chain_nodes.csv"));
    zoneChain = SampleInputs.readZoneChain(SAMPLE.resolve("zone_chain.csv"));
    settings = GeneratorSettings.load(Path.of("data/generator-defaults.json"));
    input = EnterpriseGenerator.generateWithTruth(settings, zones, nodes, zoneChain, 300);
    plantedTruthIds = new HashSet<>();
    input.truth().forEach(t -> plantedTruthIds.add(t.enterpriseId()));
    planted = plant(settings.seed() ^ PlantedDuplicates.SALT);
    byId = new HashMap<>();
    planted.sample().rows().forEach(r -> byId.putIfAbsent(r.record().enterpriseId(), r.record()));
  }

  private static PlantedDuplicates.Planted plant(long seed) {
    return PlantedDuplicates.plant(input.sample(), plantedTruthIds, zones, nodes, DUPLICATES, seed);
  }

  private static List<EntityTruthRow> plantedTruth() {
    return planted.truth().stream().filter(t -> t.duplicateKind().isPresent()).toList();
  }

  @Test
  void theSameSeedPlantsTheSameRowsAndAnotherSeedOthers() {
    PlantedDuplicates.Planted again = plant(settings.seed() ^ PlantedDuplicates.SALT);
    assertEquals(EnterpriseCsv.toCsv(planted.sample()), EnterpriseCsv.toCsv(again.sample()));
    assertEquals(EntityTruthRow.toCsv(planted.truth()), EntityTruthRow.toCsv(again.truth()));
    PlantedDuplicates.Planted other = plant(7);
    assertNotEquals(EnterpriseCsv.toCsv(planted.sample()), EnterpriseCsv.toCsv(other.sample()));
    assertEquals(planted.sample().rows().size(), other.sample().rows().size());
  }

  @Test
  void theInputComesFirstUnchangedAndThePlantedRowsFollowIt() {
    List<SampleRow> before = input.sample().rows();
    List<SampleRow> after = planted.sample().rows();
    assertEquals(before.size() + DUPLICATES, after.size());
    assertEquals(before, after.subList(0, before.size()));
    assertEquals(input.sample().planted(), planted.sample().planted(), "no bad row is added");
    for (int i = 0; i < after.size(); i++) {
      assertEquals(i + 2, after.get(i).line());
    }
    assertEquals(DUPLICATES, planted.plantedRecords().size());
  }

  @Test
  void everyPlantedRowPassesTheEnginesRowValidation() throws IOException {
    Set<String> table = EnterpriseGeneratorTest.ContractCheck.loadTable();
    RowValidator validator =
        new RowValidator(
            InputTable.ENTERPRISES, RUN_DATE, table == null ? Set.of() : table, Set.of(), Set.of());
    String csv = EnterpriseCsv.toCsv(planted.sample());
    List<String> lines = csv.lines().toList();
    List<String> header = Csv.parseLine(lines.get(0));
    Set<String> plantedIds = new HashSet<>();
    plantedTruth().forEach(t -> plantedIds.add(t.enterpriseId()));
    int checked = 0;
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      String id = line.substring(0, line.indexOf(','));
      if (!plantedIds.contains(id)) {
        continue;
      }
      RowValidator.Checked c = validator.check(raw(header, line, i + 1));
      assertTrue(c.accepted(), line + " broke " + c.rules() + ": " + c.detail());
      checked++;
    }
    assertEquals(DUPLICATES, checked, "every planted row is read back from the file");
  }

  /** A raw enterprises record as the job's CSV reader hands it to the validator. */
  static Row raw(List<String> header, String line, long lineNo) {
    List<String> fields = Csv.parseLine(line);
    List<ColumnSpec> columns = InputTable.ENTERPRISES.columns();
    Object[] values = new Object[RowValidator.FIRST_COLUMN + columns.size()];
    values[RowValidator.FILE] = "enterprises.csv";
    values[RowValidator.LINE] = lineNo;
    values[RowValidator.TEXT] = line;
    for (int i = 0; i < columns.size(); i++) {
      int at = header.indexOf(columns.get(i).name());
      String v = at < 0 ? null : fields.get(at);
      values[RowValidator.FIRST_COLUMN + i] =
          columns.get(i).type().isArray() && v != null
              ? java.util.Arrays.stream(v.split("[;；]", -1))
                  .map(String::trim)
                  .filter(s -> !s.isEmpty())
                  .toArray(String[]::new)
              : v;
    }
    return RowFactory.create(values);
  }

  @Test
  void plantedRowsHaveNewIdsAndTakeNoOtherFirmsUscc() {
    Set<String> ids = new HashSet<>();
    Map<String, String> usccOwner = new HashMap<>();
    for (SampleRow r : input.sample().rows()) {
      ids.add(r.record().enterpriseId());
      if (r.record().uscc() != null) {
        usccOwner.put(r.record().uscc(), r.record().enterpriseId());
      }
    }
    for (EntityTruthRow t : plantedTruth()) {
      assertTrue(ids.add(t.enterpriseId()), "a new id: " + t.enterpriseId());
      String uscc = byId.get(t.enterpriseId()).uscc();
      if (uscc == null) {
        continue;
      }
      assertTrue(Uscc.isValid(uscc), uscc);
      if (t.kind().equals(DuplicateKind.SAME_USCC.id())) {
        assertEquals(t.plantedFrom(), usccOwner.get(uscc), "the original's own USCC");
      } else {
        assertNull(usccOwner.put(uscc, t.enterpriseId()), "a USCC nobody else has: " + uscc);
      }
    }
  }

  @Test
  void theTruthCoversEveryIdWithTheKindsAsPlanted() {
    Map<String, Long> kinds =
        planted.truth().stream()
            .collect(
                Collectors.groupingBy(EntityTruthRow::kind, TreeMap::new, Collectors.counting()));
    // 200 rows: 15 turns of the 11 scenarios (13 rows each), then the first five scenarios again
    Map<String, Long> expected = new TreeMap<>();
    expected.put("same_uscc", 31L);
    expected.put("legal_form", 31L);
    expected.put("place", 31L);
    expected.put("width", 16L);
    expected.put("spacing", 16L);
    expected.put("other_city_same_industry", 30L);
    expected.put("branch", 15L);
    expected.put("look_alike", 15L);
    expected.put("other_city_other_industry", 15L);
    long badRows =
        input.sample().planted().stream().filter(p -> !p.rule().equals("duplicate_id")).count();
    expected.put(EntityTruthRow.BAD_ROW, badRows);
    Set<String> distinctIds = new HashSet<>();
    input.sample().rows().forEach(r -> distinctIds.add(r.record().enterpriseId()));
    expected.put(EntityTruthRow.ORIGINAL, distinctIds.size() - badRows);
    assertEquals(expected, kinds);
    assertEquals(distinctIds.size() + DUPLICATES, planted.truth().size());

    Set<String> badIds = new HashSet<>();
    input.sample().planted().stream()
        .filter(p -> !p.rule().equals("duplicate_id"))
        .forEach(p -> badIds.add(p.enterpriseId()));
    for (EntityTruthRow t : planted.truth()) {
      if (t.duplicateKind().isEmpty()) {
        assertEquals(t.enterpriseId(), t.trueCompany(), "an original is its own company");
        assertEquals("", t.plantedFrom());
        assertEquals(badIds.contains(t.enterpriseId()), t.kind().equals(EntityTruthRow.BAD_ROW));
      }
    }
  }

  @Test
  void eachKindIsWhatItSaysAndPositivesKeepTheOriginalsNameKey() {
    Map<String, EntityTruthRow> truthById = new LinkedHashMap<>();
    planted.truth().forEach(t -> truthById.put(t.enterpriseId(), t));
    Set<String> originals = new HashSet<>();
    for (EntityTruthRow t : plantedTruth()) {
      DuplicateKind kind = t.duplicateKind().orElseThrow();
      EnterpriseRecord r = byId.get(t.enterpriseId());
      EnterpriseRecord o = byId.get(t.plantedFrom());
      String what = kind + ": " + o.name() + " -> " + r.name();
      originals.add(o.enterpriseId());
      assertEquals(EntityTruthRow.ORIGINAL, truthById.get(o.enterpriseId()).kind(), what);
      assertFalse(plantedTruthIds.contains(o.enterpriseId()), "never a planted-truth firm");
      assertEquals(kind.sameCompany() ? o.enterpriseId() : r.enterpriseId(), t.trueCompany());
      String primary = r.industryCodes().get(0);
      String originalPrimary = o.industryCodes().get(0);
      boolean sameIndustry =
          primary.startsWith(originalPrimary) || originalPrimary.startsWith(primary);
      if (kind.sameCompany()) {
        assertEquals(NameKey.of(o.name()), NameKey.of(r.name()), what);
        assertTrue(r.updatedAt().isBefore(o.updatedAt()), "older than its original: " + what);
        assertTrue(sameIndustry, what);
      }
      switch (kind) {
        case SAME_USCC -> {
          assertEquals(o.uscc(), r.uscc());
          assertNotNull(r.uscc());
        }
        case LEGAL_FORM, PLACE, WIDTH, SPACING -> {
          assertNull(r.uscc(), what);
          assertEquals(o.city(), r.city(), what);
          assertNotEquals(o.name(), r.name(), what);
        }
        case OTHER_CITY_SAME_INDUSTRY -> {
          assertNull(r.uscc(), what);
          assertNotEquals(o.city(), r.city(), what);
        }
        case BRANCH -> {
          assertTrue(r.name().startsWith(o.name()) && r.name().endsWith("分公司"), what);
          assertNotNull(r.uscc());
          assertNotEquals(o.uscc(), r.uscc());
          assertNotEquals(NameKey.of(o.name()), NameKey.of(r.name()), what);
        }
        case LOOK_ALIKE -> {
          assertEquals(o.name(), r.name());
          assertEquals(o.city(), r.city());
          assertEquals(o.industryCodes(), r.industryCodes());
          assertNotNull(o.uscc());
          assertNotNull(r.uscc());
          assertNotEquals(o.uscc(), r.uscc());
        }
        case OTHER_CITY_OTHER_INDUSTRY -> {
          assertEquals(o.name(), r.name());
          assertNull(r.uscc());
          assertNotEquals(o.city(), r.city());
          assertFalse(sameIndustry, what);
          assertNotEquals(originalPrimary.substring(0, 2), primary.substring(0, 2), what);
        }
      }
      switch (kind) {
        case LEGAL_FORM -> assertTrue(r.name().matches(".*(有限公司|有限责任公司)$"), what);
        case WIDTH -> assertTrue(r.name().contains("(") && o.name().contains("（"), what);
        case SPACING -> assertTrue(r.name().matches(".*[ \u3000·].*"), what);
        default -> {}
      }
    }
    // two scenarios give their original two planted rows, each 15 times in 200 rows
    assertEquals(DUPLICATES - 30, originals.size());
  }

  @Test
  void originalsAndPlantedRowsStayOutOfTheZonesListsAndLookLikeNoOtherRow() {
    Set<String> chain = new HashSet<>();
    nodes.forEach(n -> chain.addAll(n.industryCodes()));
    zones.forEach(z -> chain.addAll(z.leadIndustries()));
    List<EnterpriseRecord> rows = planted.plantedRecords();
    for (EnterpriseRecord r : rows) {
      for (String code : r.industryCodes()) {
        assertTrue(
            chain.stream().noneMatch(c -> c.startsWith(code) || code.startsWith(c)),
            r.name() + " " + code);
      }
    }
    assertEquals(List.of(), PlantedTruth.noiseGapFillers(rows, nodes, zoneChain));
    // each planted row's key is shared only by its own original and the rows planted with it
    Map<String, Set<String>> originalsByKey = new HashMap<>();
    for (SampleRow row : input.sample().rows()) {
      String key = NameKey.of(row.record().name());
      if (key != null) {
        originalsByKey.computeIfAbsent(key, k -> new HashSet<>()).add(row.record().enterpriseId());
      }
    }
    for (EntityTruthRow t : plantedTruth()) {
      Set<String> same =
          originalsByKey.getOrDefault(NameKey.of(byId.get(t.enterpriseId()).name()), Set.of());
      if (t.kind().equals(DuplicateKind.BRANCH.id())) {
        assertEquals(Set.of(), same, t.enterpriseId());
      } else {
        assertEquals(Set.of(t.plantedFrom()), same, t.enterpriseId());
      }
    }
  }

  @Test
  void tooFewFirmsForTheDuplicatesIsAnError() {
    GeneratedSample tiny = EnterpriseGenerator.generate(settings.withCount(40), zones, nodes);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PlantedDuplicates.plant(tiny, Set.of(), zones, nodes, DUPLICATES, 1));
    assertTrue(e.getMessage().contains("too few firms"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> PlantedDuplicates.plant(tiny, Set.of(), zones, nodes, -1, 1));
    assertEquals(
        tiny.rows(), PlantedDuplicates.plant(tiny, Set.of(), zones, nodes, 0, 1).sample().rows());
  }

  @Test
  void theGeneratorWritesTheDuplicatesAndTheirTruth(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("enterprises.csv");
    String summary =
        EnterpriseGenerator.run(
            new String[] {
              "--zones", "data/sample/zones.csv",
              "--chain-nodes", "data/sample/chain_nodes.csv",
              "--zone-chain", "data/sample/zone_chain.csv",
              "--defaults", "data/generator-defaults.json",
              "--out", out.toString(),
              "--count", "600",
              "--planted-truth", "20",
              "--duplicates", "26"
            });
    assertTrue(summary.contains("26 planted duplicates"), summary);
    List<EntityTruthRow> truth = EntityTruthRow.read(dir.resolve("entity_truth.csv"));
    assertEquals(
        26, truth.stream().filter(t -> t.duplicateKind().isPresent()).count(), "two turns");
    List<String> lines = Files.readAllLines(out);
    assertEquals(600 + 20 + 26 + 1, lines.size());
    Set<String> truthIds = new HashSet<>();
    truth.forEach(t -> truthIds.add(t.enterpriseId()));
    for (String line : lines.subList(1, lines.size())) {
      assertTrue(truthIds.contains(line.substring(0, line.indexOf(','))), line);
    }
    Set<String> plantedTruth = new HashSet<>();
    for (Map<String, String> row : Csv.readRows(dir.resolve("truth.csv"))) {
      plantedTruth.add(row.get("enterprise_id"));
    }
    List<String> fromPlantedTruth =
        truth.stream().map(EntityTruthRow::plantedFrom).filter(plantedTruth::contains).toList();
    assertEquals(List.of(), fromPlantedTruth, "no original is a planted-truth firm");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            EnterpriseGenerator.run(
                new String[] {
                  "--zones",
                  "data/sample/zones.csv",
                  "--chain-nodes",
                  "data/sample/chain_nodes.csv",
                  "--out",
                  out.toString(),
                  "--entity-truth",
                  dir.resolve("x.csv").toString()
                }));
  }

  @Test
  void theNameKeyDropsDecorationsButKeepsABranch() {
    String key = NameKey.of("成都星翼航空有限公司");
    assertEquals("星翼航空", key);
    for (String same :
        List.of(
            "星翼航空有限责任公司",
            "四川省星翼航空有限公司",
            "星翼航空（成都）股份有限公司",
            "星翼航空(成都)有限公司",
            "星翼 航空有限公司",
            "星翼\u3000航空集团有限公司",
            "星翼·航空有限公司")) {
      assertEquals(key, NameKey.of(same), same);
    }
    assertEquals("星翼航空成都分公司", NameKey.of("星翼航空有限公司成都分公司"));
    assertEquals("abc科技", NameKey.of("ＡＢＣ科技有限公司"), "full-width Latin folded");
    assertNull(NameKey.of("成都有限公司"));
    assertNull(NameKey.of(null));
  }

  /** The raw row helper reads the file as the job does: arrays split, empty cells kept. */
  @Test
  void theRawRowHelperRejectsWhatTheValidatorShouldReject() throws IOException {
    EnterpriseRecord r = planted.plantedRecords().get(0);
    List<String> cells = new ArrayList<>(r.toCells());
    cells.set(EnterpriseRecord.column("uscc"), "91510100MA61234560");
    RowValidator validator =
        new RowValidator(InputTable.ENTERPRISES, RUN_DATE, Set.of(), Set.of(), Set.of());
    RowValidator.Checked c = validator.check(raw(EnterpriseRecord.COLUMNS, Csv.line(cells), 2));
    assertEquals(List.of("invalid_uscc"), c.rules());
  }
}
