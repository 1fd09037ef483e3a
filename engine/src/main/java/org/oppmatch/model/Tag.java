package org.oppmatch.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The enterprise tags of data-contract.md ({@code enterprises.tags}): each with its Chinese name as
 * promotion teams say it, and the standing (能级) it gives an enterprise in the strength factor.
 */
public enum Tag {
  FORTUNE_GLOBAL_500("fortune_global_500", "世界500强", 1.0),
  CHINA_TOP_500("china_top_500", "中国500强", 0.85),
  LISTED("listed", "上市公司", 0.6),
  UNICORN("unicorn", "独角兽企业", 0.75),
  LITTLE_GIANT("little_giant", "专精特新“小巨人”", 0.55),
  SPECIALIZED_SME("specialized_sme", "专精特新企业", 0.4),
  HIGH_TECH("high_tech", "高新技术企业", 0.3),
  SECTOR_LEADER("sector_leader", "细分行业领军企业", 0.7),
  CHAIN_LEADER("chain_leader", "链主企业", 0.8);

  private static final Map<String, Tag> BY_KEY =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Tag::key, Function.identity()));

  private final String key;
  private final String zh;
  private final double standing;

  Tag(String key, String zh, double standing) {
    this.key = key;
    this.zh = zh;
    this.standing = standing;
  }

  /** The tag as the inputs write it. */
  public String key() {
    return key;
  }

  public String zh() {
    return zh;
  }

  /** The standing the tag gives, 0 to 1: the best tag counts, others add a little. */
  public double standing() {
    return standing;
  }

  /** The tag of an input value, or null for a value that is not a tag. */
  public static Tag of(String key) {
    return BY_KEY.get(key);
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Tag::key).toList();
  }

  /**
   * The Chinese names registries write for each tag (data-contract.md, version 3), quotation marks
   * of 专精特新"小巨人" set aside.
   */
  private static final Map<String, Tag> BY_CHINESE_NAME =
      Map.ofEntries(
          Map.entry("世界500强", FORTUNE_GLOBAL_500),
          Map.entry("中国500强", CHINA_TOP_500),
          Map.entry("上市公司", LISTED),
          Map.entry("上市企业", LISTED),
          Map.entry("独角兽", UNICORN),
          Map.entry("独角兽企业", UNICORN),
          Map.entry("专精特新小巨人", LITTLE_GIANT),
          Map.entry("专精特新中小企业", SPECIALIZED_SME),
          Map.entry("专精特新企业", SPECIALIZED_SME),
          Map.entry("高新技术企业", HIGH_TECH),
          Map.entry("行业龙头", SECTOR_LEADER),
          Map.entry("细分行业领军企业", SECTOR_LEADER),
          Map.entry("链主企业", CHAIN_LEADER));

  /**
   * The key of a tag as an input writes it: its key, or one of its Chinese names (any quotation
   * marks around 小巨人, or none); another value as it is (the validation names it unknown).
   */
  public static String keyOf(String value) {
    if (BY_KEY.containsKey(value) || value.isEmpty() || value.charAt(0) < 0x80) {
      return value; // a key, or no Chinese name: read once per tag of a million rows
    }
    Tag t = BY_CHINESE_NAME.get(QUOTES.matcher(value).replaceAll(""));
    return t == null ? value : t.key();
  }

  private static final java.util.regex.Pattern QUOTES =
      java.util.regex.Pattern.compile("[\"“”「」『』'‘’]");
}
