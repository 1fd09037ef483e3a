package org.oppmatch.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oppmatch.sample.Csv;
import org.oppmatch.sample.DuplicateKind;
import org.oppmatch.sample.EntityTruthRow;

/**
 * The entity-resolution section of the evaluation report (Markdown and JSON): pair precision and
 * recall against the planted duplicates, companies of several rows, merges per rule, the planted
 * kinds and the first mistakes with their names. When the run wrote no entities output, the section
 * says so instead.
 */
public final class EntityReport {
  /** Mistakes listed in report.md and report.json. */
  static final int MISTAKES = 20;

  static final String DEFINITIONS =
      "A pair is two enterprise ids in one company: the true pairs come from entity_truth.csv's"
          + " true_company, the merged pairs from the entities output's company_id. Pair"
          + " precision = correct merged pairs / merged pairs; pair recall = correct merged pairs"
          + " / true pairs; F1 = their harmonic mean. Measured are all rows of the input but the"
          + " planted bad rows (quarantined, in no company); a measured row missing from the"
          + " entities output counts as a company of its own. A planted row is right when it is"
          + " in its original's company for a kind that is one company with it, and outside it"
          + " for a look-alike. The planted rows are copies of noise firms outside every chain and"
          + " lead industry, so they count as noise for the precision above.\n";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the input says about a row, for naming it in a mistake. */
  public record Facts(String name, String city, String primaryCode, boolean hasUscc) {}

  private final List<EntityTruthRow> truth;
  private final EntityMetrics metrics;
  private final String notMeasured;
  private final Map<String, Facts> facts;

  private EntityReport(
      List<EntityTruthRow> truth,
      EntityMetrics metrics,
      String notMeasured,
      Map<String, Facts> facts) {
    this.truth = List.copyOf(truth);
    this.metrics = metrics;
    this.notMeasured = notMeasured;
    this.facts = Map.copyOf(facts);
  }

  /** The section of a run with an entities output. */
  public static EntityReport measured(
      List<EntityTruthRow> truth, EntityMetrics metrics, Map<String, Facts> facts) {
    return new EntityReport(truth, metrics, null, facts);
  }

  /** The section of a run without one: the reason, and what was planted all the same. */
  public static EntityReport notMeasured(List<EntityTruthRow> truth, String reason) {
    return new EntityReport(truth, null, reason, Map.of());
  }

  public boolean isMeasured() {
    return metrics != null;
  }

  // ---- Markdown -------------------------------------------------------------------------

  /** The headline table (printed by Evaluate), or the reason nothing was measured. */
  public String summaryMarkdown() {
    if (metrics == null) {
      return "Entity resolution not measured: " + notMeasured + "\n";
    }
    StringBuilder md = new StringBuilder("| entity resolution | value |\n|---|---:|\n");
    md.append(
        row(
            "pair precision",
            share(metrics.precision(), metrics.correctPairs(), metrics.predictedPairs())
                + " merged pairs"));
    md.append(
        row(
            "pair recall",
            share(metrics.recall(), metrics.correctPairs(), metrics.truePairs()) + " true pairs"));
    md.append(row("F1", QualityReport.f2(metrics.f1())));
    md.append(
        row(
            "companies of several rows, true / merged",
            metrics.trueMultiRowCompanies() + " / " + metrics.predictedMultiRowCompanies()));
    md.append(
        row(
            "merged pairs of two noise rows the truth holds apart",
            Long.toString(metrics.falseMergesAmongOriginals())));
    md.append(row("measured rows missing from the entities output", metrics.absent().size() + ""));
    return md.toString();
  }

