package org.oppmatch.export;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oppmatch.schema.Cols;
import org.oppmatch.score.Factor;

/**
 * Writes what people receive from a run: {@code exports/<zone_id>.xlsx} and {@code .csv} per zone
 * and {@code report/index.html}, under a directory the caller publishes (job-contract.md). The
 * Spark side only selects and collects; the files are made by the plain-Java writers of this
 * package.
 */
public final class ExportStage {
  public static final String EXPORTS = "exports";
  public static final String REPORT = "report";
  public static final String REPORT_FILE = "index.html";

  /** The dropped leads' column saying why a lead left its list. */
  public static final String DROPPED_REASON = "reason";

  /** Reason shown for a lead that entered the list. */
  static final String NEW_REASON = "新进入清单";

  /** The targets' columns the exports read, in the order collectLeads reads them. */
  private static final List<String> LEAD_COLUMNS =
      List.of(
          Cols.ZONE_ID,
          Cols.RANK,
          Cols.ENTERPRISE_ID,
          Cols.ENTERPRISE_NAME,
          Cols.SCORE,
          Cols.TIER,
          Cols.CHAIN_ROLE,
          Cols.MATCHED_NODE_IDS,
          Cols.MATCHED_OPPORTUNITY_IDS,
          Cols.REASONS,
          Cols.EXPLANATION,
          Cols.SCORE_COMPONENTS,
          Cols.COMPETING_ZONES,
          Cols.IS_NEW,
          Cols.PREVIOUS_RANK,
          Cols.GROUP_ID);

  private ExportStage() {}

  /** What was written: the number of zones and of files. */
  public record Written(int zones, int files) {}

  /**
   * Writes the exports and the report of one run under {@code dir} through {@code fs} (so HDFS and
   * S3 work as a local disk does).
   *
   * @param targets the run's targets (README.md columns)
   * @param dropped leads of the previous run that left the lists: zone_id, enterprise_id,
   *     enterprise_name, previous_rank, reason. Null when no earlier run is known; pass an empty
   *     Dataset when there was one and nothing was dropped, so the workbooks say "no change" rather
   *     than "first run"
   * @param zones zone_id, name_zh, ecosystem
   * @param zoneChainNodes zone_chain joined to chain_nodes: zone_id, node_id, name_zh, status
   * @param opportunities opportunity_id, title
   * @param manifest the run's manifest as it stands (publish/Manifest.java JSON); an optional text
   *     field {@code previous_run} names the run compared with
   */
  public static Written write(
      Dataset<Row> targets,
      Dataset<Row> dropped,
      Dataset<Row> zones,
      Dataset<Row> zoneChainNodes,
      Dataset<Row> opportunities,
      JsonNode manifest,
      FileSystem fs,
      Path dir)
      throws IOException {
    // Hadoop's local file system would leave a hidden .crc file beside each export in a folder
    // people browse; HDFS and S3A are no ChecksumFileSystem, so for them nothing changes
    FileSystem out = fs instanceof ChecksumFileSystem c ? c.getRawFileSystem() : fs;
    List<ZoneExport> exports =
        build(targets, dropped, zones, zoneChainNodes, opportunities, manifest);
    Path exportDir = new Path(dir, EXPORTS);
    out.mkdirs(exportDir);
    Set<String> used = new HashSet<>();
    int files = 0;
    for (ZoneExport z : exports) {
      String base = SafeText.fileName(z.zone().zoneId());
      if (!used.add(base)) {
        throw new IllegalStateException(
            "two zones map to the export file name " + base + ": " + z.zone().zoneId());
      }
      try (OutputStream stream = out.create(new Path(exportDir, base + ".xlsx"), true)) {
        LeadListWorkbook.write(z, stream);
      }
      try (OutputStream stream = out.create(new Path(exportDir, base + ".csv"), true)) {
        LeadListCsv.write(z, stream);
      }
      files += 2;
    }
    Path reportDir = new Path(dir, REPORT);
    out.mkdirs(reportDir);
    try (OutputStream stream = out.create(new Path(reportDir, REPORT_FILE), true)) {
      RunReportPage.write(RunSummary.fromManifest(manifest), exports, stream);
    }
    return new Written(exports.size(), files + 1);
  }

  /**
   * zone_chain joined to chain_nodes as {@link #write} takes it: zone_id, node_id, name_zh (the
   * node's), status. Both sides are aliased because the job's validated zone_chain is derived from
   * chain_nodes, and a plain join of the two is an ambiguous self-join to Spark.
   */
  public static Dataset<Row> zoneChainNodes(Dataset<Row> zoneChain, Dataset<Row> chainNodes) {
    Dataset<Row> zc = zoneChain.as("zc");
    Dataset<Row> cn = chainNodes.as("cn");
    return zc.join(cn, col("zc." + Cols.NODE_ID).equalTo(col("cn." + Cols.NODE_ID)))
        .select(
            col("zc." + Cols.ZONE_ID).as(Cols.ZONE_ID),
            col("zc." + Cols.NODE_ID).as(Cols.NODE_ID),
            col("cn." + Cols.NAME_ZH).as(Cols.NAME_ZH),
            col("zc." + Cols.STATUS).as(Cols.STATUS));
  }

