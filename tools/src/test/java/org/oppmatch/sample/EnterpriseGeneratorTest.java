package org.oppmatch.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oppmatch.validate.Uscc;

class EnterpriseGeneratorTest {
  private static final Path SAMPLE = Path.of("data/sample");
  private static List<ZoneRef> zones;
  private static List<ChainNodeRef> nodes;
  private static GeneratorSettings settings;
  private static GeneratedSample sample;
  private static Set<String> table;
  private static ContractCheck check;

  @BeforeAll
  static void generateOnce() throws IOException {
    zones = SampleInputs.readZones(SAMPLE.resolve("zones.csv"));
    nodes = SampleInputs.readChainNodes(SAMPLE.resolve("chain_nodes.csv"));
    settings = GeneratorSettings.load(Path.of("data/generator-defaults.json"));
    sample = EnterpriseGenerator.generate(settings, zones, nodes);
    table = ContractCheck.loadTable();
    check = new ContractCheck(table, settings.anchorDate().getYear());
  }

  @Test
  void sameSeedGivesIdenticalCsvAndAnotherSeedDiffers() {
    GeneratorSettings small = settings.withCount(800);
    String first = EnterpriseCsv.toCsv(EnterpriseGenerator.generate(small, zones, nodes));
    String second = EnterpriseCsv.toCsv(EnterpriseGenerator.generate(small, zones, nodes));
    String other =
        EnterpriseCsv.toCsv(EnterpriseGenerator.generate(small.withSeed(7), zones, nodes));
    assertEquals(first, second);
    assertNotEquals(first, other);
    assertEquals(first.lines().count(), other.lines().count());
  }

  @Test
  void committedSampleIsTheDefaultsOutput() throws IOException {
    assertEquals(
        Files.readString(SAMPLE.resolve("enterprises.csv")),
        EnterpriseCsv.toCsv(sample),
        "data/sample/enterprises.csv is stale: regenerate it (see data/README.md)");
    assertEquals(
        Files.readString(SAMPLE.resolve("planted-bad-rows.csv")),
        EnterpriseCsv.plantedToCsv(sample.planted()));
  }

  @Test
  void fileHasHeaderAndCountRowsWithLfEndsAndNoBom() {
    String csv = EnterpriseCsv.toCsv(sample);
    assertFalse(csv.startsWith("\uFEFF"));
    assertFalse(csv.contains("\r"));
    assertTrue(csv.endsWith("\n"));
    List<String> lines = csv.lines().toList();
    assertEquals(settings.count() + 1, lines.size());
    assertEquals(String.join(",", EnterpriseRecord.COLUMNS), lines.get(0));
    assertEquals(settings.count(), sample.rows().size());
    for (int i = 0; i < sample.rows().size(); i++) {
      assertEquals(i + 2, sample.rows().get(i).line());
    }
  }

  @Test
  void cleanRowsKeepEveryRuleAndPlantedRowsBreakExactlyTheirs() {
    List<Set<String>> violations =
        check.check(ContractCheck.dataLines(EnterpriseCsv.toCsv(sample)));
    for (int i = 0; i < sample.rows().size(); i++) {
      SampleRow row = sample.rows().get(i);
      Set<String> expected = row.isPlanted() ? Set.of(row.planted().rule()) : Set.of();
      assertEquals(expected, violations.get(i), "line " + row.line() + ": " + row.text());
    }
  }

  @Test
  void cleanRowsHaveValidUsccAllowedTagsAndRealCodes() {
    List<EnterpriseRecord> clean = sample.cleanRecords();
    assertEquals(settings.count() - settings.plantedBadRows(), clean.size());
    Set<String> ids = new HashSet<>();
    for (EnterpriseRecord r : clean) {
      assertTrue(ids.add(r.enterpriseId()), "duplicate id " + r.enterpriseId());
      assertTrue(r.enterpriseId().matches("E\\d{7}"), r.enterpriseId());
      if (r.uscc() != null) {
        assertTrue(Uscc.isValid(r.uscc()), r.uscc());
        assertEquals("CN", r.country(), "only Chinese firms carry a USCC: " + r.name());
      }
      assertTrue(EnterpriseGenerator.ALLOWED_TAGS.containsAll(r.tags()), r.tags().toString());
      assertTrue(
          r.industryCodes().size() >= 1 && r.industryCodes().size() <= 3, r.industryCodes() + "");
      for (String code : r.industryCodes()) {
        assertTrue(check.validCode(code), code + " of " + r.enterpriseId());
      }
      assertFalse(r.name().isBlank());
    }
  }

