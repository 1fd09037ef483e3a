package org.oppmatch.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oppmatch.score.ChainRole;

/**
 * The zones as the scoring pass sees them, small and broadcast: each zone's place, space and lead
 * industries, its chain map (nodes with the role their status gives and their priority), and every
 * code the zone looks for indexed by its prefixes (2, 3, 4 digits), so that an enterprise finds its
 * candidate zones by looking up the prefixes of its own codes: never a cross join.
 */
public final class ZoneModel implements Serializable {
  private static final long serialVersionUID = 1L;

  /** An industrial functional zone. */
  public record Zone(
      String id,
      String nameZh,
      String ecosystem,
      Double latitude,
      Double longitude,
      Double landHa,
      Double factoryM2,
      Double officeM2,
      String[] leadIndustries)
      implements Serializable {}

  /** A chain node of a chain map. */
  public record Node(String id, String nameZh, String position, String[] industryCodes)
      implements Serializable {}

  /** A node of a zone's chain map, with its status. */
  public record ZoneNode(String zoneId, String nodeId, String status, Integer priority)
      implements Serializable {}

  /**
   * One code a zone looks for, under one of its prefixes: a lead industry, or a chain node's code
   * with the role the node's status gives (node -1 for a lead industry).
   *
   * @param full whether the prefix is the whole code
   */
  public record Target(
      int zone, String code, boolean full, int node, ChainRole role, Integer priority)
      implements Serializable {
    public boolean lead() {
      return node < 0;
    }
  }

  private final Zone[] zones;
  private final Node[] nodes;
  private final Map<String, Integer> zoneIndex = new HashMap<>();
  private final Map<String, Target[]> byKey;

  /** The targets of each key that are a whole code, in the same order. */
  private final Map<String, Target[]> wholeByKey = new HashMap<>();

  private ZoneModel(Zone[] zones, Node[] nodes, Map<String, Target[]> byKey) {
    this.zones = zones;
    this.nodes = nodes;
    this.byKey = byKey;
    byKey.forEach(
        (k, targets) -> {
          Target[] whole =
              java.util.Arrays.stream(targets).filter(Target::full).toArray(Target[]::new);
          if (whole.length > 0) {
            wholeByKey.put(k, whole);
          }
        });
    for (int i = 0; i < zones.length; i++) {
      zoneIndex.put(zones[i].id(), i);
    }
  }

  /**
   * The model of the accepted zones, chain nodes and zone chain rows, in their input order. A key's
   * targets are kept in the order they were added (lead industries zone by zone, then chain nodes
   * in zone_chain order): the scoring breaks ties between equally deep matches by it.
   */
  public static ZoneModel build(List<Zone> zones, List<Node> nodes, List<ZoneNode> zoneChain) {
    Map<String, Integer> zoneAt = new HashMap<>();
    for (int i = 0; i < zones.size(); i++) {
      zoneAt.put(zones.get(i).id(), i);
    }
    Map<String, Integer> nodeAt = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      nodeAt.put(nodes.get(i).id(), i);
    }
    Map<String, List<Target>> keyed = new LinkedHashMap<>();
    for (int z = 0; z < zones.size(); z++) {
      for (String code : zones.get(z).leadIndustries()) {
        addPrefixes(keyed, code, z, -1, null, null);
      }
    }
    for (ZoneNode zn : zoneChain) {
      Integer z = zoneAt.get(zn.zoneId());
      Integer n = nodeAt.get(zn.nodeId());
      if (z == null || n == null) {
        continue;
      }
      for (String code : nodes.get(n).industryCodes()) {
        addPrefixes(keyed, code, z, n, ChainRole.ofStatus(zn.status()), zn.priority());
      }
    }
    Map<String, Target[]> byKey = new HashMap<>();
    keyed.forEach((k, v) -> byKey.put(k, v.toArray(Target[]::new)));
    return new ZoneModel(zones.toArray(Zone[]::new), nodes.toArray(Node[]::new), byKey);
  }

  private static void addPrefixes(
      Map<String, List<Target>> keyed,
      String code,
      int zone,
      int node,
      ChainRole role,
      Integer priority) {
    for (int len = 2; len <= Math.min(4, code.length()); len++) {
      keyed
          .computeIfAbsent(code.substring(0, len), k -> new ArrayList<>())
          .add(new Target(zone, code, len == code.length(), node, role, priority));
    }
  }

  /** The targets under a code prefix, in the order they were added; null when none. */
  public Target[] targets(String key) {
    return byKey.get(key);
  }

  /** The targets under a code prefix that are the whole of their code, in order; null when none. */
  public Target[] wholeTargets(String key) {
    return wholeByKey.get(key);
  }

  public Zone zone(int i) {
    return zones[i];
  }

  public Node node(int i) {
    return nodes[i];
  }

  /** The index of a zone id, or -1. */
  public int indexOf(String id) {
    Integer i = zoneIndex.get(id);
    return i == null ? -1 : i;
  }

  /** The zone ids in index order. */
  public String[] zoneIds() {
    String[] out = new String[zones.length];
    for (int i = 0; i < zones.length; i++) {
      out[i] = zones[i].id();
    }
    return out;
  }

  /** The zone of an id, or null. */
  public Zone zone(String id) {
    Integer i = zoneIndex.get(id);
    return i == null ? null : zones[i];
  }

  /**
   * The zones an opportunity concerns: its own zone, or, for a city-wide one, the zones of its
   * ecosystem.
   */
  public List<String> zonesConcernedBy(String zoneId, String ecosystem) {
    List<String> out = new ArrayList<>();
    for (Zone z : zones) {
      if (zoneId != null ? z.id().equals(zoneId) : z.ecosystem().equals(ecosystem)) {
        out.add(z.id());
      }
    }
    return out;
  }

  /** The lead industries of a zone (empty for an unknown zone). */
  public String[] leadIndustries(String zoneId) {
    Zone z = zone(zoneId);
    return z == null ? new String[0] : z.leadIndustries();
  }
}
