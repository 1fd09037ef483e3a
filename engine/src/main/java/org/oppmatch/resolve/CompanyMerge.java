package org.oppmatch.resolve;

import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.oppmatch.schema.Cols;
import org.oppmatch.validate.Duplicates;
import org.oppmatch.validate.Validation;
import scala.Tuple2;

/**
 * One company, one lead on the executors: the candidate rows ({@link CompanyCandidates}) are
 * clustered block by block and each company of several rows becomes one row, so the scoring pass
 * reads companies and nothing per row crosses to the driver.
 *
 * <ol>
 *   <li>The candidate rows, whole, go to the block of their name key (one shuffle of the candidates
 *       only); each block is clustered in plain Java ({@link Companies#cluster}) and each row
 *       labelled with its company: its USCC's when it holds or joined one (so rows of one USCC
 *       under different names meet), else its cluster's.
 *   <li>The labelled rows go to their label (a second shuffle of the candidates); each label's rows
 *       become one row ({@link Companies#merge}): the most recently updated row with the union of
 *       the tags and signals and every member id.
 *   <li>The rows that are no candidate pass through untouched: the scoring input is the two,
 *       appended, no join.
 * </ol>
 */
public final class CompanyMerge {
  /** The scoring input's last column: the ids of a company of several rows, its own first. */
  public static final String MEMBER_IDS = "_member_ids";

  /** The entities of the candidate rows: id, company id, rule, and on a company's row its ids. */
  public static final StructType ENTITIES =
      new StructType()
          .add(Cols.ENTERPRISE_ID, DataTypes.StringType)
          .add(Cols.COMPANY_ID, DataTypes.StringType)
          .add(Cols.RULE, DataTypes.StringType)
          .add(MEMBER_IDS, DataTypes.createArrayType(DataTypes.StringType));

  private final Dataset<Row> validated;
  private final Duplicates duplicates;
  private final long[] candidates;
  private final Set<Long> sharedUsccs;
  private final Set<String> previouslyListed;
  private final JavaRDD<Row> byLabel;
  private final JavaRDD<Row> candidateEntities;
  private final int width;

  /**
   * Candidate rows a shuffle partition is given: the partitions of both shuffles are the candidates
   * over this, at least one, at most four per core.
   */
  static final int ROWS_PER_PARTITION = 50_000;

  /**
   * The system property that sets the number of shuffle partitions: a test spreads a small input
   * over several, which must give the same companies as one.
   */
  public static final String PARTITIONS_PROPERTY = "oppmatch.resolve.partitions";

  /**
   * Both shuffles are of plain RDDs: a Dataset's shuffle is a Spark job of its own under adaptive
   * execution, an RDD's a stage of the job that reads it.
   *
   * @param candidates the candidates' id hashes, sorted ({@link CompanyCandidates#find})
   * @param previouslyListed the ids the previous published run listed its leads under: a company
   *     keeps the one it holds ({@link Companies#merge})
   */
  public CompanyMerge(
      Dataset<Row> validated,
      Duplicates duplicates,
      long[] candidates,
      Set<Long> sharedUsccs,
      Set<String> previouslyListed) {
    this.validated = validated;
    this.duplicates = duplicates;
    this.candidates = candidates;
    this.sharedUsccs = sharedUsccs;
    this.previouslyListed = Set.copyOf(previouslyListed);
    this.width = validated.schema().size();
    Duplicates d = duplicates;
    long[] c = candidates;
    Set<Long> u = sharedUsccs;
    Set<String> listed = this.previouslyListed;
    int w = width;
    // the candidates picked by their key columns, so only they are decoded whole
    Column isCandidate =
        size(validated.col(Validation.RULES_COLUMN))
            .equalTo(0)
            .and(
                udf(
                        (UDF5<String, String, Long, Long, String, Boolean>)
                            (id, file, line, hash, uscc) ->
                                !d.isLoser(id, file, line) && candidate(hash, uscc, c, u),
                        DataTypes.BooleanType)
                    .apply(
                        CompanyCandidates.column(validated, CompanyCandidates.ID),
                        CompanyCandidates.column(validated, Validation.FILE),
                        CompanyCandidates.column(validated, Validation.LINE),
                        CompanyCandidates.column(validated, Validation.KEY_HASH),
                        CompanyCandidates.column(validated, CompanyCandidates.USCC)));
    Partitioner groups = new ByGroup(partitions(validated));
    JavaRDD<Row> labelled =
        validated
            .where(isCandidate)
            .javaRDD()
            .mapPartitions(it -> keyed(it, w))
            .mapToPair(r -> new Tuple2<>(new Place(Long.toString(r.getLong(w)), id(r)), r))
            .repartitionAndSortWithinPartitions(groups, Place.ORDER)
            .values()
            .mapPartitions(it -> labelBlocks(it, w));
    this.byLabel =
        labelled
            .mapToPair(r -> new Tuple2<>(new Place(r.getString(w + 1), id(r)), r))
            .repartitionAndSortWithinPartitions(groups, Place.ORDER)
            .values();
    this.candidateEntities = byLabel.mapPartitions(it -> merged(it, w, listed, true));
  }