  @Test
  void checkerCatchesEachRuleOnHandmadeLines() {
    EnterpriseRecord base = sample.cleanRecords().get(0);
    assertEquals(Set.of(), check.lineViolations(Csv.line(base.toCells())));
    String[][] cases = {
      {"uscc", "91510100MA61234560", "invalid_uscc"},
      {"name", " ", "missing_required"},
      {"country", "CHN", "invalid_country"},
      {"longitude", "", "invalid_coordinates"},
      {"latitude", "-91", "invalid_coordinates"},
      {"industry_codes", "3741;0099", "invalid_industry_code"},
      {"industry_codes", ";", "missing_required"},
      {"patents", "-1", "negative_value"},
      {"rd_ratio", "-0.1", "out_of_range"},
      {"founded_year", "2027", "future_year"},
      {"signals", "acquisition:2026-01-01", "invalid_signal"},
      {"tags", "high_tech;gazelle", "unknown_tag"},
      {"local_presence", "yes", "bad_type"},
      {"founded_year", "1999.5", "bad_type"},
    };
    for (String[] c : cases) {
      List<String> cells = new ArrayList<>(base.toCells());
      cells.set(EnterpriseRecord.column("latitude"), "30.6");
      cells.set(EnterpriseRecord.column("longitude"), "104.1");
      cells.set(EnterpriseRecord.column(c[0]), c[1]);
      assertEquals(Set.of(c[2]), check.lineViolations(Csv.line(cells)), String.join(" ", c));
    }
    assertEquals(Set.of("malformed"), check.lineViolations("E1,\"open"));
    assertEquals(Set.of("malformed"), check.lineViolations("E1,a,b"));
  }

  @Test
  void plantedRowsAreTheListedOnesAndUnderFivePercent() throws IOException {
    List<PlantedBadRow> planted = sample.planted();
    assertEquals(settings.plantedBadRows(), planted.size());
    assertTrue(planted.size() * 20 < settings.count());
    Map<String, Long> byRule =
        planted.stream().collect(Collectors.groupingBy(PlantedBadRow::rule, Collectors.counting()));
    Set<String> rules = new HashSet<>();
    for (PlantedKind k : PlantedKind.values()) {
      rules.add(k.rule());
    }
    assertEquals(rules, byRule.keySet(), "every kind of bad row is planted");
    assertTrue(byRule.get("malformed") >= 1 && byRule.get("malformed") <= 2);

    List<String> lines = Files.readAllLines(SAMPLE.resolve("enterprises.csv"));
    for (PlantedBadRow p : planted) {
      String line = lines.get(p.line() - 1);
      assertTrue(line.startsWith(p.enterpriseId() + ","), p + " vs " + line);
      if (!p.column().isEmpty()) {
        int col = EnterpriseRecord.column(p.column());
        assertEquals(p.value(), Csv.parseLine(line).get(col), p.toString());
      }
    }
  }

  @Test
  void duplicatesAreOlderCopiesOfAnEarlierCleanRow() {
    Map<String, SampleRow> firstById = new HashMap<>();
    int duplicates = 0;
    int updatedAt = EnterpriseRecord.column("updated_at");
    for (SampleRow row : sample.rows()) {
      if (row.planted() == PlantedKind.DUPLICATE_ID) {
        SampleRow original = firstById.get(row.record().enterpriseId());
        assertFalse(original.isPlanted());
        assertTrue(
            LocalDate.parse(row.cells().get(updatedAt))
                .isBefore(LocalDate.parse(original.cells().get(updatedAt))));
        assertEquals(original.cells().get(2), row.cells().get(2), "same firm, same name");
        duplicates++;
      } else {
        firstById.putIfAbsent(row.record().enterpriseId(), row);
      }
    }
    assertTrue(duplicates >= 1);
  }

  @Test
  void tagsAreConsistentWithSizeAndChain() {
    Set<String> chainCodes = new HashSet<>();
    nodes.forEach(n -> chainCodes.addAll(n.industryCodes()));
    for (EnterpriseRecord r : sample.cleanRecords()) {
      Integer e = r.employees();
      if (r.tags().contains("fortune_global_500") || r.tags().contains("chain_leader")) {
        assertTrue(e == null || e >= 1000, r.name() + " " + e);
        assertTrue(r.revenueCny() == null || r.revenueCny() >= 4e8, r.name());
      }
      if (r.tags().contains("chain_leader")) {
        String primary = r.industryCodes().get(0);
        assertTrue(
            chainCodes.stream().anyMatch(c -> c.startsWith(primary)),
            "a chain leader's primary class is on a chain node: " + primary);
      }
      if (r.tags().contains("little_giant") || r.tags().contains("specialized_sme")) {
        assertTrue(e == null || (e >= 20 && e < 1000), r.name() + " " + e);
        assertEquals("CN", r.country());
      }
      if (r.tags().contains("little_giant")) {
        assertTrue(r.tags().contains("specialized_sme"));
      }
      if (r.tags().contains("unicorn")) {
        assertFalse(r.tags().contains("listed"));
        assertTrue(r.foundedYear() >= 2012);
      }
    }
  }

