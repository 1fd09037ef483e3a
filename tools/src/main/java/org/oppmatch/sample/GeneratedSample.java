package org.oppmatch.sample;

import java.util.List;

/** The generator's output: every data line in file order, clean and planted. */
public record GeneratedSample(List<SampleRow> rows) {
  public GeneratedSample {
    rows = List.copyOf(rows);
  }

  /** The clean enterprise records, in file order (planted rows left out). */
  public List<EnterpriseRecord> cleanRecords() {
    return rows.stream().filter(r -> !r.isPlanted()).map(SampleRow::record).toList();
  }

  /** The planted bad rows, in file order. */
  public List<PlantedBadRow> planted() {
    return rows.stream()
        .filter(SampleRow::isPlanted)
        .map(
            r -> {
              String column = r.planted().column();
              String value = column.isEmpty() ? "" : r.cells().get(EnterpriseRecord.column(column));
              return new PlantedBadRow(
                  r.line(), r.record().enterpriseId(), r.planted().rule(), column, value);
            })
        .toList();
  }
}
