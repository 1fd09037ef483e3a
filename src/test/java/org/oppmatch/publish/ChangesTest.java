package org.oppmatch.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.oppmatch.testing.SharedSpark;

/** The reasons a lead leaves a list, and the movement of those that stay. */
class ChangesTest {
  static final StructType LEADS =
      new StructType()
          .add("zone_id", "string")
          .add("enterprise_id", "string")
          .add("enterprise_name", "string")
          .add("rank", "int")
          .add("matched_opportunity_ids", DataTypes.createArrayType(DataTypes.StringType));

  static Dataset<Row> leads(Object[]... rows) {
    SparkSession spark = SharedSpark.get();
    return spark.createDataFrame(
        java.util.Arrays.stream(rows).map(RowFactory::create).toList(), LEADS);
  }

  static Dataset<Row> ids(String column, String... ids) {
    return SharedSpark.get()
        .createDataFrame(
            java.util.Arrays.stream(ids).map(i -> RowFactory.create(i)).toList(),
            new StructType().add(column, "string"));
  }

  @Test
  void everyDroppedLeadHasItsReason() {
    Dataset<Row> previous =
        leads(
            new Object[] {"Z1", "STAYS", "留下", 1, new String[] {}},
            new Object[] {"Z1", "GONE", "消失", 2, new String[] {}},
            new Object[] {"Z1", "MOVED", "换园区", 3, new String[] {}},
            new Object[] {"Z1", "CLOSED", "机会关闭", 4, new String[] {"O_CLOSED"}},
            new Object[] {"Z1", "STILL_OPEN", "机会仍开放", 5, new String[] {"O_OPEN"}},
            new Object[] {"Z1", "BELOW", "排名下滑", 6, new String[] {}});
    Dataset<Row> current =
        leads(
            new Object[] {"Z1", "STAYS", "留下", 1, new String[] {}},
            new Object[] {"Z2", "MOVED", "换园区", 1, new String[] {}});
    Dataset<Row> enterprises =
        ids("enterprise_id", "STAYS", "MOVED", "CLOSED", "STILL_OPEN", "BELOW", "OTHER");
    Dataset<Row> open = ids("opportunity_id", "O_OPEN");

    Map<String, String> reasons = new TreeMap<>();
    for (Row r : Changes.dropped(previous, current, enterprises, open).collectAsList()) {
      reasons.put(r.getAs("enterprise_id"), r.getAs("reason"));
    }
    assertEquals(
        Map.of(
            "GONE", "enterprise_gone",
            "MOVED", "moved_zone",
            "CLOSED", "opportunity_closed",
            "STILL_OPEN", "fell_below_list",
            "BELOW", "fell_below_list"),
        reasons);
  }

  @Test
  void movementComparesRanksInTheSameZone() {
    Dataset<Row> previous =
        leads(
            new Object[] {"Z1", "A", "a", 1, new String[] {}},
            new Object[] {"Z1", "B", "b", 2, new String[] {}},
            new Object[] {"Z1", "C", "c", 3, new String[] {}},
            new Object[] {"Z2", "D", "d", 1, new String[] {}});
    Dataset<Row> current =
        leads(
            new Object[] {"Z1", "B", "b", 1, new String[] {}},
            new Object[] {"Z1", "A", "a", 2, new String[] {}},
            new Object[] {"Z1", "C", "c", 3, new String[] {}},
            new Object[] {"Z1", "D", "d", 4, new String[] {}});
    Map<String, String> movement = new TreeMap<>();
    for (Row r : Changes.withMovement(current, previous).collectAsList()) {
      movement.put(
          r.getAs("enterprise_id"),
          r.getAs("movement") + "/" + r.getAs("previous_rank") + "/" + r.getAs("is_new"));
    }
    assertEquals(
        Map.of("A", "down/1/false", "B", "up/2/false", "C", "same/3/false", "D", "new/null/true"),
        movement);
    List<Row> first =
        Changes.withMovement(current, null).select("movement", "is_new").distinct().collectAsList();
    assertEquals("[[new,true]]", first.toString(), "the first run: every lead is new");
  }
}
