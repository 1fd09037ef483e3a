package org.oppmatch.export;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tiny zones and leads for the export tests, with the hostile names a real input may carry. */
final class ExportFixtures {
  private ExportFixtures() {}

  /** Names a spreadsheet would run or a browser would parse if written carelessly. */
  static final List<String> HOSTILE_NAMES =
      List.of("=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\tcmd", "\rcr");

  static final String SCRIPT_NAME = "<script>alert(1)</script>";

  static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);

  static Map<String, Double> components(double industry, double chain) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("industry_fit", industry);
    m.put("chain_role", chain);
    return m;
  }

  static LeadRow lead(int rank, String id, String name, double score, String tier, String role) {
    return new LeadRow(
        rank,
        id,
        name,
        score,
        tier,
        role,
        List.of("AERO_ENGINE"),
        List.of("OPP_1"),
        List.of("FILL_GAP:AERO_ENGINE"),
        "补链：航空发动机（缺失环节）；位于成德眉资。",
        components(score / 2, score / 2),
        List.of("cd_other"),
        false,
        rank + 1,
        null,
        null,
        null,
        LeadRow.Profile.NONE);
  }

  /** A profile every profile column has a value for: a mid-sized aircraft maker in Chengdu. */
  static final LeadRow.Profile PROFILE =
      new LeadRow.Profile(
          "四川省",
          "成都",
          "3741",
          35_000_000.0,
          350,
          List.of("listed", "high_tech", "fortune_global_500"));

  /**
   * A zone of two leads, the first with {@link #PROFILE}, the second with nothing known of it;
   * {@code industryNames} stands for the run's classification table.
   */
  static ZoneExport profiledZone(Map<String, String> industryNames) {
    LeadRow known = lead(1, "E001", "中航动力（成都）有限公司", 82.5, "A", "fill_gap");
    LeadRow withProfile =
        new LeadRow(
            known.rank(),
            known.enterpriseId(),
            known.enterpriseName(),
            known.score(),
            known.tier(),
            known.chainRole(),
            known.matchedNodeIds(),
            known.matchedOpportunityIds(),
            known.reasons(),
            known.explanation(),
            known.scoreComponents(),
            known.competingZones(),
            known.isNew(),
            known.previousRank(),
            known.groupId(),
            known.engagementStage(),
            known.engagementSince(),
            PROFILE);
    return new ZoneExport(
        new ZoneInfo("cd_kongtian", "成都空天产业功能区", "aerospace"),
        RUN_DATE,
        List.of(withProfile, lead(2, "E002", "川西精密机械股份有限公司", 61.25, "B", "strengthen")),
        ChangeLog.unknown(),
        List.of(),
        new Names(Map.of(), Map.of(), Map.of(), industryNames));
  }

  /** A zone with ordinary leads first, then one lead per hostile name, in rank order. */
  static ZoneExport hostileZone() {
    List<LeadRow> leads = new java.util.ArrayList<>();
    leads.add(lead(1, "E001", "中航动力（成都）有限公司", 82.5, "A", "fill_gap"));
    leads.add(lead(2, "E002", "川西精密机械股份有限公司, \"东区\"", 61.25, "B", "strengthen"));
    int rank = 3;
    for (String n : HOSTILE_NAMES) {
      leads.add(lead(rank, "H" + rank, n, 40.0 - rank, "C", "none"));
      rank++;
    }
    leads.add(lead(rank, "S" + rank, SCRIPT_NAME, 30.0, "C", "extend"));
    List<ChangeRow> changes =
        List.of(
            new ChangeRow(ChangeRow.Kind.NEW, "E001", "中航动力（成都）有限公司", 1, null, "新进入清单"),
            new ChangeRow(ChangeRow.Kind.UP, "E002", "川西精密", 2, 5, "上升 3 位"),
            new ChangeRow(ChangeRow.Kind.DROPPED, "E009", "=1+2", null, 4, "=cmd|' /C calc'!A0"));
    return new ZoneExport(
        new ZoneInfo("cd_kongtian", "成都空天产业功能区", "aerospace"),
        RUN_DATE,
        leads,
        new ChangeLog(true, true, "2026-11-19", changes),
        List.of(
            new NodeCoverage("AERO_ENGINE", "航空发动机", "missing", leads.size()),
            new NodeCoverage("AERO_AVIONICS", "航电系统", "weak", 0)),
        new Names(
            Map.of("OPP_1", "航空发动机涡轮叶片配套"),
            Map.of("AERO_ENGINE", "航空发动机", "AERO_AVIONICS", "航电系统"),
            Map.of("cd_other", "成都东部新区")));
  }

  static ZoneExport emptyZone(String id, String name) {
    return new ZoneExport(
        new ZoneInfo(id, name, "digital_economy"),
        RUN_DATE,
        List.of(),
        ChangeLog.unknown(),
        List.of(),
        Names.none());
  }
}
