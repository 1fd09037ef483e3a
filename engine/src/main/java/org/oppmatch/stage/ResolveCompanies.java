package org.oppmatch.stage;

import java.util.HashSet;
import java.util.Set;
import org.oppmatch.model.Engagement;
import org.oppmatch.publish.Manifest;
import org.oppmatch.resolve.Companies;
import org.oppmatch.resolve.CompanyCandidates;
import org.oppmatch.resolve.CompanyMerge;

/**
 * The entity-resolution stage (data-contract.md, version 2, "one company, one lead"): which
 * accepted rows are one company, all of it on the executors. The candidates are found by a scan of
 * name-key blocks ({@link CompanyCandidates}; only their 8-byte id hashes reach the driver), then
 * clustered and merged into one row per company ({@link CompanyMerge}), which the scoring pass
 * reads instead of the rows. The driver learns the counts (rows, companies, merges, for the
 * manifest) and the companies of the few ids it needs: those the outcomes name, so that a team's
 * history with any of a company's ids is the company's.
 */
public final class ResolveCompanies {
  private ResolveCompanies() {}

  /**
   * @param previouslyListed the ids the previous published run listed its leads under: a company
   *     that holds one keeps it
   */
  public static void run(
      RunContext run,
      ReadAndValidate.Validated in,
      Set<String> previouslyListed,
      Manifest manifest) {
    EnterpriseInput enterprises = in.enterprises();
    run.timer()
        .timed(
            Step.RESOLVE_COMPANIES,
            () -> {
              long[] candidates =
                  CompanyCandidates.find(enterprises.validated(), enterprises.duplicates());
              Set<Long> shared = enterprises.sharedUsccHashes();
              CompanyMerge merge =
                  new CompanyMerge(
                      enterprises.validated(),
                      enterprises.duplicates(),
                      candidates,
                      shared,
                      previouslyListed);
              Set<String> named = new HashSet<>();
              for (Engagement.Outcome o : in.reference().outcomes()) {
                named.add(o.enterpriseId());
              }
              Companies companies = merge.summary(named);
              enterprises.companies(companies, merge);
              in.reference().companies(companies);
              return null;
            });
    manifest.put("companies", enterprises.companyCounts());
  }
}
