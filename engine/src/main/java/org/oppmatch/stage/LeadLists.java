package org.oppmatch.stage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.oppmatch.config.JobConfig;
import org.oppmatch.export.ExportStage;
import org.oppmatch.export.LeadRow;
import org.oppmatch.model.Engagement;
import org.oppmatch.model.OpenOpportunity;
import org.oppmatch.publish.Changes;
import org.oppmatch.publish.ScoreHistory;
import org.oppmatch.rank.Explanations;
import org.oppmatch.schema.Cols;
import org.oppmatch.score.Factor;
import org.oppmatch.score.Lead;
import org.oppmatch.score.NodeMatch;

/**
 * The published lead lists of a run, on the driver (at most {@code lists.top_n} per zone): each
 * zone's leads ranked, explained and compared with the previous run's, and the previous leads that
 * left the lists, with why.
 */
public final class LeadLists {
  /** A published lead: its zone, rank, the scored lead and what the outputs show of it. */
  public record Target(
      String zoneId,
      String zoneName,
      int rank,
      Lead lead,
      String tier,
      List<String> matchedNodeIds,
      List<String> matchedOpportunityIds,
      List<String> reasons,
      String explanation,
      Map<String, Double> scoreComponents,
      Integer previousRank,
      String movement,
      Engagement engagement,
      List<String> memberIds,
      ScoreHistory.Trend history,
      Engagement.Note latestNote) {

    /** The owner zone's latest stage, on the lead of an active engagement (else null). */
    public String engagementStage() {
      return engagement == null ? null : engagement.stage().key();
    }

    /** The day the owner zone's engagement began (else null). */
    public LocalDate engagementSince() {
      return engagement == null ? null : engagement.since();
    }
  }

  /** The previous succeeded run's leads (none when there is no such run). */
  public static final class Previous {
    private final boolean known;
    private final List<Changes.PreviousLead> leads;

    private Previous(boolean known, List<Changes.PreviousLead> leads) {
      this.known = known;
      this.leads = leads;
    }

    /** Reads the previous targets partition (one small Spark job), when there is one. */
    public static Previous read(SparkSession spark, Optional<String> targetsPartition) {
      if (targetsPartition.isEmpty()) {
        return new Previous(false, List.of());
      }
      List<Changes.PreviousLead> leads = new ArrayList<>();
      Dataset<Row> targets = spark.read().parquet(targetsPartition.get());
      // a run of contract version 1 published no member ids: each lead was its own id
      Column members =
          List.of(targets.columns()).contains(Cols.MEMBER_ENTERPRISE_IDS)
              ? col(Cols.MEMBER_ENTERPRISE_IDS)
              : lit(null).cast(DataTypes.createArrayType(DataTypes.StringType));
      for (Row r :
          targets
              .select(
                  col(Cols.ZONE_ID),
                  col(Cols.ENTERPRISE_ID),
                  col(Cols.ENTERPRISE_NAME),
                  col(Cols.RANK),
                  col(Cols.MATCHED_OPPORTUNITY_IDS),
                  members)
              .collectAsList()) {
        String id = r.getString(1);
        leads.add(
            new Changes.PreviousLead(
                r.getString(0),
                id,
                r.getString(2),
                r.getInt(3),
                r.isNullAt(4) ? List.of() : r.getList(4),
                r.isNullAt(5) ? List.of(id) : List.copyOf(r.<String>getList(5))));
      }
      return new Previous(true, leads);
    }

    public boolean known() {
      return known;
    }

    /** The ids the previous leads were listed under: a company keeps the one it holds. */
    public Set<String> listedIds() {
      Set<String> out = new HashSet<>();
      leads.forEach(l -> out.add(l.enterpriseId()));
      return out;
    }

