package org.oppmatch.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oppmatch.score.ChainRole;
import org.oppmatch.score.Lead;
import org.oppmatch.score.NodeMatch;
import org.oppmatch.score.OpportunityLead;

/** The reasons and the sentence of a lead, for the cases a promotion officer reads. */
class ExplanationsTest {
  static final Explanations EXPLAIN =
      new Explanations(
          LocalDate.of(2026, 11, 20),
          300,
          2,
          Map.of("O1", "航空发动机涡轮叶片配套"),
          Map.of("3741", "航空、航天相关设备制造"));

  static Lead gapFiller() {
    Lead l = new Lead();
    l.enterpriseId = "E1";
    l.zoneId = "Z";
    l.chainRole = ChainRole.FILL_GAP;
    l.nodes =
        new NodeMatch[] {
          new NodeMatch(ChainRole.FILL_GAP, false, 1, "AERO_ENGINE", "航空发动机", "midstream"),
          new NodeMatch(ChainRole.EXTEND, false, null, "MRO", "维修", "downstream")
        };
    l.opportunityIds = new String[] {"O1", "O2", "O3"};
    l.opportunitySimilarities = new double[] {0.9, 0.5, 0.4};
    l.matchedCode = "3741";
    l.targetCode = "3741";
    l.depth = 4;
    l.leadIndustry = false;
    l.primaryCode = true;
    l.tags = new String[] {"listed", "fortune_global_500"};
    l.bestSignal = "expansion:2026-11-01";
    l.city = "成都";
    l.distanceKm = 10.0;
    l.supplier = true;
    l.capacityValue = 1.0;
    return l;
  }

  @Test
  void aGapFillerNamesItsNodeOpportunityStandingSignalAndPlace() {
    Lead l = gapFiller();
    assertEquals(List.of("O1", "O2"), EXPLAIN.matchedOpportunityIds(l));
    assertEquals(
        List.of(
            "FILL_GAP:AERO_ENGINE",
            "EXTEND:MRO",
            "INDUSTRY:3741@4",
            "OPP:O1",
            "OPP:O2",
            "TAG:listed",
            "TAG:fortune_global_500",
            "SIGNAL:expansion@2026-11-01",
            "CHENGDU_METRO",
            "LOCAL_SUPPLY",
            "SPACE_AVAILABLE"),
        EXPLAIN.reasons(l));
    assertEquals("补链：航空发动机（缺失环节）；匹配场景机会「航空发动机涡轮叶片配套」；世界500强；近19天扩张信号；位于成德眉资。", EXPLAIN.sentence(l));
  }

  @Test
  void withoutAChainRoleTheIndustryIsNamedAndDistantFirmsByTheirDistance() {
    Lead l = gapFiller();
    l.chainRole = ChainRole.NONE;
    l.nodes = new NodeMatch[0];
    l.leadIndustry = true;
    l.primaryCode = false;
    l.opportunityIds = new String[0];
    l.opportunitySimilarities = new double[0];
    l.tags = new String[0];
    l.bestSignal = null;
    l.city = "德州";
    l.distanceKm = 212.5;
    l.supplier = false;
    l.capacityValue = 0.5;
    assertEquals(
        List.of("INDUSTRY:3741@4", "LEAD:3741", "SECONDARY_CODE", "WITHIN_300KM"),
        EXPLAIN.reasons(l));
    assertEquals("主营行业3741（航空、航天相关设备制造）契合园区主导产业；距园区约213公里，在300公里协作配套半径内。", EXPLAIN.sentence(l));
    l.localPresence = true;
    assertEquals("主营行业3741（航空、航天相关设备制造）契合园区主导产业；已在成德眉资设有主体，可按增资扩产跟进。", EXPLAIN.sentence(l));
  }

  @Test
  void anOpportunityMatchSaysItsCodeTextBudgetAndKeywords() {
    OpportunityLead o =
        new OpportunityLead(
            "O1", "E1", "名", 0.61, "3741", 4, true, new String[] {"涡轮", "叶片"}, 0.125, 0.5);
    assertEquals(
        List.of(
            "CODE:3741@4",
            "ZONE_LEAD_CODES",
            "TEXT:0.12",
            "BUDGET_FIT:0.50",
            "KEYWORD:涡轮",
            "KEYWORD:叶片"),
        Explanations.opportunityReasons(o));
    OpportunityLead plain =
        new OpportunityLead("O1", "E1", "名", 0.5, "37", 2, false, new String[0], 0.0, 1.0);
    assertEquals(List.of("CODE:37@2"), Explanations.opportunityReasons(plain));
  }
}
