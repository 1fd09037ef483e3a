package org.oppmatch.stage;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode_outer;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.oppmatch.io.InputSource;
import org.oppmatch.io.RawReader;
import org.oppmatch.publish.Manifest;
import org.oppmatch.resolve.Companies;
import org.oppmatch.resolve.CompanyKeys;
import org.oppmatch.resolve.CompanyMerge;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.InputTable;
import org.oppmatch.validate.Duplicates;
import org.oppmatch.validate.RowValidator;
import org.oppmatch.validate.Rules;
import org.oppmatch.validate.Validation;

/**
 * The enterprises of a run: read and validated in one pass (each rule a plain-Java check, {@link
 * RowValidator}), kept in Spark's cache for the passes that follow, counted by rule, and the ids
 * that repeat found.
 */
public final class EnterpriseInput {
  /**
   * A CSV or JSON Lines input up to this size is small: each file is read by one task, and the
   * first pass caches the rows with their text. Beyond it a large file's rows are spread over the
   * cores, and the rows are validated again into the cache.
   */
  static final long SMALL_TEXT_BYTES = 32L << 20;

  /** A system property that sets another size than {@link #SMALL_TEXT_BYTES} (tests: 0). */
  public static final String SMALL_TEXT_PROPERTY = "oppmatch.validate.small-text-bytes";

  private final InputSource source;
  private final Dataset<Row> validated;
  private final Map<String, Long> byFirstRule;
  private final long clean;
  private final Map<Long, Long> repeatedIds;
  private final java.util.Set<Long> sharedUsccs;
  private final RawReader reader;
  private final boolean shuffled;
  private Duplicates duplicates;
  private Companies companies = Companies.none();

  private EnterpriseInput(
      InputSource source,
      Dataset<Row> validated,
      Map<String, Long> byFirstRule,
      long clean,
      Map<Long, Long> repeatedIds,
      java.util.Set<Long> sharedUsccs,
      RawReader reader,
      boolean shuffled) {
    this.source = source;
    this.validated = validated;
    this.byFirstRule = byFirstRule;
    this.clean = clean;
    this.repeatedIds = repeatedIds;
    this.sharedUsccs = sharedUsccs;
    this.reader = reader;
    this.shuffled = shuffled;
    this.duplicates = Duplicates.none(InputTable.ENTERPRISES);
  }

  /** More repeated ids than this fail the run: far beyond any quarantine limit worth setting. */
  static final int MAX_REPEATED_IDS = 1_000_000;

  /** More USCCs held by several rows than this fail the run (each is a company of several rows). */
  static final int MAX_SHARED_USCCS = 2_000_000;

