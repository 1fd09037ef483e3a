package org.oppmatch.export;

/**
 * One chain node of a zone's chain map and how many of the zone's leads fit it.
 *
 * @param status the zone's status of the node: strong, weak or missing
 * @param candidates leads on the zone's list whose matched_node_ids name the node
 */
public record NodeCoverage(String nodeId, String nameZh, String status, int candidates) {

  /** A node without a single lead: a gap the team has nobody to call for. */
  public boolean uncovered() {
    return candidates == 0;
  }
}
