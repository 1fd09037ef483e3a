package org.oppmatch.score;

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
      Comparator.comparingDouble((OpportunityLead l) -> -l.similarity())
          .thenComparing(OpportunityLead::enterpriseId);
}
