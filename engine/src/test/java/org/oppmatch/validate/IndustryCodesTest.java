package org.oppmatch.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndustryCodesTest {

  @ParameterizedTest
  @ValueSource(strings = {"01", "011", "0111", "97", "3741", "10", "9700"})
  void codesOfTwoToFourDigitsWithAnExistingMajorClassAreWellFormed(String code) {
    assertTrue(IndustryCodes.isWellFormed(code), code);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "00",
        "0011",
        "98",
        "99",
        "9999",
        "1",
        "12345",
        "ABCD",
        "37 41",
        "3741 ",
        " 3741",
        "",
        "-1",
        "+37",
        "37.4",
        "３７" // full-width digits
      })
  void otherCodesAreNotWellFormed(String code) {
    assertFalse(IndustryCodes.isWellFormed(code), code);
  }

  @Test
  void nullIsNotWellFormed() {
    assertFalse(IndustryCodes.isWellFormed(null));
  }
}
