package org.oppmatch.export;

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
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.oppmatch.model.Engagement;
import org.oppmatch.rank.Coverage;
import org.oppmatch.score.Factor;

/**
 * Writes what people receive from a run: {@code exports/<zone_id>.xlsx} and {@code .csv} per zone
 * and {@code report/index.html}, under a directory the caller publishes (job-contract.md), from the
 * run's lead lists as the driver holds them (bounded by {@code lists.top_n} per zone). The files
 * are made by the plain-Java writers of this package.
 */
public final class ExportStage {
  public static final String EXPORTS = org.oppmatch.schema.Outputs.EXPORTS;
  public static final String REPORT = org.oppmatch.schema.Outputs.REPORT;
  public static final String REPORT_FILE = "index.html";

  /** The dropped leads' column saying why a lead left its list. */
  public static final String DROPPED_REASON = "reason";

  /** Reason shown for a lead that entered the list. */
  static final String NEW_REASON = "新进入清单";

  private ExportStage() {}

  /** What was written: the number of zones and of files. */
  public record Written(int zones, int files) {}

  /** A node of a zone's chain map, as the coverage table shows it. */
  public record ChainEntry(String zoneId, String nodeId, String nameZh, String status) {}

  /**
   * A lead that left its zone's list since the previous run, and why: a reason code of the dropped
   * output (shown in Chinese, {@link Labels#droppedReason}) or a text; the zone that lists it now.
   */
  public record DroppedLead(
      String zoneId,
      String enterpriseId,
      String enterpriseName,
      Integer previousRank,
      String reason,
      String nowZoneId) {

    /** A lead that is on no other zone's list. */
    public DroppedLead(
        String zoneId,
        String enterpriseId,
        String enterpriseName,
        Integer previousRank,
        String reason) {
      this(zoneId, enterpriseId, enterpriseName, previousRank, reason, null);
    }
  }

  /**
   * What a run hands its people: per zone its leads (in rank order), the leads dropped since the
   * previous run (null when no earlier run is known; empty when there was one and nothing was
   * dropped, so the workbooks say "no change" rather than "first run"), the zones, their chain
   * maps, the opportunities' titles and the classification table's class names (empty without one).
   */
  public record Input(
      Map<String, List<LeadRow>> leadsByZone,
      List<DroppedLead> dropped,
      List<ZoneInfo> zones,
      List<ChainEntry> chain,
      Map<String, String> opportunityTitles,
      Map<String, Engagement.ZoneCounts> outcomesByZone,
      List<Coverage.Node> poolCoverage,
      Map<String, String> industryNames) {

    /** A run without an outcomes table: the report shows no outcome counts. */
    public Input(
        Map<String, List<LeadRow>> leadsByZone,
        List<DroppedLead> dropped,
        List<ZoneInfo> zones,
        List<ChainEntry> chain,
        Map<String, String> opportunityTitles) {
      this(leadsByZone, dropped, zones, chain, opportunityTitles, null, null, Map.of());
    }
  }