  /** The whole section, from its heading. */
  public String markdown() {
    StringBuilder md = new StringBuilder("## Entity resolution: planted duplicates\n\n");
    md.append(plantedSentence()).append("\n\n");
    if (metrics == null) {
      md.append("**Not measured**: ").append(notMeasured).append("\n");
      return md.toString();
    }
    md.append(summaryMarkdown()).append('\n');
    md.append(DEFINITIONS).append('\n');
    if (!metrics.unknown().isEmpty() || !metrics.badRowsListed().isEmpty()) {
      md.append(
          String.format(
              Locale.ROOT,
              "The entities output also holds %d ids the truth does not know and %d planted bad"
                  + " rows (not measured).%n%n",
              metrics.unknown().size(),
              metrics.badRowsListed().size()));
    }
    md.append("| rule | rows listed under another row |\n|---|---:|\n");
    Map<String, Long> byRule = metrics.mergesByRule();
    if (byRule.isEmpty()) {
      md.append("| (none) | 0 |\n");
    }
    byRule.forEach((rule, n) -> md.append(row(rule, n.toString())));
    md.append('\n');
    md.append(
        "| planted kind | one company with its original (rule) | planted | in its original's"
            + " company | by that rule | in a company with another company's rows | right |\n");
    md.append("|---|---|---:|---:|---:|---:|---:|\n");
    for (EntityMetrics.KindOutcome k : metrics.kinds()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %d | %s | %d | %d |%n",
              k.kind().id(),
              k.kind().sameCompany() ? "yes (" + k.kind().expectedRule() + ")" : "no",
              k.planted(),
              k.withOriginal(),
              k.kind().sameCompany() ? Integer.toString(k.byExpectedRule()) : "",
              k.withAnotherCompany(),
              k.right()));
    }
    md.append('\n');
    List<EntityMetrics.Mistake> mistakes = metrics.mistakes(MISTAKES);
    md.append(
        String.format(
            Locale.ROOT,
            "### Mistakes: %d false-merge pairs, %d missed pairs (%d shown)%n%n",
            metrics.predictedPairs() - metrics.correctPairs(),
            metrics.truePairs() - metrics.correctPairs(),
            mistakes.size()));
    if (!mistakes.isEmpty()) {
      md.append(
          "Each row: id name (city, primary code, USCC or not; kind; company it is listed under"
              + " and rule). One pair stands for each two parts of a wrong company.\n\n");
      md.append("| mistake | one row | the other row |\n|---|---|---|\n");
      for (EntityMetrics.Mistake m : mistakes) {
        md.append(
            String.format(
                "| %s | %s | %s |%n",
                m.falseMerge() ? "false merge" : "missed merge",
                describe(m.first()),
                describe(m.second())));
      }
      md.append('\n');
    }
    return md.toString();
  }

  private String plantedSentence() {
    long positives =
        truth.stream()
            .filter(t -> t.duplicateKind().map(DuplicateKind::sameCompany).orElse(false))
            .count();
    long planted = truth.stream().filter(t -> t.duplicateKind().isPresent()).count();
    long originals =
        truth.stream()
            .map(EntityTruthRow::plantedFrom)
            .filter(s -> !s.isEmpty())
            .distinct()
            .count();
    return String.format(
        Locale.ROOT,
        "%d planted rows beside %d noise firms (entity_truth.csv): %d are one company with the"
            + " firm they were made from, %d only look like it.",
        planted,
        originals,
        positives,
        planted - positives);
  }

  private String describe(String id) {
    Facts f = facts.get(id);
    String kind = metrics.truthOf(id).map(EntityTruthRow::kind).orElse("?");
    String listed =
        metrics
            .assignmentOf(id)
            .map(a -> a.companyId() + (a.rule() == null ? "" : " by " + a.rule()))
            .orElse("missing from the output");
    if (f == null) {
      return String.format("%s (%s; under %s)", id, kind, listed);
    }
    return String.format(
        "%s %s (%s, %s, %s; %s; under %s)",
        id,
        cell(f.name()),
        f.city() == null ? "-" : f.city(),
        f.primaryCode() == null ? "-" : f.primaryCode(),
        f.hasUscc() ? "USCC" : "no USCC",
        kind,
        listed);
  }

  /** A name as a Markdown table cell: its pipes escaped. */
  private static String cell(String s) {
    return s == null ? "" : s.replace("|", "\\|");
  }

  // ---- JSON -----------------------------------------------------------------------------

  public ObjectNode json() {
    ObjectNode n = JSON.createObjectNode();
    n.put("measured", metrics != null);
    n.put("planted", truth.stream().filter(t -> t.duplicateKind().isPresent()).count());
    if (metrics == null) {
      n.put("reason", notMeasured);
      return n;
    }
    n.put("definitions", DEFINITIONS.trim());
    n.put("rows", metrics.rows());
    number(n, "pair_precision", metrics.precision());
    number(n, "pair_recall", metrics.recall());
    number(n, "f1", metrics.f1());
    n.put("true_pairs", metrics.truePairs());
    n.put("merged_pairs", metrics.predictedPairs());
    n.put("correct_pairs", metrics.correctPairs());
    n.put("true_companies_of_several_rows", metrics.trueMultiRowCompanies());
    n.put("merged_companies_of_several_rows", metrics.predictedMultiRowCompanies());
    n.put("false_merges_among_noise", metrics.falseMergesAmongOriginals());
    ArrayNode absent = n.putArray("missing_from_output");
    metrics.absent().forEach(absent::add);
    n.put("unknown_ids_in_output", metrics.unknown().size());
    n.put("bad_rows_in_output", metrics.badRowsListed().size());
    ObjectNode rules = n.putObject("merges_by_rule");
    metrics.mergesByRule().forEach(rules::put);
    ArrayNode kinds = n.putArray("kinds");
    for (EntityMetrics.KindOutcome k : metrics.kinds()) {
      ObjectNode o = kinds.addObject();
      o.put("kind", k.kind().id());
      o.put("same_company", k.kind().sameCompany());
      o.put("expected_rule", k.kind().expectedRule());
      o.put("planted", k.planted());
      o.put("in_original_company", k.withOriginal());
      if (k.kind().sameCompany()) {
        o.put("by_expected_rule", k.byExpectedRule());
      }
      o.put("with_another_company", k.withAnotherCompany());
      o.put("right", k.right());
    }
    ArrayNode mistakes = n.putArray("mistakes");
    for (EntityMetrics.Mistake m : metrics.mistakes(MISTAKES)) {
      ObjectNode o = mistakes.addObject();
      o.put("type", m.falseMerge() ? "false_merge" : "missed_merge");
      o.set("first", rowJson(m.first()));
      o.set("second", rowJson(m.second()));
    }
    return n;
  }

  private ObjectNode rowJson(String id) {
    ObjectNode o = JSON.createObjectNode();
    o.put("enterprise_id", id);
    metrics
        .truthOf(id)
        .ifPresent(t -> o.put("kind", t.kind()).put("true_company", t.trueCompany()));
    Facts f = facts.get(id);
    if (f != null) {
      o.put("name", f.name());
      o.put("city", f.city());
      o.put("primary_code", f.primaryCode());
      o.put("has_uscc", f.hasUscc());
    }
    metrics
        .assignmentOf(id)
        .ifPresent(a -> o.put("company_id", a.companyId()).put("rule", a.rule()));
    return o;
  }

  // ---- the input ------------------------------------------------------------------------

  /**
   * Name, city, primary code and USCC presence per id, from the enterprises CSV of the input; lines
   * that do not parse (the planted malformed rows) are skipped, and a repeated id keeps its first
   * line.
   */
  public static Map<String, Facts> readFacts(Path enterprisesCsv) throws IOException {
    List<String> lines = Files.readAllLines(enterprisesCsv, StandardCharsets.UTF_8);
    Map<String, Facts> out = new HashMap<>();
    if (lines.isEmpty()) {
      return out;
    }
    List<String> header = Csv.parseLine(lines.get(0).replace("\uFEFF", ""));
    int id = header.indexOf("enterprise_id");
    int name = header.indexOf("name");
    int city = header.indexOf("city");
    int codes = header.indexOf("industry_codes");
    int uscc = header.indexOf("uscc");
    for (String line : lines.subList(1, lines.size())) {
      List<String> f;
      try {
        f = Csv.parseLine(line);
      } catch (IllegalArgumentException e) {
        continue;
      }
      if (f.size() != header.size()) {
        continue;
      }
      String primary = f.get(codes).split("[;；]", -1)[0].trim();
      out.putIfAbsent(
          f.get(id),
          new Facts(
              f.get(name),
              f.get(city).isEmpty() ? null : f.get(city),
              primary.isEmpty() ? null : primary,
              !f.get(uscc).isBlank()));
    }
    return out;
  }

  // ---- helpers --------------------------------------------------------------------------

  private static String row(String measure, String value) {
    return "| " + measure + " | " + value + " |\n";
  }

  private static String share(double v, long of, long total) {
    return String.format(Locale.ROOT, "%s (%d of %d)", QualityReport.f2(v), of, total);
  }

  private static void number(ObjectNode n, String key, double v) {
    if (Double.isNaN(v)) {
      n.putNull(key);
    } else {
      n.put(key, Math.round(v * 10000) / 10000.0);
    }
  }
}
