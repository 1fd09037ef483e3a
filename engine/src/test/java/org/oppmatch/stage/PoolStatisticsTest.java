package org.oppmatch.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.oppmatch.config.JobConfig;
import org.oppmatch.testing.SharedSpark;

/**
 * The pool statistics on the bundled sample: the IDF counts every accepted enterprise up to {@code
 * opportunities.idf_sample_max} and a seeded sample above it, the same on every run.
 */
class PoolStatisticsTest {
  static final LocalDate RUN = LocalDate.of(2026, 11, 20);

  static long documents(int idfSampleMax) {
    SparkSession spark = SharedSpark.get();
    JobConfig config = new JobConfig();
    config.opportunities.idfSampleMax = idfSampleMax;
    RunInputs inputs = RunInputs.locate(spark, "data/sample", config);
    ReferenceData reference = ReferenceData.read(spark, inputs, config, RUN);
    try (RunResources resources = new RunResources(spark)) {
      EnterpriseInput enterprises = EnterpriseInput.read(spark, inputs, reference, RUN, resources);
      PoolStatistics stats = PoolStatistics.compute(enterprises, reference, config);
      return stats.textDocuments() - reference.openOpportunities().size();
    }
  }

  @Test
  void everyEnterpriseUpToTheMaximumASeededSampleAbove() {
    // the sample: 5,000 rows, 30 of them quarantined (two as duplicates)
    assertEquals(4970, documents(300_000));
    long sampled = documents(1000);
    // a hash sample at a rate of 1000 / 4970: about 1000
    assertTrue(sampled > 850 && sampled < 1150, "documents in the IDF: " + sampled);
    assertEquals(sampled, documents(1000), "same seed, same sample");
  }

  @Test
  void theSampleIsByIdAloneAtTheRateAsked() {
    int in = 0;
    for (int i = 0; i < 100_000; i++) {
      in += PoolStatistics.sampled("E" + i, 0.25) ? 1 : 0;
    }
    assertTrue(in > 24_000 && in < 26_000, "a quarter: " + in);
    assertEquals(PoolStatistics.sampled("E42", 0.25), PoolStatistics.sampled("E42", 0.25));
    assertTrue(PoolStatistics.sampled("E42", 1.0));
  }
}
