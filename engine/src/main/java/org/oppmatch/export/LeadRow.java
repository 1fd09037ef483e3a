package org.oppmatch.export;

import java.util.List;
import java.util.Map;

/**
 * One lead of a zone's list as the exports show it: a row of the targets output
 * (docs/contracts/data-contract.md).
 *
 * @param scoreComponents factor key to points; iteration order is the order shown
 * @param previousRank null when the lead is new or no earlier run is known
 * @param groupId null when the enterprise belongs to no group
 * @param engagementStage the zone's own latest stage with the enterprise (首报首谈), else null
 * @param engagementSince the day the zone's engagement began, else null
 * @param profile what the enterprise's row says about it: place, industry, size, tags
 * @param followUp its history on this list and the teams' latest note (version 3)
 */
public record LeadRow(
    int rank,
    String enterpriseId,
    String enterpriseName,
    double score,
    String tier,
    String chainRole,
    List<String> matchedNodeIds,
    List<String> matchedOpportunityIds,
    List<String> reasons,
    String explanation,
    Map<String, Double> scoreComponents,
    List<String> competingZones,
    boolean isNew,
    Integer previousRank,
    String groupId,
    String engagementStage,
    java.time.LocalDate engagementSince,
    Profile profile,
    FollowUp followUp) {

  /** A lead without history or note. */
  public LeadRow(
      int rank,
      String enterpriseId,
      String enterpriseName,
      double score,
      String tier,
      String chainRole,
      List<String> matchedNodeIds,
      List<String> matchedOpportunityIds,
      List<String> reasons,
      String explanation,
      Map<String, Double> scoreComponents,
      List<String> competingZones,
      boolean isNew,
      Integer previousRank,
      String groupId,
      String engagementStage,
      java.time.LocalDate engagementSince,
      Profile profile) {
    this(
        rank,
        enterpriseId,
        enterpriseName,
        score,
        tier,
        chainRole,
        matchedNodeIds,
        matchedOpportunityIds,
        reasons,
        explanation,
        scoreComponents,
        competingZones,
        isNew,
        previousRank,
        groupId,
        engagementStage,
        engagementSince,
        profile,
        FollowUp.NONE);
  }

  /**
   * The lead over time (data-contract.md, version 3): its rank and score on this list in the
   * earlier published runs, oldest first (null where it was not listed; empty without earlier
   * runs), and the latest note a team wrote on the company, with its date and zone (null: none).
   */
  public record FollowUp(
      List<Integer> rankHistory,
      List<Double> scoreHistory,
      String note,
      java.time.LocalDate noteDate,
      String noteZoneId) {
    public static final FollowUp NONE = new FollowUp(List.of(), List.of(), null, null, null);

    public FollowUp {
      rankHistory =
          java.util.Collections.unmodifiableList(
              new java.util.ArrayList<>(rankHistory == null ? List.of() : rankHistory));
      scoreHistory =
          java.util.Collections.unmodifiableList(
              new java.util.ArrayList<>(scoreHistory == null ? List.of() : scoreHistory));
    }
  }

  /**
   * The enterprise as its input row describes it, for the officer who calls it: province and city,
   * primary GB/T 4754 code, revenue in yuan, employees and tags (input keys). Any part may be null.
   */
  public record Profile(
      String province,
      String city,
      String industryCode,
      Double revenueCny,
      Integer employees,
      List<String> tags,
      Contacts contacts) {

    /** Nothing known. */
    public static final Profile NONE = new Profile(null, null, null, null, null, List.of());

    public Profile {
      tags = List.copyOf(tags == null ? List.of() : tags);
      contacts = contacts == null ? Contacts.NONE : contacts;
    }

    /** A profile without contacts. */
    public Profile(
        String province,
        String city,
        String industryCode,
        Double revenueCny,
        Integer employees,
        List<String> tags) {
      this(province, city, industryCode, revenueCny, employees, tags, Contacts.NONE);
    }
  }

  /**
   * Who to call, as the input gives it (data-contract.md, version 3: 法定代表人, 电话, 邮箱, 网址, 地址); any
   * part may be null.
   */
  public record Contacts(
      String legalRepresentative, String phone, String email, String website, String address) {
    public static final Contacts NONE = new Contacts(null, null, null, null, null);
  }

  public LeadRow {
    matchedNodeIds = List.copyOf(matchedNodeIds == null ? List.of() : matchedNodeIds);
    matchedOpportunityIds =
        List.copyOf(matchedOpportunityIds == null ? List.of() : matchedOpportunityIds);
    reasons = List.copyOf(reasons == null ? List.of() : reasons);
    scoreComponents = scoreComponents == null ? Map.of() : scoreComponents;
    competingZones = List.copyOf(competingZones == null ? List.of() : competingZones);
    profile = profile == null ? Profile.NONE : profile;
    followUp = followUp == null ? FollowUp.NONE : followUp;
  }
}
