package org.oppmatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.oppmatch.JobFailure;
import org.oppmatch.score.Factor;

class ConfigLoaderTest {
  private static final String SOURCE = "test-config.json";

  private static JobFailure failure(String json) {
    JobFailure e = assertThrows(JobFailure.class, () -> ConfigLoader.parse(json, SOURCE));
    assertEquals(JobFailure.Kind.BAD_ARGUMENTS, e.kind());
    assertEquals(2, e.kind().exitCode());
    assertTrue(e.getMessage().startsWith(SOURCE + ": "), e.getMessage());
    return e;
  }

  private static void assertFailsNaming(String json, String key) {
    String message = failure(json).getMessage();
    assertTrue(message.contains(key), () -> "message should name " + key + ": " + message);
  }

  private static double sum(Map<?, Double> m) {
    return m.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\n\t"})
  void nullOrBlankGivesTheDefaults(String json) {
    JobConfig c = ConfigLoader.parse(json, SOURCE);
    assertEquals(200, c.lists.topN);
    assertEquals(0.05, c.quarantineLimit);
    assertEquals(70, c.lists.tierA);
    assertEquals(50, c.lists.tierB);
    assertEquals(Factor.defaultWeights(), c.weights);
    assertEquals(Factor.keys().size(), c.weights.size());
    for (Factor f : Factor.values()) {
      assertEquals(f.defaultWeight(), c.weights.get(f.key()), f.key());
    }
    assertEquals(100.0, sum(c.weights), 1e-9);
  }

  @Test
  void emptyObjectGivesTheDefaultsToo() {
    assertEquals(
        ConfigLoader.hash(ConfigLoader.parse(null, SOURCE)),
        ConfigLoader.hash(ConfigLoader.parse("{}", SOURCE)));
  }

  @Test
  void validOverridesAreRead() {
    JobConfig c =
        ConfigLoader.parse(
            "{\"quarantine_limit\": 0.1, \"lists\": {\"top_n\": 25, \"tier_a\": 80},"
                + " \"scoring\": {\"cooperation_radius_km\": 150},"
                + " \"allocation\": {\"max_zones_per_enterprise\": 2},"
                + " \"input_formats\": {\"enterprises\": \"jsonl\"}}",
            SOURCE);
    assertEquals(0.1, c.quarantineLimit);
    assertEquals(25, c.lists.topN);
    assertEquals(80, c.lists.tierA);
    assertEquals(50, c.lists.tierB, "untouched nested key keeps its default");
    assertEquals(150, c.scoring.cooperationRadiusKm);
    assertEquals(0.7, c.scoring.secondaryCodeFactor, "untouched nested key keeps its default");
    assertEquals(2, c.allocation.maxZonesPerEnterprise);
    assertEquals(Map.of("enterprises", "jsonl"), c.inputFormats);
    assertEquals(Factor.defaultWeights(), c.weights);
  }

  @Test
  void weightOverridesAreNormalisedToOneHundred() {
    JobConfig c =
        ConfigLoader.parse(
            "{\"weights\": {\"industry_fit\": 1, \"chain_role\": 1, \"opportunity_fit\": 1,"
                + " \"strength\": 1, \"momentum\": 0, \"geography\": 2, \"capacity\": 0}}",
            SOURCE);
    Map<Factor, Double> n = c.normalisedWeights();
    assertEquals(Factor.values().length, n.size());
    assertEquals(100.0, sum(n), 1e-9);
    assertEquals(100.0 / 6, n.get(Factor.INDUSTRY_FIT), 1e-9);
    assertEquals(0.0, n.get(Factor.MOMENTUM), 1e-9);
    assertEquals(200.0 / 6, n.get(Factor.GEOGRAPHY), 1e-9);
  }

  @Test
  void defaultWeightsNormaliseToThemselves() {
    Map<Factor, Double> n = ConfigLoader.parse(null, SOURCE).normalisedWeights();
    assertEquals(100.0, sum(n), 1e-9);
    for (Factor f : Factor.values()) {
      assertEquals(f.defaultWeight(), n.get(f), 1e-9, f.key());
    }
  }

  @Test
  void aFractionWhereAWholeNumberBelongsFailsNamingTheKey() {
    JobFailure f = failure("{\"lists\": {\"top_n\": 10.7}}");
    assertEquals(2, f.kind().exitCode());
    assertTrue(
        f.getMessage().contains("bad value for configuration key 'lists.top_n'"), f.getMessage());
    failure("{\"allocation\": {\"max_zones_per_enterprise\": 1.5}}");
    assertEquals(10, ConfigLoader.parse("{\"lists\": {\"top_n\": 10}}", SOURCE).lists.topN);
  }

  @Test
  void unknownTopLevelKeyFailsNamingIt() {
    String message = failure("{\"top_n\": 10}").getMessage();
    assertTrue(message.contains("unknown configuration key 'top_n'"), message);
  }

  @Test
  void unknownNestedKeyFailsNamingItsPath() {
    String message = failure("{\"lists\": {\"topn\": 10}}").getMessage();
    assertTrue(message.contains("'lists.topn'"), message);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"quarantine_limit\": 1.5}|quarantine_limit",
        "{\"quarantine_limit\": -0.1}|quarantine_limit",
        "{\"lists\": {\"top_n\": 0}}|lists.top_n",
        "{\"weights\": {\"strength\": -1}}|weights.strength",
        "{\"weights\": {\"strength\": 1001}}|weights.strength",
        "{\"weights\": {\"strenght\": 10}}|weights.strenght",
        "{\"weights\": {\"industry_fit\": 0, \"chain_role\": 0, \"opportunity_fit\": 0, \"strength\": 0, \"momentum\": 0, \"geography\": 0, \"capacity\": 0}}|weights",
        "{\"lists\": {\"tier_a\": 40, \"tier_b\": 60}}|lists.tier_b",
        "{\"lists\": {\"min_score\": 101}}|lists.min_score",
        "{\"scoring\": {\"secondary_code_factor\": 2}}|scoring.secondary_code_factor",
        "{\"scoring\": {\"signal_half_life_days\": 0}}|scoring.signal_half_life_days",
        "{\"allocation\": {\"max_zones_per_enterprise\": 0}}|allocation.max_zones_per_enterprise",
        "{\"opportunities\": {\"min_similarity\": 1.2}}|opportunities.min_similarity",
        "{\"opportunities\": {\"idf_sample_max\": 10}}|opportunities.idf_sample_max",
        "{\"input_formats\": {\"no_such_table\": \"csv\"}}|input_formats.no_such_table",
        "{\"input_formats\": {\"enterprises\": \"xls\"}}|input_formats.enterprises",
        "{\"inputs\": {\"encoding\": \"latin-1\"}}|inputs.encoding",
        "{\"inputs\": {\"fx_to_cny\": {\"RUB\": 0.08}}}|inputs.fx_to_cny.RUB",
        "{\"inputs\": {\"fx_to_cny\": {\"USD\": 0}}}|inputs.fx_to_cny.USD"
      })
  void outOfRangeValueFailsNamingTheKey(String json, String key) {
    assertFailsNaming(json, key);
  }

