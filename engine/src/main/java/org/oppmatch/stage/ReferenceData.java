package org.oppmatch.stage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.oppmatch.JobFailure;
import org.oppmatch.config.JobConfig;
import org.oppmatch.export.ExportStage;
import org.oppmatch.export.ZoneInfo;
import org.oppmatch.io.InputSource;
import org.oppmatch.model.Engagement;
import org.oppmatch.model.EngagementStage;
import org.oppmatch.model.OpenOpportunity;
import org.oppmatch.model.ZoneModel;
import org.oppmatch.publish.Manifest;
import org.oppmatch.resolve.Companies;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.InputTable;
import org.oppmatch.validate.Duplicates;
import org.oppmatch.validate.RowValidator;
import org.oppmatch.validate.Rules;
import org.oppmatch.validate.Validation;

/**
 * The reference tables of a run (zones, chain nodes, zone chain, opportunities, outcomes):
 * thousands of rows, read and validated on the driver, parents first (zone_chain and opportunities
 * refer to zones and chain nodes), with the same rules and quarantine as the enterprises. They
 * become the zone model the scoring pass broadcasts.
 */
public final class ReferenceData {
  /** One validated reference table. */
  public record Table(
      InputSource source, List<RowValidator.Checked> accepted, List<Row> quarantine) {

    /** A typed value of an accepted record, by column name. */
    public Object value(RowValidator.Checked c, String column) {
      return c.values()[source.table().indexOf(column)];
    }

    Manifest.InputCounts counts() {
      Map<String, Long> byRule = new LinkedHashMap<>();
      for (Row q : quarantine) {
        byRule.merge(q.getString(1), 1L, Long::sum);
      }
      return Manifest.counts(
          source.location(),
          source.format().name().toLowerCase(Locale.ROOT),
          accepted.size(),
          byRule,
          source.encodingNames());
    }
  }

  private final Map<InputTable, Table> tables;
  private final LocalDate runDate;
  private final JobConfig.Outcomes outcomeRules;

  private ReferenceData(
      Map<InputTable, Table> tables, LocalDate runDate, JobConfig.Outcomes outcomeRules) {
    this.tables = tables;
    this.runDate = runDate;
    this.outcomeRules = outcomeRules;
  }

  /** Reads and validates every reference table present (no Spark job for CSV and JSON Lines). */
  public static ReferenceData read(
      SparkSession spark, RunInputs inputs, JobConfig config, LocalDate runDate) {
    Map<InputTable, Table> tables = new EnumMap<>(InputTable.class);
    Set<String> codes = inputs.knownCodes();
    for (InputTable t : InputTable.values()) {
      if (t == InputTable.ENTERPRISES || inputs.source(t).isEmpty()) {
        continue;
      }
      InputSource src = inputs.source(t).get();
      RowValidator validator =
          new RowValidator(
              t,
              runDate,
              codes,
              keys(tables.get(InputTable.ZONES), Cols.ZONE_ID),
              keys(tables.get(InputTable.CHAIN_NODES), Cols.NODE_ID),
              inputs.readings());
      List<Row> raw = inputs.reader().readOnDriver(src);
      if (raw.isEmpty() && t.mandatory()) {
        throw JobFailure.inputContract(t.tableName() + " has no rows (" + src.location() + ")");
      }
      tables.put(t, validate(src, validator, raw));
    }
    return new ReferenceData(tables, runDate, config.outcomes);
  }

  private static Set<String> keys(Table t, String column) {
    Set<String> out = new HashSet<>();
    if (t != null) {
      t.accepted().forEach(c -> out.add((String) t.value(c, column)));
    }
    return out;
  }

  /** Checks each raw row; duplicate keys lose to the first row (or the newest updated_at). */
  static Table validate(InputSource src, RowValidator validator, List<Row> raw) {
    List<RowValidator.Checked> checked = new ArrayList<>(raw.size());
    for (Row r : raw) {
      checked.add(validator.check(r));
    }
    Duplicates duplicates =
        Duplicates.among(
            src.table(), checked.stream().filter(RowValidator.Checked::accepted).toList());
    List<RowValidator.Checked> accepted = new ArrayList<>();
    List<Row> quarantine = new ArrayList<>();
    for (RowValidator.Checked c : checked) {
      if (!c.accepted()) {
        quarantine.add(
            Validation.quarantineRow(
                src.table(), c.file(), c.line(), c.recordKey(), c.rules(), c.detail(), c.text()));
      } else if (duplicates.isLoser(src.table().uniqueKey(c.values()), c.file(), c.line())) {
        quarantine.add(
            Validation.quarantineRow(
                src.table(),
                c.file(),
                c.line(),
                c.recordKey(),
                List.of(Rules.DUPLICATE_ID),
                duplicates.detail(src.table().uniqueKey(c.values())),
                c.text()));
      } else {
        accepted.add(c);
      }
    }
    return new Table(src, accepted, quarantine);
  }

