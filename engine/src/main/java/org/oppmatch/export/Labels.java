package org.oppmatch.export;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.oppmatch.score.ChainRole;
import org.oppmatch.score.Factor;

/** The Chinese words the promotion teams use for the engine's codes. */
public final class Labels {
  private Labels() {}

  private static final Map<String, String> NODE_STATUS =
      Map.of("strong", "较强", "weak", "薄弱", "missing", "缺失");

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
