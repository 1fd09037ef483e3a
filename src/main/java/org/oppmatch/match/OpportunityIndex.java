package org.oppmatch.match;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.oppmatch.schema.Cols;
import org.oppmatch.score.FactorMath;

/**
 * The open opportunities as a small in-memory index, broadcast to every task: for each GB/T 4754
 * code prefix (2, 3, 4 digits) the opportunity codes under it, and per opportunity its keywords,
 * packed terms and budget. An enterprise is matched against it in one pass over its own codes: the
 * same hierarchy blocking as the broadcast join of keyed rows it replaces, without copying the
 * enterprise's term array into a row per candidate.
 *
 * <p>Why plain Java here, against the house rule of Column expressions: the per-candidate cosine as
 * {@code array_intersect} plus {@code aggregate} builds a hash set per row and evaluates the lambda
 * interpreted; at 100k enterprises (4.6 million candidates) it and the keyword {@code instr} took
 * 69 of 250 seconds (JFR samples, README). A merge of two sorted long arrays is the same sum in the
 * same order, so the results are the same; {@code MatchingTest} holds it to the Column cosine.
 */
public final class OpportunityIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One open opportunity: what the similarity reads. */
  record Opportunity(String id, String[] keywords, long[] terms, double norm, Double budget)
      implements Serializable {}

  /** One code of an opportunity under a key: whole code or a prefix of it, inherited or own. */
  record Entry(int opportunity, boolean full, String onlyZone, boolean inherited)
      implements Serializable {}

  private final Opportunity[] opportunities;
  private final Map<String, Entry[]> byKey;

  /** The zones each opportunity concerns ({@link Targets#opportunityZones}), by position. */
  private final String[][] zonesOf;

  private final double secondaryCodeFactor;
  private final double textFull;
  private final double minSimilarity;

  private OpportunityIndex(
      Opportunity[] opportunities,
      Map<String, Entry[]> byKey,
      String[][] zonesOf,
      double secondaryCodeFactor,
      double textFull,
      double minSimilarity) {
    this.opportunities = opportunities;
    this.byKey = byKey;
    this.zonesOf = zonesOf;
    this.secondaryCodeFactor = secondaryCodeFactor;
    this.textFull = textFull;
    this.minSimilarity = minSimilarity;
  }

  /**
   * Builds the index on the driver from the keyed opportunity targets ({@link Targets#keyed} of
   * {@link Targets#opportunityTargets}) and the zones of each ({@link Targets#opportunityZones}):
   * thousands of opportunities, three small collects.
   */
  public static OpportunityIndex collect(
      Dataset<Row> keyedOpportunityTargets,
      Dataset<Row> opportunityZones,
      double secondaryCodeFactor,
      double textFull,
      double minSimilarity) {
    List<Row> payload =
        keyedOpportunityTargets
            .select(
                col(Cols.OPPORTUNITY_ID),
                col(Features.OPP_KEYWORDS),
                col(Features.OPP_TERMS),
                col(Features.OPP_NORM),
                col(Features.OPP_BUDGET))
            .dropDuplicates(Cols.OPPORTUNITY_ID)
            .orderBy(col(Cols.OPPORTUNITY_ID))
            .collectAsList();
    Map<String, Integer> position = new HashMap<>();
    Opportunity[] opps = new Opportunity[payload.size()];
    for (int i = 0; i < opps.length; i++) {
      Row r = payload.get(i);
      List<String> kw = r.isNullAt(1) ? List.of() : r.getList(1);
      List<Long> terms = r.isNullAt(2) ? List.of() : r.getList(2);
      long[] packed = new long[terms.size()];
      for (int j = 0; j < packed.length; j++) {
        packed[j] = terms.get(j);
      }
      opps[i] =
          new Opportunity(
              r.getString(0),
              kw.toArray(String[]::new),
              packed,
              r.isNullAt(3) ? 0.0 : r.getDouble(3),
              r.isNullAt(4) ? null : r.getDouble(4));
      position.put(r.getString(0), i);
    }
    Map<String, List<Entry>> keys = new HashMap<>();
    // in a fixed order, so reruns give the same candidates in the same order
    for (Row r :
        keyedOpportunityTargets
            .select(
                col(Features.KEY),
                col(Features.T_FULL),
                col(Cols.OPPORTUNITY_ID),
                col(Features.ONLY_ZONE),
                col(Features.INHERITED))
            .orderBy(
                col(Features.KEY),
                col(Cols.OPPORTUNITY_ID),
                col(Features.ONLY_ZONE),
                col(Features.T_FULL))
            .collectAsList()) {
      keys.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
          .add(
              new Entry(
                  position.get(r.getString(2)),
                  r.getBoolean(1),
                  r.isNullAt(3) ? null : r.getString(3),
                  r.getBoolean(4)));
    }
    Map<String, Entry[]> byKey = new HashMap<>();
    keys.forEach((k, v) -> byKey.put(k, v.toArray(Entry[]::new)));
    List<List<String>> zones = new ArrayList<>();
    for (int i = 0; i < opps.length; i++) {
      zones.add(new ArrayList<>());
    }
    for (Row r :
        opportunityZones
            .select(col(Cols.OPPORTUNITY_ID), col(Cols.ZONE_ID))
            .orderBy(col(Cols.OPPORTUNITY_ID), col(Cols.ZONE_ID))
            .collectAsList()) {
      Integer at = position.get(r.getString(0));
      if (at != null) {
        zones.get(at).add(r.getString(1));
      }
    }
    String[][] zonesOf = zones.stream().map(z -> z.toArray(String[]::new)).toArray(String[][]::new);
    return new OpportunityIndex(opps, byKey, zonesOf, secondaryCodeFactor, textFull, minSimilarity);
  }

  /** The enterprise columns {@link #match} reads, in this order. */
  static final String[] ENTERPRISE_COLUMNS = {
    Cols.ENTERPRISE_ID,
    Cols.NAME,
    Cols.REVENUE,
    Features.TEXT,
    Features.E_TERMS,
    Cols.INDUSTRY_CODES
  };

  /**
   * One match of an enterprise with an opportunity, on one of its codes. No title: millions of
   * these are cached (spilled to disk at 10M enterprises), and the few that reach an output get
   * their title from the opportunities there.
   */
  static final StructType MATCH =
      new StructType()
          .add(Cols.OPPORTUNITY_ID, DataTypes.StringType)
          .add(Features.ONLY_ZONE, DataTypes.StringType)
          .add(Features.OPP_SIMILARITY, DataTypes.DoubleType)
          .add(Features.E_CODE, DataTypes.StringType)
          .add(Features.DEPTH, DataTypes.IntegerType)
          .add(Features.INHERITED, DataTypes.BooleanType)
          .add(Features.TEXT_HITS, DataTypes.createArrayType(DataTypes.StringType))
          .add(Features.TEXT_COSINE, DataTypes.DoubleType)
          .add(Features.BUDGET_FIT, DataTypes.DoubleType);

  /**
   * A matched opportunity in a zone's list (the list is sorted in {@link #match}): its id and
   * similarity only, the title is looked up for the ranked leads ({@code Explanations.explain}).
   */
  static final StructType LISTED =
      new StructType()
          .add("opportunity_id", DataTypes.StringType)
          .add("similarity", DataTypes.DoubleType);

  /** The matched opportunities that concern one zone, best first. */
  static final StructType ZONE_LIST =
      new StructType()
          .add("zone_id", DataTypes.StringType)
          .add("opps", DataTypes.createArrayType(LISTED));

  static final String MATCHES = "_matches";
  static final String ZONE_LISTS = "_zone_lists";

  /** What {@link #match} returns: one row per enterprise with at least one match. */
  static final StructType ENTERPRISE_MATCHES =
      new StructType()
          .add(Cols.ENTERPRISE_ID, DataTypes.StringType)
          .add(Cols.NAME, DataTypes.StringType)
          .add(MATCHES, DataTypes.createArrayType(MATCH))
          .add(ZONE_LISTS, DataTypes.createArrayType(ZONE_LIST));

  /**
   * The enterprise's matches at or above the minimum similarity: for each of its codes (the first
   * is the primary) and each prefix of 2 digits up to the whole code, the opportunity codes under
   * that key where one code contains the other, each scored as {@link
   * FactorMath#opportunitySimilarity} of the code fit (inherited codes at {@link
   * Matching#INHERITED_CODE_FACTOR}), the text cosine and the budget fit, rounded as the reasons
   * show them; and, per zone, the matched opportunities that concern it, one entry per opportunity
   * (its best similarity), best first, ties by id (an inherited match only in the zone it was
   * inherited from). Null when nothing matches.
   */
  public Row match(Row e) {
    if (e.isNullAt(5)) {
      return null;
    }
    List<Row> out = new ArrayList<>();
    // zone -> opportunity -> best similarity
    Map<String, Map<Integer, Double>> perZone = new java.util.TreeMap<>();
    String id = e.getString(0);
    String name = e.getString(1);
    Double revenue = e.isNullAt(2) ? null : e.getDouble(2);
    String text = e.getString(3);
    long[] terms = longs(e.isNullAt(4) ? null : e.getList(4));
    // summed in the array's order, as the Column norm of the opportunities' terms is
    double norm = TextFeatures.norm(terms);
    List<String> codes = e.getList(5);
    for (int pos = 0; pos < codes.size(); pos++) {
      String code = codes.get(pos);
      if (code == null) {
        continue;
      }
      for (int len = 2; len <= code.length(); len++) {
        Entry[] entries = byKey.get(code.substring(0, len));
        if (entries == null) {
          continue;
        }
        boolean eFull = len == code.length();
        double industry = FactorMath.industryFit(len, pos == 0, secondaryCodeFactor);
        for (Entry en : entries) {
          if (!eFull && !en.full()) {
            continue;
          }
          Opportunity o = opportunities[en.opportunity()];
          double codeSim = en.inherited() ? industry * Matching.INHERITED_CODE_FACTOR : industry;
          double rawCosine = TextFeatures.cosine(terms, norm, o.terms(), o.norm());
          double rawBudgetFit = FactorMath.budgetFit(o.budget(), revenue);
          // most candidates fall far below the threshold: rounding moves each factor by at most
          // half a unit in the fourth place and the similarity grows with both, so a raw bound
          // with a margin of a whole unit rejects them without the (costly) decimal rounding
          if (FactorMath.opportunitySimilarity(
                      codeSim,
                      rawCosine + ROUNDING_MARGIN,
                      textFull,
                      rawBudgetFit + ROUNDING_MARGIN)
                  + ROUNDING_MARGIN
              < minSimilarity) {
            continue;
          }
          double cosine = round4(rawCosine);
          double budgetFit = round4(rawBudgetFit);
          double similarity =
              round4(FactorMath.opportunitySimilarity(codeSim, cosine, textFull, budgetFit));
          if (similarity < minSimilarity) {
            continue;
          }
          for (String z : zonesOf[en.opportunity()]) {
            if (en.onlyZone() == null || en.onlyZone().equals(z)) {
              perZone
                  .computeIfAbsent(z, k -> new HashMap<>())
                  .merge(en.opportunity(), similarity, Math::max);
            }
          }
          out.add(
              RowFactory.create(
                  o.id(),
                  en.onlyZone(),
                  similarity,
                  code,
                  len,
                  en.inherited(),
                  hits(text, o.keywords()),
                  cosine,
                  budgetFit));
        }
      }
    }
    if (out.isEmpty()) {
      return null;
    }
    List<Row> lists = new ArrayList<>(perZone.size());
    perZone.forEach(
        (zone, best) -> {
          List<Map.Entry<Integer, Double>> ranked = new ArrayList<>(best.entrySet());
          ranked.sort(
              java.util.Comparator.<Map.Entry<Integer, Double>>comparingDouble(x -> -x.getValue())
                  .thenComparing(x -> opportunities[x.getKey()].id()));
          Row[] opps = new Row[ranked.size()];
          for (int i = 0; i < opps.length; i++) {
            Opportunity o = opportunities[ranked.get(i).getKey()];
            double sim = ranked.get(i).getValue();
            opps[i] = RowFactory.create(o.id(), sim);
          }
          lists.add(RowFactory.create(zone, opps));
        });
    return RowFactory.create(id, name, out.toArray(Row[]::new), lists.toArray(Row[]::new));
  }

  /** Matches of a partition of enterprises (rows of {@link #ENTERPRISE_COLUMNS}). */
  Iterator<Row> matchAll(Iterator<Row> enterprises) {
    return new Iterator<>() {
      private Row next;

      @Override
      public boolean hasNext() {
        while (next == null && enterprises.hasNext()) {
          next = match(enterprises.next());
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
      }
    };
  }

  /** The keywords found in the text, in the opportunity's order. */
  static String[] hits(String text, String[] keywords) {
    if (text == null) {
      return new String[0];
    }
    List<String> out = new ArrayList<>(2);
    for (String k : keywords) {
      if (k != null && text.contains(k)) {
        out.add(k);
      }
    }
    return out.toArray(String[]::new);
  }

  /** More than the largest change {@link #round4} makes to a factor or to the similarity. */
  private static final double ROUNDING_MARGIN = 1e-4;

  /** Spark's round(x, 4): half up on the decimal form of the double. */
  static double round4(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue();
  }

  private static long[] longs(List<Long> list) {
    if (list == null) {
      return null;
    }
    long[] out = new long[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }
}
