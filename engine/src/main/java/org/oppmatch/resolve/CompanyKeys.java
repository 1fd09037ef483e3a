package org.oppmatch.resolve;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.oppmatch.validate.Validation;

/**
 * The keys that find rows of one company (data-contract.md, version 2, "one company, one lead"):
 * the USCC, and the name with its legal form and place decorations removed. Both are hashed to 64
 * bits for the aggregation that finds keys shared by several rows; the rows themselves then decide.
 */
public final class CompanyKeys {
  private CompanyKeys() {}

  /** A name key shorter than this says too little to merge on (科技, 实业 alone). */
  static final int MIN_NAME_KEY = 3;

  /** Legal forms, longest first, removed wherever they stand. */
  private static final List<String> LEGAL_FORMS =
      List.of(
          "股份有限公司",
          "有限责任公司",
          "集团有限公司",
          "有限公司",
          "股份公司",
          "集团公司",
          "集团",
          "公司",
          "corporation",
          "company",
          "limited",
          "co.,ltd.",
          "co.,ltd",
          "co.ltd",
          "ltd.",
          "ltd",
          "inc.",
          "inc",
          "corp.",
          "corp",
          "gmbh",
          "co.");

  /**
   * Places a name is decorated with: the provinces and the larger cities, as a prefix (成都、四川省) or
   * in brackets ((上海)). The name of a place inside a name (成都银行) is kept when it is not at the
   * start.
   */
  private static final List<String> PLACES =
      List.of(
          "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建",
          "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海",
          "宁夏", "新疆", "香港", "澳门", "台湾", "成都", "德阳", "眉山", "资阳", "绵阳", "宜宾", "泸州", "乐山", "南充", "自贡",
          "深圳", "广州", "杭州", "南京", "苏州", "武汉", "西安", "长沙", "郑州", "青岛", "宁波", "厦门", "合肥", "济南", "沈阳",
          "大连", "昆明", "贵阳", "无锡", "东莞", "佛山");

  private static final List<String> PLACE_SUFFIXES =
      List.of("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市", "区", "");

  /**
   * The name as a key: full-width forms folded, lower case, bracketed places and leading places
   * removed, legal forms removed, then every space and punctuation mark; null when fewer than three
   * characters are left.
   */
  public static String nameKey(String name) {
    return name == null ? null : parse(name).key();
  }

  /**
   * The city a name's decorations name (成都 of 四川省成都市天府芯谷, of 天府芯谷（成都）), null when they name none or
   * a province only. Two names of one key whose decorations name two cities are two registrations,
   * not one company written two ways.
   */
  public static String namedCity(String name) {
    return name == null ? null : parse(name).city();
  }

  private record Parsed(String key, String city) {}

  private static Parsed parse(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = s.replace('【', '(').replace('】', ')').replace('[', '(').replace(']', ')');
    s = s.replaceAll("\\s+", "");
    String city = null;
    // bracketed decorations: a place, or a place and its branch words are kept out of the brackets
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int close = c == '(' ? s.indexOf(')', i) : -1;
      String place = close > i ? place(s.substring(i + 1, close)) : null;
      if (place != null) {
        city = PROVINCES.contains(place) ? city : place;
        i = close + 1;
      } else {
        b.append(c);
        i++;
      }
    }
    s = b.toString();
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      for (String p : PLACES) {
        if (s.startsWith(p)) {
          String rest = s.substring(p.length());
          for (String suffix : PLACE_SUFFIXES) {
            if (rest.startsWith(suffix)) {
              rest = rest.substring(suffix.length());
              break;
            }
          }
          if (rest.length() >= MIN_NAME_KEY) {
            s = rest;
            stripped = true;
            city = PROVINCES.contains(p) ? city : p;
          }
          break;
        }
      }
    }
    // a branch (分公司) is another unit than its parent: its words stay
    s = s.replace("分公司", "\u0001");
    for (String form : LEGAL_FORMS) {
      s = s.replace(form, "");
    }
    s = s.replace("\u0001", "分公司");
    s = s.replaceAll("[\\p{P}\\p{S}]", "");
    return new Parsed(s.length() < MIN_NAME_KEY ? null : s, city);
  }

  /** Provinces and autonomous regions (the municipalities are cities here). */
  private static final java.util.Set<String> PROVINCES =
      java.util.Set.of(
          "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南", "湖北",
          "湖南", "广东", "广西", "海南", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "台湾");

  /** The place a bracket holds (a place and a suffix such as 省 or 市), or null. */
  private static String place(String inBrackets) {
    for (String p : PLACES) {
      for (String suffix : PLACE_SUFFIXES) {
        if (inBrackets.equals(p + suffix)) {
          return p;
        }
      }
    }
    return null;
  }

  /** The 64-bit hash of a USCC (upper case), in a domain of its own. */
  public static Long usccHash(String uscc) {
    return uscc == null || uscc.isBlank()
        ? null
        : Validation.keyHash("U:" + uscc.trim().toUpperCase(Locale.ROOT));
  }

  /** The 64-bit hash of a name's key, in a domain of its own; null when the name has no key. */
  public static Long nameHash(String name) {
    String key = nameKey(name);
    return key == null ? null : Validation.keyHash("N:" + key);
  }
}
