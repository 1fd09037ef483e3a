package org.oppmatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example configuration the README points to states exactly the defaults. */
class ExampleConfigTest {
  @Test
  void theExampleConfigIsValidAndEqualsTheDefaults() throws IOException {
    String json = Files.readString(Path.of("jobs/examples/config.json"));
    JobConfig example = ConfigLoader.parse(json, "jobs/examples/config.json");
    assertEquals(ConfigLoader.toJson(new JobConfig()), ConfigLoader.toJson(example));
  }
}
