package org.oppmatch.validate;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.InputTable;

/**
 * The repeated keys of a table among the rows that broke no other rule: of each key the row with
 * the newest {@code updated_at} (where the table has one), then the first read, is kept; the others
 * lose as {@code duplicate_id}. Small: a run whose losers pass the quarantine limit fails anyway.
 */
public final class Duplicates implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Where a row was read, and its updated_at (null when absent or the table has none). */
  public record Position(String file, long line, LocalDate updatedAt) implements Serializable {}

  /** Newest updated_at first (absent last), then file and line ascending. */
  static final Comparator<Position> KEPT_FIRST =
      Comparator.comparing(
              Position::updatedAt, Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
          .thenComparing(Position::file)
          .thenComparingLong(Position::line);

  private final String keyColumn;
  private final boolean byUpdatedAt;
  private final Map<String, Position> kept;
  private final List<Position> losers;

  private Duplicates(
      String keyColumn, boolean byUpdatedAt, Map<String, Position> kept, List<Position> losers) {
    this.keyColumn = keyColumn;
    this.byUpdatedAt = byUpdatedAt;
    this.kept = kept;
    this.losers = losers;
  }

  /** From every row's key and position, of the rows that broke no other rule. */
  static Duplicates of(InputTable table, Map<String, List<Position>> byKey) {
    Map<String, Position> kept = new HashMap<>();
    List<Position> losers = new ArrayList<>();
    byKey.forEach(
        (key, positions) -> {
          if (positions.size() > 1) {
            List<Position> sorted = new ArrayList<>(positions);
            sorted.sort(KEPT_FIRST);
            kept.put(key, sorted.get(0));
            losers.addAll(sorted.subList(1, sorted.size()));
          }
        });
    losers.sort(Comparator.comparing(Position::file).thenComparingLong(Position::line));
    return new Duplicates(keyName(table), table.column(Cols.UPDATED_AT).isPresent(), kept, losers);
  }

  /** The key's name in messages: its column, or its columns in brackets. */
  private static String keyName(InputTable table) {
    List<String> columns = table.uniqueColumns();
    return columns.size() == 1 ? columns.get(0) : "(" + String.join(", ", columns) + ")";
  }

  /** None: a table without a key, or whose keys are all unique. */
  public static Duplicates none(InputTable table) {
    return new Duplicates(
        table.uniqueColumns().isEmpty() ? null : keyName(table),
        table.column(Cols.UPDATED_AT).isPresent(),
        Map.of(),
        List.of());
  }

  /**
   * The duplicates of a table checked on the driver (its accepted records), by its unique key
   * ({@link InputTable#uniqueKey}).
   */
  public static Duplicates among(InputTable table, List<RowValidator.Checked> accepted) {
    if (table.uniqueColumns().isEmpty()) {
      return none(table);
    }
    int updated = table.column(Cols.UPDATED_AT).isPresent() ? table.indexOf(Cols.UPDATED_AT) : -1;
    Map<String, List<Position>> byKey = new HashMap<>();
    for (RowValidator.Checked c : accepted) {
      String k = table.uniqueKey(c.values());
      if (k != null) {
        byKey
            .computeIfAbsent(k, x -> new ArrayList<>(1))
            .add(
                new Position(
                    c.file(), c.line(), updated < 0 ? null : (LocalDate) c.values()[updated]));
      }
    }
    return of(table, byKey);
  }

  /**
   * The duplicates of rows whose keys are known to repeat: each key's rows, by position, decide
   * which is kept.
   */
  public static Duplicates decide(
      InputTable table, Map<String, List<Position>> rowsOfRepeatedKeys) {
    return of(table, rowsOfRepeatedKeys);
  }

  public boolean isEmpty() {
    return losers.isEmpty();
  }

  public int loserCount() {
    return losers.size();
  }

  /** Whether the row of {@code key} at file and line loses to another row of the key. */
  public boolean isLoser(String key, String file, long line) {
    Position k = key == null ? null : kept.get(key);
    return k != null && !(k.line() == line && k.file().equals(file));
  }

  /** The quarantine's message for a loser of {@code key}. */
  public String detail(String key) {
    return Rules.DUPLICATE_ID
        + ": "
        + keyColumn
        + " '"
        + key
        + (byUpdatedAt
            ? "' appears again; the row with the newest updated_at is kept"
            : "' appears again; the first row is kept");
  }
}
