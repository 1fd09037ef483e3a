package org.oppmatch.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.oppmatch.sample.DuplicateKind;
import org.oppmatch.sample.EntityTruthRow;

/**
 * Entity resolution of a run against entity_truth.csv, in plain Java. A pair is an unordered pair
 * of enterprise ids in one company: the true pairs come from {@code true_company}, the predicted
 * ones from the entities output's {@code company_id}.
 *
 * <p>The rows measured are those of the truth except the planted bad rows (the quarantine keeps
 * them out of every company). A measured row missing from the entities output counts as a company
 * of its own, so its true pairs are missed; a row of the output that the truth does not know is
 * left out and counted.
 */
public final class EntityMetrics {
  /** The engine's answer for one row: the id its company is listed under, and the rule. */
  public record Assignment(String companyId, String rule) {}

  /**
   * A pair of rows the engine got wrong: merged though they are two companies, or left apart though
   * they are one. For a wrong company of more than two rows, one pair stands for each two parts of
   * it.
   */
  public record Mistake(boolean falseMerge, String first, String second) {}

  /** Per planted kind, how its rows came out. */
  public record KindOutcome(
      DuplicateKind kind,
      int planted,
      int withOriginal,
      int withAnotherCompany,
      int byExpectedRule,
      int right) {}

  private final Map<String, EntityTruthRow> truth = new LinkedHashMap<>();
  private final Map<String, Assignment> assignments;
  private final Map<String, String> predicted = new LinkedHashMap<>();
  private final Map<String, List<String>> predictedClusters = new TreeMap<>();
  private final Map<String, List<String>> trueClusters = new TreeMap<>();
  private final List<String> absent = new ArrayList<>();
  private final List<String> unknown = new ArrayList<>();
  private final List<String> badRowsListed = new ArrayList<>();
  private final long truePairs;
  private final long predictedPairs;
  private final long correctPairs;
  private final long falseMergesAmongOriginals;

  /**
   * @param truth every row of entity_truth.csv
   * @param assignments the entities output of the run date, by enterprise id
   */
  public EntityMetrics(List<EntityTruthRow> truth, Map<String, Assignment> assignments) {
    this.assignments = Map.copyOf(assignments);
    for (EntityTruthRow t : truth) {
      if (EntityTruthRow.BAD_ROW.equals(t.kind())) {
        if (assignments.containsKey(t.enterpriseId())) {
          badRowsListed.add(t.enterpriseId());
        }
        continue;
      }
      if (this.truth.put(t.enterpriseId(), t) != null) {
        throw new IllegalArgumentException("enterprise twice in the truth: " + t.enterpriseId());
      }
      Assignment a = assignments.get(t.enterpriseId());
      if (a == null) {
        absent.add(t.enterpriseId());
      }
      String company = a == null ? "\u0000" + t.enterpriseId() : a.companyId();
      predicted.put(t.enterpriseId(), company);
      predictedClusters.computeIfAbsent(company, c -> new ArrayList<>()).add(t.enterpriseId());
      trueClusters.computeIfAbsent(t.trueCompany(), c -> new ArrayList<>()).add(t.enterpriseId());
    }
    assignments.keySet().stream()
        .filter(id -> !this.truth.containsKey(id) && !badRowsListed.contains(id))
        .sorted()
        .forEach(unknown::add);
    Map<String, Long> cells = new TreeMap<>();
    Map<String, Long> originalCells = new TreeMap<>();
    Map<String, Long> originalsPerCluster = new TreeMap<>();
    for (EntityTruthRow t : this.truth.values()) {
      String p = predicted.get(t.enterpriseId());
      cells.merge(p + "\u0001" + t.trueCompany(), 1L, Long::sum);
      if (EntityTruthRow.ORIGINAL.equals(t.kind())) {
        originalCells.merge(p + "\u0001" + t.trueCompany(), 1L, Long::sum);
        originalsPerCluster.merge(p, 1L, Long::sum);
      }
    }
    this.correctPairs = cells.values().stream().mapToLong(EntityMetrics::pairs).sum();
    this.truePairs = trueClusters.values().stream().mapToLong(l -> pairs(l.size())).sum();
    this.predictedPairs = predictedClusters.values().stream().mapToLong(l -> pairs(l.size())).sum();
    this.falseMergesAmongOriginals =
        originalsPerCluster.values().stream().mapToLong(EntityMetrics::pairs).sum()
            - originalCells.values().stream().mapToLong(EntityMetrics::pairs).sum();
  }

  private static long pairs(long n) {
    return n * (n - 1) / 2;
  }

  /** Rows measured: the truth's rows without the planted bad rows. */
  public int rows() {
    return truth.size();
  }

  public long truePairs() {
    return truePairs;
  }

  public long predictedPairs() {
    return predictedPairs;
  }

  public long correctPairs() {
    return correctPairs;
  }

  /** Correct pairs over predicted pairs; NaN when the run merged nothing. */
  public double precision() {
    return predictedPairs == 0 ? Double.NaN : (double) correctPairs / predictedPairs;
  }

  /** Correct pairs over true pairs; NaN when the truth has no company of several rows. */
  public double recall() {
    return truePairs == 0 ? Double.NaN : (double) correctPairs / truePairs;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    if (Double.isNaN(p) || Double.isNaN(r) || p + r == 0) {
      return Double.NaN;
    }
    return 2 * p * r / (p + r);
  }

  /** Companies of more than one row in the truth. */
  public long trueMultiRowCompanies() {
    return trueClusters.values().stream().filter(l -> l.size() > 1).count();
  }

