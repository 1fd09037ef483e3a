package org.oppmatch.sample;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An independent reading of the data contract's company name key: the name with its legal form and
 * place decorations removed (有限公司, 有限责任公司, 股份有限公司, 集团, a bracketed place such as （上海）, a leading 成都
 * or 四川省), widths folded and spaces and punctuation dropped; a branch (分公司) keeps its words. The
 * planting of duplicates uses it to pick originals no other row looks like, and its tests use it to
 * check that a planted variant keeps its original's key; the engine has its own.
 */
public final class NameKey {
  private NameKey() {}

  /** Legal forms, longest first, so 股份有限公司 goes before 有限公司 can split it. */
  static final List<String> LEGAL_FORMS =
      List.of("股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "股份公司", "集团公司", "集团");

  /** The provinces and every city the generator registers firms in (their names as prefixes). */
  static final Set<String> PLACES = places();

  private static final List<String> PLACE_SUFFIXES =
      List.of("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市", "");

  /** A key shorter than this says too little to compare on (科技, 实业 alone). */
  static final int MIN_LENGTH = 3;

  /** The key of a name; null for a blank name or one with less than three characters left. */
  public static String of(String name) {
    if (name == null) {
      return null;
    }
    String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    s = s.replaceAll("\\s+", "");
    s = withoutBracketedPlaces(s);
    s = withoutLeadingPlaces(s);
    s = s.replace("分公司", "\u0001");
    for (String form : LEGAL_FORMS) {
      s = s.replace(form, "");
    }
    s = s.replace("\u0001", "分公司");
    s = s.replaceAll("[\\p{P}\\p{S}]", "");
    return s.length() < MIN_LENGTH ? null : s;
  }

  /** True for a place name, with or without its 省/市 suffix (成都, 四川省, 重庆市). */
  static boolean isPlace(String text) {
    for (String p : PLACES) {
      for (String suffix : PLACE_SUFFIXES) {
        if (text.equals(p + suffix)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String withoutBracketedPlaces(String s) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int close = s.charAt(i) == '(' ? s.indexOf(')', i) : -1;
      if (close > i && isPlace(s.substring(i + 1, close))) {
        i = close + 1;
      } else {
        b.append(s.charAt(i++));
      }
    }
    return b.toString();
  }

  private static String withoutLeadingPlaces(String s) {
    boolean stripped = true;
    while (stripped) {
      stripped = false;
      String longest = null;
      for (String p : PLACES) {
        for (String suffix : PLACE_SUFFIXES) {
          String head = p + suffix;
          if (s.startsWith(head)
              && s.length() - head.length() >= MIN_LENGTH
              && (longest == null || head.length() > longest.length())) {
            longest = head;
          }
        }
      }
      if (longest != null) {
        s = s.substring(longest.length());
        stripped = true;
      }
    }
    return s;
  }

  private static Set<String> places() {
    Set<String> out = new LinkedHashSet<>();
    List<String> provinces =
        new ArrayList<>(
            List.of(
                "北京", "天津", "上海", "重庆", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
                "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "四川", "贵州", "云南", "西藏", "陕西",
                "甘肃", "青海", "宁夏", "新疆"));
    out.addAll(provinces);
    for (Vocabulary.City c : Vocabulary.CITIES) {
      out.add(c.name());
      out.add(c.namePrefix());
    }
    return Set.copyOf(out);
  }
}