  @Test
  void distributionsMatchTheBrief() {
    List<EnterpriseRecord> clean = sample.cleanRecords();
    double n = clean.size();
    Set<String> metro = Set.of("成都", "德阳", "眉山", "资阳");
    Set<String> chainOrZone = new HashSet<>();
    nodes.forEach(x -> chainOrZone.addAll(x.industryCodes()));
    zones.forEach(z -> chainOrZone.addAll(z.leadIndustries()));

    double cn = clean.stream().filter(r -> r.country().equals("CN")).count() / n;
    double inMetro = clean.stream().filter(r -> metro.contains(r.city())).count() / n;
    double withSignals = clean.stream().filter(r -> !r.signals().isEmpty()).count() / n;
    double highTech = clean.stream().filter(r -> r.tags().contains("high_tech")).count() / n;
    double chainPrimary =
        clean.stream().filter(r -> chainOrZone.contains(r.industryCodes().get(0))).count() / n;
    double cnWithoutUscc =
        clean.stream().filter(r -> r.country().equals("CN") && r.uscc() == null).count() / (cn * n);
    assertInRange("CN share", cn, 0.87, 0.94);
    assertInRange("Chengdu metro share", inMetro, 0.21, 0.29);
    assertInRange("signal share", withSignals, 0.26, 0.34);
    assertInRange("high_tech share", highTech, 0.16, 0.24);
    assertInRange("chain/zone primary share", chainPrimary, 0.52, 0.68);
    assertInRange("CN firms without USCC", cnWithoutUscc, 0.07, 0.13);

    double localInMetro =
        clean.stream()
                .filter(r -> metro.contains(r.city()) && Boolean.TRUE.equals(r.localPresence()))
                .count()
            / (double) clean.stream().filter(r -> metro.contains(r.city())).count();
    assertTrue(localInMetro > 0.8, "most Chengdu-metro firms are local: " + localInMetro);

    Map<String, Long> groups =
        clean.stream()
            .filter(r -> r.groupId() != null)
            .collect(Collectors.groupingBy(EnterpriseRecord::groupId, Collectors.counting()));
    assertFalse(groups.isEmpty());
    groups.forEach((g, size) -> assertTrue(size >= 2 && size <= 4, g + " has " + size));
    assertInRange("group share", groups.values().stream().mapToLong(x -> x).sum() / n, 0.04, 0.06);
  }

  @Test
  void signalsAndDatesLieBeforeTheAnchor() {
    LocalDate anchor = settings.anchorDate();
    for (EnterpriseRecord r : sample.cleanRecords()) {
      for (String s : r.signals()) {
        assertTrue(ContractCheck.validSignal(s), s);
        LocalDate d = LocalDate.parse(s.substring(s.indexOf(':') + 1));
        assertTrue(d.isBefore(anchor) && !d.isBefore(anchor.minusDays(365)), s);
      }
      assertTrue(r.updatedAt().getYear() >= 2025 && r.updatedAt().isBefore(anchor));
      assertTrue(r.foundedYear() >= 1980 && r.foundedYear() <= 2025);
      if (r.rdRatio() != null) {
        assertTrue(r.rdRatio() >= 0 && r.rdRatio() <= 0.3);
      }
      if (r.revenueGrowth() != null) {
        assertTrue(r.revenueGrowth() >= -0.3 && r.revenueGrowth() <= 0.8);
      }
      assertEquals(r.latitude() == null, r.longitude() == null);
    }
  }

  @Test
  void foreignFirmsHaveNoUsccAndLatinNames() {
    List<EnterpriseRecord> foreign =
        sample.cleanRecords().stream().filter(r -> !r.country().equals("CN")).toList();
    assertFalse(foreign.isEmpty());
    for (EnterpriseRecord r : foreign) {
      assertNull(r.uscc());
      assertTrue(Set.of("DE", "US", "JP", "KR", "FR", "SG").contains(r.country()), r.country());
      assertTrue(r.name().matches("[A-Za-z][A-Za-z .,&-]+"), r.name());
    }
  }

