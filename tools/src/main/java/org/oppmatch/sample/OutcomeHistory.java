package org.oppmatch.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.oppmatch.io.CsvRecordReader;
import org.oppmatch.model.EngagementStage;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.InputTable;
import org.oppmatch.validate.Duplicates;
import org.oppmatch.validate.RowValidator;

/**
 * Deterministic, seeded generator of an outcome history (data-contract.md, {@code outcomes}): what
 * the zones' teams did with the enterprises of a sample over the 24 months before the run date, for
 * the learned ranking to learn from and for its backtest. The same inputs, run date, seed and
 * contact count always give the same files; the clock is never read.
 *
 * <p>Usage: {@code OutcomeHistory --inputs DIR --run-date D --out DIR [--seed S] [--contacts N]}.
 * {@code DIR} holds {@code zones.csv} and {@code enterprises.csv} as the sample generator writes
 * them, and may hold {@code chain_nodes.csv} and {@code zone_chain.csv} (without them no zone has a
 * chain status, and that term of the rule is 0). It writes {@code outcomes.csv} (the contract's
 * columns) and {@code outcome_truth.csv} (per engagement: enterprise_id, zone_id,
 * landing_probability, landed), which the engine never reads.
 *
 * <p><b>Who is contacted.</b> Only enterprises the engine would accept (its own {@link
 * RowValidator}, duplicates resolved as the job does) whose primary industry code (the first)
 * matches a lead industry code of a zone, one code the prefix of the other. Each is contacted with
 * a probability proportional to its place (成都 6, elsewhere in Sichuan 4, elsewhere in China 1,
 * abroad 0.5), capped by how far the teams reach (Sichuan 0.95, elsewhere in China 0.35, abroad
 * 0.2), the scale set so that the expected number of engagements is {@code --contacts} (default
 * 3000). A small pool cannot give that many: every firm then gets its cap, and the summary line
 * says how many engagements were written. The contacting zone is drawn among the matching zones,
 * weighted by the depth of the match (4 digits 3, 3 digits 2, 2 digits 1). Of the contacted firms
 * with more than one matching zone, 15% are contacted by a second zone 20 to 240 days after the
 * first, never after the first zone signed them.
 *
 * <p><b>Stages.</b> First contacts fall uniformly on the 730 days before the run date. An
 * engagement with landing probability p passes each of its three steps (contacted to visited,
 * visited to negotiating, negotiating to signed) with probability p^(1/3), so it is won with
 * probability p and otherwise lost after the step it failed; 60% of the signed firms land (with
 * {@code investment_cny}) 60 to 300 days after signing. Steps take 5-30, 10-40 and 15-45 days, a
 * loss comes 10-45 days after the last stage reached: every engagement has its final stage (signed
 * or lost) within 115 days, so only engagements that began in the last four months can be open on
 * the run date. Nothing dated after the run date is written. A second zone's engagement wins only
 * when the first zone lost the firm before the second would sign; otherwise it is lost on that day
 * (首报首谈: the later zone never takes a firm from the first).
 *
 * <p><b>The hidden rule.</b> The landing probability is logistic, {@code p = 1 / (1 + exp(-(b0 +
 * sum of terms)))}, and deliberately unlike the rules' weights (where industry fit and chain role
 * dominate): revenue growth (+2.5 x growth, growth clipped to -0.3..0.6); an expansion or financing
 * signal within the 365 days before the run date (+1.0); tags high_tech (+0.5) and specialized_sme
 * or little_giant (+0.7); fortune_global_500 or china_top_500 (-0.4: courted by every city, rarely
 * landed by one zone's call); the firm in Sichuan, the zones' province (+0.9); size by employees:
 * micro below 20 (-0.8), small 20-299 (0), medium 300-999 (+0.5), large (0); the zone's chain map
 * status for the primary code (best over the nodes that match it): weak (+0.7), missing (+0.4),
 * strong or no node (0); and the industry match, which every contacted pair has, matters little:
 * +0.15 for a 4-digit match. The intercept b0 is set (bisection) so that the mean landing
 * probability over the generated engagements is 0.12 ({@code MEAN_LANDING}).
 *
 * <p>{@code outcome_truth.csv}'s {@code landed} is the engagement's drawn fate: true when it
 * reaches {@code signed}, on or before the run date or (for an engagement still open) after it.
 */
