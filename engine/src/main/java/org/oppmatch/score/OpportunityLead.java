package org.oppmatch.score;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.util.Comparator;

/**
 * An enterprise's match with one scenario opportunity: its best similarity and why (the code,
 * depth, keyword hits, cosine and budget fit of its best match).
 */
public record OpportunityLead(
    String opportunityId,
    String enterpriseId,
    String enterpriseName,
    double similarity,
    String enterpriseCode,
    int depth,
    boolean inherited,
    String[] keywordHits,
    double cosine,
    double budgetFit)
    implements Serializable {

  /** Within an opportunity: similarity descending, then enterprise id. */
  public static final Comparator<OpportunityLead> BEST_FIRST =
      (a, b) -> {
        int c = Double.compare(b.similarity, a.similarity);
        return c != 0 ? c : a.enterpriseId.compareTo(b.enterpriseId);
      };

  /** Writes the match in the compact encoding of {@link Wire}. */
  public void write(DataOutputStream out) throws IOException {
    Wire.string(out, opportunityId);
    Wire.string(out, enterpriseId);
    Wire.string(out, enterpriseName);
    out.writeDouble(similarity);
    Wire.string(out, enterpriseCode);
    out.writeInt(depth);
    out.writeBoolean(inherited);
    Wire.strings(out, keywordHits);
    out.writeDouble(cosine);
    out.writeDouble(budgetFit);
  }

  /** Reads a match written by {@link #write}. */
  public static OpportunityLead read(DataInputStream in) throws IOException {
    return new OpportunityLead(
        Wire.string(in),
        Wire.string(in),
        Wire.string(in),
        in.readDouble(),
        Wire.string(in),
        in.readInt(),
        in.readBoolean(),
        Wire.strings(in),
        in.readDouble(),
        in.readDouble());
  }
}
