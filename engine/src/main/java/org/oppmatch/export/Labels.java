package org.oppmatch.export;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.oppmatch.model.IndustryNames;
import org.oppmatch.model.Tag;
import org.oppmatch.publish.Changes;
import org.oppmatch.score.ChainRole;
import org.oppmatch.score.Factor;

/** The Chinese words the promotion teams use for the engine's codes. */
public final class Labels {
  private Labels() {}

  private static final Map<String, String> NODE_STATUS =
      Map.of("strong", "较强", "weak", "薄弱", "missing", "缺失");

  /**
   * The city's twelve industrial ecosystems (产业生态圈, glossary.md) by the ids the inputs use for
   * them; an input may also name an ecosystem in Chinese, which is shown as it is.
   */
  private static final Map<String, String> ECOSYSTEMS =
      Map.ofEntries(
          Map.entry("electronic_info", "电子信息"),
          Map.entry("digital_economy", "数字经济"),
          Map.entry("artificial_intelligence", "人工智能"),
          Map.entry("aerospace", "航空航天"),
          Map.entry("rail_transit", "轨道交通"),
          Map.entry("automotive", "汽车"),
          Map.entry("biomedicine", "生物医药"),
          Map.entry("new_materials", "新型材料"),
          Map.entry("urban_agri_food", "都市农业和食品"),
          Map.entry("producer_services", "先进生产性服务业"),
          Map.entry("new_consumption", "新消费"),
          Map.entry("carbon_neutral", "碳中和"));

  /** The Chinese name of an ecosystem id (航空航天 for aerospace); an unknown id as it is. */
  public static String ecosystem(String id) {
    return id == null ? null : ECOSYSTEMS.getOrDefault(id.trim().toLowerCase(Locale.ROOT), id);
  }

  /** The primary industry's name: the class's own, else its nearest named level, e.g. 飞机制造. */
  public static String industry(String code, Map<String, String> classNames) {
    return IndustryNames.label(code, classNames);
  }

  /**
   * The tags in Chinese, the most telling first (世界500强、上市公司), joined with "、"; an unknown tag is
   * shown as it is, after the known ones; null when there are none.
   */
  public static String tags(List<String> keys) {
    if (keys == null || keys.isEmpty()) {
      return null;
    }
    return keys.stream()
        .distinct()
        .sorted(
            Comparator.comparingDouble(
                (String k) -> Tag.of(k) == null ? 1.0 : -Tag.of(k).standing()))
        .map(k -> Tag.of(k) == null ? k : Tag.of(k).zh())
        .collect(Collectors.joining("、"));
  }

  /**
   * Why a lead left its list, for the team: the dropped output's reason codes (docs/scoring.md) in
   * Chinese, naming the zone that lists the enterprise now; any other text is shown as it is.
   */
  public static String droppedReason(String reason, String nowZoneId, Names names) {
    if (reason == null) {
      return null;
    }
    return switch (reason) {
      case Changes.ENTERPRISE_GONE -> "企业已不在本次输入数据中";
      case Changes.INACTIVE -> "企业已注销、吊销或停业，不再列入清单";
      case Changes.MOVED_ZONE ->
          nowZoneId == null
              ? "已列入其他园区的清单"
              : "已列入" + names.zoneNames().getOrDefault(nowZoneId, nowZoneId) + "的清单";
      case Changes.OPPORTUNITY_CLOSED -> "所匹配的场景机会已截止";
      case Changes.FELL_BELOW_LIST -> "得分未进入本次清单";
      case Changes.WON -> "已签约或落地，不再列入清单";
      case Changes.LOST -> "已放弃，冷却期内不再列入清单";
      case Changes.DEFERRED -> "企业表示暂缓，暂缓期内不再列入清单";
      default -> reason;
    };
  }

  /** 补链, 强链, 延链 or — for a chain_role; an unknown role is shown as it is. */
  public static String chainRole(String role) {
    if (role == null) {
      return "—";
    }
    String key = role.toLowerCase(Locale.ROOT);
    ChainRole r = ChainRole.of(key);
    if (r == ChainRole.NONE) {
      return key.equals(ChainRole.NONE.key()) ? "—" : role;
    }
    return r.zh();
  }

  /** 较强, 薄弱 or 缺失 for a zone_chain status. */
  public static String nodeStatus(String status) {
    return status == null ? "" : NODE_STATUS.getOrDefault(status.toLowerCase(Locale.ROOT), status);
  }

  /** 洽谈中（自2026-09-01） for an engaged lead, null for a lead nobody works yet. */
  public static String engagement(String stage, java.time.LocalDate since) {
    if (stage == null) {
      return null;
    }
    org.oppmatch.model.EngagementStage s = org.oppmatch.model.EngagementStage.of(stage);
    return (s == null ? stage : s.zh()) + (since == null ? "" : "（自" + since + "）");
  }

  /**
   * A lead's ranks on its list over the earlier runs and now, oldest first, with the direction from
   * its first listed rank to now: {@code ↑ 12→—→8→5} (— where it was not listed), {@code 新进} for a
   * lead no earlier run listed, null when there is no earlier run.
   */
  public static String trend(List<Integer> earlier, int rank) {
    if (earlier == null || earlier.isEmpty()) {
      return null;
    }
    Integer first = earlier.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
    if (first == null) {
      return "新进";
    }
    String arrow = rank < first ? "↑" : rank > first ? "↓" : "→";
    StringBuilder b = new StringBuilder(arrow).append(' ');
    // from the first run that listed it: the runs before it say nothing
    boolean started = false;
    for (Integer r : earlier) {
      started |= r != null;
      if (started) {
        b.append(r == null ? "—" : r.toString()).append('→');
      }
    }
    return b.append(rank).toString();
  }

  /** 2026-11-18 成都空天产业功能区：已走访，约下周面谈; null without a note. */
  public static String note(LeadRow.FollowUp f, Map<String, String> zoneNames) {
    if (f == null || f.note() == null) {
      return null;
    }
    String zone =
        f.noteZoneId() == null ? "" : zoneNames.getOrDefault(f.noteZoneId(), f.noteZoneId());
    return (f.noteDate() == null ? "" : f.noteDate() + " ") + zone + "：" + f.note();
  }

  /** The Chinese name of a score component; an unknown key is shown as it is. */
  public static String factor(String key) {
    return Factor.byKey(key).map(Factor::zh).orElse(key);
  }

  /** The score components as one line, e.g. {@code 产业匹配 25.00；链条角色 17.50}. */
  public static String components(Map<String, Double> components) {
    return components.entrySet().stream()
        .map(e -> factor(e.getKey()) + " " + points(e.getValue()))
        .collect(Collectors.joining("；"));
  }

  /** A score or points with two decimals, the precision the engine rounds to. */
  public static String points(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
  }
}
