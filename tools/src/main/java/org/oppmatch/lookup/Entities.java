package org.oppmatch.lookup;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The run's {@code entities} output (job contract, version 2), when it has one: every accepted
 * input enterprise_id with the id of the company it is listed under and the rule that merged it
 * (null for the company's own row). Without it, every row is a company of its own.
 */
final class Entities {
  static final String OUTPUT = "entities";
  static final String COMPANY_ID = "company_id";
  static final String RULE = "rule";

  /** Reads the companies of a few input ids. */
  interface Reader {
    Entities read(Collection<String> ids);
  }

  /** One input id of a company and the rule that merged it (null: the company's own row). */
  record Member(String enterpriseId, String rule) {}

  private final boolean present;
  private final Map<String, String> companyOf;
  private final Map<String, List<Member>> members;

  private Entities(
      boolean present, Map<String, String> companyOf, Map<String, List<Member>> members) {
    this.present = present;
    this.companyOf = companyOf;
    this.members = members;
  }

  /** None: the run published no entities output. */
  static Entities absent() {
    return new Entities(false, Map.of(), Map.of());
  }

  /**
   * The companies of these input ids, each with all its members (one small read of the partition,
   * filtered twice: the ids' companies, then those companies' rows).
   */
  static Entities read(
      SparkSession spark, String output, LocalDate runDate, Collection<String> ids) {
    Path partition = new Path(new Path(output, OUTPUT), "run_date=" + runDate);
    try {
      if (!partition.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(partition)) {
        return absent();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + partition, e);
    }
    var rows = spark.read().parquet(partition.toString());
    Object[] wanted = ids.toArray();
    List<Object> companies =
        rows
            .filter(col("enterprise_id").isin(wanted).or(col(COMPANY_ID).isin(wanted)))
            .select(col(COMPANY_ID))
            .distinct()
            .collectAsList()
            .stream()
            .map(r -> (Object) r.getString(0))
            .toList();
    Map<String, String> companyOf = new HashMap<>();
    Map<String, List<Member>> members = new HashMap<>();
    if (!companies.isEmpty()) {
      for (Row r :
          rows.filter(col(COMPANY_ID).isin(companies.toArray()))
              .select(col("enterprise_id"), col(COMPANY_ID), col(RULE))
              .collectAsList()) {
        companyOf.put(r.getString(0), r.getString(1));
        members
            .computeIfAbsent(r.getString(1), c -> new ArrayList<>())
            .add(new Member(r.getString(0), r.getString(2)));
      }
    }
    // the company's own row first, then the merged ones by id
    members.forEach(
        (company, m) ->
            m.sort(
                Comparator.comparing((Member x) -> !x.enterpriseId().equals(company))
                    .thenComparing(Member::enterpriseId)));
    return new Entities(true, companyOf, members);
  }

  boolean present() {
    return present;
  }

  /** The company an input id is listed under: its own id when it stands alone. */
  String companyOf(String enterpriseId) {
    return companyOf.getOrDefault(enterpriseId, enterpriseId);
  }

  /** A company's input ids, its own first, with the rule that merged each. */
  List<Member> members(String companyId) {
    return members.getOrDefault(companyId, List.of(new Member(companyId, null)));
  }

  /** Every id of these companies. */
  TreeSet<String> ids(Collection<String> companyIds) {
    TreeSet<String> out = new TreeSet<>();
    companyIds.forEach(c -> members(c).forEach(m -> out.add(m.enterpriseId())));
    return out;
  }
}
