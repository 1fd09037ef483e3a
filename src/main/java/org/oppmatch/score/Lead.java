package org.oppmatch.score;

import java.io.Serializable;
import java.util.Comparator;

/**
 * An enterprise scored for one zone, with what its target row and explanation need: the score and
 * its components, the chain nodes and opportunities it fits, the best industry match, and the
 * enterprise attributes the reasons name. Compact: leads cross the cluster between the scoring pass
 * and the per-zone lists.
 */
public final class Lead implements Serializable {
  private static final long serialVersionUID = 1L;

  public String enterpriseId;
  public String enterpriseName;
  public String groupId;
  public String zoneId;

  /** 0..100, the sum of the components. */
  public double score;

  /** Each factor's points, in {@link Factor} order. */
  public double[] components;

  public ChainRole chainRole;

  /** Matched nodes, best first (a node matched on a primary and a secondary code is in twice). */
  public NodeMatch[] nodes;

  /** The zone's matched open opportunities, best first: ids and similarities. */
  public String[] opportunityIds;

  public double[] opportunitySimilarities;

  /** The best industry match: the enterprise's code, the zone's, the depth, lead or node, primary. */
  public String matchedCode;

  public String targetCode;
  public int depth;
  public boolean leadIndustry;
  public boolean primaryCode;

  public String[] tags;
  public String bestSignal;
  public String city;
  public Boolean localPresence;
  public Double distanceKm;
  public boolean supplier;

  /** The capacity factor's value (0..1): 1 when the zone has the space. */
  public double capacityValue;

  /** The enterprise's other eligible zones, best first. */
  public String[] competingZones;

  /** Within a zone: score descending, then enterprise id; reruns give the same order. */
  public static final Comparator<Lead> BEST_FIRST =
      Comparator.comparingDouble((Lead l) -> -l.score).thenComparing(l -> l.enterpriseId);

  /** Within an enterprise: score descending, then zone id. */
  public static final Comparator<Lead> BEST_ZONE_FIRST =
      Comparator.comparingDouble((Lead l) -> -l.score).thenComparing(l -> l.zoneId);

  public String tier(double tierA, double tierB) {
    return FactorMath.tier(score, tierA, tierB);
  }
}
