package org.oppmatch.score;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.oppmatch.config.JobConfig;
import org.oppmatch.model.Enterprise;
import org.oppmatch.model.OpenOpportunity;

/**
 * The scorer on random profiles (codes at every depth, sizes, tags, signals, places, texts), owned
 * or not: every lead's components sum to its score, the score lies in 0..100, and scoring is a
 * function of the profile.
 */
class ScorerProperties {
  static final String[] CODES = {"3741", "374", "37", "4343", "3973", "39", "0111", "3744"};
  static final String[] TAGS = {"listed", "fortune_global_500", "high_tech", "chain_leader"};
  static final String[] SIGNALS = {
    "expansion:2026-11-01", "financing:2025-01-10", "hiring:2026-10-20", "relocation:2026-06-30"
  };
  static final String[] TEXTS = {"航空发动机涡轮叶片研制", "芯片 封装 测试", "稻谷种植", "", "技术服务"};
  static final String[] OWNERS = {null, "GAP", "WEAK", "LEAD", "FAR"};

  static final Scorer SCORER =
      ScorerTest.scorer(
          new JobConfig(),
          List.of(
              new OpenOpportunity(
                  "O_ENGINE", "涡轮叶片配套", "GAP", null, new String[] {"3741"}, "航空发动机涡轮叶片", null, 1e6),
              new OpenOpportunity(
                  "O_CHIP", "芯片封装", null, "aero", new String[] {"39"}, "芯片 封装 测试", null, null)));

  record Profile(
      List<String> codes,
      List<String> tags,
      List<String> signals,
      String text,
      Double revenue,
      Integer employees,
      double latitude,
      String owner) {}

  @Provide
  Arbitrary<Profile> profiles() {
    return Combinators.combine(
            Arbitraries.of(CODES).list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.of(TAGS).list().ofMaxSize(2).uniqueElements(),
            Arbitraries.of(SIGNALS).list().ofMaxSize(2).uniqueElements(),
            Arbitraries.of(TEXTS),
            Arbitraries.doubles().between(0, 1e11).injectNull(0.3),
            Arbitraries.integers().between(0, 50_000).injectNull(0.3),
            Arbitraries.doubles().between(18, 50),
            Arbitraries.of(OWNERS))
        .as(Profile::new);
  }

  static Enterprise enterprise(Profile p) {
    Enterprise e = new Enterprise();
    e.id = "E1";
    e.name = "测试企业有限公司";
    e.country = "CN";
    e.city = "成都";
    e.latitude = p.latitude();
    e.longitude = 104.0;
    e.industryCodes = p.codes().toArray(String[]::new);
    e.businessScope = p.text();
    e.revenue = p.revenue();
    e.employees = p.employees();
    e.tags = p.tags().toArray(String[]::new);
    e.signals = p.signals().toArray(String[]::new);
    return e;
  }

  @Property(tries = 3000)
  void componentsSumToTheScoreOfEveryLead(@ForAll("profiles") Profile p) {
    Scorer.Scored s = SCORER.score(enterprise(p), SCORER.scratch(), p.owner());
    List<Lead> leads = new java.util.ArrayList<>(s.eligible());
    if (s.owned() != null) {
      leads.add(s.owned());
    }
    for (Lead l : leads) {
      double sum = 0;
      for (double c : l.components) {
        sum += c;
      }
      assertEquals(l.score, sum, 0.005, l.zoneId + " " + java.util.Arrays.toString(l.components));
      assertTrue(l.score >= 0 && l.score <= 100, l.zoneId + " " + l.score);
    }
    Scorer.Scored again = SCORER.score(enterprise(p), SCORER.scratch(), p.owner());
    assertEquals(s.eligible().size(), again.eligible().size());
    for (int i = 0; i < s.eligible().size(); i++) {
      assertEquals(s.eligible().get(i).zoneId, again.eligible().get(i).zoneId);
      assertArrayEquals(s.eligible().get(i).components, again.eligible().get(i).components);
    }
  }
}
