package org.oppmatch.rank;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.oppmatch.learn.LeadFeatures;
import org.oppmatch.model.Engagement;
import org.oppmatch.model.Enterprise;
import org.oppmatch.resolve.CompanyMerge;
import org.oppmatch.schema.InputTable;
import org.oppmatch.score.Lead;
import org.oppmatch.score.OpportunityLead;
import org.oppmatch.score.Scorer;
import org.oppmatch.validate.Validation;
import scala.Tuple2;

/**
 * The run's one pass over the enterprises: each accepted enterprise (duplicate losers aside) is
 * scored by the broadcast {@link Scorer}, offered as a candidate to every zone where it scores at
 * least {@code lists.min_score}, and its opportunity matches kept; each partition keeps only its
 * best candidates per zone and best matches per opportunity, so the shuffle that merges them
 * carries a bounded number of rows whatever the input size. The allocation of candidates to zones
 * ({@link Allocation#stable}) runs on the driver over the merged candidates. An enterprise with an
 * engagement is not a candidate: won or lost, it is on no list; active, its lead in the owner zone
 * travels apart, to be listed there whatever the list's length.
 */
public final class ScoringPass {
  private ScoringPass() {}

  /**
   * What the pass broadcasts: the scorer, every id of the previous run's leads' companies, the
   * engagements and the list sizes; when the run learns its ranking, the features to compute and,
   * per enterprise, the zones its ended engagements were with (the training rows).
   *
   * @param candidateDepth candidates kept per zone: more than {@code lists.top_n}, since an
   *     enterprise taken by a zone it fits better leaves room for the next one
   */
  public record Model(
      Scorer scorer,
      Set<String> previousMemberIds,
      Map<String, Engagement> engagements,
      int candidateDepth,
      int opportunityTopN,
      LeadFeatures features,
      Map<String, List<String>> decidedZones)
      implements Serializable {}

  /**
   * The pass's result: per zone its best {@code candidateDepth} candidates, best first; per owner
   * zone the leads of its active engagements; the ids of the previous run's leads' companies that
   * are rows of this run's companies, with the id each company is listed under now; and per
   * opportunity its best {@code opportunities.top_n} matches, best first (still distributed:
   * written from where they are).
   */
  public record Result(
      Map<String, List<Lead>> candidates,
      List<Lead> training,
      Map<String, List<Lead>> engaged,
      Map<String, String> previousCompanies,
      Set<String> inactivePreviousCompanies,
      long inactiveCompanies,
      Map<Integer, Long> fitCounts,
      JavaRDD<List<OpportunityLead>> opportunityMatches) {}

  private static final String ZONE = "Z:";
  private static final String ENGAGED = "E:";
  private static final String OPPORTUNITY = "O:";
  private static final String PRESENT = "P";
  private static final String FITS = "F";
  private static final String TRAINING = "T";

  /** The scoring input's column of a company's ids ({@link CompanyMerge#MEMBER_IDS}). */
  private static final int MEMBER_IDS = Validation.schema(InputTable.ENTERPRISES).size();

  /**
   * Runs the pass over the companies ({@link CompanyMerge#scoringInput}: accepted rows, no
   * duplicate's loser, one row per company) with the broadcast model: one Spark job; the matches
   * are read later.
   */
  public static Result run(JavaRDD<Row> companies, Broadcast<Model> shared) {
    JavaPairRDD<String, byte[]> merged =
        companies
            .mapPartitionsToPair(rows -> asBytes(scorePartition(rows, shared.value())))
            .reduceByKey(Partial::merge);
    Map<String, List<Lead>> candidates = new HashMap<>();
    Map<String, List<Lead>> engaged = new HashMap<>();
    Map<String, String> present = new HashMap<>();
    Set<String> inactive = new java.util.HashSet<>();
    long inactiveCount = 0;
    Map<Integer, Long> fitCounts = new HashMap<>();
    List<Lead> training = List.of();
    for (Tuple2<String, byte[]> t : merged.filter(t -> !t._1().startsWith(OPPORTUNITY)).collect()) {
      Partial p = Partial.fromBytes(t._2());
      if (t._1().startsWith(ZONE)) {
        candidates.put(t._1().substring(ZONE.length()), best(p));
      } else if (t._1().equals(TRAINING)) {
        training = best(p);
      } else if (t._1().startsWith(ENGAGED)) {
        engaged.put(t._1().substring(ENGAGED.length()), best(p));
      } else if (p instanceof Partial.Tally tally) {
        fitCounts.putAll(tally.counts);
      } else {
        Partial.Present pr = (Partial.Present) p;
        present.putAll(pr.companyOf());
        inactive.addAll(pr.inactive);
        inactiveCount += pr.inactiveRows;
      }
    }
    JavaRDD<List<OpportunityLead>> matches =
        merged
            .filter(t -> t._1().startsWith(OPPORTUNITY))
            .map(t -> ScoringPass.<OpportunityLead>best(Partial.fromBytes(t._2())));
    return new Result(
        candidates, training, engaged, present, inactive, inactiveCount, fitCounts, matches);
  }