  /** Companies of more than one row in the entities output (measured rows only). */
  public long predictedMultiRowCompanies() {
    return predictedClusters.values().stream().filter(l -> l.size() > 1).count();
  }

  /** Merged pairs of two original rows (no planted row) that the truth holds apart. */
  public long falseMergesAmongOriginals() {
    return falseMergesAmongOriginals;
  }

  /** Rows of the output listed under another row, per rule (measured rows only), sorted. */
  public Map<String, Long> mergesByRule() {
    Map<String, Long> out = new TreeMap<>();
    for (String id : truth.keySet()) {
      Assignment a = assignments.get(id);
      if (a != null && a.rule() != null) {
        out.merge(a.rule(), 1L, Long::sum);
      }
    }
    return out;
  }

  /** Measured rows missing from the entities output, in truth order. */
  public List<String> absent() {
    return List.copyOf(absent);
  }

  /** Ids of the output that the truth does not hold, sorted. */
  public List<String> unknown() {
    return List.copyOf(unknown);
  }

  /** Planted bad rows found in the output (the quarantine should have kept them out). */
  public List<String> badRowsListed() {
    return List.copyOf(badRowsListed);
  }

  public Optional<EntityTruthRow> truthOf(String id) {
    return Optional.ofNullable(truth.get(id));
  }

  public Optional<Assignment> assignmentOf(String id) {
    return Optional.ofNullable(assignments.get(id));
  }

  /** True when the two rows are in one predicted company. */
  public boolean together(String a, String b) {
    String pa = predicted.get(a);
    return pa != null && pa.equals(predicted.get(b));
  }

  /** Per planted kind, in the kinds' order, those planted at least once. */
  public List<KindOutcome> kinds() {
    List<KindOutcome> out = new ArrayList<>();
    for (DuplicateKind k : DuplicateKind.values()) {
      int planted = 0;
      int withOriginal = 0;
      int withAnother = 0;
      int byRule = 0;
      int right = 0;
      for (EntityTruthRow t : truth.values()) {
        if (t.duplicateKind().orElse(null) != k) {
          continue;
        }
        planted++;
        boolean joined = together(t.enterpriseId(), t.plantedFrom());
        if (joined) {
          withOriginal++;
        }
        String company = predicted.get(t.enterpriseId());
        if (predictedClusters.get(company).stream()
            .anyMatch(id -> !truth.get(id).trueCompany().equals(t.trueCompany()))) {
          withAnother++;
        }
        if (k.sameCompany() && joined && k.expectedRule().equals(ruleBetween(t))) {
          byRule++;
        }
        if (joined == k.sameCompany()) {
          right++;
        }
      }
      if (planted > 0) {
        out.add(new KindOutcome(k, planted, withOriginal, withAnother, byRule, right));
      }
    }
    return out;
  }

  /**
   * The rule that joined a planted row to its original: the rule of whichever of the two is listed
   * under the other's company (the planted row's, when both have one).
   */
  String ruleBetween(EntityTruthRow planted) {
    Assignment mine = assignments.get(planted.enterpriseId());
    if (mine != null && mine.rule() != null) {
      return mine.rule();
    }
    Assignment theirs = assignments.get(planted.plantedFrom());
    return theirs == null ? null : theirs.rule();
  }

  /**
   * Up to {@code limit} mistakes: half false merges and half missed merges, the other kind filling
   * in when one has fewer; companies with a planted row first.
   */
  public List<Mistake> mistakes(int limit) {
    List<Mistake> falseMerges =
        split(predictedClusters, id -> truth.get(id).trueCompany(), true, limit);
    List<Mistake> missed = split(trueClusters, id -> predicted.get(id), false, limit);
    int half = (limit + 1) / 2;
    int takeFalse = Math.min(falseMerges.size(), Math.max(half, limit - missed.size()));
    int takeMissed = Math.min(missed.size(), limit - takeFalse);
    List<Mistake> out = new ArrayList<>(falseMerges.subList(0, takeFalse));
    out.addAll(missed.subList(0, takeMissed));
    return out;
  }

  /**
   * The clusters that the other side splits, as one pair per two parts: each part stands by the
   * original of its true company when it holds it, else by its first planted row.
   */
  private List<Mistake> split(
      Map<String, List<String>> clusters,
      Function<String, String> otherSide,
      boolean falseMerge,
      int limit) {
    List<List<String>> ordered =
        clusters.values().stream()
            .filter(l -> l.size() > 1)
            .sorted(Comparator.comparing((List<String> l) -> !hasPlanted(l)))
            .toList();
    List<Mistake> out = new ArrayList<>();
    for (List<String> cluster : ordered) {
      Map<String, List<String>> parts = new TreeMap<>();
      cluster.forEach(
          id -> parts.computeIfAbsent(otherSide.apply(id), x -> new ArrayList<>()).add(id));
      List<String> reps = parts.values().stream().map(this::representative).toList();
      for (int i = 0; i < reps.size(); i++) {
        for (int j = i + 1; j < reps.size(); j++) {
          if (out.size() == limit) {
            return out;
          }
          out.add(new Mistake(falseMerge, reps.get(i), reps.get(j)));
        }
      }
    }
    return out;
  }

  private boolean hasPlanted(List<String> ids) {
    return ids.stream().anyMatch(id -> truth.get(id).duplicateKind().isPresent());
  }

  private String representative(List<String> ids) {
    return ids.stream()
        .filter(id -> truth.get(id).trueCompany().equals(id))
        .findFirst()
        .or(() -> ids.stream().filter(id -> truth.get(id).duplicateKind().isPresent()).findFirst())
        .orElse(ids.get(0));
  }
}
