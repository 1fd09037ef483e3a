package org.oppmatch.lookup;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.oppmatch.model.Enterprise;
import org.oppmatch.resolve.Companies;
import org.oppmatch.resolve.CompanyCandidates;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.InputTable;
import org.oppmatch.stage.EnterpriseInput;
import org.oppmatch.validate.Duplicates;
import org.oppmatch.validate.Validation;

/**
 * One company of the run's input: its id (the one it is listed under), how it was found, whether
 * the run published which rows are one company (the entities output), its input ids with the rule
 * that merged each, its accepted rows, and the rows of its ids that went to the quarantine.
 */
record Company(
    String id,
    String matchedBy,
    boolean entitiesOutput,
    List<Entities.Member> members,
    List<Row> rows,
    List<Row> quarantined) {

  static final String BY_ID = "enterprise_id";
  static final String BY_NAME = "name";
  static final String BY_NORMALISED_NAME = "normalised_name";

  /** Companies listed when a name matches several. */
  static final int MAX_LISTED = 50;

  /** Rows read for a name that only matches in part (科技 matches thousands). */
  static final int MAX_NAME_ROWS = 10_000;

  private static int at(String column) {
    return Validation.FIRST_VALUE + InputTable.ENTERPRISES.indexOf(column);
  }

  static final int ID = at(Cols.ENTERPRISE_ID);
  static final int NAME = at(Cols.NAME);
  static final int CITY = at(Cols.CITY);
  static final int UPDATED = at(Cols.UPDATED_AT);

  /** Whether the company has rows the run scored (else: all its rows were quarantined). */
  boolean scored() {
    return !rows.isEmpty();
  }

  /**
   * The rows of one company as the one enterprise the scorer reads. One row: that row, as the
   * scoring pass reads it. Several rows (the run's entities merged them): the engine's own merge
   * ({@link Companies#merge}), so the lookup scores exactly what the run scored.
   */
  static Enterprise asEnterprise(List<Row> rows, String companyId) {
    if (rows.size() == 1) {
      return Enterprise.of(rows.get(0));
    }
    // the engine's own merge: the row the company is listed under, every row's tags and signals
    List<Companies.Candidate> members = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    for (Row r : rows) {
      members.add(CompanyCandidates.candidate(r));
      rules.add(null);
    }
    Companies.Merge m = Companies.merge(members, rules);
    Enterprise e = Enterprise.of(rows.get(members.indexOf(m.head())));
    // the newest row's attributes, under the id the run listed the company under
    e.id = companyId;
    e.tags = m.company().tags();
    e.signals = m.company().signals();
    return e;
  }

  /**
   * Finds the company an id or a name means: the rows of that enterprise_id; else the rows named
   * exactly so; else the rows whose name contains it once widths, case, spaces and punctuation are
   * set aside. A name of several companies fails with their list (exit 2); nothing found fails with
   * exit 3.
   */
  static Company find(EnterpriseInput input, Entities.Reader entities, String q) {
    Dataset<Row> validated = input.validated();
    Duplicates duplicates = input.duplicates();
    List<Row> first = validated.filter(new ByIdOrName(q)).collectAsList();
    List<Row> byId = first.stream().filter(r -> q.equals(idOf(r))).toList();
    String matchedBy;
    List<Row> found;
    boolean capped = false;
    if (!byId.isEmpty()) {
      matchedBy = BY_ID;
      found = byId;
    } else {
      matchedBy = BY_NAME;
      found = first.stream().filter(r -> counted(r, duplicates)).toList();
      if (found.isEmpty()) {
        matchedBy = BY_NORMALISED_NAME;
        List<Row> read =
            validated
                .filter(new ByNormalisedName(normalise(q)))
                .limit(MAX_NAME_ROWS)
                .collectAsList();
        capped = read.size() >= MAX_NAME_ROWS;
        found = read.stream().filter(r -> counted(r, duplicates)).toList();
      }
    }
    if (found.isEmpty()) {
      throw LookupFailure.notFound(
          "no enterprise with the id or name '" + q + "' in the run's input");
    }
    Set<String> ids = new TreeSet<>();
    found.forEach(r -> ids.add(idOf(r)));
    Entities e = entities.read(ids);
    Map<String, Row> byCompany = new LinkedHashMap<>();
    for (Row r : found) {
      byCompany.putIfAbsent(e.companyOf(idOf(r)), r);
    }
    if (byCompany.size() > 1) {
      throw new Ambiguous(q, byCompany, capped);
    }
    String companyId = byCompany.keySet().iterator().next();
    List<Entities.Member> members = e.members(companyId);
    Set<String> memberIds = new TreeSet<>();
    members.forEach(m -> memberIds.add(m.enterpriseId()));
    List<Row> rows = new ArrayList<>();
    List<Row> quarantined = new ArrayList<>();
    for (Row r : validated.filter(new ByIds(memberIds)).collectAsList()) {
      (counted(r, duplicates) ? rows : quarantined).add(r);
    }
    quarantined.sort(
        Comparator.comparing((Row r) -> r.getString(Validation.FILE))
            .thenComparingLong(r -> r.getLong(Validation.LINE)));
    return new Company(companyId, matchedBy, e.present(), members, rows, quarantined);
  }

  /** A name that several companies answer to: their ids, names and cities. */
  static final class Ambiguous extends LookupFailure {
    private static final long serialVersionUID = 1L;
    private final transient Map<String, Row> companies;

    Ambiguous(String q, Map<String, Row> companies, boolean more) {
      super(
          BAD_ARGUMENTS,
          "'"
              + q
              + "' matches "
              + (more ? "at least " : "")
              + companies.size()
              + " companies"
              + (companies.size() > MAX_LISTED ? " (the first " + MAX_LISTED + " listed)" : "")
              + ": give one enterprise_id");
      this.companies = companies;
    }

    /** Company id, name and city of each, in id order. */
    List<String[]> candidates() {
      List<String[]> out = new ArrayList<>();
      new TreeSet<>(companies.keySet())
          .stream()
              .limit(MAX_LISTED)
              .forEach(
                  id -> {
                    Row r = companies.get(id);
                    out.add(new String[] {id, r.getString(NAME), r.getString(CITY)});
                  });
      return out;
    }
  }

  /** The id of a validated row: its typed id, or the key as read when the id did not parse. */
  static String idOf(Row r) {
    String id = r.getString(ID);
    return id != null ? id : r.getString(Validation.KEY);
  }

  /** A row the run scored: it broke no rule and is not a repeated id's losing row. */
  static boolean counted(Row r, Duplicates duplicates) {
    return Validation.accepted(r)
        && !duplicates.isLoser(
            r.getString(ID), r.getString(Validation.FILE), r.getLong(Validation.LINE));
  }

  /** Full-width forms folded, lower case, spaces and punctuation removed. */
  static String normalise(String name) {
    if (name == null) {
      return "";
    }
    return Normalizer.normalize(name, Normalizer.Form.NFKC)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[\\s\\p{P}\\p{S}]", "");
  }

  private static final class ByIdOrName implements FilterFunction<Row>, Serializable {
    private static final long serialVersionUID = 1L;
    private final String q;

    ByIdOrName(String q) {
      this.q = q;
    }

    @Override
    public boolean call(Row r) {
      return q.equals(idOf(r)) || (!r.isNullAt(NAME) && q.equals(r.getString(NAME).trim()));
    }
  }

  private static final class ByNormalisedName implements FilterFunction<Row>, Serializable {
    private static final long serialVersionUID = 1L;
    private final String key;

    ByNormalisedName(String key) {
      this.key = key;
    }

    @Override
    public boolean call(Row r) {
      return !key.isEmpty() && !r.isNullAt(NAME) && normalise(r.getString(NAME)).contains(key);
    }
  }

  private static final class ByIds implements FilterFunction<Row>, Serializable {
    private static final long serialVersionUID = 1L;
    private final Set<String> ids;

    ByIds(Set<String> ids) {
      this.ids = new TreeSet<>(ids);
    }

    @Override
    public boolean call(Row r) {
      String id = idOf(r);
      return id != null && ids.contains(id);
    }
  }
}