  private static Iterator<Tuple2<String, byte[]>> asBytes(Iterator<Tuple2<String, Partial>> parts) {
    List<Tuple2<String, byte[]>> out = new ArrayList<>();
    parts.forEachRemaining(t -> out.add(new Tuple2<>(t._1(), t._2().toBytes())));
    return out.iterator();
  }

  @SuppressWarnings("unchecked")
  private static <T extends Serializable> List<T> best(Partial p) {
    return ((Partial.Best<T>) p).sorted();
  }

  /** Scores a partition's enterprises and returns its parts: only the best cross the shuffle. */
  static Iterator<Tuple2<String, Partial>> scorePartition(Iterator<Row> rows, Model m) {
    Map<String, Partial.Best<Lead>> zones = new HashMap<>();
    Map<String, Partial.Best<Lead>> engaged = new HashMap<>();
    Map<String, Partial.Best<OpportunityLead>> opportunities = new HashMap<>();
    Partial.Present present = new Partial.Present();
    Partial.Tally fits = new Partial.Tally();
    Partial.Best<Lead> training = new Partial.Best<>(Partial.Order.LEADS, Integer.MAX_VALUE);
    org.oppmatch.match.OpportunityIndex.Scratch scratch = m.scorer().scratch();
    while (rows.hasNext()) {
      Row r = rows.next();
      String id = Enterprise.idOf(r);
      String[] members =
          r.length() <= MEMBER_IDS || r.isNullAt(MEMBER_IDS)
              ? null
              : r.<String>getList(MEMBER_IDS).toArray(String[]::new);
      boolean inactive = Enterprise.inactive(r);
      for (String member : members == null ? new String[] {id} : members) {
        if (m.previousMemberIds().contains(member)) {
          present.companyOf.put(member, id);
          if (inactive) {
            present.inactive.add(id);
          }
        }
      }
      if (inactive) {
        // deregistered, revoked, closed: accepted and counted, scored for nobody (version 3)
        present.inactiveRows++;
        continue;
      }
      Enterprise e = Enterprise.of(r);
      Engagement g = m.engagements().get(id);
      String owner = g != null && g.status() == Engagement.Status.ACTIVE ? g.owner() : null;
      Scorer.Scored s = m.scorer().score(e, scratch, owner);
      for (Lead l : s.eligible()) {
        l.memberIds = members;
      }
      if (s.owned() != null) {
        s.owned().memberIds = members;
      }
      if (m.features() != null) {
        for (Lead l : s.eligible()) {
          l.features = m.features().of(l, e);
        }
        if (s.owned() != null) {
          s.owned().features = m.features().of(s.owned(), e);
        }
        for (String zone : m.decidedZones().getOrDefault(id, List.of())) {
          training.offer(leadIn(zone, s, e, m, scratch));
        }
      }
      if (g == null || !g.offTheLists()) {
        // a firm that may be listed counts where it fits, for the chain coverage
        for (int fit : s.fits()) {
          fits.add(fit);
        }
      }
      if (g == null) {
        for (Lead l : s.eligible()) {
          zones
              .computeIfAbsent(
                  l.zoneId, z -> new Partial.Best<>(Partial.Order.LEADS, m.candidateDepth()))
              .offer(l);
        }
      } else if (s.owned() != null) {
        engaged
            .computeIfAbsent(owner, z -> new Partial.Best<>(Partial.Order.LEADS, Integer.MAX_VALUE))
            .offer(s.owned());
      }
      for (OpportunityLead o : s.opportunityLeads()) {
        opportunities
            .computeIfAbsent(
                o.opportunityId(),
                x -> new Partial.Best<>(Partial.Order.MATCHES, m.opportunityTopN()))
            .offer(o);
      }
    }
    List<Tuple2<String, Partial>> out = new ArrayList<>();
    zones.forEach((z, b) -> out.add(new Tuple2<>(ZONE + z, b)));
    engaged.forEach((z, b) -> out.add(new Tuple2<>(ENGAGED + z, b)));
    opportunities.forEach((o, b) -> out.add(new Tuple2<>(OPPORTUNITY + o, b)));
    out.add(new Tuple2<>(PRESENT, present));
    out.add(new Tuple2<>(FITS, fits));
    if (m.features() != null) {
      out.add(new Tuple2<>(TRAINING, training));
    }
    return out.iterator();
  }

  /**
   * The enterprise's lead in a zone its history names, with its features: the scored lead when it
   * is eligible there, else the zone's lead scored anyway (a training row needs every label, not
   * only the ones the rules would list).
   */
  private static Lead leadIn(
      String zone,
      Scorer.Scored s,
      Enterprise e,
      Model m,
      org.oppmatch.match.OpportunityIndex.Scratch scratch) {
    for (Lead l : s.eligible()) {
      if (l.zoneId.equals(zone)) {
        return l;
      }
    }
    if (s.owned() != null && s.owned().zoneId.equals(zone)) {
      return s.owned();
    }
    Lead l = m.scorer().score(e, scratch, zone).owned();
    l.features = m.features().of(l, e);
    return l;
  }
}
