package org.oppmatch.eval;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.oppmatch.sample.EntityTruthRow;
import org.oppmatch.sample.NoiseGapFiller;
import org.oppmatch.sample.PlantedTruth;
import org.oppmatch.sample.TruthRow;
import org.oppmatch.schema.Cols;

/**
 * Measures a run of the nightly job against the planted truth of the generator's planted-truth
 * mode, and writes report.md and report.json (jobs/evaluate runs it).
 *
 * <p>Usage: {@code Evaluate --output DIR --run-date YYYY-MM-DD --truth FILE --report DIR
 * [--noise-gap-fillers FILE] [--diagnostic DIR] [--entity-truth FILE [--enterprises FILE]]}, where
 * {@code --diagnostic} is the output of a second run with {@link #writeDiagnosticConfig the
 * diagnostic configuration}, and {@code --entity-truth} the planted duplicates' truth, measured
 * against the run's entities output ({@link EntityMetrics}; {@code --enterprises}, the input, names
 * the rows of the mistakes); or {@code Evaluate --write-diagnostic-config FILE [--config FILE]}.
 */
public final class Evaluate {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The diagnostic run keeps every pair: no list threshold, no top-N cut, up to 100 zones each. */
  static final int DIAGNOSTIC_TOP_N = 1_000_000;

  static final int DIAGNOSTIC_MAX_ZONES = 100;

  /** The entities output's company id and rule columns (job-contract.md, version 2). */
  static final String ENTITY_COMPANY_ID = "company_id";

  static final String ENTITY_RULE = "rule";

