package org.oppmatch.stage;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.oppmatch.JobFailure;
import org.oppmatch.config.JobConfig;
import org.oppmatch.io.InputLocator;
import org.oppmatch.io.InputSource;
import org.oppmatch.io.RawReader;
import org.oppmatch.model.IndustryNames;
import org.oppmatch.schema.InputTable;
import org.oppmatch.validate.IndustryCodes;
import org.oppmatch.validate.RowValidator;

/**
 * Where a run's inputs are: every table found, its columns checked before any Spark job runs (a
 * missing table or required column fails the run, exit code 3), and the classification table's
 * names when one is configured.
 */
public final class RunInputs {
  private final Map<InputTable, InputSource> sources;
  private final Map<String, String> configuredTable;
  private final RawReader reader;
  private final RowValidator.Readings readings;

  private RunInputs(
      Map<InputTable, InputSource> sources,
      Map<String, String> configuredTable,
      RawReader reader,
      RowValidator.Readings readings) {
    this.sources = sources;
    this.configuredTable = configuredTable;
    this.reader = reader;
    this.readings = readings;
  }

  public static RunInputs locate(SparkSession spark, String inputsDir, JobConfig config) {
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Map<InputTable, InputSource> sources = new EnumMap<>(InputTable.class);
    RawReader reader = new RawReader(spark, config.inputs.encoding);
    InputLocator locator;
    try {
      locator = new InputLocator(hadoop, inputsDir, config.parsedInputFormats());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the inputs directory " + inputsDir, e);
    }
    for (InputTable t : InputTable.values()) {
      Optional<InputSource> src;
      try {
        src = locator.locate(t);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot list the inputs in " + inputsDir, e);
      }
      if (src.isEmpty() && t.mandatory()) {
        throw JobFailure.inputContract(
            "input table "
                + t.tableName()
                + " is missing: expected "
                + t.tableName()
                + ".csv, .jsonl, .parquet, .xlsx or a directory "
                + t.tableName()
                + "/ in "
                + inputsDir);
      }
      src.ifPresent(s -> sources.put(t, s));
    }
    sources.replaceAll((t, s) -> reader.checkColumns(s));
    Map<String, String> configured =
        config.classificationTable == null
            ? Map.of()
            : IndustryCodes.loadTable(config.classificationTable, hadoop);
    RowValidator.Readings readings =
        new RowValidator.Readings(
            IndustryNames.byName(configured.isEmpty() ? IndustryNames.shipped() : configured),
            config.inputs.fxToCny);
    return new RunInputs(sources, configured, reader, readings);
  }

  /** The table's source, when it is there (outcomes is optional). */
  public Optional<InputSource> source(InputTable table) {
    return Optional.ofNullable(sources.get(table));
  }

  /**
   * GB/T code to Chinese name: the configured classification table, else the one the engine ships
   * (every lead list names its class).
   */
  public Map<String, String> industryNames() {
    return configuredTable.isEmpty() ? IndustryNames.shipped() : configuredTable;
  }

  /**
   * The codes an input's industry codes must be among: the configured classification table's (empty
   * without one: the shape check only, data-contract.md).
   */
  public java.util.Set<String> knownCodes() {
    return configuredTable.keySet();
  }

  /** How registry exports' values are read: industry names' codes, currencies' rates. */
  public RowValidator.Readings readings() {
    return readings;
  }

  public RawReader reader() {
    return reader;
  }
}
