package org.oppmatch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.oppmatch.sample.TruthRow;
import org.oppmatch.score.Factor;

/**
 * The evaluation report, as Markdown for people and JSON for tools: precision per zone, recall,
 * wrong-zone share, the node check, and the diagnosis of every miss.
 */
public final class QualityReport {
  /** The goals of issue 3, on the default configuration. */
  public static final double GOAL_PRECISION_AT_20 = 0.9;

  public static final double GOAL_GAP_FILLER_RECALL = 0.95;

  static final int[] KS = {10, 20};

  static final String DEFINITIONS =
      "A lead is *relevant* in a zone when the truth rule (org.oppmatch.sample.PlantedTruth: its"
          + " primary code is on a node missing in this zone and in no other) places it there:"
          + " the planted enterprises of the zone, and the noise firms that the same rule places"
          + " there (noise-gap-fillers.csv; the generator's noise holds such firms, as a real pool"
          + " does, and they are as right for the zone as the planted ones). precision@k ="
          + " relevant leads among the zone's first k / min(k, relevant firms of the zone), so a"
          + " zone with fewer such firms than k can still reach 1; it is measured for the zones"
          + " with planted firms only, and the headline is the mean over those zones. The"
          + " planted-only precision@20 counts the planted firms alone as relevant (a correct"
          + " noise gap-filler above a planted one lowers it), over min(20, planted in the zone)."
          + " Recall = share of planted firms listed in their truth zone; contested = another"
          + " zone has the code on a weak node with a more urgent priority. Wrong zone = share"
          + " listed in some other zone. The node and role checks count the planted firms"
          + " listed in their truth zone.\n";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final QualityMetrics metrics;
  private final Map<String, List<Lead>> allPairs;
  private final Context context;

  /**
   * What the report says about the run besides the metrics.
   *
   * @param runDate the job's run date
   * @param enterpriseRows data rows of the enterprises input (noise, bad rows and planted)
   * @param config the job's effective configuration from its manifest (may be null)
   * @param configHash the manifest's config_hash (may be null)
   */
  public record Context(String runDate, int enterpriseRows, JsonNode config, String configHash) {}

  /**
   * @param allPairs per planted enterprise, its pairs of the diagnostic run (every zone it scored
   *     in, no threshold, no allocation); empty when that run was skipped
   */
  public QualityReport(QualityMetrics metrics, Map<String, List<Lead>> allPairs, Context context) {
    this.metrics = metrics;
    this.allPairs = allPairs;
    this.context = context;
  }

  public boolean goalsMet() {
    return metrics.meanLenientPrecisionAtK(20) >= GOAL_PRECISION_AT_20
        && metrics.recall() >= GOAL_GAP_FILLER_RECALL;
  }

  // ---- Markdown -------------------------------------------------------------------------