  /**
   * Writes the exports and the report of one run under {@code dir} through {@code fs} (so HDFS and
   * S3 work as a local disk does).
   *
   * @param manifest the run's manifest as it stands (publish/Manifest.java JSON); an optional text
   *     field {@code previous_run} names the run compared with
   */
  public static Written write(Input input, JsonNode manifest, FileSystem fs, Path dir)
      throws IOException {
    // Hadoop's local file system would leave a hidden .crc file beside each export in a folder
    // people browse; HDFS and S3A are no ChecksumFileSystem, so for them nothing changes
    FileSystem out = fs instanceof ChecksumFileSystem c ? c.getRawFileSystem() : fs;
    List<ZoneExport> exports = build(input, manifest);
    Path exportDir = new Path(dir, EXPORTS);
    mkdirs(out, exportDir);
    Set<String> used = new HashSet<>();
    for (ZoneExport z : exports) {
      String base = SafeText.fileName(z.zone().zoneId());
      if (!used.add(base)) {
        throw new IllegalStateException(
            "two zones map to the export file name " + base + ": " + z.zone().zoneId());
      }
    }
    // the zones' files are independent: written by as many threads as the driver has cores
    try {
      exports.parallelStream()
          .forEach(
              z -> {
                String base = SafeText.fileName(z.zone().zoneId());
                try {
                  try (OutputStream stream = create(out, new Path(exportDir, base + ".xlsx"))) {
                    LeadListWorkbook.write(z, stream);
                  }
                  try (OutputStream stream = create(out, new Path(exportDir, base + ".csv"))) {
                    LeadListCsv.write(z, stream);
                  }
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    int files = 2 * exports.size();
    Path reportDir = new Path(dir, REPORT);
    mkdirs(out, reportDir);
    try (OutputStream stream = create(out, new Path(reportDir, REPORT_FILE))) {
      RunReportPage.write(RunSummary.fromManifest(manifest), exports, stream);
    }
    return new Written(exports.size(), files + 1);
  }

  /**
   * A new file. On a local disk through java.nio: Hadoop's local file system sets each new file's
   * permissions by starting a {@code chmod} process when its native library is absent (as here),
   * which cost more than writing the hundred files of a run.
   */
  private static OutputStream create(FileSystem fs, Path p) throws IOException {
    if (fs instanceof RawLocalFileSystem) {
      return java.nio.file.Files.newOutputStream(local(fs, p));
    }
    return fs.create(p, true);
  }

  private static void mkdirs(FileSystem fs, Path p) throws IOException {
    if (fs instanceof RawLocalFileSystem) {
      java.nio.file.Files.createDirectories(local(fs, p));
    } else {
      fs.mkdirs(p);
    }
  }

  private static java.nio.file.Path local(FileSystem fs, Path p) {
    return java.nio.file.Paths.get(fs.makeQualified(p).toUri());
  }

  /** The per-zone exports of a run, zones ordered by id; every zone, with leads or without. */
  static List<ZoneExport> build(Input in, JsonNode manifest) {
    Map<String, List<LeadRow>> leads = new TreeMap<>();
    in.leadsByZone()
        .forEach(
            (z, l) -> {
              List<LeadRow> sorted = new ArrayList<>();
              l.forEach(r -> sorted.add(inFactorOrder(r)));
              sorted.sort(Comparator.comparingInt(LeadRow::rank));
              leads.put(z, sorted);
            });
    Map<String, List<DroppedLead>> droppedByZone = new HashMap<>();
    if (in.dropped() != null) {
      for (DroppedLead d : in.dropped()) {
        droppedByZone.computeIfAbsent(d.zoneId(), k -> new ArrayList<>()).add(d);
      }
      Comparator<DroppedLead> byPreviousRank =
          Comparator.<DroppedLead>comparingInt(
                  d -> d.previousRank() == null ? Integer.MAX_VALUE : d.previousRank())
              .thenComparing(d -> String.valueOf(d.enterpriseId()));
      droppedByZone.values().forEach(l -> l.sort(byPreviousRank));
    }
    Map<String, ZoneInfo> zoneInfo = new TreeMap<>();
    in.zones().forEach(z -> zoneInfo.put(z.zoneId(), z));
    // a lead of a zone missing from the zones table is still shown, under its id
    leads.keySet().forEach(z -> zoneInfo.computeIfAbsent(z, id -> new ZoneInfo(id, null, null)));

    Map<String, List<ChainEntry>> chain = new HashMap<>();
    Map<String, String> nodeNames = new HashMap<>();
    for (ChainEntry c : in.chain()) {
      chain.computeIfAbsent(c.zoneId(), k -> new ArrayList<>()).add(c);
      if (c.nameZh() != null) {
        nodeNames.put(c.nodeId(), c.nameZh());
      }
    }
    chain.values().forEach(l -> l.sort(Comparator.comparing(ChainEntry::nodeId)));
    Map<String, Coverage.Node> pool = new HashMap<>();
    if (in.poolCoverage() != null) {
      in.poolCoverage().forEach(n -> pool.put(n.zoneId() + '\u0000' + n.nodeId(), n));
    }
    Map<String, String> zoneNames = new HashMap<>();
    zoneInfo.values().forEach(z -> zoneNames.put(z.zoneId(), z.displayName()));
    Names names = new Names(in.opportunityTitles(), nodeNames, zoneNames, in.industryNames());

    boolean previousKnown =
        in.dropped() != null
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
                  in.dropped() != null,
                  previousRun,
                  changes(zoneLeads, droppedByZone.getOrDefault(z.zoneId(), List.of()), names))
              : ChangeLog.unknown();
      out.add(
          new ZoneExport(
              z,
              runDate,
              zoneLeads,
              changes,
              coverage(chain.getOrDefault(z.zoneId(), List.of()), zoneLeads, pool),
              names,
              in.outcomesByZone() == null
                  ? null
                  : in.outcomesByZone().getOrDefault(z.zoneId(), new Engagement.ZoneCounts(0, 0))));
    }
    return out;
  }

  /** New leads by rank, then those that moved up, those that moved down, and the dropped ones. */
  static List<ChangeRow> changes(List<LeadRow> leads, List<DroppedLead> dropped, Names names) {
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
    for (DroppedLead d : dropped) {
      out.add(
          new ChangeRow(
              ChangeRow.Kind.DROPPED,
              d.enterpriseId(),
              d.enterpriseName(),
              null,
              d.previousRank(),
              Labels.droppedReason(d.reason(), d.nowZoneId(), names)));
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

  /**
   * The zone's chain nodes with the number of its leads that name each node, and where the pool's
   * firms that fit it went (from {@code pool}, keyed by zone and node; absent: not known).
   */
  static List<NodeCoverage> coverage(
      List<ChainEntry> chainRows, List<LeadRow> leads, Map<String, Coverage.Node> pool) {
    Map<String, Integer> counts = new HashMap<>();
    for (LeadRow l : leads) {
      // a lead naming a node twice is one candidate
      new HashSet<>(l.matchedNodeIds()).forEach(n -> counts.merge(n, 1, Integer::sum));
    }
    List<NodeCoverage> out = new ArrayList<>();
    for (ChainEntry r : chainRows) {
      Coverage.Node p = pool.get(r.zoneId() + '\u0000' + r.nodeId());
      out.add(
          new NodeCoverage(
              r.nodeId(),
              r.nameZh(),
              r.status(),
              counts.getOrDefault(r.nodeId(), 0),
              p == null ? null : p.fit(),
              p == null ? null : p.listedElsewhere(),
              p == null ? null : p.belowList()));
    }
    return out;
  }

  /** The lead with its score components in the factors' order, other keys after them. */
  private static LeadRow inFactorOrder(LeadRow r) {
    Map<String, Double> ordered = new LinkedHashMap<>();
    for (String k : Factor.keys()) {
      if (r.scoreComponents().get(k) != null) {
        ordered.put(k, r.scoreComponents().get(k));
      }
    }
    new TreeMap<>(r.scoreComponents()).forEach(ordered::putIfAbsent);
    return new LeadRow(
        r.rank(),
        r.enterpriseId(),
        r.enterpriseName(),
        r.score(),
        r.tier(),
        r.chainRole(),
        r.matchedNodeIds(),
        r.matchedOpportunityIds(),
        r.reasons(),
        r.explanation(),
        ordered,
        r.competingZones(),
        r.isNew(),
        r.previousRank(),
        r.groupId(),
        r.engagementStage(),
        r.engagementSince(),
        r.profile(),
        r.followUp());
  }

  private static LocalDate runDate(JsonNode manifest) {
    String d = manifest.path("run_date").asText("");
    return d.isEmpty() ? null : LocalDate.parse(d);
  }
}
