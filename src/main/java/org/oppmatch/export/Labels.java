package org.oppmatch.export;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The Chinese words the promotion teams use for the engine's codes. */
public final class Labels {
  private Labels() {}

  private static final Map<String, String> CHAIN_ROLE =
      Map.of("fill_gap", "补链", "strengthen", "强链", "extend", "延链", "none", "—");

  private static final Map<String, String> NODE_STATUS =
      Map.of("strong", "较强", "weak", "薄弱", "missing", "缺失");

  private static final Map<String, String> FACTOR =
      Map.of(
          "industry_fit", "产业匹配",
          "chain_role", "链条角色",
          "opportunity_fit", "场景机会",
          "strength", "企业能级",
          "momentum", "发展势头",
          "geography", "区位");

  /** 补链, 强链, 延链 or — for a chain_role; an unknown role is shown as it is. */
  public static String chainRole(String role) {
    return role == null ? "—" : CHAIN_ROLE.getOrDefault(role.toLowerCase(Locale.ROOT), role);
  }

  /** 较强, 薄弱 or 缺失 for a zone_chain status. */
  public static String nodeStatus(String status) {
    return status == null ? "" : NODE_STATUS.getOrDefault(status.toLowerCase(Locale.ROOT), status);
  }

  public static String factor(String key) {
    return FACTOR.getOrDefault(key, key);
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