  @Test
  void worksWithoutZonesOrNodesAndWithTinyCounts() {
    GeneratorSettings tiny = settings.withCount(40);
    GeneratedSample s = EnterpriseGenerator.generate(tiny, List.of(), List.of());
    assertEquals(40, s.rows().size());
    assertEquals(1, s.planted().size());
    List<EnterpriseRecord> clean = EnterpriseGenerator.generateClean(tiny, zones, nodes);
    assertEquals(40, clean.size());
    List<Set<String>> v = check.check(ContractCheck.dataLines(EnterpriseCsv.toCsv(clean)));
    v.forEach(x -> assertTrue(x.isEmpty(), x.toString()));
  }

  @Test
  void everyGeneratorCodeIsARealClass() throws IOException {
    List<String> bad = new ArrayList<>();
    for (String code : Vocabulary.allCodes()) {
      if (!check.validCode(code)) {
        bad.add(code);
      }
    }
    assertEquals(List.of(), bad);
    org.junit.jupiter.api.Assumptions.assumeTrue(table != null, "no ../shared/data/gbt4754.csv");
    assertTrue(table.containsAll(Vocabulary.allCodes()));
  }

  @Test
  void settingsLoadFromJsonAndRejectBadValues(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    assertEquals(GeneratorSettings.defaults(), settings, "JSON and built-in defaults agree");
    Path unknown = dir.resolve("unknown.json");
    Files.writeString(unknown, "{\"seed\": 1, \"sead\": 2}");
    assertThrows(IllegalArgumentException.class, () -> GeneratorSettings.load(unknown));
    Path partial = dir.resolve("partial.json");
    Files.writeString(partial, "{\"seed\": 42, \"count\": 900}");
    GeneratorSettings p = GeneratorSettings.load(partial);
    assertEquals(42, p.seed());
    assertEquals(900, p.count());
    assertEquals(settings.anchorDate(), p.anchorDate());
    assertThrows(IllegalArgumentException.class, () -> settings.withPlantedBadRows(250));
  }

  private static void assertInRange(String what, double value, double lo, double hi) {
    assertTrue(value >= lo && value <= hi, what + " = " + value + ", expected " + lo + ".." + hi);
  }

  /**
   * An independent reading of the enterprises rules of data-contract.md, used to check which rule
   * each generated line breaks. Rule names follow {@link PlantedKind}.
   */
  static final class ContractCheck {
    static final Path GBT_TABLE = Path.of("../shared/data/gbt4754.csv");
    private static final Pattern CODE = Pattern.compile("\\d{2,4}");
    private static final Pattern SIGNAL =
        Pattern.compile(
            "(financing|expansion|new_branch|hiring|relocation):(\\d{4}-\\d{2}-\\d{2})");
    private static final Set<String> ISO_COUNTRIES = Set.of(java.util.Locale.getISOCountries());

    private final Set<String> table;
    private final int anchorYear;

    ContractCheck(Set<String> table, int anchorYear) {
      this.table = table;
      this.anchorYear = anchorYear;
    }

    /** The GB/T 4754-2017 codes of the shared table, or null when the table is not there. */
    static Set<String> loadTable() throws IOException {
      if (!Files.exists(GBT_TABLE)) {
        return null;
      }
      Set<String> codes = new HashSet<>();
      for (String line : Files.readAllLines(GBT_TABLE)) {
        codes.add(line.substring(0, line.indexOf(',')));
      }
      return codes;
    }

    boolean validCode(String code) {
      if (!CODE.matcher(code).matches()) {
        return false;
      }
      int major = Integer.parseInt(code.substring(0, 2));
      if (major < 1 || major > 97) {
        return false;
      }
      return table == null || table.contains(code);
    }

