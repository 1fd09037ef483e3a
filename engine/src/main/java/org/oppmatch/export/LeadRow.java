package org.oppmatch.export;

import java.util.List;
import java.util.Map;

/**
 * One lead of a zone's list as the exports show it: a row of the targets output
 * (docs/contracts/data-contract.md).
 *
 * @param scoreComponents factor key to points; iteration order is the order shown
 * @param previousRank null when the lead is new or no earlier run is known
 * @param groupId null when the enterprise belongs to no group
 * @param engagementStage the zone's own latest stage with the enterprise (首报首谈), else null
 * @param engagementSince the day the zone's engagement began, else null
 */
public record LeadRow(
    int rank,
    String enterpriseId,
    String enterpriseName,
    double score,
    String tier,
    String chainRole,
    List<String> matchedNodeIds,
    List<String> matchedOpportunityIds,
    List<String> reasons,
    String explanation,
    Map<String, Double> scoreComponents,
    List<String> competingZones,
    boolean isNew,
    Integer previousRank,
    String groupId,
    String engagementStage,
    java.time.LocalDate engagementSince) {

  public LeadRow {
    matchedNodeIds = List.copyOf(matchedNodeIds == null ? List.of() : matchedNodeIds);
    matchedOpportunityIds =
        List.copyOf(matchedOpportunityIds == null ? List.of() : matchedOpportunityIds);
    reasons = List.copyOf(reasons == null ? List.of() : reasons);
    scoreComponents = scoreComponents == null ? Map.of() : scoreComponents;
    competingZones = List.copyOf(competingZones == null ? List.of() : competingZones);
  }
}