    /**
     * Every id of the previous leads' companies: the scoring pass reports the company each one
     * belongs to now.
     */
    public Set<String> memberIds() {
      Set<String> out = new HashSet<>();
      leads.forEach(
          l -> {
            out.add(l.enterpriseId());
            out.addAll(l.memberIds());
          });
      return out;
    }
  }

  private final List<Target> targets;
  private final List<Changes.Dropped> dropped;

  private LeadLists(List<Target> targets, List<Changes.Dropped> dropped) {
    this.targets = targets;
    this.dropped = dropped;
  }

  /** Ranks, explains and compares the scoring pass's per-zone lists. */
  public static LeadLists of(
      ScoreAndRank.Ranked scored,
      Previous previous,
      ScoreHistory history,
      ReferenceData reference,
      JobConfig config,
      LocalDate runDate,
      Map<String, String> industryNames) {
    Map<String, String> titles = new LinkedHashMap<>();
    Set<String> open = new HashSet<>();
    for (OpenOpportunity o : reference.openOpportunities()) {
      titles.put(o.id(), o.title());
      open.add(o.id());
    }
    Explanations explain =
        new Explanations(
            runDate,
            config.scoring.cooperationRadiusKm,
            config.opportunities.perLead,
            titles,
            industryNames);
    Map<String, Engagement> engagements = reference.engagements();
    Map<String, Engagement.Note> notes = reference.latestNotes();
    Map<String, Changes.PreviousLead> before =
        Changes.byZoneAndCompany(previous.leads, scored.previousCompanies());
    Map<String, String> zoneNames = new LinkedHashMap<>();
    reference.zoneInfos().forEach(z -> zoneNames.put(z.zoneId(), z.nameZh()));
    List<Target> targets = new ArrayList<>();
    for (String zone : new java.util.TreeSet<>(scored.zoneLists().keySet())) {
      List<Lead> leads = scored.zoneLists().get(zone);
      for (int i = 0; i < leads.size(); i++) {
        Lead l = leads.get(i);
        int rank = i + 1;
        Changes.PreviousLead p = before.get(Changes.key(zone, l.enterpriseId));
        Integer previousRank = p == null ? null : p.rank();
        Engagement g = engagements.get(l.enterpriseId);
        Engagement owned = g != null && zone.equals(g.owner()) ? g : null;
        List<String> reasons = explain.reasons(l);
        String sentence = explain.sentence(l);
        if (l.modelScore != null) {
          sentence = sentence + scored.model().sentence(l.modelScore, l.features);
        }
        if (owned != null) {
          reasons = new ArrayList<>(reasons);
          reasons.add(0, "ENGAGED:" + owned.stage().key() + "@" + owned.since());
          sentence = Explanations.engagementSentence(owned) + "；" + sentence;
        }
        List<String> members = l.memberIds == null ? List.of(l.enterpriseId) : List.of(l.memberIds);
        targets.add(
            new Target(
                zone,
                zoneNames.get(zone),
                rank,
                l,
                l.tier(config.lists.tierA, config.lists.tierB),
                nodeIds(l.nodes),
                explain.matchedOpportunityIds(l),
                reasons,
                sentence,
                components(l.components),
                previousRank,
                Changes.movement(previousRank, rank),
                owned,
                members,
                history.of(zone, members),
                notes.get(l.enterpriseId)));
      }
    }
    List<Changes.Dropped> dropped = null;
    if (previous.known()) {
      List<Changes.CurrentLead> current = new ArrayList<>();
      targets.forEach(
          t -> current.add(new Changes.CurrentLead(t.zoneId(), t.lead().enterpriseId, t.rank())));
      dropped =
          Changes.dropped(
              previous.leads,
              current,
              scored.previousCompanies(),
              scored.inactivePreviousCompanies(),
              open,
              engagements);
    }
    return new LeadLists(targets, dropped);
  }

  private static List<String> nodeIds(NodeMatch[] nodes) {
    List<String> out = new ArrayList<>();
    for (NodeMatch n : nodes) {
      if (!out.contains(n.nodeId())) {
        out.add(n.nodeId());
      }
    }
    return out;
  }

