package org.oppmatch.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The classification the engine ships is the one ClassificationTable writes from the facts. */
class ClassificationTableTest {
  @Test
  void theShippedTableIsWrittenFromTheReferenceTable() throws IOException {
    Path shared = Path.of("../shared/data/gbt4754.csv");
    assumeTrue(Files.exists(shared), "the reference data lives outside the checkout");
    assertEquals(
        ClassificationTable.text(shared),
        Files.readString(Path.of(ClassificationTable.RESOURCE)),
        "regenerate with ClassificationTable " + shared + " " + ClassificationTable.RESOURCE);
    String table = Files.readString(Path.of(ClassificationTable.RESOURCE));
    assertEquals(97 + 473 + 1381 + 1, table.lines().count(), "divisions, groups, classes");
  }
}
