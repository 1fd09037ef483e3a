package org.oppmatch.match;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.oppmatch.schema.Cols;
import org.oppmatch.testing.SharedSpark;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The broadcast opportunity index: hierarchy blocking (a key that is the whole of either code),
 * similarity, the minimum similarity, and the per-zone lists (best first, an inherited match only
 * in its own zone).
 */
class OpportunityIndexTest {
  static final long T1 = (7L << TextFeatures.WEIGHT_BITS) | 300; // weight 3.00
  static final long T2 = (9L << TextFeatures.WEIGHT_BITS) | 400; // weight 4.00
  static final long T3 = (11L << TextFeatures.WEIGHT_BITS) | 500;

  static final StructType KEYED =
      new StructType()
          .add(Features.KEY, DataTypes.StringType)
          .add(Features.T_FULL, DataTypes.BooleanType)
          .add(Cols.OPPORTUNITY_ID, DataTypes.StringType)
          .add(Features.ONLY_ZONE, DataTypes.StringType)
          .add(Features.INHERITED, DataTypes.BooleanType)
          .add(Features.OPP_KEYWORDS, DataTypes.createArrayType(DataTypes.StringType))
          .add(Features.OPP_TERMS, DataTypes.createArrayType(DataTypes.LongType))
          .add(Features.OPP_NORM, DataTypes.DoubleType)
          .add(Features.OPP_BUDGET, DataTypes.DoubleType);

  /** O1: own code 3963 (keys 39, 396, 3963); O2: no code, inherits Z2's lead 39, in Z2 only. */
  static OpportunityIndex index(double minSimilarity) {
    List<Row> keyed = new ArrayList<>();
    for (String key : List.of("39", "396", "3963")) {
      keyed.add(
          RowFactory.create(
              key,
              key.length() == 4,
              "O1",
              null,
              false,
              new String[] {"卫星", "北斗"},
              new Long[] {T1, T2},
              5.0,
              null));
    }
    keyed.add(
        RowFactory.create(
            "39", true, "O2", "Z2", true, new String[] {"园区"}, new Long[] {T3}, 5.0, null));
    Dataset<Row> keyedDf = SharedSpark.get().createDataFrame(keyed, KEYED);
    Dataset<Row> zones =
        SharedSpark.get()
            .createDataFrame(
                List.of(
                    RowFactory.create("O1", "Z1"),
                    RowFactory.create("O1", "Z2"),
                    RowFactory.create("O2", "Z1"),
                    RowFactory.create("O2", "Z2")),
                new StructType()
                    .add(Cols.OPPORTUNITY_ID, DataTypes.StringType)
                    .add(Cols.ZONE_ID, DataTypes.StringType));
    return OpportunityIndex.collect(keyedDf, zones, 0.8, 0.3, minSimilarity);
  }

  static Row enterprise(String code, long... terms) {
    List<Long> t = new ArrayList<>();
    for (long x : terms) {
      t.add(x);
    }
    return RowFactory.create(
        "E1",
        "星联科技",
        1e8,
        "星联科技 卫星物联网终端",
        CollectionConverters.asScala(t).toSeq(),
        CollectionConverters.asScala(List.of(code)).toSeq());
  }

  /** The index returns arrays (the row encoder takes them as they are). */
  static List<Row> rows(Object array) {
    return List.of((Row[]) array);
  }

  @Test
  void matchesOnTheHierarchyAndListsPerZoneBestFirst() {
    Row m = index(0.1).match(enterprise("3963", T1, T2));
    List<Row> matches = rows(m.get(2));
    assertEquals(2, matches.size(), matches.toString());
    // O2's inherited lead code 39 is whole, so the key 39 matches it; O1 only on its whole code
    Row o2 = matches.get(0);
    assertEquals("O2", o2.getString(0));
    assertEquals(2, o2.getInt(4), "depth");
    // code 0.5 (2 digits) x 0.6 inherited, half of the similarity; no shared terms
    assertEquals(0.15, o2.getDouble(2), 1e-12);
    Row o1 = matches.get(1);
    assertEquals("O1", o1.getString(0));
    assertEquals(4, o1.getInt(4));
    assertEquals(1.0, o1.getDouble(7), 1e-12, "same terms: cosine 1");
    assertEquals(1.0, o1.getDouble(2), 1e-12);
    assertEquals(List.of("卫星"), List.of((String[]) o1.get(6)), "keywords found in the text");

    List<Row> zones = rows(m.get(3));
    assertEquals(2, zones.size());
    assertEquals("Z1", zones.get(0).getString(0));
    List<Row> z1 = rows(zones.get(0).get(1));
    assertEquals(List.of("O1"), z1.stream().map(r -> r.getString(0)).toList(), "O2 is Z2's only");
    List<Row> z2 = rows(zones.get(1).get(1));
    assertEquals(List.of("O1", "O2"), z2.stream().map(r -> r.getString(0)).toList());
    assertArrayEquals(
        new double[] {1.0, 0.15}, z2.stream().mapToDouble(r -> r.getDouble(1)).toArray(), 1e-12);
  }

  @Test
  void belowTheMinimumSimilarityNothingIsKept() {
    Row m = index(0.2).match(enterprise("3963", T1, T2));
    assertEquals(List.of("O1"), rows(m.get(2)).stream().map(r -> r.getString(0)).toList());
    // another division: no key in common, no match at all
    assertNull(index(0.1).match(enterprise("2710", T1, T2)));
  }

  @Test
  void aPrefixCodeOfTheEnterpriseMatchesTheLongerOpportunityCode() {
    // the enterprise's 3-digit group 396 contains O1's class 3963: key 396 is whole on its side
    Row m = index(0.1).match(enterprise("396", T1));
    List<Row> matches = rows(m.get(2));
    assertEquals(
        List.of("O2", "O1"), matches.stream().map(r -> r.getString(0)).toList(), "O2 via 39");
    assertEquals(3, matches.get(1).getInt(4));
    // 0.5 x 0.75 (3 digits) + 0.5 x min(1, cos / 0.3) with cos = 9 / (3 x 5) = 0.6
    assertEquals(0.875, matches.get(1).getDouble(2), 1e-12);
  }
}
