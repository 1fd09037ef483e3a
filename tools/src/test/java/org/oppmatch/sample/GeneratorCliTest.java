package org.oppmatch.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorCliTest {
  @Test
  void flagsOverrideDefaultsAndPlantedListGoesNextToTheOutput(@TempDir Path dir)
      throws IOException {
    Path out = dir.resolve("e.csv");
    String summary =
        EnterpriseGenerator.run(
            new String[] {
              "--zones", "data/sample/zones.csv",
              "--chain-nodes", "data/sample/chain_nodes.csv",
              "--out", out.toString(),
              "--count", "400",
              "--seed", "99",
              "--defaults", "data/generator-defaults.json"
            });
    assertTrue(summary.contains("400 rows"), summary);
    List<String> lines = Files.readAllLines(out);
    assertEquals(401, lines.size());
    List<String> planted = Files.readAllLines(dir.resolve("planted-bad-rows.csv"));
    assertEquals(String.join(",", EnterpriseCsv.PLANTED_COLUMNS), planted.get(0));
    assertEquals(19 + 1, planted.size(), "30 planted rows shrink to stay under 5% of 400");

    GeneratorSettings same =
        GeneratorSettings.load(Path.of("data/generator-defaults.json")).withCount(400).withSeed(99);
    GeneratedSample expected =
        EnterpriseGenerator.generate(
            same,
            SampleInputs.readZones(Path.of("data/sample/zones.csv")),
            SampleInputs.readChainNodes(Path.of("data/sample/chain_nodes.csv")));
    assertEquals(EnterpriseCsv.toCsv(expected), Files.readString(out));
  }

  @Test
  void missingRequiredFlagIsAnError() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EnterpriseGenerator.run(new String[] {"--zones", "data/sample/zones.csv"}));
    assertThrows(
        IllegalArgumentException.class, () -> EnterpriseGenerator.run(new String[] {"--zonez"}));
  }
}