  /** The per-zone exports of a run, zones ordered by id; every zone, with leads or without. */
  static List<ZoneExport> build(
      Dataset<Row> targets,
      Dataset<Row> dropped,
      Dataset<Row> zones,
      Dataset<Row> zoneChainNodes,
      Dataset<Row> opportunities,
      JsonNode manifest) {
    require(targets, "targets", LEAD_COLUMNS);
    if (dropped != null) {
      require(
          dropped,
          "dropped",
          List.of(
              Cols.ZONE_ID,
              Cols.ENTERPRISE_ID,
              Cols.ENTERPRISE_NAME,
              Cols.PREVIOUS_RANK,
              DROPPED_REASON));
    }
    require(zones, "zones", List.of(Cols.ZONE_ID, Cols.NAME_ZH, Cols.ECOSYSTEM));
    require(
        zoneChainNodes,
        "zone chain nodes",
        List.of(Cols.ZONE_ID, Cols.NODE_ID, Cols.NAME_ZH, Cols.STATUS));
    require(opportunities, "opportunities", List.of(Cols.OPPORTUNITY_ID, Cols.TITLE));
    // The targets are bounded by lists.top_n per zone (at most ~20k rows), so they may come to
    // the driver; everything else collected here is a reference table or last run's targets.
    Map<String, List<LeadRow>> leads = collectLeads(targets);
    Map<String, List<Row>> droppedByZone = dropped == null ? Map.of() : collectDropped(dropped);
    Map<String, ZoneInfo> zoneInfo = new TreeMap<>();
    for (Row r : zones.select(Cols.ZONE_ID, Cols.NAME_ZH, Cols.ECOSYSTEM).collectAsList()) {
      zoneInfo.put(r.getString(0), new ZoneInfo(r.getString(0), r.getString(1), r.getString(2)));
    }
    // a lead of a zone missing from the zones table is still shown, under its id
    leads.keySet().forEach(z -> zoneInfo.computeIfAbsent(z, id -> new ZoneInfo(id, null, null)));

    Map<String, List<Row>> chain = new HashMap<>();
    Map<String, String> nodeNames = new HashMap<>();
    for (Row r :
        zoneChainNodes
            .select(Cols.ZONE_ID, Cols.NODE_ID, Cols.NAME_ZH, Cols.STATUS)
            .collectAsList()) {
      chain.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
      if (r.getString(2) != null) {
        nodeNames.put(r.getString(1), r.getString(2));
      }
    }
    chain.values().forEach(l -> l.sort(Comparator.comparing(r -> r.getString(1))));
    Map<String, String> titles = new HashMap<>();
    for (Row r : opportunities.select(Cols.OPPORTUNITY_ID, Cols.TITLE).collectAsList()) {
      if (r.getString(0) != null && r.getString(1) != null) {
        titles.put(r.getString(0), r.getString(1));
      }
    }
    Map<String, String> zoneNames = new HashMap<>();
    zoneInfo.values().forEach(z -> zoneNames.put(z.zoneId(), z.displayName()));
    Names names = new Names(titles, nodeNames, zoneNames);

    boolean previousKnown =
        dropped != null
            || leads.values().stream()
                .flatMap(List::stream)
                .anyMatch(l -> l.previousRank() != null);
    String previousRun = manifest.path("previous_run").asText(null);
    LocalDate runDate = runDate(manifest);

    List<ZoneExport> out = new ArrayList<>();
    for (ZoneInfo z : zoneInfo.values()) {
      List<LeadRow> zoneLeads = leads.getOrDefault(z.zoneId(), List.of());
      ChangeLog changes =
          previousKnown
              ? new ChangeLog(
                  true,
                  dropped != null,
                  previousRun,
                  changes(zoneLeads, droppedByZone.getOrDefault(z.zoneId(), List.of())))
              : ChangeLog.unknown();
      out.add(
          new ZoneExport(
              z,
              runDate,
              zoneLeads,
              changes,
              coverage(chain.getOrDefault(z.zoneId(), List.of()), zoneLeads),
              names));
    }
    return out;
  }

