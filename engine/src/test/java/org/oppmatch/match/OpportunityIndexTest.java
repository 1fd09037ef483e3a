package org.oppmatch.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oppmatch.model.OpenOpportunity;
import org.oppmatch.model.ZoneModel;

/**
 * The opportunity index: hierarchy blocking (a key that is the whole of either code), similarity,
 * the minimum similarity, and the per-zone lists (best first, an inherited match only in its own
 * zone).
 */
class OpportunityIndexTest {
  static final String O1_TEXT = "低轨卫星终端 北斗定位";
  static final String O2_TEXT = "园区配套 物业服务";

  static final ZoneModel ZONES =
      ZoneModel.build(
          List.of(
              new ZoneModel.Zone(
                  "Z1", "一区", "aero", null, null, null, null, null, new String[] {"27"}),
              new ZoneModel.Zone(
                  "Z2", "二区", "aero", null, null, null, null, null, new String[] {"39"})),
          List.of(),
          List.of());

  static final String[] O1_KEYWORDS = {"卫星", "北斗", "星"};

  /** O1's whole text: title, description and keywords. */
  static final String O1_DOC = TextFeatures.opportunityText("卫星终端", O1_TEXT, O1_KEYWORDS);

  static final TextModel TEXT = fit(O1_DOC, O2_TEXT, "有限公司 技术服务", "航空维修");

  static TextModel fit(String... docs) {
    TextModel.DocumentFrequencies df = new TextModel.DocumentFrequencies();
    for (String d : docs) {
      df.add(TextFeatures.termIndices(d, TextFeatures.Tokenizer.CHAR_BIGRAM));
    }
    return TextModel.fit(TextFeatures.Tokenizer.CHAR_BIGRAM, df);
  }

  /**
   * O1: own code 3963, city-wide in the aero ecosystem (both zones); O2: no code, of zone Z2, so it
   * inherits Z2's lead industry 39 and counts in Z2 only.
   */
  static OpportunityIndex index(double minSimilarity) {
    return OpportunityIndex.build(
        List.of(
            new OpenOpportunity(
                "O1", "卫星终端", null, "aero", new String[] {"3963"}, O1_TEXT, O1_KEYWORDS, null),
            new OpenOpportunity("O2", "园区", "Z2", null, null, O2_TEXT, new String[] {"园区"}, null)),
        ZONES,
        TEXT,
        0.8,
        0.3,
        minSimilarity);
  }

  static OpportunityIndex.Matches match(OpportunityIndex index, String code, String text) {
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    // both zones' lists wanted
    return index.match(new String[] {code}, 1e8, lower, TEXT.terms(lower), new int[] {0, 1});
  }

  @Test
  void matchesOnTheHierarchyAndListsPerZoneBestFirst() {
    OpportunityIndex.Matches m = match(index(0.1), "3963", O1_DOC);
    List<OpportunityIndex.Best> matches = m.best();
    assertEquals(2, matches.size(), matches.toString());
    // one best match per opportunity, in the order the codes meet them
    // O2's inherited lead code 39 is whole, so the key 39 matches it; O1 only on its whole code
    OpportunityIndex.Best o2 = matches.get(0);
    assertEquals("O2", o2.opportunityId());
    assertEquals(2, o2.depth());
    assertTrue(o2.inherited());
    // code 0.5 (2 digits) x 0.6 inherited, half of the similarity; no shared terms
    assertEquals(0.15, o2.similarity(), 1e-12);
    OpportunityIndex.Best o1 = matches.get(1);
    assertEquals("O1", o1.opportunityId());
    assertEquals(4, o1.depth());
    assertEquals(1.0, o1.cosine(), 1e-12, "same text: cosine 1");
    assertEquals(1.0, o1.similarity(), 1e-12);
    assertEquals(
        List.of("卫星", "北斗"), List.of(o1.keywordHits()), "keywords found, one character is none");

    assertEquals(List.of("Z1", "Z2"), m.perZone().keySet().stream().sorted().toList());
    assertEquals(
        List.of("O1"),
        m.perZone().get("Z1").stream().map(OpportunityIndex.Listed::opportunityId).toList(),
        "O2 is Z2's only");
    assertEquals(
        List.of("O1", "O2"),
        m.perZone().get("Z2").stream().map(OpportunityIndex.Listed::opportunityId).toList());
    assertEquals(0.15, m.perZone().get("Z2").get(1).similarity(), 1e-12);
  }

  @Test
  void belowTheMinimumSimilarityNothingIsKept() {
    OpportunityIndex.Matches m = match(index(0.2), "3963", O1_TEXT);
    assertEquals(
        List.of("O1"), m.best().stream().map(OpportunityIndex.Best::opportunityId).toList());
    // another division: no key in common, no match at all, and no text is worth making
    assertTrue(match(index(0.1), "2710", O1_TEXT).best().isEmpty());
    assertFalse(index(0.1).hasCandidates(new String[] {"2710"}));
    assertTrue(index(0.1).hasCandidates(new String[] {"396"}));
  }

  @Test
  void onlyTheZonesAskedForGetALists() {
    OpportunityIndex.Matches m =
        index(0.1).match(new String[] {"3963"}, 1e8, O1_DOC, TEXT.terms(O1_DOC), new int[] {1});
    assertEquals(List.of("Z2"), List.copyOf(m.perZone().keySet()));
    assertEquals(2, m.best().size(), "the matches themselves do not depend on the zones asked for");
  }

  @Test
  void theBestOfSeveralCodesMeetingOneOpportunityIsKeptWithWhy() {
    // 3963 (primary, whole) and 39 (secondary, its prefix 39 meets O2 and the whole code nothing)
    String doc = O1_DOC;
    OpportunityIndex.Matches m =
        index(0.1)
            .match(new String[] {"3963", "3964"}, 1e8, doc, TEXT.terms(doc), new int[] {0, 1});
    OpportunityIndex.Best o2 =
        m.best().stream().filter(b -> b.opportunityId().equals("O2")).findFirst().orElseThrow();
    // O2 met twice at depth 2: by the primary (0.5 x 0.6) and the secondary (0.5 x 0.8 x 0.6) code;
    // the best similarity is the primary's, and so is the reason
    assertEquals(0.15, o2.similarity(), 1e-12);
    assertEquals("3963", o2.enterpriseCode());
  }

  @Test
  void aPrefixCodeOfTheEnterpriseMatchesTheLongerOpportunityCode() {
    // the enterprise's 3-digit group 396 contains O1's class 3963: key 396 is whole on its side
    String text = "卫星终端";
    OpportunityIndex.Matches m = match(index(0.1), "396", text);
    List<OpportunityIndex.Best> matches = m.best();
    assertEquals(
        List.of("O2", "O1"),
        matches.stream().map(OpportunityIndex.Best::opportunityId).toList(),
        "O2 via 39");
    OpportunityIndex.Best o1 = matches.get(1);
    assertEquals(3, o1.depth());
    double cos = TextFeatures.cosine(TEXT.terms(text), TEXT.terms(O1_DOC));
    assertTrue(cos > 0 && cos < 1, "some shared terms: " + cos);
    // 0.5 x 0.75 (3 digits) + 0.5 x min(1, cos / 0.3), to four places
    assertEquals(
        OpportunityIndex.round4(0.5 * 0.75 + 0.5 * Math.min(1, OpportunityIndex.round4(cos) / 0.3)),
        o1.similarity(),
        1e-12);
  }
}
