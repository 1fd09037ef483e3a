package org.oppmatch.stage;

import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.oppmatch.config.JobConfig;

/**
 * What every stage of a run shares: the session, the validated configuration, the logical run date,
 * the timer that records each step and the resources released when the run ends.
 */
public record RunContext(
    SparkSession spark,
    JobConfig config,
    LocalDate runDate,
    StageTimer timer,
    RunResources resources) {}
