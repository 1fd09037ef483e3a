package org.oppmatch.validate;

import java.util.List;

/**
 * A firm's registration status as registries write it (data-contract.md, version 3): active (存续,
 * 在业, 开业, 正常, or none given) or inactive (注销, 吊销, 撤销, 迁出, 停业, 歇业, 清算). A status with a bracketed
 * note after it, as commercial databases write it (存续（在营、开业、在册）), is the status before the note.
 */
public enum RegistrationStatus {
  ACTIVE,
  INACTIVE;

  public static final List<String> ACTIVE_WORDS = List.of("存续", "在业", "开业", "正常");
  public static final List<String> INACTIVE_WORDS =
      List.of("注销", "吊销", "撤销", "迁出", "停业", "歇业", "清算");

  /** The status a value says; null for a value that is neither (unknown_status). */
  public static RegistrationStatus of(String value) {
    if (value == null) {
      return ACTIVE;
    }
    String v = value.trim();
    int bracket = indexOfBracket(v);
    if (bracket > 0) {
      v = v.substring(0, bracket).trim();
    }
    if (v.isEmpty() || ACTIVE_WORDS.contains(v)) {
      return ACTIVE;
    }
    return INACTIVE_WORDS.contains(v) ? INACTIVE : null;
  }

  /** Where a note after the status begins: a bracket or a comma (吊销，未注销). */
  private static int indexOfBracket(String v) {
    int at = -1;
    for (char c : new char[] {'（', '(', '，', ','}) {
      int i = v.indexOf(c);
      if (i >= 0 && (at < 0 || i < at)) {
        at = i;
      }
    }
    return at;
  }
}
