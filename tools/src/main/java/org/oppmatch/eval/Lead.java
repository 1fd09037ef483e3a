package org.oppmatch.eval;

import java.util.List;
import java.util.Map;

/** One row of the job's targets output, the columns the evaluation reads. */
public record Lead(
    String zoneId,
    int rank,
    String enterpriseId,
    double score,
    String chainRole,
    List<String> matchedNodeIds,
    Map<String, Double> components,
    List<String> competingZones,
    List<String> reasons) {
  public Lead {
    matchedNodeIds = List.copyOf(matchedNodeIds);
    components = Map.copyOf(components);
    competingZones = List.copyOf(competingZones);
    reasons = List.copyOf(reasons);
  }

  /** A lead with only the fields the metrics need, for tests and hand-made inputs. */
  public static Lead of(String zoneId, int rank, String enterpriseId, String... matchedNodeIds) {
    return new Lead(
        zoneId,
        rank,
        enterpriseId,
        0,
        "none",
        List.of(matchedNodeIds),
        Map.of(),
        List.of(),
        List.of());
  }
}
