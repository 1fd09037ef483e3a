package org.oppmatch.resolve;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which input rows are one company (data-contract.md, version 2, "one company, one lead"). Rows
 * with the same USCC are one company. A row without a USCC is the same company as another row (with
 * or without one) when their names have the same key ({@link CompanyKeys#nameKey}) and they agree
 * on the city or on the primary industry (one code the prefix of the other). Rows with different
 * USCCs are never one company, not even through a third row. The pairs come from blocks of rows
 * that share a key, never from all pairs, and are clustered transitively.
 *
 * <p>A company is scored and listed once, with the attributes of its most recently updated row
 * (ties: the smaller id) and the union of its rows' tags and signals. It is listed under the id it
 * was listed under in the previous published run while that id is still one of its rows
 * (data-contract.md, version 3, "company identity across runs"), else under its newest row's id.
 */
public final class Companies implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String SAME_USCC = "same_uscc";
  public static final String SAME_NAME_AND_CITY = "same_name_and_city";
  public static final String SAME_NAME_AND_INDUSTRY = "same_name_and_industry";

  /** What the resolution reads of a row that shares a key with another row. */
  public record Candidate(
      String id,
      String uscc,
      String name,
      String city,
      String primaryCode,
      LocalDate updatedAt,
      String[] tags,
      String[] signals)
      implements Serializable {}

  /** A row merged into a company: the company's id and the rule that merged it. */
  public record Merged(String companyId, String rule) implements Serializable {}

  /** A company of several rows: its ids (its own first) and the union of their tags and signals. */
  public record Company(List<String> memberIds, String[] tags, String[] signals)
      implements Serializable {}

  private final Map<String, Merged> merged;
  private final Map<String, Company> companies;
  private final long merges;

  private Companies(Map<String, Merged> merged, Map<String, Company> companies, long merges) {
    this.merged = merged;
    this.companies = companies;
    this.merges = merges;
  }

  public static Companies none() {
    return new Companies(new HashMap<>(), new HashMap<>(), 0);
  }

  /**
   * What the driver knows of the companies: how some rows merged, the companies listed under some
   * ids ({@link CompanyMerge#summary}), and how many rows merged in all.
   */
  public static Companies of(
      Map<String, Merged> merged, Map<String, Company> companies, long merges) {
    return new Companies(Map.copyOf(merged), Map.copyOf(companies), merges);
  }

  /** Whether the row of this id is merged into another row's company (not scored on its own). */
  public boolean mergedAway(String id) {
    return merged.containsKey(id);
  }

  /** The company and rule of a merged row, or null. */
  public Merged merged(String id) {
    return merged.get(id);
  }

  /** The company listed under this id when it has several rows, or null. */
  public Company company(String id) {
    return companies.get(id);
  }

  /** Rows merged into another row's company. */
  public long merges() {
    return merges;
  }

  /**
   * The companies of the candidates, all at once (what the executors do block by block, {@link
   * CompanyMerge}, in one call: the tests' reference), none listed in a previous run.
   */
  public static Companies resolve(List<Candidate> rows) {
    return resolve(rows, Set.of());
  }

  /**
   * The companies of the candidates, all at once, each keeping the id of the previous run that it
   * holds ({@link #merge}).
   */
  public static Companies resolve(List<Candidate> rows, Set<String> previouslyListed) {
    List<Candidate> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Candidate::id));
    Clusters c = cluster(sorted);
    Map<Integer, List<Integer>> byRoot = new TreeMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      byRoot.computeIfAbsent(c.root()[i], r -> new ArrayList<>()).add(i);
    }
    Map<String, Merged> merged = new HashMap<>();
    Map<String, Company> companies = new HashMap<>();
    for (List<Integer> members : byRoot.values()) {
      if (members.size() < 2) {
        continue;
      }
      List<Candidate> rows2 = new ArrayList<>();
      List<String> rules = new ArrayList<>();
      for (int i : members) {
        rows2.add(sorted.get(i));
        rules.add(c.rule()[i]);
      }
      Merge m = merge(rows2, rules, previouslyListed);
      companies.put(m.listedId(), m.company());
      m.merged().forEach(merged::put);
    }
    return new Companies(merged, companies, merged.size());
  }

  /**
   * Each row's cluster (the index of its root row) and the rule that first joined it (null for a
   * row nothing joined).
   */
  public record Clusters(int[] root, String[] rule, String[] uscc) {}

  /**
   * The clusters of rows sorted by id: rows of one USCC joined, then each row without a USCC joined
   * with rows of its name key that agree with it ({@link #joinNameBlock}). Deterministic.
   */
  public static Clusters cluster(List<Candidate> sorted) {
    int n = sorted.size();
    Forest f = new Forest(sorted);
    Map<String, List<Integer>> byUscc = new TreeMap<>();
    Map<String, List<Integer>> byName = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      if (f.usccOf[i] != null) {
        byUscc.computeIfAbsent(f.usccOf[i], k -> new ArrayList<>()).add(i);
      }
      String key = CompanyKeys.nameKey(sorted.get(i).name());
      if (key != null) {
        byName.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> same : byUscc.values()) {
      for (int k = 1; k < same.size(); k++) {
        f.union(same.get(0), same.get(k), SAME_USCC, true);
      }
    }
    for (List<Integer> block : byName.values()) {
      if (block.size() > 1) {
        joinNameBlock(sorted, block, f);
      }
    }
    int[] root = new int[n];
    String[] uscc = new String[n];
    for (int i = 0; i < n; i++) {
      root[i] = f.find(i);
    }
    for (int i = 0; i < n; i++) {
      uscc[i] = f.usccOf[root[i]];
    }
    return new Clusters(root, f.ruleOf, uscc);
  }

  /**
   * The clusters being built: each row's parent, and per root the USCC and the city its names name.
   * Two clusters of different USCCs never join; nor do two whose names name two cities (绵阳明朗航空,
   * 武汉明朗航空: two registrations), unless a USCC says they are one.
   */
  private static final class Forest {
    final int[] parent;
    final String[] usccOf;
    final String[] cityOf;
    final String[] ruleOf;

    Forest(List<Candidate> sorted) {
      int n = sorted.size();
      parent = new int[n];
      usccOf = new String[n];
      cityOf = new String[n];
      ruleOf = new String[n];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
        usccOf[i] = usccKey(sorted.get(i).uscc());
        cityOf[i] = CompanyKeys.namedCity(sorted.get(i).name());
      }
    }

    int find(int i) {
      while (parent[i] != i) {
        parent[i] = parent[parent[i]];
        i = parent[i];
      }
      return i;
    }

    /**
     * Joins the clusters of rows a and b unless they conflict; a row joined for the first time
     * records the rule that joined it. Whether a and b are one company after it.
     *
     * @param sameUscc the join is a shared USCC, which overrides the names' cities
     */
    boolean union(int a, int b, String rule, boolean sameUscc) {
      int ra = find(a);
      int rb = find(b);
      if (ra == rb) {
        return true;
      }
      if (differ(usccOf[ra], usccOf[rb]) || (!sameUscc && differ(cityOf[ra], cityOf[rb]))) {
        return false;
      }
      int root = Math.min(ra, rb);
      int other = Math.max(ra, rb);
      parent[other] = root;
      usccOf[root] = usccOf[root] != null ? usccOf[root] : usccOf[other];
      cityOf[root] = cityOf[root] != null ? cityOf[root] : cityOf[other];
      if (ruleOf[a] == null) {
        ruleOf[a] = rule;
      }
      if (ruleOf[b] == null) {
        ruleOf[b] = rule;
      }
      return true;
    }

    private static boolean differ(String x, String y) {
      return x != null && y != null && !x.equals(y);
    }
  }

  /**
   * One company of several rows: the row whose attributes it is scored with (its newest), the id it
   * is listed under, what it is listed with, and how each other row joined it.
   */
  public record Merge(
      Candidate head, String listedId, Company company, Map<String, Merged> merged) {}

  /** The company of its rows, none of them listed in a previous run. */
  public static Merge merge(List<Candidate> members, List<String> rules) {
    return merge(members, rules, Set.of());
  }

  /**
   * The company of its rows (each with the rule that joined it, null when only a shared USCC across
   * name keys did): scored with the attributes of its most recently updated row (ties: the smaller
   * id) and the union of the rows' tags and signals; listed under the id among {@code
   * previouslyListed} that comes first in that order, else under the newest row's id; its ids are
   * the listed one first, then the others in id order.
   *
   * @param previouslyListed the ids the previous published run listed companies under
   */
  public static Merge merge(
      List<Candidate> members, List<String> rules, Set<String> previouslyListed) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.comparing(
                (Integer i) -> members.get(i).updatedAt(),
                Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
            .thenComparing(i -> members.get(i).id()));
    Candidate head = members.get(order.get(0));
    String listed = head.id();
    for (int i : order) {
      if (previouslyListed.contains(members.get(i).id())) {
        listed = members.get(i).id();
        break;
      }
    }
    LinkedHashSet<String> tags = new LinkedHashSet<>();
    LinkedHashSet<String> signals = new LinkedHashSet<>();
    List<String> rest = new ArrayList<>();
    Map<String, Merged> merged = new java.util.TreeMap<>();
    for (int i : order) {
      Candidate c = members.get(i);
      tags.addAll(List.of(c.tags() == null ? new String[0] : c.tags()));
      signals.addAll(List.of(c.signals() == null ? new String[0] : c.signals()));
      if (!c.id().equals(listed)) {
        rest.add(c.id());
        String rule = rules.get(i);
        merged.put(c.id(), new Merged(listed, rule == null ? SAME_USCC : rule));
      }
    }
    rest.sort(Comparator.naturalOrder());
    List<String> ids = new ArrayList<>(List.of(listed));
    ids.addAll(rest);
    return new Merge(
        head,
        listed,
        new Company(List.copyOf(ids), tags.toArray(String[]::new), signals.toArray(String[]::new)),
        merged);
  }

  /** A USCC as rows are compared on it: trimmed, upper case; null when absent. */
  static String usccKey(String uscc) {
    return uscc == null || uscc.isBlank() ? null : uscc.trim().toUpperCase(java.util.Locale.ROOT);
  }

  /**
   * The rows of one name key: each row without a USCC joined with the rows of its city, else of its
   * industry. Rows are compared within buckets of one city and of one industry division, never all
   * pairs of the block; a bucket larger than {@link #MAX_BUCKET} is too generic a name to merge on.
   */
  private static void joinNameBlock(List<Candidate> sorted, List<Integer> block, Forest f) {
    Map<String, List<Integer>> byCity = new TreeMap<>();
    Map<String, List<Integer>> byDivision = new TreeMap<>();
    for (int i : block) {
      Candidate c = sorted.get(i);
      String city = cityKey(c.city());
      if (city != null) {
        byCity.computeIfAbsent(city, k -> new ArrayList<>()).add(i);
      }
      String division = division(c.primaryCode());
      if (division != null) {
        byDivision.computeIfAbsent(division, k -> new ArrayList<>()).add(i);
      }
    }
    for (int i : block) {
      if (f.usccOf[i] != null) {
        continue;
      }
      Candidate c = sorted.get(i);
      // a row without a city (optional in the contract) can still join by its industry
      String city = cityKey(c.city());
      String division = division(c.primaryCode());
      List<Integer> sameCity = agreeing(i, city == null ? null : byCity.get(city), j -> true);
      List<Integer> sameIndustry =
          agreeing(
              i,
              division == null ? null : byDivision.get(division),
              j -> sameIndustry(c.primaryCode(), sorted.get(j).primaryCode()));
      // the rule that speaks first: the city; the industry only for a row no city joins
      boolean joined = join(i, sameCity, SAME_NAME_AND_CITY, f);
      if (!joined) {
        join(i, sameIndustry, SAME_NAME_AND_INDUSTRY, f);
      }
    }
  }

  /** A bucket of one name and one city or division larger than this merges nothing. */
  static final int MAX_BUCKET = 1_000;

  private static List<Integer> agreeing(
      int i, List<Integer> bucket, java.util.function.IntPredicate agrees) {
    if (bucket == null || bucket.size() > MAX_BUCKET) {
      return List.of();
    }
    List<Integer> out = new ArrayList<>();
    for (int j : bucket) {
      if (j != i && agrees.test(j)) {
        out.add(j);
      }
    }
    return out;
  }

  /**
   * Joins row i with the agreeing rows: every one without a USCC, and the rows of the one USCC
   * among them; when they hold several USCCs, row i could be any of those companies and joins none.
   * Whether row i joined anything.
   */
  private static boolean join(int i, List<Integer> agreeing, String rule, Forest f) {
    java.util.Set<String> usccs = new java.util.TreeSet<>();
    for (int j : agreeing) {
      if (f.usccOf[j] != null) {
        usccs.add(f.usccOf[j]);
      }
    }
    boolean joined = false;
    for (int j : agreeing) {
      if (f.usccOf[j] == null || usccs.size() == 1) {
        joined |= f.union(i, j, rule, false);
      }
    }
    return joined;
  }

  /** The city as rows are compared on it: width folded, lower case, without a trailing 市. */
  static String cityKey(String city) {
    if (city == null || city.isBlank()) {
      return null;
    }
    String c = java.text.Normalizer.normalize(city.trim(), java.text.Normalizer.Form.NFKC);
    c = c.toLowerCase(java.util.Locale.ROOT);
    return c.endsWith("市") && c.length() > 2 ? c.substring(0, c.length() - 1) : c;
  }

  /** The industry division (the first two digits) of a primary code, or null. */
  static String division(String code) {
    return code == null || code.length() < 2 ? null : code.substring(0, 2);
  }

  /** One primary code the prefix of the other: the same industry at the depth both know. */
  private static boolean sameIndustry(String a, String b) {
    return a != null && b != null && (a.startsWith(b) || b.startsWith(a));
  }
}