  private static String id(Row r) {
    return r.getString(CompanyCandidates.ID);
  }

  private int partitions(Dataset<Row> validated) {
    long rows = candidates.length + 2L * sharedUsccs.size();
    int cores = validated.sparkSession().sparkContext().defaultParallelism();
    long wanted = Math.min(4L * cores, rows / ROWS_PER_PARTITION + 1);
    return Integer.getInteger(PARTITIONS_PROPERTY, (int) Math.max(1, wanted));
  }

  /** A row's place in a shuffle: its group (a name block, a company), then its id. */
  record Place(String group, String id) implements Serializable {
    static final Comparator<Place> ORDER = new PlaceOrder();
  }

  private static final class PlaceOrder implements Comparator<Place>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Place a, Place b) {
      int c = a.group().compareTo(b.group());
      return c != 0 ? c : a.id().compareTo(b.id());
    }
  }

  /** Sends the rows of one group to one partition. */
  private static final class ByGroup extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    ByGroup(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      return Math.floorMod(((Place) key).group().hashCode(), partitions);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ByGroup b && b.partitions == partitions;
    }

    @Override
    public int hashCode() {
      return partitions;
    }
  }

  /** Whether any row may be one company with another (else every row is its own). */
  private boolean any() {
    return candidates.length > 0 || !sharedUsccs.isEmpty();
  }

  /** The schema the scoring pass reads: the validated rows' and {@link #MEMBER_IDS}. */
  public StructType scoringSchema() {
    return validated.schema().add(MEMBER_IDS, DataTypes.createArrayType(DataTypes.StringType));
  }

  /**
   * What the scoring pass reads: every accepted row that is no duplicate's loser, the rows of one
   * company as one. The rows that are no candidate are the validated rows as the scoring reads them
   * anyway (filtered, never written back into a Dataset: a wide row turned into Spark's format and
   * out again costs as much as scoring it); a company's row has one more value, {@link
   * #MEMBER_IDS}.
   */
  public JavaRDD<Row> scoringInput() {
    Duplicates d = duplicates;
    long[] c = candidates;
    Set<Long> u = sharedUsccs;
    Set<String> listed = previouslyListed;
    int w = width;
    JavaRDD<Row> alone =
        validated.javaRDD().filter(r -> CompanyCandidates.kept(r, d) && !candidate(r, c, u));
    if (!any()) {
      return alone;
    }
    return alone.union(byLabel.mapPartitions(it -> merged(it, w, listed, false)));
  }

  /** Every kept row's id, its company's id and the rule that merged it (null for its own). */
  public Dataset<Row> entities() {
    Duplicates d = duplicates;
    long[] c = candidates;
    Set<Long> u = sharedUsccs;
    StructType three = new StructType(Arrays.copyOf(ENTITIES.fields(), 3));
    Dataset<Row> alone =
        CompanyCandidates.keyColumns(validated)
            .mapPartitions(
                (MapPartitionsFunction<Row, Row>)
                    it ->
                        Runs.mapped(
                            it,
                            r -> {
                              String id = r.getString(CompanyCandidates.ID);
                              return CompanyCandidates.kept(r, d) && !candidate(r, c, u)
                                  ? RowFactory.create(id, id, null)
                                  : null;
                            }),
                Encoders.row(three));
    if (!any()) {
      return alone;
    }
    JavaRDD<Row> merged =
        candidateEntities.map(r -> RowFactory.create(r.get(0), r.get(1), r.get(2)));
    return alone.union(validated.sparkSession().createDataFrame(merged, three));
  }

  /**
   * What the driver learns of the companies, in one job over the labelled candidates: how many rows
   * merged into another row's company, how the given ids merged, and the companies listed under
   * them (the few ids the driver needs: those the outcomes name).
   */
  public Companies summary(Collection<String> ids) {
    if (!any()) {
      return Companies.of(Map.of(), Map.of(), 0);
    }
    Set<String> wanted = new HashSet<>(ids);
    // per partition: its merged rows' count, and the wanted ids' rows
    List<scala.Tuple2<Long, List<Row>>> parts =
        candidateEntities
            .mapPartitions(
                it -> {
                  long merged = 0;
                  List<Row> found = new ArrayList<>();
                  while (it.hasNext()) {
                    Row r = it.next();
                    if (!r.isNullAt(2)) {
                      merged++;
                    }
                    if (wanted.contains(r.getString(0))) {
                      found.add(r);
                    }
                  }
                  return List.of(new scala.Tuple2<>(merged, found)).iterator();
                })
            .collect();
    long merges = 0;
    Map<String, Companies.Merged> merged = new HashMap<>();
    Map<String, Companies.Company> companies = new HashMap<>();
    for (scala.Tuple2<Long, List<Row>> part : parts) {
      merges += part._1();
      for (Row r : part._2()) {
        if (!r.isNullAt(3)) {
          companies.put(
              r.getString(0), new Companies.Company(List.of((String[]) r.get(3)), null, null));
        } else if (!r.getString(0).equals(r.getString(1))) {
          merged.put(r.getString(0), new Companies.Merged(r.getString(1), r.getString(2)));
        }
      }
    }
    return Companies.of(merged, companies, merges);
  }

  private static boolean candidate(Row r, long[] candidates, Set<Long> sharedUsccs) {
    return candidate(
        r.getLong(Validation.KEY_HASH),
        r.getString(CompanyCandidates.USCC),
        candidates,
        sharedUsccs);
  }

  /** A row that may be one company with another: its id among the candidates, or a shared USCC. */
  private static boolean candidate(
      Long idHash, String uscc, long[] candidates, Set<Long> sharedUsccs) {
    if (idHash != null && Arrays.binarySearch(candidates, idHash) >= 0) {
      return true;
    }
    return uscc != null
        && !sharedUsccs.isEmpty()
        && sharedUsccs.contains(CompanyKeys.usccHash(uscc));
  }

  private static Row append(Row r, int width, Object value) {
    Object[] v = new Object[width + 1];
    for (int i = 0; i < width; i++) {
      v[i] = r.get(i);
    }
    v[width] = value;
    return RowFactory.create(v);
  }

  /** The candidate rows with their block key: the name key, else (no key) their USCC's. */
  private static Iterator<Row> keyed(Iterator<Row> rows, int width) {
    return Runs.mapped(
        rows,
        r -> {
          String key = CompanyKeys.nameKey(r.getString(CompanyCandidates.NAME));
          long block =
              key != null
                  ? Validation.keyHash("N:" + key)
                  : CompanyKeys.usccHash(r.getString(CompanyCandidates.USCC));
          return append(r, width, block);
        });
  }

  /** Each block (rows of one key, in id order) clustered; each row labelled with its company. */
  private static Iterator<Row> labelBlocks(Iterator<Row> sorted, int width) {
    return Runs.byRuns(sorted, r -> r.getLong(width), block -> label(block, width));
  }

  private static List<Row> label(List<Row> block, int width) {
    List<Row> out = new ArrayList<>(block.size());
    List<Companies.Candidate> rows = new ArrayList<>(block.size());
    for (Row r : block) {
      rows.add(CompanyCandidates.candidate(r));
    }
    Companies.Clusters c = Companies.cluster(rows);
    for (int i = 0; i < block.size(); i++) {
      // a USCC names the company across blocks; else the block's key and the cluster's first id
      String label =
          c.uscc()[i] != null
              ? "U:" + c.uscc()[i]
              : "N:" + block.get(i).getLong(width) + ":" + rows.get(c.root()[i]).id();
      Object[] v = new Object[width + 3];
      for (int k = 0; k <= width; k++) {
        v[k] = block.get(i).get(k);
      }
      v[width + 1] = label;
      v[width + 2] = c.rule()[i];
      out.add(RowFactory.create(v));
    }
    return out;
  }

  /**
   * Each label's rows (consecutive, in id order) as one company: its row for the scoring pass, or
   * its members' entities.
   */
  private static Iterator<Row> merged(
      Iterator<Row> sorted, int width, Set<String> previouslyListed, boolean entities) {
    return Runs.byRuns(
        sorted,
        r -> r.getString(width + 1),
        group -> company(group, width, previouslyListed, entities));
  }

  /**
   * One label's rows as one company. An entity row's last value is a company's ids as a {@code
   * String[]} (null for a member merged into another row's company); a scoring row holds its arrays
   * as Seqs, as a Row read from a Dataset does.
   */
  private static List<Row> company(
      List<Row> group, int width, Set<String> previouslyListed, boolean entities) {
    List<Row> out = new ArrayList<>();
    if (group.size() == 1) {
      Row r = group.get(0);
      String id = r.getString(CompanyCandidates.ID);
      out.add(entities ? RowFactory.create(id, id, null, null) : append(r, width, null));
      return out;
    }
    List<Companies.Candidate> members = new ArrayList<>(group.size());
    List<String> rules = new ArrayList<>(group.size());
    for (Row r : group) {
      members.add(CompanyCandidates.candidate(r));
      rules.add(r.isNullAt(width + 2) ? null : r.getString(width + 2));
    }
    Companies.Merge m = Companies.merge(members, rules, previouslyListed);
    String[] ids = m.company().memberIds().toArray(String[]::new);
    if (entities) {
      out.add(RowFactory.create(m.listedId(), m.listedId(), null, ids));
      m.merged()
          .forEach((id, how) -> out.add(RowFactory.create(id, how.companyId(), how.rule(), null)));
      return out;
    }
    Row head = group.get(members.indexOf(m.head()));
    Object[] v = new Object[width + 1];
    for (int k = 0; k < width; k++) {
      v[k] = head.get(k);
    }
    // the newest row's attributes, under the id the company keeps
    v[CompanyCandidates.ID] = m.listedId();
    // a Row holds an array as a Seq: the scoring pass reads these rows as made, not encoded
    v[CompanyCandidates.TAGS] = seq(m.company().tags());
    v[CompanyCandidates.SIGNALS] = seq(m.company().signals());
    v[width] = seq(ids);
    out.add(RowFactory.create(v));
    return out;
  }

  private static scala.collection.immutable.Seq<String> seq(String[] values) {
    return scala.jdk.javaapi.CollectionConverters.asScala(Arrays.asList(values)).toSeq();
  }
}