  /**
   * Reads and validates the enterprises, counts them by first broken rule and finds, among the rows
   * that broke no rule, the hashes of the ids that repeat and of the USCCs that several rows hold:
   * one aggregation over two 8-byte keys a row (Spark runs it as a few jobs, the aggregation's
   * shuffle first). A small text input is cached by this pass; any other is validated again into
   * the cache by the next pass, the aggregation having had the memory to itself.
   */
  public static EnterpriseInput read(
      SparkSession spark,
      RunInputs inputs,
      ReferenceData reference,
      LocalDate runDate,
      RunResources resources) {
    InputSource src = inputs.source(InputTable.ENTERPRISES).orElseThrow();
    RowValidator validator =
        new RowValidator(
            InputTable.ENTERPRISES,
            runDate,
            inputs.knownCodes(),
            java.util.Set.of(),
            java.util.Set.of(),
            inputs.readings());
    boolean small =
        textKept(src)
            && textBytes(spark, src) <= Long.getLong(SMALL_TEXT_PROPERTY, SMALL_TEXT_BYTES);
    Dataset<Row> raw = inputs.reader().read(src, false);
    boolean shuffled =
        !small && textKept(src) && src.files().size() < spark.sparkContext().defaultParallelism();
    if (shuffled) {
      // a large text file is one task's work: every later pass would run on one core
      raw = raw.repartition(spark.sparkContext().defaultParallelism());
    }
    // a small input is cached by this first pass, with every row's text: reading it once costs
    // less than validating it again, and the quarantine then needs nothing more of the input
    Dataset<Row> checked =
        Validation.validate(
            raw,
            validator,
            InputTable.ENTERPRISES,
            small ? Validation.KeepText.ALL : Validation.KeepText.REJECTED);
    if (small) {
      resources.cache(checked);
    }
    Column rules = col(Validation.RULES_COLUMN);
    Column accepted = size(rules).equalTo(0);
    Observation counted = new Observation("enterprises");
    spark.sparkContext().setJobDescription("read and validate enterprises");
    // an accepted row's keys: its id's hash and its USCC's (a rejected row counts under its rule)
    Column usccHash =
        udf((UDF1<String, Long>) CompanyKeys::usccHash, DataTypes.LongType).apply(col(Cols.USCC));
    Column keys =
        when(
            accepted,
            array(
                struct(lit(ID_KEY).as("kind"), col(Validation.KEY_HASH_COLUMN).as("hash")),
                struct(lit(USCC_KEY).as("kind"), usccHash.as("hash"))));
    List<Row> summary =
        checked
            .observe(counted, count(when(accepted, lit(1))).as("clean"))
            .select(try_element_at(rules, lit(1)).as("rule"), explode_outer(keys).as("k"))
            .groupBy(col("rule"), col("k.kind").as("kind"), col("k.hash").as("hash"))
            .count()
            .filter(col("rule").isNotNull().or(col("hash").isNotNull().and(col("count").gt(1))))
            .limit(MAX_REPEATED_IDS + MAX_SHARED_USCCS + 100)
            .collectAsList();
    spark.sparkContext().setJobDescription(null);
    Map<String, Long> byRule = new HashMap<>();
    Map<Long, Long> repeated = new HashMap<>();
    java.util.Set<Long> shared = new java.util.HashSet<>();
    for (Row r : summary) {
      if (!r.isNullAt(0)) {
        byRule.merge(r.getString(0), r.getLong(3), Long::sum);
      } else if (r.getInt(1) == ID_KEY) {
        repeated.put(r.getLong(2), r.getLong(3));
      } else {
        shared.add(r.getLong(2));
      }
    }
    if (shared.size() > MAX_SHARED_USCCS) {
      throw org.oppmatch.JobFailure.inputContract(
          src.location() + ": more than " + MAX_SHARED_USCCS + " USCCs are held by several rows");
    }
    if (repeated.size() > MAX_REPEATED_IDS) {
      throw org.oppmatch.JobFailure.inputContract(
          src.location() + ": more than " + MAX_REPEATED_IDS + " enterprise_ids repeat");
      // (the ids' hashes repeat; a run with this many duplicates fails on the quarantine limit)
    }
    // cached from the next pass on: the aggregation above had the memory to itself (at 10M
    // enterprises in a 4 GiB heap, an aggregation beside the cache being built ran out of it). A
    // text input's rows keep the raw text of the ids that repeat too: the duplicates' losers are
    // quarantined with it, without reading the input again.
    Dataset<Row> validated = checked;
    if (!small) {
      if (textKept(src) && !repeated.isEmpty()) {
        validated =
            Validation.validate(
                raw,
                validator,
                InputTable.ENTERPRISES,
                Validation.KeepText.rejectedAndKeys(resources.broadcast(sortedKeys(repeated))));
      }
      resources.cache(validated);
    }
    long clean;
    try {
      // an input with no rows gives the observation no value at all
      Object n = counted.getAsJava().get("clean");
      clean = n == null ? 0 : ((Number) n).longValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while counting the enterprises", e);
    }
    if (clean == 0 && byRule.isEmpty()) {
      throw org.oppmatch.JobFailure.inputContract(
          InputTable.ENTERPRISES.tableName() + " has no rows (" + src.location() + ")");
    }
    return new EnterpriseInput(
        src, validated, byRule, clean, repeated, shared, inputs.reader(), shuffled);
  }

  /** Whether the validated rows hold the raw text the quarantine shows (not for Parquet). */
  private static boolean textKept(InputSource src) {
    return src.format() != org.oppmatch.io.InputFormat.PARQUET;
  }

  private static long[] sortedKeys(Map<Long, Long> hashes) {
    long[] out = hashes.keySet().stream().mapToLong(Long::longValue).toArray();
    java.util.Arrays.sort(out);
    return out;
  }

