package org.oppmatch.lookup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.oppmatch.JobFailure;
import org.oppmatch.config.ConfigLoader;
import org.oppmatch.config.JobConfig;
import org.oppmatch.io.LocalFiles;
import org.oppmatch.model.Engagement;
import org.oppmatch.model.Enterprise;
import org.oppmatch.model.OpenOpportunity;
import org.oppmatch.publish.Manifest;
import org.oppmatch.rank.Explanations;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.InputTable;
import org.oppmatch.score.Factor;
import org.oppmatch.score.Lead;
import org.oppmatch.score.NodeMatch;
import org.oppmatch.score.Scorer;
import org.oppmatch.stage.PoolStatistics;
import org.oppmatch.stage.ReadAndValidate;
import org.oppmatch.stage.Resolve;
import org.oppmatch.stage.RunContext;
import org.oppmatch.stage.RunResources;
import org.oppmatch.stage.StageTimer;
import org.oppmatch.validate.Duplicates;
import org.oppmatch.validate.Validation;

/**
 * "Where is firm X?": for one company of a succeeded run, every zone it scored in with the points
 * of each factor, where it is listed, why not elsewhere, and which input ids it stands for.
 *
 * <p>The run is re-created rather than approximated: its manifest holds the whole configuration and
 * where each input was read, the inputs are read and validated by the engine's own stages, the pool
 * statistics are measured again, and the company is scored by the engine's {@link Scorer}. Where it
 * is listed and what filled the other lists is read from the run's published targets. Usage: {@link
 * LookupArgs#USAGE}; exit codes: 0 found, 2 bad arguments or a name of several companies, 3 no
 * succeeded run of that date, no such company, or a run that cannot be re-created (its inputs moved
 * or its configuration is not this engine's).
 */
public final class Lookup {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Lookup() {}

  public static void main(String[] argv) {
    LookupArgs args;
    try {
      args = LookupArgs.parse(argv);
    } catch (LookupFailure e) {
      System.err.println("lookup: " + e.getMessage());
      System.err.println(LookupArgs.USAGE);
      System.exit(e.exitCode());
      return;
    }
    SparkSession spark =
        SparkSession.builder()
            .appName("opportunity-engine lookup " + args.runDate())
            .config("spark.hadoop." + LocalFiles.KEY, LocalFiles.class.getName())
            .getOrCreate();
    int code;
    try {
      code = execute(spark, args, System.out, System.err);
    } finally {
      spark.stop();
    }
    System.exit(code);
  }

  /** Parses the arguments and looks up; for tests and callers that hold a session. */
  public static int execute(SparkSession spark, String[] argv, PrintStream out, PrintStream err) {
    LookupArgs args;
    try {
      args = LookupArgs.parse(argv);
    } catch (LookupFailure e) {
      err.println("lookup: " + e.getMessage());
      err.println(LookupArgs.USAGE);
      return e.exitCode();
    }
    return execute(spark, args, out, err);
  }

  static int execute(SparkSession spark, LookupArgs args, PrintStream out, PrintStream err) {
    try {
      ObjectNode doc = lookup(spark, args, err);
      out.print(args.json() ? LookupReport.json(doc) : LookupReport.text(doc));
      out.flush();
      return 0;
    } catch (Company.Ambiguous a) {
      out.print(
          args.json()
              ? LookupReport.json(LookupReport.candidates(args.query(), a.candidates()))
              : LookupReport.candidatesText(a.candidates()));
      out.flush();
      err.println("lookup: " + a.getMessage());
      return a.exitCode();
    } catch (LookupFailure e) {
      err.println("lookup: " + JobFailure.oneLine(e.getMessage()));
      return e.exitCode();
    } catch (JobFailure e) {
      err.println(
          "lookup: run_date="
              + args.runDate()
              + " cannot be re-created: "
              + JobFailure.oneLine(e.getMessage()));
      return LookupFailure.NOT_FOUND;
    } catch (Exception | LinkageError e) {
      err.println("lookup: failed: " + JobFailure.oneLine(String.valueOf(e)));
      e.printStackTrace(err);
      return 1;
    }
  }

