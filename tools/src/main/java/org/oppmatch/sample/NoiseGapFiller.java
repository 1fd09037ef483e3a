package org.oppmatch.sample;

import java.util.List;

/**
 * A noise enterprise whose primary industry code is on a node that the zone lacks: not planted, but
 * by the chain map a gap-filler of that zone too (the lenient precision counts it).
 */
public record NoiseGapFiller(String enterpriseId, String zoneId, String nodeId, String code) {
  /** Columns of noise-gap-fillers.csv, in file order. */
  public static final List<String> COLUMNS =
      List.of("enterprise_id", "zone_id", "node_id", "primary_code");

  public List<String> toCells() {
    return List.of(enterpriseId, zoneId, nodeId, code);
  }
}
