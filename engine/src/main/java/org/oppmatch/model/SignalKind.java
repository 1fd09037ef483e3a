package org.oppmatch.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The kinds of recent signal of data-contract.md ({@code enterprises.signals}, {@code
 * kind:YYYY-MM-DD}): each with its Chinese name and its weight in the momentum factor on its day
 * (halved every {@code scoring.signal_half_life_days} after).
 */
public enum SignalKind {
  FINANCING("financing", "融资", 0.4),
  EXPANSION("expansion", "扩张", 0.6),
  NEW_BRANCH("new_branch", "设立分支机构", 0.5),
  HIRING("hiring", "扩大招聘", 0.25),
  RELOCATION("relocation", "迁址", 0.6);

  private static final Map<String, SignalKind> BY_KEY =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(SignalKind::key, Function.identity()));

  private final String key;
  private final String zh;
  private final double weight;

  SignalKind(String key, String zh, double weight) {
    this.key = key;
    this.zh = zh;
    this.weight = weight;
  }

  public String key() {
    return key;
  }

  public String zh() {
    return zh;
  }

  /** The signal's weight in momentum on its day, 0 to 1. */
  public double weight() {
    return weight;
  }

  /** The kind of an input value, or null for a value that is not a kind. */
  public static SignalKind of(String key) {
    return BY_KEY.get(key);
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(SignalKind::key).toList();
  }
}
