package org.oppmatch.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of entity_truth.csv: an enterprise id of the evaluation input and the company it truly
 * belongs to.
 *
 * @param trueCompany the id of the company's original row; the row's own id when it stands alone
 * @param kind {@link #ORIGINAL}, {@link #BAD_ROW}, or the {@link DuplicateKind} it was planted as
 * @param plantedFrom for a planted row, the original it was made from; else empty
 */
public record EntityTruthRow(
    String enterpriseId, String trueCompany, String kind, String plantedFrom) {

  /** A row of the generator's output (noise or planted-truth), its own company. */
  public static final String ORIGINAL = "original";

  /** A planted bad row: quarantined, so it is in no company. */
  public static final String BAD_ROW = "bad_row";

  /** Columns of entity_truth.csv, in file order. */
  public static final List<String> COLUMNS =
      List.of("enterprise_id", "true_company", "kind", "planted_from");

  public EntityTruthRow {
    plantedFrom = plantedFrom == null ? "" : plantedFrom;
  }

  /** The planted kind, or empty for an original or a bad row. */
  public Optional<DuplicateKind> duplicateKind() {
    return DuplicateKind.byName(kind);
  }

  public List<String> toCells() {
    return List.of(enterpriseId, trueCompany, kind, plantedFrom);
  }

  public static String toCsv(List<EntityTruthRow> rows) {
    StringBuilder sb = new StringBuilder(Csv.line(COLUMNS)).append('\n');
    for (EntityTruthRow r : rows) {
      sb.append(Csv.line(r.toCells())).append('\n');
    }
    return sb.toString();
  }

  public static List<EntityTruthRow> read(Path file) throws IOException {
    List<EntityTruthRow> out = new ArrayList<>();
    for (Map<String, String> row : Csv.readRows(file)) {
      out.add(
          new EntityTruthRow(
              row.get("enterprise_id"),
              row.get("true_company"),
              row.get("kind"),
              row.getOrDefault("planted_from", "")));
    }
    return out;
  }
}