public final class OutcomeHistory {
  public static final List<String> OUTCOME_COLUMNS =
      List.of("enterprise_id", "zone_id", "stage", "stage_date", "investment_cny", "note");

  public static final List<String> TRUTH_COLUMNS =
      List.of("enterprise_id", "zone_id", "landing_probability", "landed");

  public static final int DEFAULT_CONTACTS = 3000;
  public static final long DEFAULT_SEED = 20261120L;

  /** The zones' city and province (every zone of the inputs is one of the city's). */
  static final String HOME_CITY = "成都";

  static final String HOME_PROVINCE = "四川";

  /** Mean landing probability over the engagements, the intercept's target. */
  static final double MEAN_LANDING = 0.12;

  static final double SECOND_ZONE_SHARE = 0.15;
  static final double LANDED_AFTER_SIGNED = 0.6;
  static final int HISTORY_DAYS = 730;

  // the hidden rule's terms, on the logit scale (see the class comment)
  static final double W_GROWTH = 2.5;
  static final double W_SIGNAL = 1.0;
  static final double W_HIGH_TECH = 0.5;
  static final double W_SPECIALIZED = 0.7;
  static final double W_GIANT = -0.4;
  static final double W_SAME_PROVINCE = 0.9;
  static final double W_MICRO = -0.8;
  static final double W_MEDIUM = 0.5;
  static final double W_CHAIN_WEAK = 0.7;
  static final double W_CHAIN_MISSING = 0.4;
  static final double W_MATCH_4 = 0.15;
  static final int SIGNAL_DAYS = 365;

  private OutcomeHistory() {}

  /** What the rule and the contact draw need of an enterprise (from an accepted row). */
  public record Firm(
      String enterpriseId,
      String country,
      String province,
      String city,
      String primaryCode,
      Double revenueCny,
      Integer employees,
      Double revenueGrowth,
      Set<String> tags,
      List<String> signals) {
    public Firm {
      tags = Set.copyOf(tags);
      signals = List.copyOf(signals);
    }

    boolean inHomeCity() {
      return city != null && city.contains(HOME_CITY);
    }

    boolean inHomeProvince() {
      return (province != null && province.contains(HOME_PROVINCE)) || inHomeCity();
    }

    boolean abroad() {
      return !"CN".equals(country);
    }
  }

  /** One outcome row; {@code investmentCny} only on {@code landed}. */
  public record OutcomeRow(
      String enterpriseId,
      String zoneId,
      EngagementStage stage,
      LocalDate stageDate,
      Double investmentCny) {
    List<String> cells() {
      return List.of(
          enterpriseId,
          zoneId,
          stage.key(),
          stageDate.toString(),
          investmentCny == null ? "" : EnterpriseRecord.number(investmentCny),
          // the history writes no notes: a team's words are not generated
          "");
    }
  }

  /** The hidden rule's values for one engagement (enterprise and zone). */
  public record LandingTruth(
      String enterpriseId, String zoneId, double landingProbability, boolean landed) {
    List<String> cells() {
      return List.of(
          enterpriseId,
          zoneId,
          String.format(Locale.ROOT, "%.4f", landingProbability),
          Boolean.toString(landed));
    }
  }

  /**
   * A generated history: outcome rows (by date, then enterprise, zone and stage), the truth per
   * engagement (by enterprise and zone), the intercept the rule was given, the firms that could be
   * contacted, and whether they were too few for the contacts asked (every firm at its cap).
   */
  public record History(
      List<OutcomeRow> outcomes,
      List<LandingTruth> truth,
      double intercept,
      int pool,
      boolean poolShort) {
    public History {
      outcomes = List.copyOf(outcomes);
      truth = List.copyOf(truth);
    }
  }