  /** The lookup's findings as one JSON document, which the text output is rendered from. */
  static ObjectNode lookup(SparkSession spark, LookupArgs args, PrintStream progress) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    LocalDate date = args.runDate();
    RunRecord record = RunRecord.read(hadoop, args.output(), date);
    String inputs = record.inputsDir(args.inputs(), hadoop);
    JobConfig config = record.config();
    progress.println(
        "[lookup] re-reading the inputs of run_date="
            + date
            + " from "
            + inputs
            + " with the run's configuration");
    progress.flush();
    ObjectNode doc = JSON.createObjectNode();
    doc.put("run_date", date.toString());
    doc.put("output", args.output());
    doc.put("manifest", record.manifestPath());
    doc.put("config_hash", record.configHash());
    doc.put("inputs", inputs);
    doc.put("query", args.query());
    ArrayNode warnings = JSON.createArrayNode();
    if (record.configHash() != null && !record.configHash().equals(ConfigLoader.hash(config))) {
      warnings.add(
          "the run's configuration reads differently in this engine (config_hash "
              + ConfigLoader.hash(config)
              + ", the run's "
              + record.configHash()
              + ")");
    }
    if (record.engineVersion() != null
        && !record.engineVersion().equals(Manifest.engineVersion())) {
      warnings.add(
          "the run used engine "
              + record.engineVersion()
              + ", this is "
              + Manifest.engineVersion()
              + ": scores are this engine's");
    }
    try (RunResources resources = new RunResources(spark)) {
      RunContext run =
          new RunContext(
              spark,
              config,
              date,
              new StageTimer(new PrintStream(OutputStream.nullOutputStream())),
              resources);
      ReadAndValidate.Validated in = ReadAndValidate.run(run, inputs);
      Manifest reread = new Manifest(date, "lookup", Instant.now());
      PoolStatistics stats = Resolve.run(run, in, reread);
      record.inputDifferences(reread.inputs()).forEach(d -> warnings.add("input changed: " + d));
      Company company =
          Company.find(
              in.enterprises(),
              ids -> Entities.read(spark, args.output(), date, ids),
              args.query());
      doc.put("matched_by", company.matchedBy());
      doc.set("company", companyNode(company));
      doc.set(
          "quarantined_rows",
          quarantinedNode(company.quarantined(), in.enterprises().duplicates()));
      doc.set("rules", rulesNode(config));
      if (!company.scored()) {
        doc.set("warnings", warnings);
        return doc;
      }
      Enterprise e = Company.asEnterprise(company.rows(), company.id());
      doc.set("enterprise", enterpriseNode(e));
      Set<String> memberIds = new TreeSet<>();
      company.members().forEach(m -> memberIds.add(m.enterpriseId()));
      // an outcome naming any of the company's ids is the company's
      Engagement engagement = in.reference().engagementOf(memberIds, company.id());
      doc.set("outcomes", outcomesNode(in, company, engagement, date));

      // an inactive firm (注销, 吊销) is scored for nobody: no zone to explain
      List<Lead> leads =
          e.inactive() ? List.of() : everyZone(stats, in, config, date, e, engagement);

      PublishedLists lists =
          PublishedLists.read(spark, args.output(), date, company.id(), memberIds);
      Map<String, String> zoneNames = new LinkedHashMap<>();
      in.reference().zoneInfos().forEach(z -> zoneNames.put(z.zoneId(), z.displayName()));
      doc.set("listed", listedNode(lists.companyRows()));
      Placement.Rules rules =
          new Placement.Rules(
              config.lists.minScore,
              config.lists.topN,
              config.allocation.maxZonesPerEnterprise,
              config.outcomes.cooldownDays,
              config.outcomes.deferredDays);
      doc.set(
          "zones",
          zonesNode(
              leads,
              explanations(in, config, date),
              zoneNames,
              company,
              e,
              engagement,
              lists,
              rules));
      checkAgainstPublished(lists.companyRows(), leads, warnings);
      doc.set("dropped", droppedNode(lists, record));
      doc.set("warnings", warnings);
      return doc;
    }
  }

  /**
   * The company's lead in every zone its codes meet, best first, as the run's scorer makes it: the
   * same scorer, pool statistics and engagement, with no list threshold (the threshold only decides
   * which of the leads the run offered to the allocation), and its owner zone's lead when a zone
   * works on it.
   */
  private static List<Lead> everyZone(
      PoolStatistics stats,
      ReadAndValidate.Validated in,
      JobConfig config,
      LocalDate date,
      Enterprise e,
      Engagement engagement) {
    JobConfig noThreshold = ConfigLoader.parse(ConfigLoader.toJson(config), "the run's config");
    noThreshold.lists.minScore = 0;
    Scorer scorer = stats.scorer(in.reference(), noThreshold, date);
    String owner =
        engagement != null && engagement.status() == Engagement.Status.ACTIVE
            ? engagement.owner()
            : null;
    Scorer.Scored scored = scorer.score(e, scorer.scratch(), owner);
    List<Lead> leads = new ArrayList<>(scored.eligible());
    if (scored.owned() != null && !leads.contains(scored.owned())) {
      leads.add(scored.owned());
    }
    leads.sort(Lead.BEST_ZONE_FIRST);
    return leads;
  }

  /**
   * Per zone scored: its points, the engine's sentence and reasons, and why it is listed or not.
   */
  private static ArrayNode zonesNode(
      List<Lead> leads,
      Explanations explain,
      Map<String, String> zoneNames,
      Company company,
      Enterprise e,
      Engagement engagement,
      PublishedLists lists,
      Placement.Rules rules) {
    ArrayNode zones = JSON.createArrayNode();
    for (Lead l : leads) {
      ObjectNode z = zones.addObject();
      z.put("zone_id", l.zoneId);
      z.put("zone_name", zoneNames.get(l.zoneId));
      z.put("score", l.score);
      z.set("score_components", JSON.valueToTree(components(l.components)));
      z.put("chain_role", l.chainRole.key());
      ArrayNode nodes = z.putArray("matched_nodes");
      for (NodeMatch n : l.nodes) {
        ObjectNode x = nodes.addObject();
        x.put("node_id", n.nodeId());
        x.put("name", n.nameZh());
        x.put("role", n.role().key());
      }
      z.set("matched_opportunity_ids", JSON.valueToTree(explain.matchedOpportunityIds(l)));
      z.set("reasons", JSON.valueToTree(explain.reasons(l)));
      z.put("explanation", explain.sentence(l));
      List<Placement.Finding> findings =
          Placement.of(l.zoneId, l.score, company.id(), e.groupId, engagement, lists, rules);
      z.put("verdict", findings.get(0).code().key());
      ArrayNode f = z.putArray("findings");
      for (Placement.Finding x : findings) {
        ObjectNode n = f.addObject();
        n.put("code", x.code().key());
        n.set("facts", JSON.valueToTree(x.facts()));
      }
    }
    return zones;
  }

  /** The sentence and reasons the run gives a lead, made the same way for every zone scored. */
  private static Explanations explanations(
      ReadAndValidate.Validated in, JobConfig config, LocalDate date) {
    Map<String, String> titles = new LinkedHashMap<>();
    for (OpenOpportunity o : in.reference().openOpportunities()) {
      titles.put(o.id(), o.title());
    }
    return new Explanations(
        date,
        config.scoring.cooperationRadiusKm,
        config.opportunities.perLead,
        titles,
        in.inputs().industryNames());
  }

  /**
   * The published rows are the run's; the scores recomputed here must equal them, or the inputs,
   * the configuration or the engine changed since, and the reader is told so.
   */
  private static void checkAgainstPublished(List<Row> published, List<Lead> leads, ArrayNode out) {
    for (Row r : published) {
      String zone = r.getAs(Cols.ZONE_ID);
      double score = r.<Double>getAs(Cols.SCORE);
      Lead l = leads.stream().filter(x -> x.zoneId.equals(zone)).findFirst().orElse(null);
      int c = r.fieldIndex(Cols.SCORE_COMPONENTS);
      Map<String, Double> points = r.isNullAt(c) ? Map.of() : Map.copyOf(r.getJavaMap(c));
      if (l == null) {
        out.add("listed in " + zone + " with " + score + ", but no longer scores there");
      } else if (l.score != score || !components(l.components).equals(points)) {
        out.add(
            "listed in "
                + zone
                + " with "
                + score
                + " "
                + points
                + ", scored now "
                + l.score
                + " "
                + components(l.components));
      }
    }
  }

  static Map<String, Double> components(double[] points) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Factor f : Factor.values()) {
      out.put(f.key(), points[f.ordinal()]);
    }
    return out;
  }

  private static ObjectNode companyNode(Company c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("company_id", c.id());
    n.put("entities_output", c.entitiesOutput());
    ArrayNode members = n.putArray("members");
    for (Entities.Member m : c.members()) {
      ObjectNode x = members.addObject();
      x.put("enterprise_id", m.enterpriseId());
      x.put("rule", m.rule());
    }
    return n;
  }

  /** The rows of the company's ids that the run rejected, with the rule each broke. */
  private static ArrayNode quarantinedNode(List<Row> rows, Duplicates duplicates) {
    ArrayNode out = JSON.createArrayNode();
    for (Row r : rows) {
      ObjectNode x = out.addObject();
      x.put("enterprise_id", Company.idOf(r));
      x.put("name", r.getString(Company.NAME));
      x.put("file", r.getString(Validation.FILE));
      x.put("line", r.getLong(Validation.LINE));
      List<String> rules = r.getList(Validation.RULES);
      x.set("rules", JSON.valueToTree(rules.isEmpty() ? List.of("duplicate_id") : rules));
      // a repeated id's losing row broke no rule of its own: the duplicates decided it
      x.put(
          "detail",
          rules.isEmpty() ? duplicates.detail(Company.idOf(r)) : r.getString(Validation.DETAIL));
    }
    return out;
  }

  private static ObjectNode rulesNode(JobConfig c) {
    ObjectNode n = JSON.createObjectNode();
    n.put("lists.min_score", c.lists.minScore);
    n.put("lists.top_n", c.lists.topN);
    n.put("allocation.max_zones_per_enterprise", c.allocation.maxZonesPerEnterprise);
    n.put("outcomes.cooldown_days", c.outcomes.cooldownDays);
    n.put("outcomes.active_days", c.outcomes.activeDays);
    n.put("outcomes.deferred_days", c.outcomes.deferredDays);
    return n;
  }

  private static ObjectNode enterpriseNode(Enterprise e) {
    ObjectNode n = JSON.createObjectNode();
    n.put("enterprise_id", e.id);
    n.put("name", e.name);
    n.put("country", e.country);
    n.put("city", e.city);
    n.set("industry_codes", JSON.valueToTree(e.industryCodes));
    n.set("tags", JSON.valueToTree(e.tags));
    n.set("signals", JSON.valueToTree(e.signals));
    n.put("group_id", e.groupId);
    n.put("updated_at", e.updatedAt == null ? null : e.updatedAt.toString());
    // version 3: a registry's status, and whom to call
    n.put("registration_status", e.registrationStatus);
    n.put("inactive", e.inactive());
    n.put("legal_representative", e.legalRepresentative);
    n.put("phone", e.phone);
    n.put("email", e.email);
    n.put("website", e.website);
    n.put("address", e.address);
    return n;
  }

  private static ObjectNode outcomesNode(
      ReadAndValidate.Validated in, Company company, Engagement g, LocalDate date) {
    ObjectNode n = JSON.createObjectNode();
    n.put("table", in.inputs().source(InputTable.OUTCOMES).isPresent());
    if (g == null) {
      n.putNull("engagement");
    } else {
      ObjectNode e = n.putObject("engagement");
      e.put("status", g.status().name().toLowerCase(java.util.Locale.ROOT));
      e.put("owner_zone_id", g.owner());
      e.put("stage", g.stage().key());
      e.put("since", g.since().toString());
    }
    Set<String> ids = new TreeSet<>();
    company.members().forEach(m -> ids.add(m.enterpriseId()));
    ArrayNode rows = n.putArray("rows");
    for (Engagement.Outcome o : in.reference().outcomes()) {
      if (ids.contains(o.enterpriseId()) && o.stage() != null && !o.date().isAfter(date)) {
        ObjectNode x = rows.addObject();
        x.put("enterprise_id", o.enterpriseId());
        x.put("zone_id", o.zoneId());
        x.put("stage", o.stage().key());
        x.put("date", o.date().toString());
      }
    }
    return n;
  }

  private static ArrayNode listedNode(List<Row> rows) {
    ArrayNode out = JSON.createArrayNode();
    for (Row r : rows) {
      ObjectNode x = out.addObject();
      x.put("zone_id", r.<String>getAs(Cols.ZONE_ID));
      x.put("zone_name", r.<String>getAs("zone_name"));
      x.put("rank", r.<Integer>getAs(Cols.RANK));
      x.put("enterprise_id", r.<String>getAs(Cols.ENTERPRISE_ID));
      x.put("score", r.<Double>getAs(Cols.SCORE));
      x.put("tier", r.<String>getAs(Cols.TIER));
      x.put("chain_role", r.<String>getAs(Cols.CHAIN_ROLE));
      x.set("score_components", JSON.valueToTree(inFactorOrder(r)));
      x.put("explanation", r.<String>getAs(Cols.EXPLANATION));
      x.set("reasons", JSON.valueToTree(list(r, Cols.REASONS)));
      x.set("competing_zones", JSON.valueToTree(list(r, Cols.COMPETING_ZONES)));
      x.put("movement", r.<String>getAs(Cols.MOVEMENT));
      Integer previous = r.getAs(Cols.PREVIOUS_RANK);
      x.put("previous_rank", previous);
      x.put("engagement_stage", r.<String>getAs(Cols.ENGAGEMENT_STAGE));
      Object since = r.getAs(Cols.ENGAGEMENT_SINCE);
      x.put("engagement_since", since == null ? null : since.toString());
      x.set("member_enterprise_ids", JSON.valueToTree(list(r, Cols.MEMBER_ENTERPRISE_IDS)));
    }
    return out;
  }

  private static ObjectNode droppedNode(PublishedLists lists, RunRecord record) {
    ObjectNode n = JSON.createObjectNode();
    n.put("partition", lists.dropped().isPresent());
    n.put("previous_run", record.previousRun().orElse(null));
    ArrayNode rows = n.putArray("rows");
    for (Row r : lists.dropped().orElse(List.of())) {
      ObjectNode x = rows.addObject();
      x.put("zone_id", r.<String>getAs(Cols.ZONE_ID));
      x.put("enterprise_id", r.<String>getAs(Cols.ENTERPRISE_ID));
      x.put("previous_rank", r.<Integer>getAs(Cols.PREVIOUS_RANK));
      x.put("reason", r.<String>getAs(Cols.REASON));
      x.put("now_zone_id", r.<String>getAs(Cols.NOW_ZONE_ID));
      // the id its company is listed under now (contract version 3; absent in older runs)
      x.put(
          "company_id",
          List.of(r.schema().fieldNames()).contains(Cols.COMPANY_ID)
              ? r.<String>getAs(Cols.COMPANY_ID)
              : null);
    }
    return n;
  }

  /** A target row's score components in the factors' order (a Parquet map keeps none). */
  private static Map<String, Double> inFactorOrder(Row r) {
    int i = r.fieldIndex(Cols.SCORE_COMPONENTS);
    Map<String, Double> published = r.isNullAt(i) ? Map.of() : r.getJavaMap(i);
    Map<String, Double> out = new LinkedHashMap<>();
    for (Factor f : Factor.values()) {
      if (published.containsKey(f.key())) {
        out.put(f.key(), published.get(f.key()));
      }
    }
    published.forEach(out::putIfAbsent);
    return out;
  }

  private static List<String> list(Row r, String column) {
    int i = r.fieldIndex(column);
    return r.isNullAt(i) ? List.of() : r.getList(i);
  }
}
