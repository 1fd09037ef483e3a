package org.oppmatch.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/** The executors' scan of a name block keeps exactly the rows with a possible partner. */
class CompanyCandidatesTest {
  static Row keyed(long key, long id, boolean uscc, int city, int division) {
    return RowFactory.create(key, id, uscc, city, division);
  }

  static List<Long> scan(Row... sorted) {
    List<Long> out = new ArrayList<>();
    CompanyCandidates.scan(List.of(sorted).iterator()).forEachRemaining(out::add);
    return out;
  }

  @Test
  void aRowWithoutUsccIsACandidateWithAnyRowOfItsCityOrDivision() {
    assertEquals(
        List.of(1L, 2L),
        scan(keyed(7, 1, false, 11, 37), keyed(7, 2, true, 11, 65)),
        "same city: both");
    assertEquals(
        List.of(1L, 2L),
        scan(keyed(7, 1, false, 11, 37), keyed(7, 2, false, 13, 37)),
        "same division: both");
    assertEquals(
        List.of(), scan(keyed(7, 1, false, 11, 37), keyed(7, 2, false, 13, 65)), "neither");
  }

  @Test
  void rowsThatAllHoldAUsccAreNotNameCandidates() {
    assertEquals(List.of(), scan(keyed(7, 1, true, 11, 37), keyed(7, 2, true, 11, 37)));
    assertEquals(
        List.of(2L, 3L),
        scan(keyed(7, 1, true, 13, 65), keyed(7, 2, true, 11, 37), keyed(7, 3, false, 11, 39)),
        "the row with a USCC in the city of the row without one, not the one elsewhere");
  }

  @Test
  void blocksAreTheRunsOfOneKeyAndAnUnknownCityAgreesWithNothing() {
    assertEquals(
        List.of(3L, 4L),
        scan(
            keyed(5, 1, false, 11, 37),
            keyed(7, 2, false, 11, 37),
            keyed(8, 3, false, 0, 37),
            keyed(8, 4, false, 0, 37),
            keyed(9, 5, false, 0, 37),
            keyed(9, 6, false, 0, 38)));
  }
}