  @Test
  void everyProblemIsReported() {
    String message = failure("{\"quarantine_limit\": 1.5, \"lists\": {\"top_n\": 0}}").getMessage();
    assertTrue(message.contains("quarantine_limit"), message);
    assertTrue(message.contains("lists.top_n"), message);
  }

  @Test
  void wrongTypeFailsNamingTheKey() {
    assertFailsNaming("{\"lists\": {\"top_n\": \"many\"}}", "lists.top_n");
    assertFailsNaming("{\"lists\": {\"top_n\": null}}", "lists.top_n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{", "{\"lists\": }", "not json", "{} {}", "{\"a\" 1}"})
  void invalidJsonFails(String json) {
    failure(json);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]", "42", "\"text\"", "null"})
  void nonObjectJsonFails(String json) {
    failure(json);
  }

  @Test
  void aPartialWeightsObjectChangesOnlyTheWeightsItNames() {
    JobConfig c = ConfigLoader.parse("{\"weights\": {\"strength\": 50}}", SOURCE);
    assertEquals(50.0, c.weights.get("strength"));
    assertEquals(Factor.INDUSTRY_FIT.defaultWeight(), c.weights.get("industry_fit"));
    assertEquals(Factor.keys().size(), c.weights.size());
    assertEquals(100.0, sum(c.normalisedWeights()), 1e-9);
  }

  @Test
  void hashIsStableForEqualConfigs() {
    String a =
        "{\"lists\": {\"top_n\": 30, \"tier_a\": 75},"
            + " \"weights\": {\"strength\": 20, \"chain_role\": 30}}";
    String b =
        "{\"weights\": {\"chain_role\": 30.0, \"strength\": 20},"
            + " \"lists\": {\"tier_a\": 75, \"top_n\": 30}}";
    String h = ConfigLoader.hash(ConfigLoader.parse(a, SOURCE));
    assertTrue(h.matches("sha256:[0-9a-f]{64}"), h);
    assertEquals(h, ConfigLoader.hash(ConfigLoader.parse(a, SOURCE)));
    assertEquals(h, ConfigLoader.hash(ConfigLoader.parse(b, SOURCE)));
    assertEquals(
        ConfigLoader.hash(new JobConfig()), ConfigLoader.hash(ConfigLoader.parse(null, SOURCE)));
  }

  @Test
  void hashChangesWhenAValueChanges() {
    String base = ConfigLoader.hash(ConfigLoader.parse(null, SOURCE));
    assertNotEquals(
        base, ConfigLoader.hash(ConfigLoader.parse("{\"lists\": {\"top_n\": 199}}", SOURCE)));
    assertNotEquals(
        base, ConfigLoader.hash(ConfigLoader.parse("{\"quarantine_limit\": 0.06}", SOURCE)));
    JobConfig c = new JobConfig();
    c.weights.put("geography", 6.0);
    assertNotEquals(base, ConfigLoader.hash(c));
  }

  @Test
  void canonicalJsonRoundTrips() {
    JobConfig c = ConfigLoader.parse("{\"lists\": {\"top_n\": 30}}", SOURCE);
    String json = ConfigLoader.toJson(c);
    JobConfig again = ConfigLoader.parse(json, SOURCE);
    assertEquals(30, again.lists.topN);
    assertEquals(json, ConfigLoader.toJson(again));
  }
}
