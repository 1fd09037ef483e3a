package org.oppmatch.lookup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oppmatch.export.Labels;
import org.oppmatch.model.EngagementStage;

/**
 * The lookup for people: Chinese labels with the English key in brackets, rendered from the same
 * JSON document {@code --json} prints, so the two never say different things.
 */
final class LookupReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LookupReport() {}

  static String json(JsonNode doc) {
    try {
      return JSON.writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The companies a name matched, for --json. */
  static ObjectNode candidates(String query, List<String[]> candidates) {
    ObjectNode n = JSON.createObjectNode();
    n.put("query", query);
    ArrayNode a = n.putArray("candidates");
    for (String[] c : candidates) {
      ObjectNode x = a.addObject();
      x.put("enterprise_id", c[0]);
      x.put("name", c[1]);
      x.put("city", c[2]);
    }
    return n;
  }

  static String candidatesText(List<String[]> candidates) {
    StringBuilder b =
        new StringBuilder("多家企业符合 (several companies match)，请用企业编号查询 (give an id):\n");
    for (String[] c : candidates) {
      b.append("  ").append(c[0]).append("  ").append(c[1]);
      b.append("  ").append(c[2] == null ? "—" : c[2]).append('\n');
    }
    return b.toString();
  }

  static String text(JsonNode doc) {
    StringBuilder b = new StringBuilder();
    JsonNode e = doc.path("enterprise");
    JsonNode company = doc.path("company");
    if (e.isMissingNode()) {
      line(
          b,
          "企业 (enterprise)",
          company.path("company_id").asText() + "：输入行全部被隔离，未参与评分 (quarantined, not scored)");
    } else {
      line(b, "企业 (enterprise)", e.path("enterprise_id").asText() + "  " + e.path("name").asText());
      b.append("  城市 (city) ").append(orDash(e.path("city")));
      b.append(" · 国家 (country) ").append(orDash(e.path("country")));
      b.append(" · 行业代码 (industry_codes) ").append(joined(e.path("industry_codes"), ";"));
      b.append(" · 集团 (group_id) ").append(orDash(e.path("group_id"))).append('\n');
      b.append("  标签 (tags) ").append(joined(e.path("tags"), ", "));
      b.append(" · 信号 (signals) ").append(joined(e.path("signals"), ", ")).append('\n');
      b.append("  法定代表人 ").append(orDash(e.path("legal_representative")));
      b.append(" · 电话 ").append(orDash(e.path("phone")));
      b.append(" · 邮箱 ").append(orDash(e.path("email")));
      b.append(" · 网址 ").append(orDash(e.path("website")));
      b.append(" · 地址 ").append(orDash(e.path("address"))).append('\n');
      if (e.path("inactive").asBoolean(false)) {
        b.append("  登记状态 (registration_status) ")
            .append(e.path("registration_status").asText())
            .append("：已注销、吊销或停业，不列入任何清单 (inactive: on no list)\n");
      }
    }
    b.append("  合并 (entities) ").append(entities(company)).append('\n');
    for (JsonNode q : doc.path("quarantined_rows")) {
      b.append("  隔离行 (quarantined) ")
          .append(q.path("enterprise_id").asText())
          .append(" ")
          .append(q.path("file").asText())
          .append(" 第 ")
          .append(q.path("line").asLong())
          .append(" 行: ")
          .append(joined(q.path("rules"), ", "));
      if (!q.path("detail").isNull() && !q.path("detail").isMissingNode()) {
        b.append(" (").append(q.path("detail").asText()).append(')');
      }
      b.append('\n');
    }
    line(
        b,
        "运行 (run)",
        doc.path("run_date").asText()
            + " · 输入 (inputs) "
            + doc.path("inputs").asText()
            + " · config_hash "
            + abbreviated(doc.path("config_hash").asText("")));
    JsonNode rules = doc.path("rules");
    b.append("  规则 (rules)");
    boolean first = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = rules.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> r = it.next();
      if (!r.getKey().startsWith("outcomes.")) {
        b.append(first ? " " : " · ").append(r.getKey()).append(' ');
        b.append(number(r.getValue().asDouble()));
        first = false;
      }
    }
    b.append('\n');
    if (e.isMissingNode()) {
      warnings(b, doc.path("warnings"), false);
      return b.toString();
    }
    outcomes(b, doc.path("outcomes"));
    listed(b, doc.path("listed"));
    zones(b, doc.path("zones"));
    dropped(b, doc.path("dropped"));
    warnings(b, doc.path("warnings"), true);
    return b.toString();
  }

  private static String entities(JsonNode company) {
    JsonNode members = company.path("members");
    if (!company.path("entities_output").asBoolean()) {
      return "本次运行没有 entities 输出，该企业即其自身一行 (no entities output: the company is its own row)";
    }
    if (members.size() <= 1) {
      return "未与其他输入行合并 (its own row; company_id " + company.path("company_id").asText() + ")";
    }
    List<String> parts = new ArrayList<>();
    for (JsonNode m : members) {
      String id = m.path("enterprise_id").asText();
      parts.add(
          m.path("rule").isNull() || m.path("rule").isMissingNode()
              ? id + "（列入名单所用编号 listed under）"
              : id + " " + m.path("rule").asText());
    }
    return "公司编号 (company_id) "
        + company.path("company_id").asText()
        + " · 成员 (members) "
        + String.join("，", parts);
  }

  private static void outcomes(StringBuilder b, JsonNode o) {
    if (!o.path("table").asBoolean()) {
      line(b, "跟进记录 (outcomes)", "本次运行没有 outcomes 输入 (no outcomes table)");
      return;
    }
    if (o.path("rows").isEmpty()) {
      line(b, "跟进记录 (outcomes)", "无 (none)");
      return;
    }
    JsonNode g = o.path("engagement");
    String state =
        g.isNull() || g.isMissingNode()
            ? "对名单无影响 (no engagement that changes the lists)"
            : switch (g.path("status").asText()) {
              case "won" -> "已签约或落地 (won)，不列入任何名单";
              case "lost" -> "各园区均已放弃 (lost)，冷却期内不列入任何名单";
              case "deferred" ->
                  "企业自 " + g.path("since").asText() + " 起表示暂缓 (deferred)，暂缓期内不列入任何名单";
              default ->
                  g.path("owner_zone_id").asText()
                      + " 首报首谈 (active)，自 "
                      + g.path("since").asText()
                      + " 起，目前"
                      + stage(g.path("stage").asText());
            };
    line(b, "跟进记录 (outcomes)", state);
    for (JsonNode r : o.path("rows")) {
      b.append("  ")
          .append(r.path("date").asText())
          .append(' ')
          .append(r.path("zone_id").asText())
          .append(' ')
          .append(stage(r.path("stage").asText()))
          .append(" (")
          .append(r.path("stage").asText())
          .append(")\n");
    }
  }

  private static void listed(StringBuilder b, JsonNode listed) {
    if (listed.isEmpty()) {
      line(b, "名单 (listed)", "未列入任何园区名单 (on no list)");
      return;
    }
    line(b, "名单 (listed)", listed.size() + " 个园区");
    for (JsonNode l : listed) {
      b.append("  ")
          .append(l.path("zone_id").asText())
          .append(' ')
          .append(l.path("zone_name").asText())
          .append(" · 第 ")
          .append(l.path("rank").asInt())
          .append(" 名 (rank) · 得分 (score) ")
          .append(points(l.path("score")))
          .append(" · 等级 (tier) ")
          .append(l.path("tier").asText())
          .append(" · ")
          .append(Labels.chainRole(l.path("chain_role").asText(null)))
          .append(" (")
          .append(l.path("chain_role").asText())
          .append(')');
      if (!l.path("movement").isNull()) {
        b.append(" · 变动 (movement) ").append(l.path("movement").asText());
        if (!l.path("previous_rank").isNull()) {
          b.append("，上次第 ").append(l.path("previous_rank").asInt()).append(" 名");
        }
      }
      if (!l.path("engagement_stage").isNull()) {
        b.append(" · 跟进 (engagement_stage) ")
            .append(stage(l.path("engagement_stage").asText()))
            .append("，自 ")
            .append(l.path("engagement_since").asText());
      }
      b.append('\n');
      b.append("    推荐理由 (explanation) ").append(l.path("explanation").asText()).append('\n');
      b.append("    得分构成 (score_components) ")
          .append(components(l.path("score_components")))
          .append('\n');
      if (l.path("member_enterprise_ids").size() > 1) {
        b.append("    代表编号 (member_enterprise_ids) ")
            .append(joined(l.path("member_enterprise_ids"), ", "))
            .append('\n');
      }
    }
  }

  private static void zones(StringBuilder b, JsonNode zones) {
    if (zones.isEmpty()) {
      line(b, "各园区得分 (zones scored)", "行业代码与任何园区都不匹配 (its codes meet no zone)");
      return;
    }
    line(b, "各园区得分 (zones scored)", zones.size() + " 个园区，得分高者在前");
    int i = 1;
    for (JsonNode z : zones) {
      b.append("  ")
          .append(i++)
          .append(". ")
          .append(z.path("zone_id").asText())
          .append(' ')
          .append(z.path("zone_name").asText())
          .append("  ")
          .append(points(z.path("score")))
          .append("  ");
      List<String> said = new ArrayList<>();
      for (JsonNode f : z.path("findings")) {
        said.add(finding(f.path("code").asText(), f.path("facts"), z.path("score").asDouble()));
      }
      boolean listed = z.path("verdict").asText().equals("listed");
      // every finding that kept it off the list, in the allocation's order of checks
      b.append(listed ? "" : "未列入：").append(String.join("；且", said)).append('\n');
      if (listed) {
        continue; // its published row is shown above
      }
      b.append("     得分构成 (score_components) ")
          .append(components(z.path("score_components")))
          .append('\n');
      b.append("     匹配说明 (explanation) ").append(z.path("explanation").asText()).append('\n');
    }
  }

  /**
   * One finding of {@link Placement} as a clause, its code in brackets; the clauses of a zone not
   * listed follow one "未列入：".
   */
  static String finding(String code, JsonNode f, double score) {
    String text =
        switch (code) {
          case "listed" ->
              "已列入，第 "
                  + f.path("rank").asInt()
                  + " 名"
                  + (f.has("engagement_stage")
                      ? "（本园区自 "
                          + f.path("engagement_since").asText()
                          + " 起首报首谈，目前"
                          + stage(f.path("engagement_stage").asText())
                          + "）"
                      : "");
          case "won" ->
              f.path("date").asText() + " " + stage(f.path("stage").asText()) + "，签约或落地的企业不再列入任何名单";
          case "lost" ->
              "各园区最近的跟进均为放弃（最后一次 "
                  + f.path("date").asText()
                  + "），outcomes.cooldown_days "
                  + f.path("cooldown_days").asInt()
                  + " 天内不列入任何名单";
          case "deferred" ->
              "企业于 "
                  + f.path("date").asText()
                  + " 表示暂缓，outcomes.deferred_days "
                  + f.path("deferred_days").asInt()
                  + " 天内（至 "
                  + f.path("until").asText()
                  + "）不列入任何名单";
          case "engaged_elsewhere" ->
              f.path("owner_zone_id").asText()
                  + " 自 "
                  + f.path("engagement_since").asText()
                  + " 起首报首谈（目前"
                  + stage(f.path("engagement_stage").asText())
                  + "），企业只列入该园区名单";
          case "below_min_score" ->
              "得分低于 lists.min_score " + number(f.path("min_score").asDouble());
          case "max_zones_reached" -> {
            List<String> zones = new ArrayList<>();
            boolean tie = false;
            for (JsonNode z : f.path("listed_in")) {
              tie |= z.path("score").asDouble() == score;
              zones.add(
                  z.path("zone_id").asText()
                      + "（"
                      + points(z.path("score"))
                      + " 分，第 "
                      + z.path("rank").asInt()
                      + " 名）");
            }
            yield (tie ? "已列入同分而园区编号在前的园区 " : "已列入得分更高的园区 ")
                + String.join("、", zones)
                + "，每家企业至多列入 "
                + f.path("max_zones_per_enterprise").asInt()
                + " 个园区 (allocation.max_zones_per_enterprise)";
          }
          case "list_full" ->
              "名单已满 "
                  + f.path("list_length").asInt()
                  + "/"
                  + f.path("top_n").asInt()
                  + " (lists.top_n)，最低入选得分 "
                  + points(f.path("lowest_listed_score"))
                  + "，入选企业均排在其前"
                  + (f.path("engaged_leads").asInt() > 0
                      ? "（另有首报首谈 " + f.path("engaged_leads").asInt() + " 家，不占名额）"
                      : "");
          case "group_zones_reached" -> {
            List<String> others = new ArrayList<>();
            for (JsonNode o : f.path("listed_in")) {
              others.add(
                  o.path("enterprise_id").asText()
                      + " 列入 "
                      + o.path("zone_id").asText()
                      + "（"
                      + points(o.path("score"))
                      + " 分）");
            }
            yield "同集团 "
                + f.path("group_id").asText()
                + " 的 "
                + String.join("、", others)
                + "，每个集团至多列入 "
                + f.path("max_zones_per_enterprise").asInt()
                + " 个园区 (allocation.max_zones_per_enterprise)";
          }
          default ->
              "已发布的名单解释不了（名单 "
                  + f.path("list_length").asInt()
                  + "/"
                  + f.path("top_n").asInt()
                  + "，最低入选得分 "
                  + points(f.path("lowest_listed_score"))
                  + "）；运行之后输入、配置或引擎可能有变";
        };
    return text + " (" + code + ")";
  }

  private static void dropped(StringBuilder b, JsonNode d) {
    if (!d.path("partition").asBoolean()) {
      return;
    }
    String previous = d.path("previous_run").asText(null);
    if (previous == null && d.path("rows").isEmpty()) {
      line(b, "离开名单 (dropped)", "没有可比的上次运行 (no previous run)");
      return;
    }
    if (d.path("rows").isEmpty()) {
      line(
          b,
          "离开名单 (dropped)",
          previous == null ? "无 (none)" : "与上次运行 " + previous + " 相比：无 (none)");
      return;
    }
    line(
        b,
        "离开名单 (dropped)",
        previous == null ? "" : "与上次运行 " + previous + " 相比 (since the previous run)");
    for (JsonNode r : d.path("rows")) {
      b.append("  ")
          .append(r.path("zone_id").asText())
          .append(" 上次第 ")
          .append(r.path("previous_rank").asInt())
          .append(" 名：")
          .append(droppedReason(r.path("reason").asText(), r.path("now_zone_id").asText(null)))
          .append(" (")
          .append(r.path("reason").asText())
          .append(")\n");
    }
  }

  private static String droppedReason(String reason, String nowZone) {
    return switch (reason) {
      case "enterprise_gone" -> "不在本次输入中";
      case "inactive" -> "已注销、吊销或停业";
      case "moved_zone" -> "转入 " + nowZone + " 的名单";
      case "opportunity_closed" -> "所匹配的场景机会已关闭";
      case "fell_below_list" -> "得分落到名单之外";
      case "won" -> "已签约或落地";
      case "lost" -> "跟进放弃，冷却期内";
      case "deferred" -> "企业表示暂缓，暂缓期内";
      default -> reason;
    };
  }

  private static void warnings(StringBuilder b, JsonNode w, boolean scored) {
    if (w.isEmpty()) {
      line(
          b,
          "核对 (check)",
          scored
              ? "输入行数与运行记录一致，重算得分与已发布名单一致 (consistent with the run)"
              : "输入行数与运行记录一致 (consistent with the run)");
      return;
    }
    line(b, "注意 (warnings)", "以下与运行记录不一致，结论以已发布名单为准");
    for (JsonNode x : w) {
      b.append("  ").append(x.asText()).append('\n');
    }
  }

  private static void line(StringBuilder b, String label, String value) {
    b.append(label).append("  ").append(value).append('\n');
  }

  private static String components(JsonNode c) {
    List<String> parts = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      parts.add(Labels.factor(e.getKey()) + " " + points(e.getValue()));
    }
    return String.join("；", parts);
  }

  private static String stage(String key) {
    EngagementStage s = EngagementStage.of(key);
    return s == null ? key : s.zh();
  }

  private static String points(JsonNode v) {
    return v.isNumber() ? Labels.points(v.asDouble()) : "—";
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String orDash(JsonNode v) {
    return v.isNull() || v.isMissingNode() || v.asText().isBlank() ? "—" : v.asText();
  }

  private static String joined(JsonNode array, String sep) {
    List<String> out = new ArrayList<>();
    array.forEach(x -> out.add(x.asText()));
    return out.isEmpty() ? "—" : String.join(sep, out);
  }

  private static String abbreviated(String hash) {
    return hash.length() > 19 ? hash.substring(0, 19) + "…" : hash;
  }
}
