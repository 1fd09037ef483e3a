package org.oppmatch.score;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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

  /**
   * The best industry match: the enterprise's code, the zone's, the depth, lead or node, primary.
   */
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

  /**
   * Every (zone, chain node) the enterprise fits, in any zone where it scores at least {@code
   * lists.min_score}: {@link #fit(int, int)} of the zone model's indices. The chain coverage counts
   * where the enterprises that fit a node went.
   */
  public int[] fits;

  /**
   * The learned ranking's features of this lead ({@link org.oppmatch.learn.LeadFeatures}), null
   * when the run ranks by the rules.
   */
  public double[] features;

  /** The input ids of the company the lead stands for, its own first; null for a row alone. */
  public String[] memberIds;

  /** The learned ranking's score (0..100) and its reasons, set on the driver; null under rules. */
  public Double modelScore;

  public String[] modelReasons;

  /**
   * What a promotion officer reads about the enterprise before calling it (the lead lists' profile
   * columns): its province, primary GB/T code (the first of its codes), revenue and employees.
   * Carried here because the scoring pass runs where the enterprise rows are and only leads reach
   * the driver.
   */
  public String province;

  public String primaryIndustryCode;

  /**
   * Who a team calls (data-contract.md, version 3): the legal representative, phone, email, website
   * and address as the input gives them; each may be null.
   */
  public String legalRepresentative;

  public String phone;
  public String email;
  public String website;
  public String address;
  public Double revenue;
  public Integer employees;

  /** What the lists are ordered by: the model's score when the run ranks by it, else the score. */
  public double rankValue() {
    return modelScore != null ? modelScore : score;
  }

  /** A (zone, node) pair of the zone model as one number. */
  public static int fit(int zoneIndex, int nodeIndex) {
    return (zoneIndex << 16) | nodeIndex;
  }

  /**
   * Within a zone: {@link #rankValue} descending, then score, then enterprise id; reruns give the
   * same order.
   */
  public static final Comparator<Lead> BEST_FIRST =
      (a, b) -> {
        int c = Double.compare(b.rankValue(), a.rankValue());
        c = c != 0 ? c : Double.compare(b.score, a.score);
        return c != 0 ? c : a.enterpriseId.compareTo(b.enterpriseId);
      };

  /** Within an enterprise: {@link #rankValue} descending, then score, then zone id. */
  public static final Comparator<Lead> BEST_ZONE_FIRST =
      (a, b) -> {
        int c = Double.compare(b.rankValue(), a.rankValue());
        c = c != 0 ? c : Double.compare(b.score, a.score);
        return c != 0 ? c : a.zoneId.compareTo(b.zoneId);
      };

  /** Writes the lead in the compact encoding of {@link Wire}. */
  public void write(DataOutputStream out) throws IOException {
    Wire.string(out, enterpriseId);
    Wire.string(out, enterpriseName);
    Wire.string(out, groupId);
    Wire.string(out, zoneId);
    out.writeDouble(score);
    Wire.doubles(out, components);
    out.writeByte(chainRole.ordinal());
    out.writeInt(nodes.length);
    for (NodeMatch n : nodes) {
      out.writeByte(n.role().ordinal());
      out.writeBoolean(n.secondary());
      Wire.optional(out, n.priority());
      Wire.string(out, n.nodeId());
      Wire.string(out, n.nameZh());
      Wire.string(out, n.position());
    }
    Wire.strings(out, opportunityIds);
    Wire.doubles(out, opportunitySimilarities);
    Wire.string(out, matchedCode);
    Wire.string(out, targetCode);
    out.writeInt(depth);
    out.writeBoolean(leadIndustry);
    out.writeBoolean(primaryCode);
    Wire.strings(out, tags);
    Wire.string(out, bestSignal);
    Wire.string(out, city);
    Wire.optional(out, localPresence);
    Wire.optional(out, distanceKm);
    out.writeBoolean(supplier);
    out.writeDouble(capacityValue);
    Wire.strings(out, competingZones);
    Wire.ints(out, fits);
    Wire.doubles(out, features);
    Wire.strings(out, memberIds);
    Wire.string(out, province);
    Wire.string(out, primaryIndustryCode);
    Wire.optional(out, revenue);
    Wire.optional(out, employees);
    Wire.string(out, legalRepresentative);
    Wire.string(out, phone);
    Wire.string(out, email);
    Wire.string(out, website);
    Wire.string(out, address);
  }

  /** Reads a lead written by {@link #write}. */
  public static Lead read(DataInputStream in) throws IOException {
    Lead l = new Lead();
    l.enterpriseId = Wire.string(in);
    l.enterpriseName = Wire.string(in);
    l.groupId = Wire.string(in);
    l.zoneId = Wire.string(in);
    l.score = in.readDouble();
    l.components = Wire.doubles(in);
    l.chainRole = ChainRole.values()[in.readByte()];
    l.nodes = new NodeMatch[in.readInt()];
    for (int i = 0; i < l.nodes.length; i++) {
      l.nodes[i] =
          new NodeMatch(
              ChainRole.values()[in.readByte()],
              in.readBoolean(),
              Wire.optionalInt(in),
              Wire.string(in),
              Wire.string(in),
              Wire.string(in));
    }
    l.opportunityIds = Wire.strings(in);
    l.opportunitySimilarities = Wire.doubles(in);
    l.matchedCode = Wire.string(in);
    l.targetCode = Wire.string(in);
    l.depth = in.readInt();
    l.leadIndustry = in.readBoolean();
    l.primaryCode = in.readBoolean();
    l.tags = Wire.strings(in);
    l.bestSignal = Wire.string(in);
    l.city = Wire.string(in);
    l.localPresence = Wire.optionalBoolean(in);
    l.distanceKm = Wire.optionalDouble(in);
    l.supplier = in.readBoolean();
    l.capacityValue = in.readDouble();
    l.competingZones = Wire.strings(in);
    l.fits = Wire.ints(in);
    l.features = Wire.doubles(in);
    l.memberIds = Wire.strings(in);
    l.province = Wire.string(in);
    l.primaryIndustryCode = Wire.string(in);
    l.revenue = Wire.optionalDouble(in);
    l.employees = Wire.optionalInt(in);
    l.legalRepresentative = Wire.string(in);
    l.phone = Wire.string(in);
    l.email = Wire.string(in);
    l.website = Wire.string(in);
    l.address = Wire.string(in);
    return l;
  }

  public String tier(double tierA, double tierB) {
    return FactorMath.tier(score, tierA, tierB);
  }
}
