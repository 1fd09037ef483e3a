package org.oppmatch.export;

/**
 * One chain node of a zone's chain map, how many of the zone's leads fit it, and, when the run
 * knows them, where the pool's firms that fit it went.
 *
 * @param status the zone's status of the node: strong, weak or missing
 * @param candidates leads on the zone's list whose matched_node_ids name the node
 * @param fit firms in the pool that fit the node in this zone (null when not known)
 * @param elsewhere of those, listed by other zones only (null when not known)
 * @param below of those, on no list (null when not known)
 */
public record NodeCoverage(
    String nodeId,
    String nameZh,
    String status,
    int candidates,
    Long fit,
    Long elsewhere,
    Long below) {

  public NodeCoverage(String nodeId, String nameZh, String status, int candidates) {
    this(nodeId, nameZh, status, candidates, null, null, null);
  }

  /** A node without a single lead: a gap the team has nobody to call for. */
  public boolean uncovered() {
    return candidates == 0;
  }

  /** Why a node has no lead: 池中无适配企业 (look outside the pool), or where its firms went. */
  public String gapReason() {
    if (fit == null) {
      return "无候选企业";
    }
    if (fit == 0) {
      return "池中无适配企业";
    }
    return "适配" + fit + "家：" + elsewhere + "家已列入其他园区，" + below + "家未入选";
  }
}
