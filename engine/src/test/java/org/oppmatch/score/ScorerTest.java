package org.oppmatch.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oppmatch.config.JobConfig;
import org.oppmatch.match.OpportunityIndex;
import org.oppmatch.match.TextFeatures;
import org.oppmatch.match.TextModel;
import org.oppmatch.model.Enterprise;
import org.oppmatch.model.OpenOpportunity;
import org.oppmatch.model.SizeCuts;
import org.oppmatch.model.ZoneModel;

/**
 * One enterprise scored against a small zone model, in plain Java: which zones it fits, how they
 * rank, what each lead says, and its opportunity matches.
 */
class ScorerTest {
  static final LocalDate RUN = LocalDate.of(2026, 11, 20);

  /**
   * GAP misses the engine node (3741), WEAK has it weak, LEAD only leads with 37 (2 digits), FAR
   * leads with 3741 and lies 1,500 km away.
   */
  static ZoneModel zones() {
    return ZoneModel.build(
        List.of(
            zone("GAP", 30.6, 104.0, "39"),
            zone("WEAK", 30.6, 104.0, "39"),
            zone("LEAD", 30.6, 104.0, "37"),
            zone("FAR", 22.5, 114.0, "3741")),
        List.of(
            new ZoneModel.Node("ENGINE", "航空发动机", "midstream", new String[] {"3741"}),
            new ZoneModel.Node("MRO", "维修", "downstream", new String[] {"4343"})),
        List.of(
            new ZoneModel.ZoneNode("GAP", "ENGINE", "missing", 1),
            new ZoneModel.ZoneNode("WEAK", "ENGINE", "weak", 1),
            new ZoneModel.ZoneNode("GAP", "MRO", "weak", 2)));
  }

  static ZoneModel.Zone zone(String id, double lat, double lon, String... leads) {
    return new ZoneModel.Zone(id, id + "园区", "aero", lat, lon, null, 50_000.0, 5_000.0, leads);
  }

  static Scorer scorer(JobConfig config, List<OpenOpportunity> opportunities) {
    ZoneModel z = zones();
    TextModel.DocumentFrequencies df = new TextModel.DocumentFrequencies();
    for (String d : new String[] {"航空发动机 涡轮叶片", "有限公司 技术服务", "芯片 封装"}) {
      df.add(TextFeatures.termIndices(d, TextFeatures.Tokenizer.CHAR_BIGRAM));
    }
    TextModel text = TextModel.fit(TextFeatures.Tokenizer.CHAR_BIGRAM, df);
    SizeCuts.Counts sizes = new SizeCuts.Counts();
    for (int i = 1; i <= 40; i++) {
      sizes.add("37", i * 1e7, null, i * 10);
    }
    return new Scorer(
        z,
        OpportunityIndex.build(opportunities, z, text, 0.7, 0.3, 0.3),
        text,
        sizes.cuts(30),
        Scorer.Params.of(config, RUN));
  }

  static Enterprise engineMaker(String... codes) {
    Enterprise e = new Enterprise();
    e.id = "E1";
    e.name = "成都涡轮动力有限公司";
    e.country = "CN";
    e.city = "成都";
    e.latitude = 30.66;
    e.longitude = 104.06;
    e.industryCodes = codes;
    e.businessScope = "航空发动机涡轮叶片研制";
    e.revenue = 2e8;
    e.employees = 300;
    e.tags = new String[] {"listed"};
    e.signals = new String[] {"expansion:2026-11-01"};
    return e;
  }

  @Test
  void aGapFillerRanksTheZoneMissingItsNodeFirst() {
    Scorer.Scored s = scorer(new JobConfig(), List.of()).score(engineMaker("3741"));
    List<String> zones = s.eligible().stream().map(l -> l.zoneId).toList();
    assertEquals(List.of("GAP", "WEAK", "FAR", "LEAD"), zones, "by score: " + scores(s));
    Lead gap = s.eligible().get(0);
    assertEquals(ChainRole.FILL_GAP, gap.chainRole);
    assertEquals("ENGINE", gap.nodes[0].nodeId());
    assertEquals(List.of("WEAK", "FAR", "LEAD"), List.of(gap.competingZones));
    // the components add up to the score, to the cent
    double sum = 0;
    for (double c : gap.components) {
      sum += c;
    }
    assertEquals(gap.score, FactorMath.round2(sum), 1e-9);
    // a node match on the primary code at 4 digits: full industry fit, priority 1
    assertEquals(20.0, gap.components[Factor.INDUSTRY_FIT.ordinal()], 1e-9);
    assertEquals(40.0, gap.components[Factor.CHAIN_ROLE.ordinal()], 1e-9);
    assertTrue(gap.supplier, "a midstream node: the firm would supply the zone's chain");
    assertEquals("expansion:2026-11-01", gap.bestSignal);
  }

