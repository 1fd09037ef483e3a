package org.oppmatch.score;

import java.io.Serializable;
import java.util.Comparator;

/**
 * A chain node of a zone that an enterprise fits, as its lead names it. Ordered best first: by
 * role, a node matched on the primary code before one matched only on a secondary code, by the
 * zone's priority (absent last), then by id.
 */
public record NodeMatch(
    ChainRole role,
    boolean secondary,
    Integer priority,
    String nodeId,
    String nameZh,
    String position)
    implements Serializable, Comparable<NodeMatch> {

  private static final Comparator<NodeMatch> ORDER =
      Comparator.comparing(NodeMatch::role)
          .thenComparing(NodeMatch::secondary)
          .thenComparingInt(NodeMatch::priorityRank)
          .thenComparing(NodeMatch::nodeId)
          .thenComparing(NodeMatch::nameZh)
          .thenComparing(NodeMatch::position);

  /** The priority 1..5, or 9 when the zone gives none (after every given one). */
  int priorityRank() {
    return priority == null ? 9 : priority;
  }

  /** An upstream or midstream node: the firm would supply the zone's chain. */
  public boolean supplier() {
    return "upstream".equals(position) || "midstream".equals(position);
  }

  @Override
  public int compareTo(NodeMatch o) {
    return ORDER.compare(this, o);
  }
}