  /** The zone table and the summary table (what docs/quality.md shows). */
  public String summaryMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append(
        "| zone | planted | leads listed | planted listed here | precision@10 | precision@20 |"
            + " planted-only precision@20 |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (String z : metrics.truthZones()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %s | %s | %s |%n",
              z,
              metrics.plantedIn(z),
              metrics.listOf(z).size(),
              metrics.listOf(z).stream().filter(metrics::isRelevant).count(),
              f2(metrics.lenientPrecisionAtK(z, 10)),
              f2(metrics.lenientPrecisionAtK(z, 20)),
              f2(metrics.precisionAtK(z, 20))));
    }
    md.append(
        String.format(
            Locale.ROOT,
            "| **mean of %d zones** | %d | | | **%s** | **%s** | %s |%n%n",
            metrics.truthZones().size(),
            metrics.planted().size(),
            f2(metrics.meanLenientPrecisionAtK(10)),
            f2(metrics.meanLenientPrecisionAtK(20)),
            f2(metrics.meanPrecisionAtK(20))));
    md.append("| measure | value | goal |\n|---|---:|---:|\n");
    md.append(
        row("precision@20, mean of zones", f2(metrics.meanLenientPrecisionAtK(20)), ">= 0.90"));
    md.append(row("precision@20, worst zone", worst(20), ""));
    md.append(
        row("planted-only precision@20, mean of zones", f2(metrics.meanPrecisionAtK(20)), ""));
    md.append(
        row(
            "gap-filler recall (listed in their truth zone)",
            share(metrics.recall(), metrics.planted()),
            ">= 0.95"));
    md.append(
        row(
            "recall, uncontested / contested truth",
            share(metrics.recall(t -> !t.contested()), metrics.planted(t -> !t.contested()))
                + " / "
                + share(metrics.recall(TruthRow::contested), metrics.planted(TruthRow::contested)),
            ""));
    md.append(
        row(
            "planted firms listed in a wrong zone",
            share(metrics.wrongZoneShare(), metrics.planted()),
            ""));
    md.append(
        row("planted firms in no list", share(metrics.unpublishedShare(), metrics.planted()), ""));
    md.append(
        row(
            "matched_node_ids holds the truth node (of those in their truth zone)",
            f2(metrics.nodeHitShare()),
            ""));
    md.append(
        row(
            "chain_role is fill_gap (of those in their truth zone)",
            f2(metrics.chainRoleShare()),
            ""));
    return md.toString();
  }

  /** The whole report: header, summary, definitions, causes, misses and intruders. */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Planted-truth evaluation, run date ").append(context.runDate()).append("\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "%d enterprise rows: %d planted gap-fillers in %d zones, the rest the generator's"
                + " noise. Weights: %s%s.%n%n",
            context.enterpriseRows(),
            metrics.planted().size(),
            metrics.truthZones().size(),
            weights(),
            context.configHash() == null ? "" : " (config " + context.configHash() + ")"));
    md.append(summaryMarkdown()).append('\n');
    md.append(
        "Goals (issue 3): precision@20 >= 0.90 and gap-filler recall >= 0.95: **"
            + (goalsMet() ? "met" : "not met")
            + "**.\n\n");
    md.append(DEFINITIONS).append('\n');
    appendCauses(md);
    appendMisses(md);
    appendIntruders(md);
    return md.toString();
  }

  /** Per factor, how the listed (wrong) zone's points compare with the truth zone's. */
  private void appendCauses(StringBuilder md) {
    List<Cause> causes = causes();
    md.append("## Why planted firms went to a wrong zone (")
        .append(causes.size())
        .append(" with a diagnostic pair in their truth zone)\n\n");
    if (causes.isEmpty()) {
      return;
    }
    md.append(
        "Points of the zone that listed the firm minus points in its truth zone, per factor."
            + " \"Decides\" counts the misses that this factor's difference alone turns: without"
            + " it, the truth zone would have scored higher.\n\n");
    md.append("| factor | favours the wrong zone | favours the truth zone | mean difference |");
    md.append(" decides |\n|---|---:|---:|---:|---:|\n");
    for (String f : orderedKeys(causes.get(0).delta())) {
      long pro = causes.stream().filter(c -> c.delta().getOrDefault(f, 0.0) > 0.005).count();
      long contra = causes.stream().filter(c -> c.delta().getOrDefault(f, 0.0) < -0.005).count();
      double mean =
          causes.stream().mapToDouble(c -> c.delta().getOrDefault(f, 0.0)).average().orElse(0);
      long decides =
          causes.stream().filter(c -> c.gap() - c.delta().getOrDefault(f, 0.0) < 0).count();
      md.append(
          String.format(
              Locale.ROOT, "| %s | %d | %d | %+.2f | %d |%n", f, pro, contra, mean, decides));
    }
    md.append('\n');
  }

  private void appendMisses(StringBuilder md) {
    List<TruthRow> misses = metrics.misses();
    md.append("## Misses: planted firms not listed in their truth zone (")
        .append(misses.size())
        .append(")\n\n");
    if (misses.isEmpty()) {
      return;
    }
    md.append(
        "The truth-zone score and components come from the diagnostic run (no threshold, every"
            + " zone a firm scores in). Components: "
            + componentLegend()
            + ".\n\n");
    md.append(
        "| enterprise | truth zone / node (priority elsewhere) | listed in (rank, score, role) |"
            + " score in truth zone (role) | components where listed | components in truth"
            + " zone |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (TruthRow t : misses) {
      List<Lead> elsewhere = metrics.elsewhere(t);
      Lead truthPair = diagnosticPair(t.enterpriseId(), t.zoneId());
      Lead shown = elsewhere.isEmpty() ? bestDiagnosticPair(t) : elsewhere.get(0);
      List<String> listed = new ArrayList<>();
      for (Lead l : elsewhere) {
        listed.add(
            String.format(
                Locale.ROOT, "%s (#%d, %.2f, %s)", l.zoneId(), l.rank(), l.score(), l.chainRole()));
      }
      String truthScore =
          truthPair == null
              ? (allPairs.isEmpty() ? "not measured" : "no pair: no code match")
              : String.format(Locale.ROOT, "%.2f (%s)", truthPair.score(), truthPair.chainRole());
      md.append(
          String.format(
              "| %s | %s / %s (%s) | %s | %s | %s | %s |%n",
              t.enterpriseId(),
              t.zoneId(),
              t.nodeId(),
              t.otherZones().isEmpty() ? "-" : String.join(" ", t.otherZones()),
              listed.isEmpty() ? "none" : String.join("; ", listed),
              truthScore,
              shown == null
                  ? ""
                  : (elsewhere.isEmpty() ? "best: " + shown.zoneId() + " " : "")
                      + components(shown),
              truthPair == null ? "" : components(truthPair)));
    }
    md.append('\n');
  }

  private void appendIntruders(StringBuilder md) {
    List<String> zones =
        metrics.truthZones().stream()
            .filter(z -> metrics.lenientPrecisionAtK(z, 20) < GOAL_PRECISION_AT_20)
            .toList();
    md.append(
            "## Intruders: leads the truth rule does not place in the zone, in the top 20 of"
                + " zones below ")
        .append(f2(GOAL_PRECISION_AT_20))
        .append(" (")
        .append(zones.size())
        .append(" zones)\n\n");
    if (zones.isEmpty()) {
      return;
    }
    md.append(
        "\"what\": planted for another zone, or noise that fills no gap of this zone alone."
            + " Components: "
            + componentLegend()
            + ".\n\n");
    md.append(
        "| zone | rank | enterprise | what | score | chain_role | matched nodes | components |"
            + " reasons |\n");
    md.append("|---|---:|---|---|---:|---|---|---|---|\n");
    for (String z : zones) {
      for (Lead l :
          metrics.intruders(z, 20).stream().filter(l -> !metrics.isNoiseGapFiller(l)).toList()) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s | %.2f | %s | %s | %s | %s |%n",
                z,
                l.rank(),
                l.enterpriseId(),
                what(l),
                l.score(),
                l.chainRole(),
                String.join(" ", l.matchedNodeIds()),
                components(l),
                String.join(" ", l.reasons())));
      }
    }
    md.append('\n');
  }

  private String what(Lead l) {
    return metrics
        .truthOf(l.enterpriseId())
        .map(t -> "planted for " + t.zoneId())
        .orElse(metrics.isNoiseGapFiller(l) ? "noise gap-filler" : "noise");
  }

  // ---- JSON -----------------------------------------------------------------------------

  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("run_date", context.runDate());
    root.put("enterprise_rows", context.enterpriseRows());
    root.put("planted", metrics.planted().size());
    root.put("config_hash", context.configHash());
    root.set("config", context.config());
    root.put("definitions", DEFINITIONS.trim());
    ArrayNode zones = root.putArray("zones");
    for (String z : metrics.truthZones()) {
      ObjectNode n = zones.addObject();
      n.put("zone_id", z);
      n.put("planted", metrics.plantedIn(z));
      n.put("listed", metrics.listOf(z).size());
      n.put("planted_listed", metrics.listOf(z).stream().filter(metrics::isRelevant).count());
      for (int k : KS) {
        number(n, "precision_at_" + k, metrics.precisionAtK(z, k));
      }
      number(n, "lenient_precision_at_20", metrics.lenientPrecisionAtK(z, 20));
    }
    ObjectNode s = root.putObject("summary");
    for (int k : KS) {
      number(s, "mean_precision_at_" + k, metrics.meanPrecisionAtK(k));
      number(s, "min_precision_at_" + k, metrics.minPrecisionAtK(k));
    }
    number(s, "mean_lenient_precision_at_20", metrics.meanLenientPrecisionAtK(20));
    number(s, "gap_filler_recall", metrics.recall());
    number(s, "recall_uncontested", metrics.recall(t -> !t.contested()));
    number(s, "recall_contested", metrics.recall(TruthRow::contested));
    number(s, "wrong_zone_share", metrics.wrongZoneShare());
    number(s, "unpublished_share", metrics.unpublishedShare());
    number(s, "node_hit_share", metrics.nodeHitShare());
    number(s, "chain_role_share", metrics.chainRoleShare());
    ObjectNode goals = root.putObject("goals");
    goals.put("precision_at_20", GOAL_PRECISION_AT_20);
    goals.put("gap_filler_recall", GOAL_GAP_FILLER_RECALL);
    goals.put("met", goalsMet());
    ObjectNode causeNode = root.putObject("wrong_zone_causes");
    List<Cause> causes = causes();
    causeNode.put("misses_with_truth_pair", causes.size());
    if (!causes.isEmpty()) {
      for (String f : orderedKeys(causes.get(0).delta())) {
        ObjectNode c = causeNode.putObject(f);
        c.put(
            "mean_difference",
            Math.round(
                    causes.stream()
                            .mapToDouble(x -> x.delta().getOrDefault(f, 0.0))
                            .average()
                            .orElse(0)
                        * 100)
                / 100.0);
        c.put(
            "decides",
            causes.stream().filter(x -> x.gap() - x.delta().getOrDefault(f, 0.0) < 0).count());
      }
    }
    ArrayNode misses = root.putArray("misses");
    for (TruthRow t : metrics.misses()) {
      ObjectNode m = misses.addObject();
      m.put("enterprise_id", t.enterpriseId());
      m.put("truth_zone", t.zoneId());
      m.put("truth_node", t.nodeId());
      m.put("primary_code", t.primaryCode());
      m.put("contested", t.contested());
      m.put("outcome", metrics.elsewhere(t).isEmpty() ? "unpublished" : "wrong_zone");
      ArrayNode listed = m.putArray("listed_in");
      metrics.elsewhere(t).forEach(l -> listed.add(leadJson(l)));
      ArrayNode pairs = m.putArray("diagnostic_pairs");
      allPairs.getOrDefault(t.enterpriseId(), List.of()).forEach(l -> pairs.add(leadJson(l)));
    }
    // every lead of the top 20 not planted for its zone, noise gap-fillers included (marked)
    ArrayNode intruders = root.putArray("intruders_top_20");
    for (String z : metrics.truthZones()) {
      for (Lead l : metrics.intruders(z, 20)) {
        intruders.add(leadJson(l).put("what", what(l)));
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode leadJson(Lead l) {
    ObjectNode n = JSON.createObjectNode();
    n.put("zone_id", l.zoneId());
    n.put("rank", l.rank());
    n.put("enterprise_id", l.enterpriseId());
    n.put("score", l.score());
    n.put("chain_role", l.chainRole());
    ArrayNode nodes = n.putArray("matched_node_ids");
    l.matchedNodeIds().forEach(nodes::add);
    ObjectNode c = n.putObject("score_components");
    orderedKeys(l.components()).forEach(k -> c.put(k, l.components().get(k)));
    ArrayNode competing = n.putArray("competing_zones");
    l.competingZones().forEach(competing::add);
    ArrayNode reasons = n.putArray("reasons");
    l.reasons().forEach(reasons::add);
    return n;
  }

  // ---- helpers --------------------------------------------------------------------------

  /**
   * A wrong-zone miss against its truth-zone pair: per factor, listed minus truth points, and the
   * score gap (listed minus truth).
   */
  record Cause(Map<String, Double> delta, double gap) {}

  List<Cause> causes() {
    List<Cause> out = new ArrayList<>();
    for (TruthRow t : metrics.misses()) {
      List<Lead> elsewhere = metrics.elsewhere(t);
      Lead truthPair = diagnosticPair(t.enterpriseId(), t.zoneId());
      if (elsewhere.isEmpty() || truthPair == null) {
        continue;
      }
      Lead listed = elsewhere.get(0);
      Map<String, Double> delta = new LinkedHashMap<>();
      for (String f : orderedKeys(listed.components())) {
        delta.put(f, listed.components().get(f) - truthPair.components().getOrDefault(f, 0.0));
      }
      out.add(new Cause(delta, listed.score() - truthPair.score()));
    }
    return out;
  }

  private Lead diagnosticPair(String enterpriseId, String zoneId) {
    return allPairs.getOrDefault(enterpriseId, List.of()).stream()
        .filter(l -> l.zoneId().equals(zoneId))
        .findFirst()
        .orElse(null);
  }

  private Lead bestDiagnosticPair(TruthRow t) {
    return allPairs.getOrDefault(t.enterpriseId(), List.of()).stream()
        .filter(l -> !l.zoneId().equals(t.zoneId()))
        .max(Comparator.comparingDouble(Lead::score))
        .orElse(null);
  }

  private String worst(int k) {
    return metrics.truthZones().stream()
        .min(Comparator.comparingDouble((String z) -> metrics.lenientPrecisionAtK(z, k)))
        .map(z -> f2(metrics.lenientPrecisionAtK(z, k)) + " (" + z + ")")
        .orElse("n/a");
  }

  private String weights() {
    JsonNode w = context.config() == null ? null : context.config().get("weights");
    if (w == null) {
      return "as configured";
    }
    List<String> parts = new ArrayList<>();
    w.fields().forEachRemaining(e -> parts.add(e.getKey() + " " + trim(e.getValue().asDouble())));
    return String.join(", ", parts);
  }

  /** Factor keys in the engine's order, then any others sorted. */
  static List<String> orderedKeys(Map<String, Double> components) {
    List<String> keys = new ArrayList<>();
    for (String k : Factor.keys()) {
      if (components.containsKey(k)) {
        keys.add(k);
      }
    }
    new TreeSet<>(components.keySet()).stream().filter(k -> !keys.contains(k)).forEach(keys::add);
    return keys;
  }

  /** Compact components, e.g. {@code ind 25.00 chain 21.00 opp 7.50}. */
  static String components(Lead l) {
    List<String> parts = new ArrayList<>();
    for (String k : orderedKeys(l.components())) {
      parts.add(String.format(Locale.ROOT, "%s %.2f", abbreviation(k), l.components().get(k)));
    }
    return String.join(" ", parts);
  }

  private static String abbreviation(String key) {
    return switch (key) {
      case "industry_fit" -> "ind";
      case "chain_role" -> "chain";
      case "opportunity_fit" -> "opp";
      case "strength" -> "str";
      case "momentum" -> "mom";
      case "geography" -> "geo";
      default -> key;
    };
  }

  private static String componentLegend() {
    return "ind = industry_fit, chain = chain_role, opp = opportunity_fit, str = strength,"
        + " mom = momentum, geo = geography (points)";
  }

  private static String row(String measure, String value, String goal) {
    return "| " + measure + " | " + value + " | " + goal + " |\n";
  }

  private static String share(double share, List<TruthRow> of) {
    return String.format(
        Locale.ROOT,
        "%s (%d of %d)",
        f2(share),
        Double.isNaN(share) ? 0 : Math.round(share * of.size()),
        of.size());
  }

  static String f2(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  private static void number(ObjectNode n, String key, double v) {
    if (Double.isNaN(v)) {
      n.putNull(key);
    } else {
      n.put(key, Math.round(v * 10000) / 10000.0);
    }
  }
}
