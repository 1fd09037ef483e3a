package org.oppmatch.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each merge rule of "one company, one lead", and each case that must not merge. */
class CompaniesTest {
  static Companies.Candidate row(
      String id, String uscc, String name, String city, String code, String updated) {
    return new Companies.Candidate(
        id,
        uscc,
        name,
        city,
        code,
        updated == null ? null : LocalDate.parse(updated),
        new String[] {"tag_" + id},
        new String[0]);
  }

  @Test
  void namesMeanTheSameCompanyWithoutLegalFormPlaceWidthAndSpacing() {
    String key = CompanyKeys.nameKey("成都天府芯谷科技有限公司");
    assertEquals("天府芯谷科技", key);
    assertEquals(key, CompanyKeys.nameKey("天府芯谷科技股份有限公司"));
    assertEquals(key, CompanyKeys.nameKey("四川省成都市天府芯谷科技有限责任公司"));
    assertEquals(key, CompanyKeys.nameKey("天府芯谷科技（成都）有限公司"));
    assertEquals(key, CompanyKeys.nameKey(" 天府芯谷 科技集团 "));
    assertEquals("abc科技", CompanyKeys.nameKey("ＡＢＣ科技有限公司"), "full-width folded");
    assertEquals("aelionretail", CompanyKeys.nameKey("Aelion Retail Co., Ltd."));
    assertEquals(
        "天府芯谷科技成都分公司",
        CompanyKeys.nameKey("天府芯谷科技有限公司成都分公司"),
        "a branch keeps its words: it is no decoration");
    assertNull(CompanyKeys.nameKey("科技有限公司"), "a legal form and one word say too little");
    assertNull(CompanyKeys.nameKey(null));
    assertEquals(
        CompanyKeys.usccHash("91510100MA61234567"), CompanyKeys.usccHash(" 91510100ma61234567"));
    assertNull(CompanyKeys.usccHash(""));
  }

  @Test
  void theSameUsccIsOneCompanyListedUnderItsNewestRowWithEveryTag() {
    Companies c =
        Companies.resolve(
            List.of(
                row("CRM_1", "91510100MA6ABCDE1X", "甲公司", "成都", "3741", "2026-01-01"),
                row("REG_9", "91510100MA6ABCDE1X", "甲有限公司", "北京", "6520", "2026-06-01")));
    assertTrue(c.mergedAway("CRM_1"));
    assertFalse(c.mergedAway("REG_9"));
    assertEquals(new Companies.Merged("REG_9", Companies.SAME_USCC), c.merged("CRM_1"));
    assertEquals(List.of("REG_9", "CRM_1"), c.company("REG_9").memberIds());
    assertEquals(List.of("tag_REG_9", "tag_CRM_1"), List.of(c.company("REG_9").tags()));
    assertEquals(1, c.merges());
  }

  @Test
  void aRowWithoutUsccJoinsOnItsNameWhenCityOrIndustryAgree() {
    Companies byCity =
        Companies.resolve(
            List.of(
                row("E1", "91510100MA6ABCDE1X", "成都天府芯谷科技有限公司", "成都市", "3973", "2026-01-01"),
                row("E2", null, "天府芯谷科技股份有限公司", "成都", "6520", "2025-01-01")));
    assertEquals(new Companies.Merged("E1", Companies.SAME_NAME_AND_CITY), byCity.merged("E2"));
    Companies byIndustry =
        Companies.resolve(
            List.of(
                row("E1", null, "天府芯谷科技有限公司", "上海", "3973", "2026-01-01"),
                row("E2", null, "天府芯谷科技有限公司", "北京", "39", null)));
    assertEquals(
        new Companies.Merged("E1", Companies.SAME_NAME_AND_INDUSTRY),
        byIndustry.merged("E2"),
        "39 is the division of 3973; a row never updated is the older");
  }

  @Test
  void differentUsccsNeverMergeNotEvenThroughAThirdRow() {
    Companies c =
        Companies.resolve(
            List.of(
                row("E1", "91510100MA6ABCDE1X", "天府芯谷科技有限公司", "成都", "3973", "2026-01-01"),
                row("E2", "91510100MA6ZZZZZ9Y", "天府芯谷科技有限公司", "成都", "3973", "2026-01-02"),
                row("E3", null, "天府芯谷科技有限公司", "成都", "3973", "2026-01-03")));
    // E3 could be either company: it joins neither, and E1 and E2 stay apart
    assertEquals(0, c.merges());
    Companies chained =
        Companies.resolve(
            List.of(
                row("E1", "91510100MA6ABCDE1X", "天府芯谷科技有限公司", "成都", "3973", "2026-01-01"),
                row("E2", null, "天府芯谷科技有限公司", "成都", "6520", "2026-01-02"),
                row("E3", null, "天府芯谷科技有限公司", "上海", "6520", "2026-01-03"),
                row("E4", "91510100MA6ZZZZZ9Y", "天府芯谷科技有限公司", "上海", "3973", "2026-01-04")));
    // E2 joins E1 (city), E3 joins E4 (city); E2 and E3 agree on the industry but hold two USCCs
    assertEquals(List.of("E2", "E1"), chained.company("E2").memberIds());
    assertEquals(List.of("E4", "E3"), chained.company("E4").memberIds());
    assertEquals(2, chained.merges());
  }

