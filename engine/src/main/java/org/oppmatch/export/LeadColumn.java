package org.oppmatch.export;

import java.util.function.BiFunction;
import org.oppmatch.model.RevenueBand;
import org.oppmatch.model.SizeBand;

/**
 * The columns of a lead list, shared by the workbook and the CSV so both always show the same rows.
 * A value is an Integer or Double (written as a number), a String, or null (empty). Who the
 * enterprise is (place, industry, size, tags) comes right after its name and id: what an officer
 * reads before picking up the phone.
 */
public enum LeadColumn {
  RANK("排名", 6, false, (r, n) -> r.rank()),
  ENTERPRISE_NAME("企业名称", 30, false, (r, n) -> r.enterpriseName()),
  ENTERPRISE_ID("企业编号", 16, false, (r, n) -> r.enterpriseId()),
  PROVINCE("所在省份", 10, false, (r, n) -> r.profile().province()),
  CITY("所在城市", 10, false, (r, n) -> r.profile().city()),
  INDUSTRY_CODE("主营行业代码", 8, false, (r, n) -> r.profile().industryCode()),
  INDUSTRY_NAME(
      "主营行业", 24, true, (r, n) -> Labels.industry(r.profile().industryCode(), n.industryNames())),
  SIZE_BAND("企业规模", 8, false, (r, n) -> sizeBand(r.profile())),
  REVENUE_BAND("营业收入区间", 14, false, (r, n) -> revenueBand(r.profile())),
  EMPLOYEES("从业人数", 8, false, (r, n) -> r.profile().employees()),
  TAGS("企业标签", 24, true, (r, n) -> Labels.tags(r.profile().tags())),
  // whom to call (version 3): as the input gives it
  LEGAL_REPRESENTATIVE("法定代表人", 10, false, (r, n) -> r.profile().contacts().legalRepresentative()),
  PHONE("电话", 16, false, (r, n) -> r.profile().contacts().phone()),
  EMAIL("邮箱", 22, false, (r, n) -> r.profile().contacts().email()),
  WEBSITE("网址", 22, false, (r, n) -> r.profile().contacts().website()),
  ADDRESS("地址", 30, true, (r, n) -> r.profile().contacts().address()),
  SCORE("得分", 8, false, (r, n) -> r.score()),
  TIER("等级", 6, false, (r, n) -> r.tier()),
  CHAIN_ROLE("链条角色", 9, false, (r, n) -> Labels.chainRole(r.chainRole())),
  // node names and titles are joined with "；" because names like 航电、机载设备 hold "、" themselves
  MATCHED_NODES("匹配环节", 24, true, (r, n) -> Names.join(r.matchedNodeIds(), n.nodeNames(), "；")),
  MATCHED_OPPORTUNITIES(
      "匹配场景机会",
      36,
      true,
      (r, n) -> Names.join(r.matchedOpportunityIds(), n.opportunityTitles(), "；")),
  EXPLANATION("推荐理由", 60, true, (r, n) -> r.explanation()),
  IS_NEW("是否新增", 8, false, (r, n) -> r.isNew() ? "是" : "否"),
  PREVIOUS_RANK("上次排名", 8, false, (r, n) -> r.previousRank()),
  // version 3: the ranks over the earlier runs and now, e.g. ↑ 12→—→8→5
  TREND("趋势", 20, false, (r, n) -> Labels.trend(r.followUp().rankHistory(), r.rank())),
  COMPETING_ZONES("其他意向园区", 22, true, (r, n) -> Names.join(r.competingZones(), n.zoneNames(), "、")),
  SCORE_COMPONENTS("得分构成", 40, true, (r, n) -> Labels.components(r.scoreComponents())),
  // the zone's own engagement (首报首谈): 洽谈中（自2026-09-01）; empty for leads nobody works yet
  ENGAGEMENT(
      "跟进阶段", 18, false, (r, n) -> Labels.engagement(r.engagementStage(), r.engagementSince())),
  // version 3: what a team last wrote on the company (本次反馈：备注, imported), with when and who
  LATEST_NOTE("最近备注", 36, true, (r, n) -> Labels.note(r.followUp(), n.zoneNames()));

  private final String header;
  private final int width;
  private final boolean wrap;
  private final BiFunction<LeadRow, Names, Object> value;

  LeadColumn(String header, int width, boolean wrap, BiFunction<LeadRow, Names, Object> value) {
    this.header = header;
    this.width = width;
    this.wrap = wrap;
    this.value = value;
  }

  public String header() {
    return header;
  }

  /** Width in characters of a Latin font; a Chinese character takes about two. */
  int width() {
    return width;
  }

  /** Long free text: wrapped in the workbook rather than cut off at the column edge. */
  boolean wrap() {
    return wrap;
  }

  public Object value(LeadRow row, Names names) {
    return value.apply(row, names);
  }

  /** The national size band (中型), from revenue and employees; null when neither is known. */
  private static String sizeBand(LeadRow.Profile p) {
    SizeBand b = SizeBand.of(p.revenueCny(), p.employees());
    return b == null ? null : b.zh();
  }

  private static String revenueBand(LeadRow.Profile p) {
    RevenueBand b = RevenueBand.of(p.revenueCny());
    return b == null ? null : b.zh();
  }
}
