package org.oppmatch.model;

import java.util.Arrays;
import java.util.List;

/**
 * The stages of data-contract.md's {@code outcomes.stage}: how far a zone's team got with an
 * enterprise, with the Chinese the lists show. In lifecycle order; a later stage on the same day is
 * the newer one.
 */
public enum EngagementStage {
  CONTACTED("contacted", "已接触", Kind.ACTIVE),
  VISITED("visited", "已走访", Kind.ACTIVE),
  NEGOTIATING("negotiating", "洽谈中", Kind.ACTIVE),
  // version 3: "not now"; after a negotiation on the same day, before a signature
  DEFERRED("deferred", "暂缓", Kind.DEFERRED),
  SIGNED("signed", "已签约", Kind.WON),
  LANDED("landed", "已落地", Kind.WON),
  LOST("lost", "已放弃", Kind.LOST);

  /** What a stage means for the lists. */
  public enum Kind {
    /** The zone is working on the enterprise: it owns the lead while the contact is recent. */
    ACTIVE,
    /** The enterprise signed or landed: on no list. */
    WON,
    /** The zone gave up, or the enterprise said no. */
    LOST,
    /** The enterprise said "not now": off the lists for a while, then as if new. */
    DEFERRED
  }

  private final String key;
  private final String zh;
  private final Kind kind;

  EngagementStage(String key, String zh, Kind kind) {
    this.key = key;
    this.zh = zh;
    this.kind = kind;
  }

  public String key() {
    return key;
  }

  public String zh() {
    return zh;
  }

  public Kind kind() {
    return kind;
  }

  /** The stage of an input value, or null for a value that is not a stage. */
  public static EngagementStage of(String key) {
    for (EngagementStage s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    return null;
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(EngagementStage::key).toList();
  }
}
