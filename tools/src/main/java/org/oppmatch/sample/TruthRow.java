package org.oppmatch.sample;

import java.util.List;

/**
 * One row of truth.csv: a planted enterprise and the zone and chain node it belongs to.
 *
 * @param primaryCode the enterprise's primary industry code, a code of the node
 * @param kind what the enterprise is for the zone: {@link PlantedTruth#GAP_FILLER}
 * @param otherZones other zones whose chain map holds the code (see {@link TruthSlot})
 * @param contested see {@link TruthSlot#contested()}
 */
public record TruthRow(
    String enterpriseId,
    String zoneId,
    String nodeId,
    String primaryCode,
    String kind,
    List<String> otherZones,
    boolean contested) {

  /** Columns of truth.csv, in file order. */
  public static final List<String> COLUMNS =
      List.of(
          "enterprise_id",
          "zone_id",
          "node_id",
          "primary_code",
          "kind",
          "other_zones",
          "contested");

  public TruthRow {
    otherZones = List.copyOf(otherZones);
  }

  /** The CSV cells in {@link #COLUMNS} order. */
  public List<String> toCells() {
    return List.of(
        enterpriseId,
        zoneId,
        nodeId,
        primaryCode,
        kind,
        String.join(";", otherZones),
        Boolean.toString(contested));
  }
}
