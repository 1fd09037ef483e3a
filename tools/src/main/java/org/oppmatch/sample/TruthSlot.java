package org.oppmatch.sample;

import java.util.List;

/**
 * A missing node in one zone's chain map that a planted enterprise is made to fill: the
 * enterprise's primary industry code is {@code code}, a code of chain node {@code nodeId}, and
 * {@code zoneId} is the one zone that lacks it.
 *
 * @param priority the zone_chain priority of the node in the zone, or null
 * @param otherZones every other zone whose chain map holds the code, as {@code zone:status} or
 *     {@code zone:status:priority}, sorted; none of them has it missing
 * @param contested whether one of those zones has the code on a weak node with a more urgent
 *     priority than this zone's (an absent priority counts as the least urgent): 补链 still comes
 *     before 强链, but a reader may weigh the priorities otherwise
 */
public record TruthSlot(
    String zoneId,
    String nodeId,
    String code,
    Integer priority,
    List<String> otherZones,
    boolean contested) {
  public TruthSlot {
    otherZones = List.copyOf(otherZones);
  }
}