  public Table table(InputTable t) {
    return tables.get(t);
  }

  /** Every reference table's counts into the manifest, in the tables' order. */
  public void countInto(Manifest manifest) {
    tables.forEach((t, table) -> manifest.input(t.tableName(), table.counts()));
  }

  /** The quarantined rows of every reference table, in the tables' order and file order. */
  public List<Row> quarantine() {
    List<Row> out = new ArrayList<>();
    tables.values().forEach(t -> out.addAll(t.quarantine()));
    return out;
  }

  // ---- what the scoring and the lists read -----------------------------------------------------

  /** The zone model: zones, chain nodes and every code each zone looks for. */
  public ZoneModel zoneModel() {
    Table z = tables.get(InputTable.ZONES);
    List<ZoneModel.Zone> zones = new ArrayList<>();
    for (RowValidator.Checked c : z.accepted()) {
      zones.add(
          new ZoneModel.Zone(
              (String) z.value(c, Cols.ZONE_ID),
              (String) z.value(c, Cols.NAME_ZH),
              (String) z.value(c, Cols.ECOSYSTEM),
              (Double) z.value(c, Cols.LATITUDE),
              (Double) z.value(c, Cols.LONGITUDE),
              (Double) z.value(c, Cols.LAND_HA),
              (Double) z.value(c, Cols.FACTORY_M2),
              (Double) z.value(c, Cols.OFFICE_M2),
              (String[]) z.value(c, Cols.LEAD_INDUSTRIES)));
    }
    Table n = tables.get(InputTable.CHAIN_NODES);
    List<ZoneModel.Node> nodes = new ArrayList<>();
    for (RowValidator.Checked c : n.accepted()) {
      nodes.add(
          new ZoneModel.Node(
              (String) n.value(c, Cols.NODE_ID),
              (String) n.value(c, Cols.NAME_ZH),
              (String) n.value(c, Cols.POSITION),
              (String[]) n.value(c, Cols.INDUSTRY_CODES)));
    }
    Table zc = tables.get(InputTable.ZONE_CHAIN);
    List<ZoneModel.ZoneNode> chain = new ArrayList<>();
    for (RowValidator.Checked c : zc.accepted()) {
      chain.add(
          new ZoneModel.ZoneNode(
              (String) zc.value(c, Cols.ZONE_ID),
              (String) zc.value(c, Cols.NODE_ID),
              (String) zc.value(c, Cols.STATUS),
              (Integer) zc.value(c, Cols.PRIORITY)));
    }
    return ZoneModel.build(zones, nodes, chain);
  }

  /** The opportunities open on the run date: no deadline before it, not published after it. */
  public List<OpenOpportunity> openOpportunities() {
    if (open == null) {
      open = List.copyOf(findOpenOpportunities());
    }
    return open;
  }

  private List<OpenOpportunity> open;

  private List<OpenOpportunity> findOpenOpportunities() {
    Table o = tables.get(InputTable.OPPORTUNITIES);
    List<OpenOpportunity> out = new ArrayList<>();
    for (RowValidator.Checked c : o.accepted()) {
      LocalDate deadline = (LocalDate) o.value(c, Cols.DEADLINE);
      LocalDate published = (LocalDate) o.value(c, Cols.PUBLISHED_DATE);
      if ((deadline == null || !deadline.isBefore(runDate))
          && (published == null || !published.isAfter(runDate))) {
        out.add(
            new OpenOpportunity(
                (String) o.value(c, Cols.OPPORTUNITY_ID),
                (String) o.value(c, Cols.TITLE),
                (String) o.value(c, Cols.ZONE_ID),
                (String) o.value(c, Cols.ECOSYSTEM),
                (String[]) o.value(c, Cols.INDUSTRY_CODES),
                (String) o.value(c, Cols.DESCRIPTION),
                (String[]) o.value(c, Cols.KEYWORDS),
                (Double) o.value(c, Cols.BUDGET)));
      }
    }
    return out;
  }

  /**
   * The engagements that change the lists (won, lost in the cool-down, active), by enterprise id,
   * from the accepted outcomes (none without an outcomes table).
   */
  public Map<String, Engagement> engagements() {
    if (engagements == null) {
      engagements = Map.copyOf(Engagement.of(outcomes(), runDate, windows()));
    }
    return engagements;
  }

  private Map<String, Engagement> engagements;

  /**
   * The engagement of a company from the outcomes that name any of its ids (null for none): what
   * {@link #engagements} holds for it once the run's companies are known, for a caller that knows
   * one company's ids only.
   */
  public Engagement engagementOf(java.util.Collection<String> memberIds, String companyId) {
    Set<String> ids = new HashSet<>(memberIds);
    List<Engagement.Outcome> own = new ArrayList<>();
    for (Engagement.Outcome o : readOutcomes()) {
      if (ids.contains(o.enterpriseId())) {
        own.add(o.forId(companyId));
      }
    }
    return Engagement.of(own, runDate, windows()).get(companyId);
  }