  private static Map<String, List<LeadRow>> collectLeads(Dataset<Row> targets) {
    Map<String, List<LeadRow>> byZone = new TreeMap<>();
    List<Row> rows =
        targets
            .select(LEAD_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new))
            .collectAsList();
    for (Row r : rows) {
      LeadRow lead =
          new LeadRow(
              intOf(r, 1),
              r.getString(2),
              r.getString(3),
              r.isNullAt(4) ? 0.0 : ((Number) r.get(4)).doubleValue(),
              r.getString(5),
              r.getString(6),
              strings(r, 7),
              strings(r, 8),
              strings(r, 9),
              r.getString(10),
              components(r, 11),
              strings(r, 12),
              !r.isNullAt(13) && r.getBoolean(13),
              r.isNullAt(14) ? null : intOf(r, 14),
              r.getString(15));
      byZone.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(lead);
    }
    // sorted here rather than by Spark: the rows are few, and a sort would add a shuffle
    byZone.values().forEach(l -> l.sort(Comparator.comparingInt(LeadRow::rank)));
    return byZone;
  }

  private static Map<String, List<Row>> collectDropped(Dataset<Row> dropped) {
    Map<String, List<Row>> byZone = new HashMap<>();
    for (Row r :
        dropped
            .select(
                col(Cols.ZONE_ID),
                col(Cols.ENTERPRISE_ID),
                col(Cols.ENTERPRISE_NAME),
                col(Cols.PREVIOUS_RANK),
                col(DROPPED_REASON))
            .collectAsList()) {
      byZone.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r);
    }
    Comparator<Row> byPreviousRank =
        Comparator.<Row>comparingInt(r -> r.isNullAt(3) ? Integer.MAX_VALUE : intOf(r, 3))
            .thenComparing(r -> String.valueOf(r.getString(1)));
    byZone.values().forEach(l -> l.sort(byPreviousRank));
    return byZone;
  }

  /** New leads by rank, then those that moved up, those that moved down, and the dropped ones. */
  static List<ChangeRow> changes(List<LeadRow> leads, List<Row> dropped) {
    List<ChangeRow> out = new ArrayList<>();
    for (LeadRow l : leads) {
      Integer p = l.previousRank();
      if (l.isNew() || p == null) {
        out.add(
            new ChangeRow(
                ChangeRow.Kind.NEW,
                l.enterpriseId(),
                l.enterpriseName(),
                l.rank(),
                null,
                NEW_REASON));
      } else if (l.rank() < p) {
        out.add(move(ChangeRow.Kind.UP, l, "上升 " + (p - l.rank()) + " 位"));
      } else if (l.rank() > p) {
        out.add(move(ChangeRow.Kind.DOWN, l, "下降 " + (l.rank() - p) + " 位"));
      }
    }
    for (Row d : dropped) {
      out.add(
          new ChangeRow(
              ChangeRow.Kind.DROPPED,
              d.getString(1),
              d.getString(2),
              null,
              d.isNullAt(3) ? null : intOf(d, 3),
              d.getString(4)));
    }
    out.sort(Comparator.comparing(ChangeRow::kind)); // stable: keeps rank order within a kind
    return out;
  }

  private static ChangeRow move(ChangeRow.Kind kind, LeadRow l, String reason) {
    String why =
        reason
            + "（第 "
            + l.previousRank()
            + " 名 → 第 "
            + l.rank()
            + " 名，得分 "
            + Labels.points(l.score())
            + "）";
    return new ChangeRow(
        kind, l.enterpriseId(), l.enterpriseName(), l.rank(), l.previousRank(), why);
  }

  /** The zone's chain nodes with the number of its leads that name each node. */
  static List<NodeCoverage> coverage(List<Row> chainRows, List<LeadRow> leads) {
    Map<String, Integer> counts = new HashMap<>();
    for (LeadRow l : leads) {
      // a lead naming a node twice is one candidate
      new HashSet<>(l.matchedNodeIds()).forEach(n -> counts.merge(n, 1, Integer::sum));
    }
    List<NodeCoverage> out = new ArrayList<>();
    for (Row r : chainRows) {
      out.add(
          new NodeCoverage(
              r.getString(1),
              r.getString(2),
              r.getString(3),
              counts.getOrDefault(r.getString(1), 0)));
    }
    return out;
  }

  /** Fails before any Spark job when a column is missing, naming it and the columns present. */
  private static void require(Dataset<Row> df, String what, List<String> columns) {
    List<String> present = List.of(df.columns());
    List<String> missing = columns.stream().filter(c -> !present.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "exports: " + what + " lacks column(s) " + missing + "; it has " + present);
    }
  }

  private static LocalDate runDate(JsonNode manifest) {
    String d = manifest.path("run_date").asText("");
    return d.isEmpty() ? null : LocalDate.parse(d);
  }

  private static int intOf(Row r, int i) {
    return ((Number) r.get(i)).intValue();
  }

  private static List<String> strings(Row r, int i) {
    return r.isNullAt(i)
        ? List.of()
        : r.<String>getList(i).stream().filter(s -> s != null).toList();
  }

  /** Score components in the factors' order (a Spark map keeps none), other keys after them. */
  private static Map<String, Double> components(Row r, int i) {
    if (r.isNullAt(i)) {
      return Map.of();
    }
    Map<String, Number> raw = r.getJavaMap(i);
    Map<String, Double> ordered = new LinkedHashMap<>();
    for (String k : Factor.keys()) {
      if (raw.get(k) != null) {
        ordered.put(k, raw.get(k).doubleValue());
      }
    }
    new TreeMap<>(raw)
        .forEach((k, v) -> ordered.putIfAbsent(k, v == null ? null : v.doubleValue()));
    return ordered;
  }
}
