package org.oppmatch.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which enterprises the planted-truth mode plants, and where they belong. The truth comes from the
 * zone chain maps alone (两图一表), never from the engine's scoring: a firm whose primary industry is a
 * code of a chain node belongs to the zone that lacks that node (补链).
 *
 * <p>A code is only used where that answer is unambiguous: the node is {@code missing} in the zone,
 * and no other zone has any node with a code related to it (one contains the other on the GB/T 4754
 * hierarchy) missing. Other zones may have the code on a weak or strong node: filling a gap comes
 * before strengthening (强链) or extending (延链) a link. A code that several zones lack (e.g. the
 * composites node, missing in five aerospace zones) gives no slot: which zone is right would be a
 * matter of opinion.
 *
 * <p>Only gap-fillers are planted. A planted strengthener (a firm for a weak node) would have no
 * honest claim to the top of its zone's list: every zone of the sample lacks some node, and the
 * noise holds firms that fill those gaps, which rightly come first.
 */
public final class PlantedTruth {
  public static final String GAP_FILLER = "gap_filler";

  private static final Map<String, Integer> STATUS_ORDER =
      Map.of("missing", 0, "weak", 1, "strong", 2);

  /** Urgency of an absent priority: after 5, the lowest one given. */
  private static final int NO_PRIORITY = 6;

  private PlantedTruth() {}

  /** A zone's best status for a code, and the most urgent priority it has with that status. */
  private record Need(String status, Integer priority) {
    int order() {
      return STATUS_ORDER.get(status);
    }

    int urgency() {
      return priority == null ? NO_PRIORITY : priority;
    }

    Need better(Need other) {
      if (other.order() != order()) {
        return other.order() < order() ? other : this;
      }
      return other.urgency() < urgency() ? other : this;
    }

    String text(String zone) {
      return zone + ":" + status + (priority == null ? "" : ":" + priority);
    }
  }

  /** Every unambiguous slot of the chain maps, by zone, then node, then the node's code order. */
  public static List<TruthSlot> slots(List<ChainNodeRef> nodes, List<ZoneChainRef> zoneChain) {
    Map<String, ChainNodeRef> byId = new HashMap<>();
    nodes.forEach(n -> byId.put(n.nodeId(), n));
    List<TruthSlot> out = new ArrayList<>();
    for (ZoneChainRef row : zoneChain) {
      ChainNodeRef node = byId.get(row.nodeId());
      if (node == null || !row.status().equals("missing")) {
        continue;
      }
      for (String code : node.industryCodes()) {
        Map<String, Need> needs = needs(code, byId, zoneChain);
        boolean unique =
            needs.entrySet().stream()
                .noneMatch(e -> !e.getKey().equals(row.zoneId()) && e.getValue().order() == 0);
        if (!unique) {
          continue;
        }
        int urgency = row.priority() == null ? NO_PRIORITY : row.priority();
        List<String> others = new ArrayList<>();
        boolean contested = false;
        for (Map.Entry<String, Need> e : needs.entrySet()) {
          if (!e.getKey().equals(row.zoneId())) {
            others.add(e.getValue().text(e.getKey()));
            contested |= e.getValue().status().equals("weak") && e.getValue().urgency() < urgency;
          }
        }
        out.add(
            new TruthSlot(row.zoneId(), node.nodeId(), code, row.priority(), others, contested));
      }
    }
    out.sort(Comparator.comparing(TruthSlot::zoneId).thenComparing(TruthSlot::nodeId));
    return out;
  }

