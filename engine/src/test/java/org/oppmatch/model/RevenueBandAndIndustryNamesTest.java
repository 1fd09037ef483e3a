package org.oppmatch.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RevenueBandAndIndustryNamesTest {

  @Test
  void aRevenueFallsInTheBandWhoseLowerBoundItReaches() {
    assertNull(RevenueBand.of(null));
    assertEquals("300万元以下", RevenueBand.of(0.0).zh());
    assertEquals("300万元以下", RevenueBand.of(2_999_999.0).zh());
    assertEquals("300万-2000万元", RevenueBand.of(3_000_000.0).zh());
    assertEquals("2000万-1亿元", RevenueBand.of(20_000_000.0).zh());
    assertEquals("2000万-1亿元", RevenueBand.of(99_999_999.0).zh());
    assertEquals("1亿-4亿元", RevenueBand.of(1e8).zh());
    assertEquals("4亿-10亿元", RevenueBand.of(4e8).zh());
    assertEquals("10亿-100亿元", RevenueBand.of(1e9).zh());
    assertEquals("100亿元以上", RevenueBand.of(5e10).zh());
  }

  @Test
  void theSizeBandsCutsAreRevenueBandBounds() {
    // a revenue band never spans two size bands: each size cut is a band's lower bound
    for (double cut : new double[] {3e6, 2e7, 4e8}) {
      assertEquals(cut, RevenueBand.of(cut).fromCny(), 0);
    }
  }

  @Test
  void aCodeIsNamedByTheTableOrItsNearestNamedLevel() {
    Map<String, String> table = Map.of("3741", "飞机制造", "374", "航空、航天器及设备制造");
    assertEquals("飞机制造", IndustryNames.label("3741", table));
    assertEquals("航空、航天器及设备制造（中类）", IndustryNames.label("3749", table));
    // without a configured table, the classification the engine ships names every class
    assertEquals("飞机制造", IndustryNames.label("3741", Map.of()));
    assertEquals("航空、航天器及设备制造（中类）", IndustryNames.label("3748", Map.of()), "no class 3748");
    assertEquals("软件和信息技术服务业", IndustryNames.label("65", Map.of()));
    assertEquals("农业", IndustryNames.division("0111"));
    assertNull(IndustryNames.label("9999", Map.of()), "no division 99");
    assertNull(IndustryNames.label(null, table));
  }
}