  /** A zone a firm's primary code matches, and how deep (2, 3 or 4 digits). */
  private record Match(ZoneRef zone, int depth) {}

  /** One engagement before it is written: its zone, first contact, terms and fate. */
  private static final class Engagement {
    final Firm firm;
    final Match match;
    final LocalDate contacted;
    final double logitWithoutIntercept;
    final List<OutcomeRow> rows = new ArrayList<>();
    double probability;
    boolean won;
    LocalDate signed; // when it is (or would be) signed
    LocalDate closed; // the date of its final stage, signed or lost (may be after the run date)

    Engagement(Firm firm, Match match, LocalDate contacted, double logitWithoutIntercept) {
      this.firm = firm;
      this.match = match;
      this.contacted = contacted;
      this.logitWithoutIntercept = logitWithoutIntercept;
    }
  }

  // ---- the hidden rule -------------------------------------------------------------------------

  /**
   * The rule's terms for a firm and zone, without the intercept.
   *
   * @param chainStatus the zone's best status for the firm's primary code (weak, missing, strong)
   *     or null when no node of its chain map matches
   * @param matchDepth digits of the primary code's match with the zone's lead industries
   */
  static double terms(Firm f, String chainStatus, int matchDepth, LocalDate runDate) {
    double x = 0;
    if (f.revenueGrowth() != null) {
      x += W_GROWTH * Math.max(-0.3, Math.min(0.6, f.revenueGrowth()));
    }
    if (hasRecentSignal(f, runDate)) {
      x += W_SIGNAL;
    }
    if (f.tags().contains("high_tech")) {
      x += W_HIGH_TECH;
    }
    if (f.tags().contains("specialized_sme") || f.tags().contains("little_giant")) {
      x += W_SPECIALIZED;
    }
    if (f.tags().contains("fortune_global_500") || f.tags().contains("china_top_500")) {
      x += W_GIANT;
    }
    if (f.inHomeProvince()) {
      x += W_SAME_PROVINCE;
    }
    if (f.employees() != null) {
      if (f.employees() < 20) {
        x += W_MICRO;
      } else if (f.employees() >= 300 && f.employees() < 1000) {
        x += W_MEDIUM;
      }
    }
    if ("weak".equals(chainStatus)) {
      x += W_CHAIN_WEAK;
    } else if ("missing".equals(chainStatus)) {
      x += W_CHAIN_MISSING;
    }
    if (matchDepth >= 4) {
      x += W_MATCH_4;
    }
    return x;
  }

  /** An expansion or financing signal dated within {@link #SIGNAL_DAYS} before the run date. */
  static boolean hasRecentSignal(Firm f, LocalDate runDate) {
    for (String s : f.signals()) {
      int colon = s.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String kind = s.substring(0, colon);
      if (!kind.equals("expansion") && !kind.equals("financing")) {
        continue;
      }
      LocalDate at = LocalDate.parse(s.substring(colon + 1));
      if (!at.isAfter(runDate) && at.isAfter(runDate.minusDays(SIGNAL_DAYS))) {
        return true;
      }
    }
    return false;
  }

