package org.oppmatch.export;

import java.util.List;

/**
 * A zone's changes since the last run, or the fact that there is no earlier run to compare with.
 *
 * @param known whether an earlier run was compared with at all
 * @param droppedKnown whether the leads that left the list were given; when not, "0 dropped" would
 *     be a false statement, so the exports say it is unknown instead
 * @param previousRunDate the run compared with, when the job says which (may be null)
 */
public record ChangeLog(
    boolean known, boolean droppedKnown, String previousRunDate, List<ChangeRow> rows) {

  public ChangeLog {
    rows = List.copyOf(rows);
  }

  /** No earlier run: every lead is new, and saying so is more honest than listing them all. */
  public static ChangeLog unknown() {
    return new ChangeLog(false, false, null, List.of());
  }

  public long count(ChangeRow.Kind kind) {
    return rows.stream().filter(r -> r.kind() == kind).count();
  }

  /** Whether the count of {@code kind} is a fact (dropped leads may not have been given). */
  public boolean counted(ChangeRow.Kind kind) {
    return known && (kind != ChangeRow.Kind.DROPPED || droppedKnown);
  }
}