  /**
   * The slots of {@code count} planted enterprises: zones in turn (sorted by id), so every zone
   * gets the same number give or take one; within a zone its nodes in turn; within a node its codes
   * in turn. No randomness: the plan depends on the chain maps only.
   */
  public static List<TruthSlot> plan(List<TruthSlot> slots, int count) {
    if (count > 0 && slots.isEmpty()) {
      throw new IllegalArgumentException("the chain maps give no unambiguous slot to plant");
    }
    Map<String, Map<String, List<TruthSlot>>> byZone = new TreeMap<>();
    for (TruthSlot s : slots) {
      byZone
          .computeIfAbsent(s.zoneId(), z -> new LinkedHashMap<>())
          .computeIfAbsent(s.nodeId(), n -> new ArrayList<>())
          .add(s);
    }
    List<List<List<TruthSlot>>> zones = new ArrayList<>();
    byZone.values().forEach(nodes -> zones.add(new ArrayList<>(nodes.values())));
    List<TruthSlot> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      List<List<TruthSlot>> nodes = zones.get(i % zones.size());
      int j = i / zones.size();
      List<TruthSlot> codes = nodes.get(j % nodes.size());
      out.add(codes.get((j / nodes.size()) % codes.size()));
    }
    return out;
  }

  /** The other codes of the slot's node that are slots of the same zone. */
  static List<String> siblingCodes(TruthSlot slot, List<TruthSlot> slots) {
    return slots.stream()
        .filter(
            s ->
                s.zoneId().equals(slot.zoneId())
                    && s.nodeId().equals(slot.nodeId())
                    && !s.code().equals(slot.code()))
        .map(TruthSlot::code)
        .toList();
  }

  /**
   * Noise enterprises that fill a gap by the same reading of the chain maps: each record whose
   * primary code is related to a code of a node missing in a zone, once per such zone and node.
   */
  public static List<NoiseGapFiller> noiseGapFillers(
      List<EnterpriseRecord> noise, List<ChainNodeRef> nodes, List<ZoneChainRef> zoneChain) {
    Map<String, ChainNodeRef> byId = new HashMap<>();
    nodes.forEach(n -> byId.put(n.nodeId(), n));
    List<NoiseGapFiller> out = new ArrayList<>();
    for (EnterpriseRecord e : noise) {
      String primary = e.industryCodes().get(0);
      for (ZoneChainRef r : zoneChain) {
        ChainNodeRef n = byId.get(r.nodeId());
        if (n != null
            && r.status().equals("missing")
            && n.industryCodes().stream().anyMatch(c -> related(c, primary))) {
          out.add(new NoiseGapFiller(e.enterpriseId(), r.zoneId(), r.nodeId(), primary));
        }
      }
    }
    return out;
  }

  /** True when one code contains the other on the hierarchy (3741 and 374, or the same code). */
  static boolean related(String a, String b) {
    return a.startsWith(b) || b.startsWith(a);
  }

  /** For each zone whose chain map holds the code, its best status and priority. */
  private static Map<String, Need> needs(
      String code, Map<String, ChainNodeRef> nodes, List<ZoneChainRef> zoneChain) {
    Map<String, Need> out = new TreeMap<>();
    for (ZoneChainRef r : zoneChain) {
      ChainNodeRef n = nodes.get(r.nodeId());
      if (n == null
          || !STATUS_ORDER.containsKey(r.status())
          || n.industryCodes().stream().noneMatch(c -> related(c, code))) {
        continue;
      }
      out.merge(r.zoneId(), new Need(r.status(), r.priority()), Need::better);
    }
    return out;
  }

  // ---- files ----------------------------------------------------------------------------

  public static String toCsv(List<TruthRow> truth) {
    StringBuilder sb = new StringBuilder(Csv.line(TruthRow.COLUMNS)).append('\n');
    for (TruthRow t : truth) {
      sb.append(Csv.line(t.toCells())).append('\n');
    }
    return sb.toString();
  }

  public static String noiseToCsv(List<NoiseGapFiller> rows) {
    StringBuilder sb = new StringBuilder(Csv.line(NoiseGapFiller.COLUMNS)).append('\n');
    for (NoiseGapFiller r : rows) {
      sb.append(Csv.line(r.toCells())).append('\n');
    }
    return sb.toString();
  }

  public static void write(String csv, Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, csv, StandardCharsets.UTF_8);
  }

  public static List<TruthRow> read(Path file) throws IOException {
    List<TruthRow> out = new ArrayList<>();
    for (Map<String, String> row : Csv.readRows(file)) {
      out.add(
          new TruthRow(
              row.get("enterprise_id"),
              row.get("zone_id"),
              row.get("node_id"),
              row.get("primary_code"),
              row.get("kind"),
              SampleInputs.splitArray(row.getOrDefault("other_zones", "")),
              Boolean.parseBoolean(row.getOrDefault("contested", "false"))));
    }
    return out;
  }

  public static List<NoiseGapFiller> readNoise(Path file) throws IOException {
    List<NoiseGapFiller> out = new ArrayList<>();
    for (Map<String, String> row : Csv.readRows(file)) {
      out.add(
          new NoiseGapFiller(
              row.get("enterprise_id"),
              row.get("zone_id"),
              row.get("node_id"),
              row.get("primary_code")));
    }
    return out;
  }
}