    /** Rules one line breaks on its own (duplicates are found across lines by {@link #check}). */
    Set<String> lineViolations(String line) {
      Set<String> v = new LinkedHashSet<>();
      List<String> f;
      try {
        f = Csv.parseLine(line);
      } catch (IllegalArgumentException e) {
        return Set.of("malformed");
      }
      if (f.size() != EnterpriseRecord.COLUMNS.size()) {
        return Set.of("malformed");
      }
      Map<String, String> r = new HashMap<>();
      for (int i = 0; i < f.size(); i++) {
        r.put(EnterpriseRecord.COLUMNS.get(i), f.get(i));
      }
      if (!r.get("uscc").isEmpty() && !Uscc.isValid(r.get("uscc"))) {
        v.add("invalid_uscc");
      }
      if (r.get("name").isBlank()) {
        v.add("missing_required");
      }
      if (!ISO_COUNTRIES.contains(r.get("country"))) {
        v.add("invalid_country");
      }
      String lat = r.get("latitude");
      String lon = r.get("longitude");
      if (lat.isEmpty() != lon.isEmpty()) {
        v.add("invalid_coordinates");
      } else if (!lat.isEmpty()) {
        Double la = doubleOrNull(lat);
        Double lo = doubleOrNull(lon);
        if (la == null || lo == null) {
          v.add("bad_type");
        } else if (Math.abs(la) > 90 || Math.abs(lo) > 180) {
          v.add("invalid_coordinates");
        }
      }
      List<String> codes = SampleInputs.splitArray(r.get("industry_codes"));
      if (codes.isEmpty()) {
        v.add("missing_required");
      } else if (!codes.stream().allMatch(this::validCode)) {
        v.add("invalid_industry_code");
      }
      for (String col : List.of("registered_capital_cny", "revenue_cny")) {
        checkNumber(v, r.get(col), false);
      }
      for (String col : List.of("employees", "founded_year", "patents")) {
        checkNumber(v, r.get(col), true);
      }
      Double founded = doubleOrNull(r.get("founded_year"));
      if (founded != null && founded > anchorYear) {
        v.add("future_year");
      }
      String rd = r.get("rd_ratio");
      if (!rd.isEmpty()) {
        Double d = doubleOrNull(rd);
        if (d == null) {
          v.add("bad_type");
        } else if (d < 0 || d > 1) {
          v.add("out_of_range");
        }
      }
      if (!r.get("revenue_growth").isEmpty() && doubleOrNull(r.get("revenue_growth")) == null) {
        v.add("bad_type");
      }
      for (String tag : SampleInputs.splitArray(r.get("tags"))) {
        if (!EnterpriseGenerator.ALLOWED_TAGS.contains(tag)) {
          v.add("unknown_tag");
        }
      }
      for (String signal : SampleInputs.splitArray(r.get("signals"))) {
        if (!validSignal(signal)) {
          v.add("invalid_signal");
        }
      }
      if (!Set.of("", "true", "false").contains(r.get("local_presence"))) {
        v.add("bad_type");
      }
      if (!r.get("updated_at").isEmpty() && date(r.get("updated_at")) == null) {
        v.add("bad_type");
      }
      return v;
    }

    /** Rules broken per data line (index 0 = file line 2), duplicates included. */
    List<Set<String>> check(List<String> dataLines) {
      List<Set<String>> out = new ArrayList<>();
      Map<String, List<Integer>> byId = new HashMap<>();
      Map<Integer, LocalDate> updated = new HashMap<>();
      for (int i = 0; i < dataLines.size(); i++) {
        Set<String> v = new LinkedHashSet<>(lineViolations(dataLines.get(i)));
        out.add(v);
        if (!v.contains("malformed")) {
          List<String> f = Csv.parseLine(dataLines.get(i));
          byId.computeIfAbsent(f.get(0), k -> new ArrayList<>()).add(i);
          updated.put(i, date(f.get(EnterpriseRecord.column("updated_at"))));
        }
      }
      for (List<Integer> same : byId.values()) {
        if (same.size() > 1) {
          int keep = same.get(0);
          for (int i : same) {
            LocalDate d = updated.get(i);
            LocalDate best = updated.get(keep);
            if (d != null && (best == null || d.isAfter(best))) {
              keep = i;
            }
          }
          for (int i : same) {
            if (i != keep) {
              out.get(i).add("duplicate_id");
            }
          }
        }
      }
      return out;
    }

    static boolean validSignal(String signal) {
      var m = SIGNAL.matcher(signal);
      return m.matches() && date(m.group(2)) != null;
    }

    private static void checkNumber(Set<String> v, String text, boolean integer) {
      if (text.isEmpty()) {
        return;
      }
      Double d = doubleOrNull(text);
      if (d == null || (integer && !text.matches("-?\\d+"))) {
        v.add("bad_type");
      } else if (d < 0) {
        v.add("negative_value");
      }
    }

    static Double doubleOrNull(String s) {
      if (s == null || s.isBlank()) {
        return null;
      }
      try {
        return Double.valueOf(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }

    static LocalDate date(String s) {
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        return null;
      }
    }

    /** Data lines of a CSV text (header and the final empty string dropped). */
    static List<String> dataLines(String csv) {
      List<String> lines = new ArrayList<>(Arrays.asList(csv.split("\n", -1)));
      lines.remove(lines.size() - 1);
      lines.remove(0);
      return lines;
    }
  }
}