  static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** The intercept that gives the terms a mean probability of {@code target} (bisection). */
  static double intercept(double[] terms, double target) {
    if (terms.length == 0) {
      return 0;
    }
    double lo = -20;
    double hi = 20;
    for (int i = 0; i < 100; i++) {
      double mid = (lo + hi) / 2;
      double mean = 0;
      for (double t : terms) {
        mean += logistic(mid + t);
      }
      if (mean / terms.length < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  // ---- generation ------------------------------------------------------------------------------

  /**
   * The history of {@code firms} with {@code zones} (their chain maps from {@code nodes} and {@code
   * zoneChain}, both may be empty) up to {@code runDate}.
   */
  public static History generate(
      List<Firm> firms,
      List<ZoneRef> zones,
      List<ChainNodeRef> nodes,
      List<ZoneChainRef> zoneChain,
      LocalDate runDate,
      long seed,
      int contacts) {
    if (contacts < 0) {
      throw new IllegalArgumentException("contacts must be >= 0, got " + contacts);
    }
    Map<String, List<String>> nodeCodes = new HashMap<>();
    nodes.forEach(n -> nodeCodes.put(n.nodeId(), n.industryCodes()));
    Map<String, List<ZoneChainRef>> chainOf = new HashMap<>();
    zoneChain.forEach(c -> chainOf.computeIfAbsent(c.zoneId(), k -> new ArrayList<>()).add(c));

    // the pool: firms with at least one matching zone, in input order
    List<Firm> pool = new ArrayList<>();
    List<List<Match>> poolMatches = new ArrayList<>();
    for (Firm f : firms) {
      List<Match> m = matches(f.primaryCode(), zones);
      if (!m.isEmpty()) {
        pool.add(f);
        poolMatches.add(m);
      }
    }
    double[] weight = new double[pool.size()];
    double[] cap = new double[pool.size()];
    double[] engagementsPerFirm = new double[pool.size()];
    for (int i = 0; i < pool.size(); i++) {
      Firm f = pool.get(i);
      weight[i] = f.inHomeCity() ? 6 : f.inHomeProvince() ? 4 : f.abroad() ? 0.5 : 1;
      cap[i] = f.inHomeProvince() ? 0.95 : f.abroad() ? 0.2 : 0.35;
      engagementsPerFirm[i] = 1 + (poolMatches.get(i).size() > 1 ? SECOND_ZONE_SHARE : 0);
    }
    double scale = inclusionScale(weight, cap, engagementsPerFirm, contacts);
    double atCaps = 0;
    for (int i = 0; i < pool.size(); i++) {
      atCaps += cap[i] * engagementsPerFirm[i];
    }

    List<Engagement> engagements = new ArrayList<>();
    for (int i = 0; i < pool.size(); i++) {
      Firm f = pool.get(i);
      SplittableRandom rng = new SplittableRandom(firmSeed(seed, f.enterpriseId()));
      double inclusion = Math.min(cap[i], scale * weight[i]);
      if (!(rng.nextDouble() < inclusion)) {
        continue;
      }
      List<Match> m = poolMatches.get(i);
      Match first = pickByDepth(rng, m);
      LocalDate contacted = runDate.minusDays(1 + rng.nextInt(HISTORY_DAYS));
      Engagement e1 =
          new Engagement(f, first, contacted, firmTerms(f, first, chainOf, nodeCodes, runDate));
      engagements.add(e1);
      if (m.size() > 1 && rng.nextDouble() < SECOND_ZONE_SHARE) {
        List<Match> others = new ArrayList<>(m);
        others.remove(first);
        Match second = pickByDepth(rng, others);
        LocalDate later = contacted.plusDays(20 + rng.nextInt(221));
        if (!later.isAfter(runDate)) {
          engagements.add(
              new Engagement(f, second, later, firmTerms(f, second, chainOf, nodeCodes, runDate)));
        }
      }
    }

    double[] terms = engagements.stream().mapToDouble(e -> e.logitWithoutIntercept).toArray();
    double b0 = intercept(terms, MEAN_LANDING);

    // each engagement's fate and dates from the firm's own stream (after its contact draws)
    Map<String, List<Engagement>> byFirm = new TreeMap<>();
    engagements.forEach(
        e -> byFirm.computeIfAbsent(e.firm.enterpriseId(), k -> new ArrayList<>()).add(e));
    List<OutcomeRow> rows = new ArrayList<>();
    List<LandingTruth> truth = new ArrayList<>();
    for (List<Engagement> list : byFirm.values()) {
      SplittableRandom rng =
          new SplittableRandom(firmSeed(seed ^ 0x5DEECE66DL, list.get(0).firm.enterpriseId()));
      Engagement previous = null;
      for (Engagement e : list) {
        e.probability = logistic(b0 + e.logitWithoutIntercept);
        play(e, previous, rng, runDate);
        if (previous != null && previous.won && !e.contacted.isBefore(previous.signed)) {
          continue; // the first zone had signed the firm before the second called: no contact
        }
        rows.addAll(e.rows);
        truth.add(
            new LandingTruth(e.firm.enterpriseId(), e.match.zone().zoneId(), e.probability, e.won));
        previous = e;
      }
    }
    rows.sort(
        Comparator.comparing(OutcomeRow::stageDate)
            .thenComparing(OutcomeRow::enterpriseId)
            .thenComparing(OutcomeRow::zoneId)
            .thenComparing(r -> r.stage().ordinal()));
    truth.sort(
        Comparator.comparing(LandingTruth::enterpriseId).thenComparing(LandingTruth::zoneId));
    return new History(rows, truth, b0, pool.size(), atCaps <= contacts);
  }

  /**
   * The scale s of the inclusion probabilities min(cap, s x weight) whose expected engagements are
   * {@code target}; the largest useful scale (every firm at its cap) when the pool is short.
   */
  static double inclusionScale(double[] weight, double[] cap, double[] perFirm, double target) {
    double maxScale = 0;
    double atCaps = 0;
    for (int i = 0; i < weight.length; i++) {
      maxScale = Math.max(maxScale, cap[i] / weight[i]);
      atCaps += cap[i] * perFirm[i];
    }
    if (atCaps <= target) {
      return maxScale;
    }
    double lo = 0;
    double hi = maxScale;
    for (int it = 0; it < 100; it++) {
      double mid = (lo + hi) / 2;
      double expected = 0;
      for (int i = 0; i < weight.length; i++) {
        expected += Math.min(cap[i], mid * weight[i]) * perFirm[i];
      }
      if (expected < target) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /**
   * Draws an engagement's path: each step passed with probability p^(1/3); then its dates, and the
   * rows dated on or before the run date. A second zone's win stands only when the first zone lost
   * the firm before the second would sign.
   */
  private static void play(
      Engagement e, Engagement previous, SplittableRandom rng, LocalDate runDate) {
    double step = Math.cbrt(e.probability);
    int reached = 0; // 0 contacted, 1 visited, 2 negotiating, 3 signed
    while (reached < 3 && rng.nextDouble() < step) {
      reached++;
    }
    LocalDate visited = e.contacted.plusDays(5 + rng.nextInt(26));
    LocalDate negotiating = visited.plusDays(10 + rng.nextInt(31));
    LocalDate signed = negotiating.plusDays(15 + rng.nextInt(31));
    int lostAfter = 10 + rng.nextInt(36);
    boolean lands = rng.nextDouble() < LANDED_AFTER_SIGNED;
    LocalDate landed = signed.plusDays(60 + rng.nextInt(241));
    double investmentDraw = rng.nextDouble();
    if (reached == 3
        && previous != null
        && !(previous.closed != null && !previous.won && previous.closed.isBefore(signed))) {
      // the first zone still works on the firm (or signed it): the later zone gives up
      reached = 2;
      lostAfter = (int) java.time.temporal.ChronoUnit.DAYS.between(negotiating, signed);
    }
    e.won = reached == 3;
    e.signed = signed;
    List<LocalDate> dates = List.of(e.contacted, visited, negotiating, signed);
    EngagementStage[] stages = {
      EngagementStage.CONTACTED,
      EngagementStage.VISITED,
      EngagementStage.NEGOTIATING,
      EngagementStage.SIGNED
    };
    int last = e.won ? 3 : reached;
    for (int s = 0; s <= last; s++) {
      add(e, stages[s], dates.get(s), null, runDate);
    }
    if (e.won) {
      e.closed = signed;
      if (lands) {
        add(e, EngagementStage.LANDED, landed, investment(e.firm, investmentDraw), runDate);
      }
    } else {
      e.closed = dates.get(reached).plusDays(lostAfter);
      add(e, EngagementStage.LOST, e.closed, null, runDate);
    }
  }

  private static void add(
      Engagement e, EngagementStage stage, LocalDate at, Double investment, LocalDate runDate) {
    if (!at.isAfter(runDate)) {
      e.rows.add(
          new OutcomeRow(e.firm.enterpriseId(), e.match.zone().zoneId(), stage, at, investment));
    }
  }

  /**
   * What a landed project invests: 10-60% of a year's revenue (a firm without a revenue figure:
   * 200,000 yuan per employee, else 20 million), at least a million, two significant digits.
   */
  static double investment(Firm f, double draw) {
    double base =
        f.revenueCny() != null && f.revenueCny() > 0
            ? f.revenueCny()
            : f.employees() != null && f.employees() > 0 ? 2e5 * f.employees() : 2e7;
    double v = Math.max(1e6, base * (0.1 + 0.5 * draw));
    return Draws.roundSignificant(v, 2);
  }

  private static double firmTerms(
      Firm f,
      Match m,
      Map<String, List<ZoneChainRef>> chainOf,
      Map<String, List<String>> nodeCodes,
      LocalDate runDate) {
    return terms(
        f,
        chainStatus(f.primaryCode(), chainOf.getOrDefault(m.zone().zoneId(), List.of()), nodeCodes),
        m.depth(),
        runDate);
  }

  /**
   * The zone's most favourable status (for the rule: weak, then missing, then strong) over the
   * nodes of its chain map whose codes match the code; null when none does.
   */
  static String chainStatus(
      String code, List<ZoneChainRef> chain, Map<String, List<String>> nodeCodes) {
    String best = null;
    for (ZoneChainRef c : chain) {
      boolean fits = false;
      for (String nodeCode : nodeCodes.getOrDefault(c.nodeId(), List.of())) {
        fits |= matchDepth(code, nodeCode) > 0;
      }
      if (fits && rank(c.status()) > rank(best)) {
        best = c.status();
      }
    }
    return best;
  }

  private static int rank(String status) {
    return status == null
        ? 0
        : switch (status) {
          case "weak" -> 3;
          case "missing" -> 2;
          case "strong" -> 1;
          default -> 0;
        };
  }

  /** The zones whose lead industries match the code, each with its deepest match. */
  static List<Match> matches(String code, List<ZoneRef> zones) {
    List<Match> out = new ArrayList<>();
    for (ZoneRef z : zones) {
      int depth = 0;
      for (String lead : z.leadIndustries()) {
        depth = Math.max(depth, matchDepth(code, lead));
      }
      if (depth > 0) {
        out.add(new Match(z, depth));
      }
    }
    return out;
  }

  /** Digits shared when one code is the prefix of the other (the shorter's length), else 0. */
  static int matchDepth(String a, String b) {
    if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    return a.startsWith(b) || b.startsWith(a) ? Math.min(a.length(), b.length()) : 0;
  }

  private static Match pickByDepth(SplittableRandom rng, List<Match> matches) {
    double total = 0;
    for (Match m : matches) {
      total += depthWeight(m.depth());
    }
    double x = rng.nextDouble() * total;
    for (Match m : matches) {
      x -= depthWeight(m.depth());
      if (x < 0) {
        return m;
      }
    }
    return matches.get(matches.size() - 1);
  }

  private static double depthWeight(int depth) {
    return depth >= 4 ? 3 : depth == 3 ? 2 : 1;
  }

  /** A stream per firm: its draws do not depend on the other rows of the file or their order. */
  private static long firmSeed(long seed, String enterpriseId) {
    long h = 0xCBF29CE484222325L; // FNV-1a over the id's UTF-16 units
    for (int i = 0; i < enterpriseId.length(); i++) {
      h ^= enterpriseId.charAt(i);
      h *= 0x100000001B3L;
    }
    return seed * 0x9E3779B97F4A7C15L + h;
  }

  // ---- reading the inputs as the engine does ---------------------------------------------------

  /**
   * The rows of a CSV file of {@code table} that the engine's validation accepts (duplicate keys
   * resolved as the job resolves them), each as the validator typed it.
   */
  static List<RowValidator.Checked> acceptedRows(Path csv, InputTable table, RowValidator validator)
      throws IOException {
    List<RowValidator.Checked> accepted = new ArrayList<>();
    String file = csv.toString();
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      CsvRecordReader records = new CsvRecordReader(in, -1);
      List<String> header = records.readHeader();
      if (header == null) {
        throw new IllegalArgumentException(csv + ": empty file, no header row");
      }
      int n = table.columns().size();
      int[] index = new int[n];
      for (int i = 0; i < n; i++) {
        index[i] = header.indexOf(table.columns().get(i).name());
      }
      while (records.hasNext()) {
        CsvRecordReader.Record r = records.next();
        Object[] values = new Object[RowValidator.FIRST_COLUMN + n];
        values[RowValidator.FILE] = file;
        values[RowValidator.LINE] = r.line();
        values[RowValidator.TEXT] = r.text();
        values[RowValidator.MALFORMED] = r.malformed();
        if (r.fields() != null) {
          for (int i = 0; i < n; i++) {
            String v = index[i] < 0 ? null : r.fields().get(index[i]);
            values[RowValidator.FIRST_COLUMN + i] =
                table.columns().get(i).type().isArray() && v != null ? v.split("[;；]", -1) : v;
          }
        }
        Row raw = RowFactory.create(values);
        RowValidator.Checked c = validator.check(raw);
        if (c.accepted()) {
          accepted.add(c);
        }
      }
    }
    Duplicates duplicates = Duplicates.among(table, accepted);
    if (table.keyColumn().isEmpty() || duplicates.isEmpty()) {
      return accepted;
    }
    return accepted.stream()
        .filter(c -> !duplicates.isLoser(c.keyValue(), c.file(), c.line()))
        .toList();
  }

  /** The enterprises of a CSV file that the engine accepts on {@code runDate}, in file order. */
  public static List<Firm> readFirms(Path enterprisesCsv, LocalDate runDate) throws IOException {
    InputTable t = InputTable.ENTERPRISES;
    RowValidator validator = new RowValidator(t, runDate, Set.of(), Set.of(), Set.of());
    List<Firm> firms = new ArrayList<>();
    for (RowValidator.Checked c : acceptedRows(enterprisesCsv, t, validator)) {
      Object[] v = c.values();
      String[] codes = (String[]) v[t.indexOf(Cols.INDUSTRY_CODES)];
      String[] tags = (String[]) v[t.indexOf(Cols.TAGS)];
      String[] signals = (String[]) v[t.indexOf(Cols.SIGNALS)];
      firms.add(
          new Firm(
              (String) v[t.indexOf(Cols.ENTERPRISE_ID)],
              (String) v[t.indexOf(Cols.COUNTRY)],
              (String) v[t.indexOf(Cols.PROVINCE)],
              (String) v[t.indexOf(Cols.CITY)],
              codes[0],
              (Double) v[t.indexOf(Cols.REVENUE)],
              (Integer) v[t.indexOf(Cols.EMPLOYEES)],
              (Double) v[t.indexOf(Cols.REVENUE_GROWTH)],
              tags == null ? Set.of() : new LinkedHashSet<>(List.of(tags)),
              signals == null ? List.of() : List.of(signals)));
    }
    return firms;
  }

  // ---- files -----------------------------------------------------------------------------------

  public static String outcomesCsv(History h) {
    StringBuilder sb = new StringBuilder(Csv.line(OUTCOME_COLUMNS)).append('\n');
    h.outcomes().forEach(r -> sb.append(Csv.line(r.cells())).append('\n'));
    return sb.toString();
  }

  public static String truthCsv(History h) {
    StringBuilder sb = new StringBuilder(Csv.line(TRUTH_COLUMNS)).append('\n');
    h.truth().forEach(r -> sb.append(Csv.line(r.cells())).append('\n'));
    return sb.toString();
  }

  /** Enterprises won (a signed or landed row), contacted, and engagements open on the run date. */
  public record Summary(
      int engagements, int contactedEnterprises, int wonEnterprises, int open, int inProvince) {
    public double wonShare() {
      return contactedEnterprises == 0 ? 0 : (double) wonEnterprises / contactedEnterprises;
    }
  }

  static Summary summarize(History h, Map<String, Firm> firms) {
    Set<String> contacted = new LinkedHashSet<>();
    Set<String> won = new LinkedHashSet<>();
    Map<String, EngagementStage> latest = new HashMap<>();
    for (OutcomeRow r : h.outcomes()) {
      contacted.add(r.enterpriseId());
      if (r.stage().kind() == EngagementStage.Kind.WON) {
        won.add(r.enterpriseId());
      }
      latest.put(r.enterpriseId() + "\u0000" + r.zoneId(), r.stage()); // rows are in date order
    }
    int open =
        (int) latest.values().stream().filter(s -> s.kind() == EngagementStage.Kind.ACTIVE).count();
    int inProvince =
        (int)
            h.truth().stream()
                .filter(t -> firms.containsKey(t.enterpriseId()))
                .filter(t -> firms.get(t.enterpriseId()).inHomeProvince())
                .count();
    return new Summary(h.truth().size(), contacted.size(), won.size(), open, inProvince);
  }

  // ---- command line ----------------------------------------------------------------------------

  public static void main(String[] args) {
    try {
      System.out.println(run(args));
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      System.err.println("outcome history: " + e.getMessage());
      System.err.println(
          "usage: OutcomeHistory --inputs DIR --run-date YYYY-MM-DD --out DIR"
              + " [--seed S] [--contacts N]");
      System.exit(2);
    } catch (IOException e) {
      System.err.println("outcome history: " + e);
      System.exit(1);
    }
  }

  /** Runs the command line and returns a one-line summary. */
  static String run(String[] args) throws IOException {
    String inputs = null;
    String out = null;
    LocalDate runDate = null;
    long seed = DEFAULT_SEED;
    int contacts = DEFAULT_CONTACTS;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--inputs" -> inputs = value;
        case "--out" -> out = value;
        case "--run-date" -> runDate = LocalDate.parse(value);
        case "--seed" -> seed = Long.parseLong(value);
        case "--contacts" -> contacts = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    if (inputs == null || out == null || runDate == null) {
      throw new IllegalArgumentException("--inputs, --run-date and --out are required");
    }
    if (contacts < 0) {
      throw new IllegalArgumentException("--contacts must be >= 0");
    }
    Path dir = Path.of(inputs);
    List<ZoneRef> zones = SampleInputs.readZones(dir.resolve("zones.csv"));
    List<Firm> firms = readFirms(dir.resolve("enterprises.csv"), runDate);
    Path nodesFile = dir.resolve("chain_nodes.csv");
    Path chainFile = dir.resolve("zone_chain.csv");
    List<ChainNodeRef> nodes =
        Files.exists(nodesFile) ? SampleInputs.readChainNodes(nodesFile) : List.of();
    List<ZoneChainRef> chain =
        Files.exists(chainFile) ? SampleInputs.readZoneChain(chainFile) : List.of();
    History h = generate(firms, zones, nodes, chain, runDate, seed, contacts);
    Path outDir = Path.of(out);
    Files.createDirectories(outDir);
    Files.writeString(outDir.resolve("outcomes.csv"), outcomesCsv(h), StandardCharsets.UTF_8);
    Files.writeString(outDir.resolve("outcome_truth.csv"), truthCsv(h), StandardCharsets.UTF_8);
    Map<String, Firm> byId = new HashMap<>();
    firms.forEach(f -> byId.put(f.enterpriseId(), f));
    Summary s = summarize(h, byId);
    return String.format(
        Locale.ROOT,
        "wrote %d outcome rows to %s: %d engagements (%d asked; %d in Sichuan) with %d enterprises,"
            + " %d won (%.1f%%), %d open on %s (seed %d, intercept %.3f)%s",
        h.outcomes().size(),
        outDir.resolve("outcomes.csv"),
        s.engagements(),
        contacts,
        s.inProvince(),
        s.contactedEnterprises(),
        s.wonEnterprises(),
        100 * s.wonShare(),
        s.open(),
        runDate,
        seed,
        h.intercept(),
        h.poolShort()
            ? "; the "
                + h.pool()
                + " firms whose primary code fits a zone give no more: each was contacted at its"
                + " place's cap"
            : "");
  }
}
