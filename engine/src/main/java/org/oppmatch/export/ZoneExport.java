package org.oppmatch.export;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oppmatch.model.Engagement;
import org.oppmatch.score.ChainRole;

/**
 * Everything one zone's workbook, CSV and report section show: its leads in rank order, its changes
 * since the last run, its chain map with the candidates per node, and what its team's outcomes
 * count (null when the run has no outcomes table).
 */
public record ZoneExport(
    ZoneInfo zone,
    LocalDate runDate,
    List<LeadRow> leads,
    ChangeLog changes,
    List<NodeCoverage> coverage,
    Names names,
    Engagement.ZoneCounts outcomes) {

  public ZoneExport {
    leads = List.copyOf(leads);
    coverage = List.copyOf(coverage);
  }

  /** A zone of a run without an outcomes table. */
  public ZoneExport(
      ZoneInfo zone,
      LocalDate runDate,
      List<LeadRow> leads,
      ChangeLog changes,
      List<NodeCoverage> coverage,
      Names names) {
    this(zone, runDate, leads, changes, coverage, names, null);
  }

  /** Leads this zone owns through an active engagement (首报首谈). */
  public long engaged() {
    return leads.stream().filter(l -> l.engagementStage() != null).count();
  }

  /** Lead counts by tier, A, B, C first and any other tier after them. */
  public Map<String, Long> countsByTier() {
    Map<String, Long> m = new TreeMap<>();
    for (String t : List.of("A", "B", "C")) {
      m.put(t, 0L);
    }
    leads.forEach(l -> m.merge(l.tier() == null ? "?" : l.tier(), 1L, Long::sum));
    return m;
  }

  public long countTier(String tier) {
    return leads.stream().filter(l -> tier.equals(l.tier())).count();
  }

  /** Lead counts by chain role in the order 补链, 强链, 延链, none. */
  public Map<String, Long> countsByChainRole() {
    Map<String, Long> m = new java.util.LinkedHashMap<>();
    for (ChainRole r : ChainRole.values()) {
      m.put(r.key(), 0L);
    }
    leads.forEach(
        l -> m.merge(l.chainRole() == null ? ChainRole.NONE.key() : l.chainRole(), 1L, Long::sum));
    return m;
  }

  public List<NodeCoverage> uncoveredNodes() {
    return coverage.stream().filter(NodeCoverage::uncovered).toList();
  }
}