  private Engagement.Windows windows() {
    return new Engagement.Windows(
        outcomeRules.cooldownDays, outcomeRules.activeDays, outcomeRules.deferredDays);
  }

  /** The latest note the teams wrote on each company (最近备注), by the id it is listed under. */
  public Map<String, Engagement.Note> latestNotes() {
    if (latestNotes == null) {
      latestNotes = Map.copyOf(Engagement.latestNotes(outcomes(), runDate));
    }
    return latestNotes;
  }

  private Map<String, Engagement.Note> latestNotes;

  /** Per zone, enterprises won and lost (null when the run has no outcomes table). */
  public Map<String, Engagement.ZoneCounts> outcomeCountsByZone() {
    if (tables.get(InputTable.OUTCOMES) == null) {
      return null;
    }
    return Engagement.countsByZone(outcomes(), runDate, outcomeRules.cooldownDays);
  }

  /**
   * The accepted outcome rows, in file order, each under the id its enterprise's company is listed
   * under once the companies are known ({@link #companies}).
   */
  public List<Engagement.Outcome> outcomes() {
    if (outcomes == null) {
      List<Engagement.Outcome> read = readOutcomes();
      List<Engagement.Outcome> out = new ArrayList<>(read.size());
      for (Engagement.Outcome o : read) {
        Companies.Merged m = companies.merged(o.enterpriseId());
        out.add(m == null ? o : o.forId(m.companyId()));
      }
      outcomes = List.copyOf(out);
    }
    return outcomes;
  }

  private Companies companies = Companies.none();

  /** The engagements of the history that ended, won or lost: the learned ranking's labels. */
  public List<Engagement.Decided> decided() {
    return Engagement.decided(outcomes(), runDate);
  }

  /**
   * The rows of one company: from here on an outcome of any of its ids is its company's (a team
   * that talked to a firm under its CRM id has talked to the company).
   */
  void companies(Companies c) {
    this.companies = c;
    this.outcomes = null;
    this.engagements = null;
    this.latestNotes = null;
  }

  private List<Engagement.Outcome> outcomes;

  private List<Engagement.Outcome> readOutcomes() {
    Table t = tables.get(InputTable.OUTCOMES);
    List<Engagement.Outcome> out = new ArrayList<>();
    if (t != null) {
      for (RowValidator.Checked c : t.accepted()) {
        out.add(
            new Engagement.Outcome(
                (String) t.value(c, Cols.ENTERPRISE_ID),
                (String) t.value(c, Cols.ZONE_ID),
                EngagementStage.of((String) t.value(c, Cols.STAGE)),
                (LocalDate) t.value(c, Cols.STAGE_DATE),
                (String) t.value(c, Cols.NOTE)));
      }
    }
    return out;
  }

  /** Every accepted opportunity's title, by id. */
  public Map<String, String> opportunityTitles() {
    Table o = tables.get(InputTable.OPPORTUNITIES);
    Map<String, String> out = new LinkedHashMap<>();
    for (RowValidator.Checked c : o.accepted()) {
      out.put((String) o.value(c, Cols.OPPORTUNITY_ID), (String) o.value(c, Cols.TITLE));
    }
    return out;
  }

  /** The zones as the exports name them. */
  public List<ZoneInfo> zoneInfos() {
    Table z = tables.get(InputTable.ZONES);
    List<ZoneInfo> out = new ArrayList<>();
    for (RowValidator.Checked c : z.accepted()) {
      out.add(
          new ZoneInfo(
              (String) z.value(c, Cols.ZONE_ID),
              (String) z.value(c, Cols.NAME_ZH),
              (String) z.value(c, Cols.ECOSYSTEM)));
    }
    return out;
  }

  /** Each zone's chain map: its nodes with their names and its status of each. */
  public List<ExportStage.ChainEntry> chainEntries() {
    Table n = tables.get(InputTable.CHAIN_NODES);
    Map<String, String> names = new LinkedHashMap<>();
    for (RowValidator.Checked c : n.accepted()) {
      names.put((String) n.value(c, Cols.NODE_ID), (String) n.value(c, Cols.NAME_ZH));
    }
    Table zc = tables.get(InputTable.ZONE_CHAIN);
    List<ExportStage.ChainEntry> out = new ArrayList<>();
    for (RowValidator.Checked c : zc.accepted()) {
      String node = (String) zc.value(c, Cols.NODE_ID);
      if (names.containsKey(node)) {
        out.add(
            new ExportStage.ChainEntry(
                (String) zc.value(c, Cols.ZONE_ID),
                node,
                names.get(node),
                (String) zc.value(c, Cols.STATUS)));
      }
    }
    return out;
  }
}
