package org.oppmatch.export;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the exports show in place of ids: opportunity titles, chain node names, zone names and the
 * GB/T 4754 class names of the run's classification table (empty without one), for the whole run.
 * An id without a name is shown as the id, so nothing silently disappears.
 */
public record Names(
    Map<String, String> opportunityTitles,
    Map<String, String> nodeNames,
    Map<String, String> zoneNames,
    Map<String, String> industryNames) {

  public Names {
    opportunityTitles = Map.copyOf(opportunityTitles);
    nodeNames = Map.copyOf(nodeNames);
    zoneNames = Map.copyOf(zoneNames);
    industryNames = Map.copyOf(industryNames == null ? Map.of() : industryNames);
  }

  /** A run without a classification table: industries are named by their division. */
  public Names(
      Map<String, String> opportunityTitles,
      Map<String, String> nodeNames,
      Map<String, String> zoneNames) {
    this(opportunityTitles, nodeNames, zoneNames, Map.of());
  }

  public static Names none() {
    return new Names(Map.of(), Map.of(), Map.of());
  }

  /** The names of {@code ids} joined with {@code separator}; an id without a name as the id. */
  static String join(List<String> ids, Map<String, String> names, String separator) {
    return ids.stream()
        .map(id -> names.getOrDefault(id, "").isBlank() ? id : names.get(id))
        .collect(Collectors.joining(separator));
  }
}
