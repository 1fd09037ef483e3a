package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The analyst notebooks (notebooks/*.ipynb) are committed without outputs and execution counts, for
 * the java-spark kernel that jobs/notebooks installs. jobs/notebooks executes them.
 */
class NotebooksCommittedCleanTest {

  private static final Path NOTEBOOKS = Path.of("notebooks");

  private static List<Path> notebooks() throws IOException {
    try (Stream<Path> s = Files.list(NOTEBOOKS)) {
      return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  @Test
  void theThreeNotebooksExist() throws IOException {
    List<String> names = notebooks().stream().map(p -> p.getFileName().toString()).toList();
    assertTrue(names.contains("01-explore-a-run.ipynb"), names::toString);
    assertTrue(names.contains("02-tune-weights.ipynb"), names::toString);
    assertTrue(names.contains("03-quality.ipynb"), names::toString);
  }

  @Test
  void committedWithoutOutputsForTheJavaSparkKernel() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> problems = new ArrayList<>();
    for (Path nb : notebooks()) {
      JsonNode root = json.readTree(nb.toFile());
      if (!"java-spark".equals(root.path("metadata").path("kernelspec").path("name").asText())) {
        problems.add(nb + ": kernelspec is not java-spark");
      }
      int i = 0;
      for (JsonNode cell : root.path("cells")) {
        if ("code".equals(cell.path("cell_type").asText())) {
          if (cell.path("outputs").size() > 0) {
            problems.add(nb + ": cell " + i + " has outputs");
          }
          if (!cell.path("execution_count").isNull()) {
            problems.add(nb + ": cell " + i + " has an execution count");
          }
        }
        i++;
      }
      assertFalse(root.path("cells").isEmpty(), nb + " has no cells");
      assertEquals(
          "markdown",
          root.path("cells").get(0).path("cell_type").asText(),
          nb + " starts with its intro");
    }
    assertTrue(
        problems.isEmpty(),
        () -> "clear the outputs before committing:\n" + String.join("\n", problems));
  }
}