  @Test
  void theEligibleZonesComeBestFirstAndTheOwnerZoneIsScoredWhateverItsFit() {
    Scorer scorer = scorer(new JobConfig(), List.of());
    Scorer.Scored s = scorer.score(engineMaker("3741"));
    assertEquals(
        List.of("GAP", "WEAK", "FAR", "LEAD"), s.eligible().stream().map(l -> l.zoneId).toList());
    assertEquals(null, s.owned());
    Scorer.Scored owned = scorer.score(engineMaker("3741"), scorer.scratch(), "WEAK");
    assertEquals("WEAK", owned.owned().zoneId);
    assertEquals(s.eligible().get(1).score, owned.owned().score, 1e-9);
    assertEquals(List.of("GAP", "FAR", "LEAD"), List.of(owned.owned().competingZones));
  }

  @Test
  void belowTheMinimumScoreAZoneIsNoLeadAndNoCompetitor() {
    JobConfig strict = new JobConfig();
    Scorer.Scored all = scorer(strict, List.of()).score(engineMaker("3741"));
    double lead =
        all.eligible().stream()
            .filter(l -> l.zoneId.equals("LEAD"))
            .findFirst()
            .orElseThrow()
            .score;
    strict.lists.minScore = lead + 0.01;
    Scorer.Scored s = scorer(strict, List.of()).score(engineMaker("3741"));
    assertTrue(s.eligible().stream().noneMatch(l -> l.zoneId.equals("LEAD")));
    assertTrue(List.of(s.eligible().get(0).competingZones).stream().noneMatch("LEAD"::equals));
  }

  @Test
  void aSecondaryCodeCountsLessThanThePrimary() {
    Scorer sc = scorer(new JobConfig(), List.of());
    Lead primary = sc.score(engineMaker("3741")).eligible().get(0);
    Lead secondary = sc.score(engineMaker("1711", "3741")).eligible().get(0);
    assertEquals("GAP", secondary.zoneId);
    assertTrue(secondary.score < primary.score, secondary.score + " < " + primary.score);
    assertEquals(20.0 * 0.7, secondary.components[Factor.INDUSTRY_FIT.ordinal()], 1e-9);
    assertTrue(secondary.nodes[0].secondary());
  }

  @Test
  void aLeadIndustryAndANodeOnTheSameCodeNameTheLeadIndustry() {
    // FAR leads with 3741; ZONE2 also has the node: equal depth, the lead industry was added first
    ZoneModel z =
        ZoneModel.build(
            List.of(zone("BOTH", 30.6, 104.0, "3741")),
            List.of(new ZoneModel.Node("ENGINE", "航空发动机", "midstream", new String[] {"3741"})),
            List.of(new ZoneModel.ZoneNode("BOTH", "ENGINE", "weak", null)));
    TextModel text =
        new TextModel(TextFeatures.Tokenizer.CHAR_BIGRAM, new double[TextFeatures.NUM_FEATURES]);
    Scorer sc =
        new Scorer(
            z,
            OpportunityIndex.build(List.of(), z, text, 0.7, 0.3, 0.3),
            text,
            new SizeCuts.Counts().cuts(30),
            Scorer.Params.of(new JobConfig(), RUN));
    Lead l = sc.score(engineMaker("3741")).eligible().get(0);
    assertTrue(l.leadIndustry, "the lead industry is the named match");
    assertEquals("3741", l.targetCode);
    assertEquals(ChainRole.STRENGTHEN, l.chainRole, "and the node still gives the chain role");
  }

  @Test
  void opportunitiesOfTheZoneRankBestFirstAndRaiseTheScore() {
    List<OpenOpportunity> opps =
        List.of(
            new OpenOpportunity(
                "O_ENGINE", "涡轮叶片配套", "GAP", null, new String[] {"3741"}, "航空发动机涡轮叶片", null, null),
            new OpenOpportunity(
                "O_CHIP", "芯片封装", "GAP", null, new String[] {"3741"}, "芯片 封装 测试", null, null),
            new OpenOpportunity(
                "O_ELSEWHERE", "涡轮", "WEAK", null, new String[] {"3741"}, "航空发动机涡轮叶片", null, null));
    Scorer.Scored with = scorer(new JobConfig(), opps).score(engineMaker("3741"));
    Scorer.Scored without = scorer(new JobConfig(), List.of()).score(engineMaker("3741"));
    Lead gap = with.eligible().get(0);
    assertEquals("GAP", gap.zoneId);
    assertArrayEquals(new String[] {"O_ENGINE", "O_CHIP"}, gap.opportunityIds, "the text decides");
    assertTrue(gap.opportunitySimilarities[0] > gap.opportunitySimilarities[1]);
    assertEquals(
        FactorMath.round2(gap.opportunitySimilarities[0] * 5.0),
        gap.components[Factor.OPPORTUNITY_FIT.ordinal()],
        1e-9);
    assertTrue(gap.score > without.eligible().get(0).score);
    assertEquals(
        List.of("O_CHIP", "O_ELSEWHERE", "O_ENGINE"),
        with.opportunityLeads().stream().map(OpportunityLead::opportunityId).sorted().toList(),
        "every opportunity it meets, whatever its zone");
  }

  static String scores(Scorer.Scored s) {
    StringBuilder b = new StringBuilder();
    s.eligible().forEach(l -> b.append(l.zoneId).append('=').append(l.score).append(' '));
    return b.toString();
  }
}
