package org.oppmatch.validate;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character
 * alphabet, the last one a check character over the first 17.
 */
public final class Uscc {
  /** The code alphabet: digits and capitals without I, O, Z, S, V (they read like digits). */
  public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** Weight of position i (0-based) is 3^i mod 31, as the standard tabulates it. */
  static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  public static final int LENGTH = 18;

  private Uscc() {}

  /** The check character for the first 17 characters, or -1 when one is outside the alphabet. */
  public static int checkCharIndex(CharSequence first17) {
    if (first17.length() < LENGTH - 1) {
      return -1;
    }
    int sum = 0;
    for (int i = 0; i < LENGTH - 1; i++) {
      int v = ALPHABET.indexOf(first17.charAt(i));
      if (v < 0) {
        return -1;
      }
      sum += v * WEIGHTS[i];
    }
    return (31 - sum % 31) % 31;
  }

  /** Appends the right check character to a 17-character body. */
  public static String withCheckChar(String first17) {
    int c = checkCharIndex(first17);
    if (first17.length() != LENGTH - 1 || c < 0) {
      throw new IllegalArgumentException("not a 17-character USCC body: " + first17);
    }
    return first17 + ALPHABET.charAt(c);
  }

  /** True when the code has 18 characters of the alphabet and a right check character. */
  public static boolean isValid(String code) {
    if (code == null || code.length() != LENGTH) {
      return false;
    }
    int c = checkCharIndex(code);
    return c >= 0 && ALPHABET.charAt(c) == code.charAt(LENGTH - 1);
  }
}