  private Evaluate() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(args);
    } catch (IllegalArgumentException e) {
      System.err.println("evaluate: " + e.getMessage());
      System.err.println(
          "usage: Evaluate --output DIR --run-date YYYY-MM-DD --truth FILE --report DIR"
              + " [--noise-gap-fillers FILE] [--diagnostic DIR]"
              + " [--entity-truth FILE [--enterprises FILE]]"
              + " | --write-diagnostic-config FILE [--config FILE]");
      code = 2;
    } catch (IOException | RuntimeException e) {
      System.err.println("evaluate: " + e);
      code = 1;
    }
    System.exit(code);
  }

  static int run(String[] args) throws IOException {
    Map<String, String> a = parse(args);
    if (a.containsKey("--write-diagnostic-config")) {
      writeDiagnosticConfig(
          a.containsKey("--config") ? Path.of(a.get("--config")) : null,
          Path.of(a.get("--write-diagnostic-config")));
      return 0;
    }
    for (String required : List.of("--output", "--run-date", "--truth", "--report")) {
      if (!a.containsKey(required)) {
        throw new IllegalArgumentException("missing " + required);
      }
    }
    LocalDate runDate = LocalDate.parse(a.get("--run-date"));
    List<TruthRow> truth = PlantedTruth.read(Path.of(a.get("--truth")));
    List<NoiseGapFiller> noise =
        a.containsKey("--noise-gap-fillers")
            ? PlantedTruth.readNoise(Path.of(a.get("--noise-gap-fillers")))
            : List.of();
    JsonNode manifest = succeededManifest(a.get("--output"), runDate);
    String diagnostic = a.get("--diagnostic");
    if (diagnostic != null) {
      succeededManifest(diagnostic, runDate);
    }
    List<EntityTruthRow> entityTruth =
        a.containsKey("--entity-truth")
            ? EntityTruthRow.read(Path.of(a.get("--entity-truth")))
            : null;
    EntityReport entities = null;
    List<Lead> leads;
    Map<String, List<Lead>> pairs = new LinkedHashMap<>();
    SparkSession spark = SparkSession.builder().appName("oppmatch-evaluate").getOrCreate();
    try {
      leads = readLeads(spark, a.get("--output"), runDate, null);
      if (diagnostic != null) {
        List<String> ids = truth.stream().map(TruthRow::enterpriseId).toList();
        for (Lead l : readLeads(spark, diagnostic, runDate, ids)) {
          pairs.computeIfAbsent(l.enterpriseId(), e -> new ArrayList<>()).add(l);
        }
        pairs.values().forEach(l -> l.sort(Comparator.comparingDouble(Lead::score).reversed()));
      }
      if (entityTruth != null) {
        entities =
            entityReport(
                spark,
                a.get("--output"),
                runDate,
                entityTruth,
                a.containsKey("--enterprises") ? Path.of(a.get("--enterprises")) : null);
      }
    } finally {
      spark.stop();
    }
    QualityReport report =
        new QualityReport(
            new QualityMetrics(leads, truth, noise),
            pairs,
            new QualityReport.Context(
                runDate.toString(),
                manifest.path("inputs").path("enterprises").path("rows_read").asInt(),
                manifest.get("config"),
                manifest.path("config_hash").asText(null)));
    Path dir = Path.of(a.get("--report"));
    Files.createDirectories(dir);
    String markdown = report.markdown();
    String json = report.json();
    if (entities != null) {
      markdown += "\n" + entities.markdown();
      ObjectNode root = (ObjectNode) JSON.readTree(json);
      root.set("entity_resolution", entities.json());
      json = JSON.writeValueAsString(root) + "\n";
    }
    Files.writeString(dir.resolve("report.md"), markdown, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("report.json"), json, StandardCharsets.UTF_8);
    System.out.println(report.summaryMarkdown());
    if (entities != null) {
      System.out.println(entities.summaryMarkdown());
    }
    System.out.println(
        "goals (precision@20 >= 0.90, gap-filler recall >= 0.95): "
            + (report.goalsMet() ? "met" : "not met")
            + "; misses and intruders in "
            + dir.resolve("report.md"));
    return 0;
  }

  /**
   * The targets of one run date. The targets are bounded (at most lists.top_n leads per zone, or
   * for the diagnostic run the pairs of the planted enterprises only, filtered before the collect),
   * so collecting them to the driver is fine.
   */
  static List<Lead> readLeads(
      SparkSession spark, String outputRoot, LocalDate runDate, List<String> onlyEnterprises) {
    Dataset<Row> targets =
        spark
            .read()
            .parquet(
                new org.apache.hadoop.fs.Path(outputRoot, "targets/run_date=" + runDate).toString())
            .select(
                col(Cols.ZONE_ID),
                col(Cols.RANK),
                col(Cols.ENTERPRISE_ID),
                col(Cols.SCORE),
                col(Cols.CHAIN_ROLE),
                col(Cols.MATCHED_NODE_IDS),
                col(Cols.SCORE_COMPONENTS),
                col(Cols.COMPETING_ZONES),
                col(Cols.REASONS));
    if (onlyEnterprises != null) {
      targets = targets.filter(col(Cols.ENTERPRISE_ID).isin(onlyEnterprises.toArray()));
    }
    List<Lead> out = new ArrayList<>();
    for (Row r : targets.collectAsList()) {
      out.add(
          new Lead(
              r.getString(0),
              ((Number) r.get(1)).intValue(),
              r.getString(2),
              ((Number) r.get(3)).doubleValue(),
              r.isNullAt(4) ? "none" : r.getString(4),
              r.isNullAt(5) ? List.of() : r.getList(5),
              r.isNullAt(6) ? Map.of() : components(r.getJavaMap(6)),
              r.isNullAt(7) ? List.of() : r.getList(7),
              r.isNullAt(8) ? List.of() : r.getList(8)));
    }
    return out;
  }

  /**
   * The entity-resolution section: measured when the run wrote {@code entities/run_date=D/}, else
   * the reason it was not (an engine without entity resolution writes none; the rest of the
   * evaluation stands).
   */
  static EntityReport entityReport(
      SparkSession spark,
      String outputRoot,
      LocalDate runDate,
      List<EntityTruthRow> truth,
      Path enterprises)
      throws IOException {
    Path dir = Path.of(outputRoot, "entities", "run_date=" + runDate);
    if (!Files.isDirectory(dir)) {
      return EntityReport.notMeasured(
          truth,
          "the run wrote no "
              + dir
              + " (an engine without entity resolution); the planted duplicates were scored as"
              + " separate firms.");
    }
    Dataset<Row> entities = spark.read().parquet(dir.toString());
    List<String> columns = List.of(entities.columns());
    for (String c : List.of(Cols.ENTERPRISE_ID, ENTITY_COMPANY_ID, ENTITY_RULE)) {
      if (!columns.contains(c)) {
        return EntityReport.notMeasured(
            truth, dir + " has no column " + c + " (columns: " + String.join(", ", columns) + ")");
      }
    }
    Map<String, EntityMetrics.Assignment> assignments = readEntities(entities);
    return EntityReport.measured(
        truth,
        new EntityMetrics(truth, assignments),
        enterprises == null ? Map.of() : EntityReport.readFacts(enterprises));
  }

  /**
   * Each row's company and rule. One row per accepted enterprise row, so a few thousand here:
   * collecting them to the driver is fine.
   */
  static Map<String, EntityMetrics.Assignment> readEntities(Dataset<Row> entities) {
    Map<String, EntityMetrics.Assignment> out = new LinkedHashMap<>();
    for (Row r :
        entities
            .select(col(Cols.ENTERPRISE_ID), col(ENTITY_COMPANY_ID), col(ENTITY_RULE))
            .collectAsList()) {
      EntityMetrics.Assignment a =
          new EntityMetrics.Assignment(r.getString(1), r.isNullAt(2) ? null : r.getString(2));
      if (out.put(r.getString(0), a) != null) {
        throw new IllegalArgumentException(
            "the entities output lists " + r.getString(0) + " more than once");
      }
    }
    return out;
  }

  private static Map<String, Double> components(Map<Object, Object> raw) {
    Map<String, Double> out = new LinkedHashMap<>();
    raw.forEach((k, v) -> out.put(k.toString(), v == null ? 0.0 : ((Number) v).doubleValue()));
    return out;
  }

  /**
   * The run's manifest; a run that did not succeed is not measured (docs/operations.md: the
   * manifest is the completion marker).
   */
  static JsonNode succeededManifest(String outputRoot, LocalDate runDate) throws IOException {
    Path manifest = Path.of(outputRoot, "manifests", "run_date=" + runDate + ".json");
    if (!Files.exists(manifest)) {
      throw new IllegalArgumentException("no manifest " + manifest + ": the run did not publish");
    }
    JsonNode m = JSON.readTree(manifest.toFile());
    if (!"succeeded".equals(m.path("status").asText())) {
      throw new IllegalArgumentException(manifest + ": status is " + m.path("status"));
    }
    return m;
  }

  /**
   * The diagnostic configuration: the given one (or the defaults) with no score threshold, no top-N
   * cut and up to 100 zones per enterprise, so the targets hold each enterprise's score in every
   * zone it matches. Weights and scoring parameters stay as given.
   */
  static void writeDiagnosticConfig(Path config, Path out) throws IOException {
    ObjectNode root =
        config == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(config.toFile());
    section(root, "lists").put("top_n", DIAGNOSTIC_TOP_N).put("min_score", 0);
    section(root, "allocation").put("max_zones_per_enterprise", DIAGNOSTIC_MAX_ZONES);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
  }

  private static ObjectNode section(ObjectNode root, String name) {
    return root.get(name) instanceof ObjectNode o ? o : root.putObject(name);
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> known =
        List.of(
            "--output",
            "--run-date",
            "--truth",
            "--report",
            "--diagnostic",
            "--noise-gap-fillers",
            "--write-diagnostic-config",
            "--config",
            "--entity-truth",
            "--enterprises");
    for (int i = 0; i < args.length; i++) {
      if (!known.contains(args[i])) {
        throw new IllegalArgumentException("unknown argument " + args[i]);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + args[i]);
      }
      out.put(args[i], args[++i]);
    }
    return out;
  }
}
