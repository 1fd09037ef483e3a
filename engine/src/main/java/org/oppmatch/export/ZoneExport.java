package org.oppmatch.export;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.oppmatch.score.ChainRole;

/**
 * Everything one zone's workbook, CSV and report section show: its leads in rank order, its changes
 * since the last run, and its chain map with the candidates per node.
 */
public record ZoneExport(
    ZoneInfo zone,
    LocalDate runDate,
    List<LeadRow> leads,
    ChangeLog changes,
    List<NodeCoverage> coverage,
    Names names) {

  public ZoneExport {
    leads = List.copyOf(leads);
    coverage = List.copyOf(coverage);
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
