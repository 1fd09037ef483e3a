package org.oppmatch.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.oppmatch.config.JobConfig;
import org.oppmatch.schema.Cols;
import org.oppmatch.testing.SharedSpark;

/** The IDF is fitted on every enterprise up to opportunities.idf_sample_max, on a sample above. */
class FitTextSampleTest {
  static final int ENTERPRISES = 3000;

  static Dataset<Row> enterprises() {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < ENTERPRISES; i++) {
      rows.add(RowFactory.create("企业" + i, i % 2 == 0 ? "卫星通信" : "航空维修", null));
    }
    return SharedSpark.get()
        .createDataFrame(
            rows,
            new StructType()
                .add(Cols.NAME, DataTypes.StringType)
                .add(Cols.BUSINESS_SCOPE, DataTypes.StringType)
                .add(Cols.PRODUCTS, DataTypes.StringType));
  }

  static Dataset<Row> opportunities() {
    return SharedSpark.get()
        .createDataFrame(
            List.of(RowFactory.create("卫星终端", "低轨卫星", new String[] {"卫星"})),
            new StructType()
                .add(Cols.TITLE, DataTypes.StringType)
                .add(Cols.DESCRIPTION, DataTypes.StringType)
                .add(Cols.KEYWORDS, DataTypes.createArrayType(DataTypes.StringType)));
  }

  @Test
  void everyEnterpriseUpToTheMaximumASeededSampleAbove() {
    JobConfig config = new JobConfig();
    config.opportunities.idfSampleMax = ENTERPRISES;
    assertEquals(
        ENTERPRISES + 1,
        Matching.fitText(enterprises(), ENTERPRISES, opportunities(), config).idf().numDocs());

    config.opportunities.idfSampleMax = 1000;
    long sampled =
        Matching.fitText(enterprises(), ENTERPRISES, opportunities(), config).idf().numDocs();
    // a Bernoulli sample of a third: 1000 expected, the opportunity always in
    assertTrue(sampled > 850 && sampled < 1150, "documents in the fit: " + sampled);
    assertEquals(
        sampled,
        Matching.fitText(enterprises(), ENTERPRISES, opportunities(), config).idf().numDocs(),
        "same seed, same sample");
  }
}
