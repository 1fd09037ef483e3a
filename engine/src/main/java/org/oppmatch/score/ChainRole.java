package org.oppmatch.score;

/**
 * What an enterprise would do for a zone's chain (两图一表), by the status of the node it fits: fill a
 * missing link (补链), strengthen a weak one (强链), extend a strong one (延链); or none. Declared best
 * first: the best role of a lead is the first in this order.
 */
public enum ChainRole {
  FILL_GAP("fill_gap", "missing", 1.0, "补链", "缺失环节"),
  STRENGTHEN("strengthen", "weak", 0.7, "强链", "薄弱环节"),
  EXTEND("extend", "strong", 0.4, "延链", "优势环节"),
  NONE("none", null, 0.0, null, null);

  private final String key;
  private final String status;
  private final double value;
  private final String zh;
  private final String statusZh;

  ChainRole(String key, String status, double value, String zh, String statusZh) {
    this.key = key;
    this.status = status;
    this.value = value;
    this.zh = zh;
    this.statusZh = statusZh;
  }

  /** The role as the outputs name it (fill_gap, strengthen, extend, none). */
  public String key() {
    return key;
  }

  /** The chain_role factor's value before the node's priority. */
  public double value() {
    return value;
  }

  /** 补链, 强链 or 延链 (null for none). */
  public String zh() {
    return zh;
  }

  /** How the explanation names the node's status: 缺失环节, 薄弱环节, 优势环节. */
  public String statusZh() {
    return statusZh;
  }

  /** The role a zone_chain status gives (missing, weak, strong); NONE for anything else. */
  public static ChainRole ofStatus(String status) {
    for (ChainRole r : values()) {
      if (r.status != null && r.status.equals(status)) {
        return r;
      }
    }
    return NONE;
  }

  /** The role of an output key; NONE for an unknown one. */
  public static ChainRole of(String key) {
    for (ChainRole r : values()) {
      if (r.key.equals(key)) {
        return r;
      }
    }
    return NONE;
  }
}