  /** The components by factor key, in the factors' order. */
  private static Map<String, Double> components(double[] points) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Factor f : Factor.values()) {
      out.put(f.key(), points[f.ordinal()]);
    }
    return out;
  }

  /** The published leads, by zone and rank. */
  public List<Target> targets() {
    return targets;
  }

  /** The previous run's leads that left the lists (null when no earlier run is known). */
  public List<Changes.Dropped> dropped() {
    return dropped;
  }

  /** Per zone: new, up, down, same and dropped leads against the previous run, for the manifest. */
  public Map<String, Object> changeSummary(Optional<LocalDate> previousDate) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("previous_run_date", previousDate.map(LocalDate::toString).orElse(null));
    Map<String, Map<String, Long>> zones = new TreeMap<>();
    for (Target t : targets) {
      zones.computeIfAbsent(t.zoneId(), z -> emptyCounts()).merge(t.movement(), 1L, Long::sum);
    }
    if (dropped != null) {
      for (Changes.Dropped d : dropped) {
        zones.computeIfAbsent(d.zoneId(), z -> emptyCounts()).merge("dropped", 1L, Long::sum);
      }
    }
    out.put("zones", zones);
    return out;
  }

  private static Map<String, Long> emptyCounts() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String k : List.of("new", "up", "down", "same", "dropped")) {
      m.put(k, 0L);
    }
    return m;
  }

  /**
   * What the exports and the report show.
   *
   * @param industryNames the classification table's class names (empty without one): they name each
   *     lead's primary industry
   */
  public ExportStage.Input exportInput(
      ReferenceData reference,
      List<org.oppmatch.rank.Coverage.Node> poolCoverage,
      Map<String, String> industryNames) {
    Map<String, List<LeadRow>> byZone = new TreeMap<>();
    for (Target t : targets) {
      Lead l = t.lead();
      byZone
          .computeIfAbsent(t.zoneId(), z -> new ArrayList<>())
          .add(
              new LeadRow(
                  t.rank(),
                  l.enterpriseId,
                  l.enterpriseName,
                  l.score,
                  t.tier(),
                  l.chainRole.key(),
                  t.matchedNodeIds(),
                  t.matchedOpportunityIds(),
                  t.reasons(),
                  t.explanation(),
                  t.scoreComponents(),
                  List.of(l.competingZones),
                  t.previousRank() == null,
                  t.previousRank(),
                  l.groupId,
                  t.engagementStage(),
                  t.engagementSince(),
                  new LeadRow.Profile(
                      l.province,
                      l.city,
                      l.primaryIndustryCode,
                      l.revenue,
                      l.employees,
                      l.tags == null ? List.of() : List.of(l.tags),
                      new LeadRow.Contacts(
                          l.legalRepresentative, l.phone, l.email, l.website, l.address)),
                  new LeadRow.FollowUp(
                      t.history().ranks(),
                      t.history().scores(),
                      t.latestNote() == null ? null : t.latestNote().text(),
                      t.latestNote() == null ? null : t.latestNote().date(),
                      t.latestNote() == null ? null : t.latestNote().zoneId())));
    }
    List<ExportStage.DroppedLead> gone = null;
    if (dropped != null) {
      gone = new ArrayList<>();
      for (Changes.Dropped d : dropped) {
        gone.add(
            new ExportStage.DroppedLead(
                d.zoneId(),
                d.enterpriseId(),
                d.enterpriseName(),
                d.previousRank(),
                d.reason(),
                d.nowZoneId()));
      }
    }
    return new ExportStage.Input(
        byZone,
        gone,
        reference.zoneInfos(),
        reference.chainEntries(),
        reference.opportunityTitles(),
        reference.outcomeCountsByZone(),
        poolCoverage,
        industryNames);
  }
}
