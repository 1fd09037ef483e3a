package org.oppmatch.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsccTest {

  @ParameterizedTest
  @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L", "914403001922038216"})
  void knownCodesAreValid(String code) {
    assertTrue(Uscc.isValid(code), code);
  }

  @ParameterizedTest
  @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L", "914403001922038216"})
  void anyOtherCheckCharacterIsInvalid(String code) {
    String body = code.substring(0, 17);
    char right = code.charAt(17);
    int checked = 0;
    for (char c : Uscc.ALPHABET.toCharArray()) {
      if (c != right) {
        assertFalse(Uscc.isValid(body + c), body + c);
        checked++;
      }
    }
    assertEquals(30, checked);
  }

  @ParameterizedTest
  @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L", "914403001922038216"})
  void changingAnyBodyCharacterIsDetected(String code) {
    for (int i = 0; i < 17; i++) {
      for (char c : Uscc.ALPHABET.toCharArray()) {
        if (c != code.charAt(i)) {
          String changed = code.substring(0, i) + c + code.substring(i + 1);
          assertFalse(Uscc.isValid(changed), changed);
        }
      }
    }
  }

  @Test
  void lowerCaseLettersAreInvalid() {
    assertFalse(Uscc.isValid("91350100m000100Y43"));
    assertFalse(Uscc.isValid("91350100M000100y43"));
    assertFalse(Uscc.isValid("91110000600037341l"));
  }

  @Test
  void lettersOutsideTheAlphabetAreInvalid() {
    for (char c : "IOZSV".toCharArray()) {
      assertEquals(-1, Uscc.ALPHABET.indexOf(c), "alphabet should not hold " + c);
      assertFalse(Uscc.isValid("91350100" + c + "000100Y43"), "body with " + c);
      assertFalse(Uscc.isValid("91110000600037341" + c), "check character " + c);
      assertEquals(-1, Uscc.checkCharIndex("91350100" + c + "000100Y4"));
    }
    assertFalse(Uscc.isValid("91350100M000100Y4-"));
    assertFalse(Uscc.isValid("９1350100M000100Y43")); // full-width digit
  }

  @Test
  void alphabetHas31DistinctCharacters() {
    assertEquals(31, Uscc.ALPHABET.length());
    assertEquals(31, Uscc.ALPHABET.chars().distinct().count());
  }

  @Test
  void wrongLengthIsInvalid() {
    assertFalse(Uscc.isValid(""));
    assertFalse(Uscc.isValid("91350100M000100Y4"));
    assertFalse(Uscc.isValid("91350100M000100Y430"));
    assertFalse(Uscc.isValid(" 91350100M000100Y43"));
    assertFalse(Uscc.isValid("91350100M000100Y43 "));
  }

  @Test
  void nullIsInvalid() {
    assertFalse(Uscc.isValid(null));
  }

  @Test
  void checkSumOfZeroGivesCheckCharacterZero() {
    assertEquals(0, Uscc.checkCharIndex("00000000000000000"));
    assertTrue(Uscc.isValid("000000000000000000"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"91350100M000100Y43", "91110000600037341L", "914403001922038216"})
  void withCheckCharRestoresKnownCodes(String code) {
    assertEquals(code, Uscc.withCheckChar(code.substring(0, 17)));
  }

  @Test
  void withCheckCharMakesRandomBodiesValid() {
    Random rnd = new Random(4754);
    for (int n = 0; n < 500; n++) {
      StringBuilder body = new StringBuilder();
      for (int i = 0; i < 17; i++) {
        body.append(Uscc.ALPHABET.charAt(rnd.nextInt(Uscc.ALPHABET.length())));
      }
      String code = Uscc.withCheckChar(body.toString());
      assertEquals(18, code.length());
      assertTrue(code.startsWith(body.toString()));
      assertTrue(Uscc.isValid(code), code);
    }
  }

  @Test
  void withCheckCharRejectsBadBodies() {
    assertThrows(IllegalArgumentException.class, () -> Uscc.withCheckChar("9135010"));
    assertThrows(
        IllegalArgumentException.class, () -> Uscc.withCheckChar("91350100M000100Y4" + "3"));
    assertThrows(IllegalArgumentException.class, () -> Uscc.withCheckChar("91350100O000100Y4"));
    assertThrows(IllegalArgumentException.class, () -> Uscc.withCheckChar("91350100m000100Y4"));
  }

  @Test
  void weightsArePowersOfThreeModulo31() {
    assertEquals(17, Uscc.WEIGHTS.length);
    for (int i = 0; i < Uscc.WEIGHTS.length; i++) {
      int expected = BigInteger.valueOf(3).pow(i).mod(BigInteger.valueOf(31)).intValueExact();
      assertEquals(expected, Uscc.WEIGHTS[i], "weight " + i);
    }
  }
}
