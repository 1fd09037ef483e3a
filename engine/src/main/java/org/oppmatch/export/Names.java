package org.oppmatch.export;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the exports show in place of ids: opportunity titles, chain node names and zone names, for
 * the whole run. An id without a name is shown as the id, so nothing silently disappears.
 */
public record Names(
    Map<String, String> opportunityTitles,
    Map<String, String> nodeNames,
    Map<String, String> zoneNames) {

  public Names {
    opportunityTitles = Map.copyOf(opportunityTitles);
    nodeNames = Map.copyOf(nodeNames);
    zoneNames = Map.copyOf(zoneNames);
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