  @Test
  void aNameTooCommonInOneCityMergesNothing() {
    List<Companies.Candidate> rows = new java.util.ArrayList<>();
    for (int i = 0; i <= Companies.MAX_BUCKET; i++) {
      rows.add(row("E" + i, null, "天府芯谷科技有限公司", "成都", "3973", "2026-01-01"));
    }
    assertEquals(0, Companies.resolve(rows).merges());
    assertEquals(
        Companies.MAX_BUCKET - 1,
        Companies.resolve(rows.subList(0, Companies.MAX_BUCKET)).merges(),
        "a bucket at the limit is still one company");
  }

  @Test
  void theSameNameInAnotherCityAndIndustryIsAnotherCompany() {
    Companies c =
        Companies.resolve(
            List.of(
                row("E1", null, "天府芯谷科技有限公司", "成都", "3973", "2026-01-01"),
                row("E2", null, "天府芯谷科技有限公司", "上海", "6520", "2026-01-01")));
    assertEquals(0, c.merges());
    assertNull(c.company("E1"));
  }

  @Test
  void namesThatNameTwoCitiesAreTwoRegistrations() {
    assertEquals("成都", CompanyKeys.namedCity("四川省成都市天府芯谷科技有限公司"));
    assertEquals("成都", CompanyKeys.namedCity("天府芯谷科技（成都）有限公司"));
    assertNull(CompanyKeys.namedCity("四川天府芯谷科技有限公司"), "a province names no city");
    assertNull(CompanyKeys.namedCity("天府芯谷科技有限公司"));
    Companies c =
        Companies.resolve(
            List.of(
                row("E1", "91510100MA6ABCDE1X", "绵阳明朗航空工业有限公司", "绵阳", "3741", "2026-01-01"),
                row("E2", null, "武汉明朗航空工业有限公司", "武汉", "3741", "2026-01-01"),
                row("E3", null, "明朗航空工业有限公司", "西安", "3741", "2025-01-01")));
    // E2 names another city than E1: it joins E3 (no city named), and E3 is not E1's then: the
    // industry joins E3 to both, and E2 and E3 hold no USCC
    assertNull(c.merged("E1"));
    assertTrue(c.merged("E2") == null || !c.merged("E2").companyId().equals("E1"));
  }

  @Test
  void mergesAreTransitive() {
    Companies c =
        Companies.resolve(
            List.of(
                row("E1", "91510100MA6ABCDE1X", "天府芯谷科技有限公司", "成都", "3973", "2026-03-01"),
                row("E2", null, "天府芯谷科技有限公司", "成都", "6520", "2026-02-01"),
                row("E3", null, "芯谷天府有限公司", "北京", "6520", "2026-01-01"),
                row("E4", null, "天府芯谷科技", "上海", "6520", "2026-01-01")));
    // E2 joins E1 on name and city; E4 joins E2 on name and industry (6520): one company of three
    assertEquals(List.of("E1", "E2", "E4"), c.company("E1").memberIds());
    assertFalse(c.mergedAway("E3"));
  }

  @Test
  void aCompanyKeepsTheIdThePreviousRunListedItUnderWithItsNewestRowsAttributes() {
    List<Companies.Candidate> rows =
        List.of(
            row("OLD_7", "91510100MA6ABCDE1X", "甲公司", "成都", "3741", "2026-01-01"),
            row("NEW_1", "91510100MA6ABCDE1X", "甲有限公司", "成都", "3741", "2026-06-01"),
            row("MID_3", "91510100MA6ABCDE1X", "甲股份公司", "成都", "3741", "2026-03-01"));
    Companies.Merge m =
        Companies.merge(
            rows, java.util.Arrays.asList(null, null, null), java.util.Set.of("OLD_7", "X"));
    assertEquals("OLD_7", m.listedId(), "yesterday's id, still one of its rows");
    assertEquals("NEW_1", m.head().id(), "scored with the newest row");
    assertEquals(List.of("OLD_7", "MID_3", "NEW_1"), m.company().memberIds());
    assertEquals(new Companies.Merged("OLD_7", Companies.SAME_USCC), m.merged().get("NEW_1"));
    assertFalse(m.merged().containsKey("OLD_7"));

    // two of its ids were listed (two leads that are one company now): the newer one
    Companies both = Companies.resolve(rows, java.util.Set.of("OLD_7", "MID_3"));
    assertEquals(List.of("MID_3", "NEW_1", "OLD_7"), both.company("MID_3").memberIds());
    assertEquals("MID_3", both.merged("OLD_7").companyId());
    // none of its ids was listed: its newest row's
    assertEquals(
        "NEW_1", Companies.merge(rows, java.util.Arrays.asList(null, null, null)).listedId());
  }

  @Test
  void aRowWithoutACityJoinsByItsIndustry() {
    // found by CompaniesProperties: a row without a city failed the whole run
    Companies c =
        Companies.resolve(
            List.of(
                row("REG_1", "91510100MA6ABCDE1X", "天府芯谷科技有限公司", "成都", "3741", "2026-06-01"),
                row("CRM_2", null, "天府芯谷科技有限公司", null, "3741", null)));
    assertEquals(
        new Companies.Merged("REG_1", Companies.SAME_NAME_AND_INDUSTRY), c.merged("CRM_2"));
    assertEquals(List.of("REG_1", "CRM_2"), c.company("REG_1").memberIds());
  }
}