  private static final int ID_KEY = 0;
  private static final int USCC_KEY = 1;

  /** The size of an input's files. */
  private static long textBytes(SparkSession spark, InputSource src) {
    long bytes = 0;
    for (String f : src.files()) {
      try {
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(f);
        bytes +=
            p.getFileSystem(spark.sparkContext().hadoopConfiguration()).getFileStatus(p).getLen();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return bytes;
  }

  /**
   * Hashes of the ids that more than one accepted row carries ({@link Validation#keyHash}), with
   * their number of rows: every repeated id is among them (and, very rarely, two ids that share a
   * hash, which the rows themselves tell apart).
   */
  public Map<Long, Long> repeatedIdHashes() {
    return repeatedIds;
  }

  /** Hashes of the USCCs ({@link CompanyKeys#usccHash}) that several accepted rows hold. */
  public java.util.Set<Long> sharedUsccHashes() {
    return sharedUsccs;
  }

  /** What the driver knows of the companies ({@link ResolveCompanies} finds them). */
  public Companies companies() {
    return companies;
  }

  /** The rows of one company merged on the executors: the scoring input and the entities. */
  public CompanyMerge merge() {
    if (merge == null) {
      throw new IllegalStateException("the companies are resolved first");
    }
    return merge;
  }

  private CompanyMerge merge;

  void companies(Companies c, CompanyMerge m) {
    this.companies = c;
    this.merge = m;
  }

  /** The manifest's count of input rows, companies and merges. */
  public Map<String, Long> companyCounts() {
    Map<String, Long> out = new java.util.LinkedHashMap<>();
    out.put("rows", accepted());
    out.put("companies", accepted() - companies.merges());
    out.put("merges", companies.merges());
    return out;
  }

  /**
   * Rows that lose to another row of their id: exact once {@link PoolStatistics} has decided the
   * duplicates, until then counted by the ids' hashes.
   */
  public long duplicateLosers() {
    return decided
        ? duplicates.loserCount()
        : repeatedIds.values().stream().mapToLong(n -> n - 1).sum();
  }

  private boolean decided;

  /** Which rows of the repeated ids are kept and which lose ({@link PoolStatistics} finds them). */
  void duplicates(Duplicates d) {
    this.duplicates = d;
    this.decided = true;
  }

  /** The enterprises' counts into the manifest: accepted, and quarantined by rule. */
  public void countInto(Manifest manifest) {
    Map<String, Long> byRule = new HashMap<>(byFirstRule);
    if (!decided) {
      throw new IllegalStateException("the duplicates are decided by the pool statistics first");
    }
    if (duplicateLosers() > 0) {
      byRule.merge(Rules.DUPLICATE_ID, duplicateLosers(), Long::sum);
    }
    manifest.input(
        InputTable.ENTERPRISES.tableName(),
        Manifest.counts(
            source.location(),
            source.format().name().toLowerCase(Locale.ROOT),
            accepted(),
            byRule,
            source.encodingNames()));
  }

  /** Enterprises that broke no rule and are not a duplicate's loser. */
  public long accepted() {
    return clean - duplicateLosers();
  }

  public Dataset<Row> validated() {
    return validated;
  }

  public Duplicates duplicates() {
    return duplicates;
  }

  /**
   * The rejected enterprises in the quarantine's shape, duplicate losers with their raw text. None
   * (an empty Dataset, no pass over the enterprises) when the counts say none were rejected.
   */
  public Dataset<Row> quarantine() {
    if (byFirstRule.isEmpty() && duplicateLosers() == 0) {
      return validated
          .sparkSession()
          .createDataFrame(java.util.List.<Row>of(), Validation.QUARANTINE);
    }
    Dataset<Row> rows =
        Validation.quarantined(
            validated,
            InputTable.ENTERPRISES,
            duplicates,
            () -> reader.read(source, true),
            textKept(source));
    // rows spread over the cores by a shuffle have lost their file order; the quarantine keeps it
    return shuffled
        ? rows.coalesce(1)
            .sortWithinPartitions(
                org.apache.spark.sql.functions.col(Cols.SOURCE_FILE),
                org.apache.spark.sql.functions.col(Cols.ROW_NUMBER))
        : rows;
  }
}
