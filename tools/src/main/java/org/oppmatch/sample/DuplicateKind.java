package org.oppmatch.sample;

import java.util.Locale;
import java.util.Optional;

/**
 * The ways {@link PlantedDuplicates} plants a row beside an original, after the entity rules of the
 * data contract: the positives are the same company as their original and name the rule that should
 * join them; the negatives only look alike and must stay apart.
 */
public enum DuplicateKind {
  /** The same USCC under a second id, older, its name the same or a variant. */
  SAME_USCC(true, "same_uscc"),
  /** No USCC, same city, legal form swapped (有限公司 and 有限责任公司, 股份 or 集团 dropped). */
  LEGAL_FORM(true, "same_name_and_city"),
  /** No USCC, same city, a place decoration added, moved or dropped (成都, 四川省, （成都）). */
  PLACE(true, "same_name_and_city"),
  /** No USCC, same city, full-width brackets written half-width. */
  WIDTH(true, "same_name_and_city"),
  /** No USCC, same city, a space, an ideographic space or a middle dot inside the name. */
  SPACING(true, "same_name_and_city"),
  /** No USCC, another city, the same primary industry (or its three-digit group). */
  OTHER_CITY_SAME_INDUSTRY(true, "same_name_and_industry"),
  /** A branch 「…成都分公司」 with a USCC of its own: another unit than its parent. */
  BRANCH(false, null),
  /** The same name, city and industry under another, new USCC. */
  LOOK_ALIKE(false, null),
  /** The same name without USCC in another city and another industry division. */
  OTHER_CITY_OTHER_INDUSTRY(false, null);

  private final boolean sameCompany;
  private final String expectedRule;

  DuplicateKind(boolean sameCompany, String expectedRule) {
    this.sameCompany = sameCompany;
    this.expectedRule = expectedRule;
  }

  /** True when the planted row is the same company as its original. */
  public boolean sameCompany() {
    return sameCompany;
  }

  /** The entities rule that should join it to its original; null for a look-alike. */
  public String expectedRule() {
    return expectedRule;
  }

  /** The name written to entity_truth.csv ({@code same_uscc}, {@code look_alike}, ...). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<DuplicateKind> byName(String id) {
    for (DuplicateKind k : values()) {
      if (k.id().equals(id)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
