package org.oppmatch.sample;

import java.util.List;

/**
 * One data line of the generated enterprises file.
 *
 * @param line 1-based line number in the file (the header is line 1)
 * @param record the clean record the line was made from (for a duplicate, the record it copies)
 * @param cells the CSV cells as written; for a planted row, with the broken value
 * @param rawLine the literal line when it is not a well-formed CSV record, else null
 * @param planted how the row was broken, or null for a clean row
 */
public record SampleRow(
    int line, EnterpriseRecord record, List<String> cells, String rawLine, PlantedKind planted) {
  public SampleRow {
    cells = List.copyOf(cells);
  }

  /** The line as written to the file, without the line end. */
  public String text() {
    return rawLine != null ? rawLine : Csv.line(cells);
  }

  public boolean isPlanted() {
    return planted != null;
  }
}
