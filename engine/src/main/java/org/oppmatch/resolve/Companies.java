package org.oppmatch.resolve;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which input rows are one company (data-contract.md, version 2, "one company, one lead"). Rows
 * with the same USCC are one company. A row without a USCC is the same company as another row (with
 * or without one) when their names have the same key ({@link CompanyKeys#nameKey}) and they agree
 * on the city or on the primary industry (one code the prefix of the other). Rows with different
 * USCCs are never one company, not even through a third row. The pairs come from blocks of rows
 * that share a key, never from all pairs, and are clustered transitively.
 *
 * <p>A company is scored and listed once, under the id of its most recently updated row (ties: the
 * smaller id), with that row's attributes and the union of its rows' tags and signals.
 */
public final class Companies implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String SAME_USCC = "same_uscc";
  public static final String SAME_NAME_AND_CITY = "same_name_and_city";
  public static final String SAME_NAME_AND_INDUSTRY = "same_name_and_industry";

  /** Blocks larger than this are too generic a name to compare pair by pair. */
  static final int MAX_NAME_BLOCK = 1_000;

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

  private Companies(Map<String, Merged> merged, Map<String, Company> companies) {
    this.merged = merged;
    this.companies = companies;
  }

  public static Companies none() {
    return new Companies(new HashMap<>(), new HashMap<>());
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
    return merged.size();
  }

  /** The companies of the candidates (rows that share a USCC or a name key with another row). */
  public static Companies resolve(List<Candidate> rows) {
    List<Candidate> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Candidate::id));
    int n = sorted.size();
    int[] parent = new int[n];
    String[] usccOf = new String[n];
    String[] ruleOf = new String[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
      usccOf[i] = blankToNull(sorted.get(i).uscc());
    }
    Map<String, List<Integer>> byUscc = new TreeMap<>();
    Map<String, List<Integer>> byName = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      Candidate c = sorted.get(i);
      if (usccOf[i] != null) {
        byUscc.computeIfAbsent(usccOf[i], k -> new ArrayList<>()).add(i);
      }
      String key = CompanyKeys.nameKey(c.name());
      if (key != null) {
        byName.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> block : byUscc.values()) {
      for (int k = 1; k < block.size(); k++) {
        union(parent, usccOf, ruleOf, block.get(0), block.get(k), SAME_USCC);
      }
    }
    for (List<Integer> block : byName.values()) {
      if (block.size() < 2 || block.size() > MAX_NAME_BLOCK) {
        continue;
      }
      for (int x = 0; x < block.size(); x++) {
        for (int y = x + 1; y < block.size(); y++) {
          Candidate a = sorted.get(block.get(x));
          Candidate b = sorted.get(block.get(y));
          if (blankToNull(a.uscc()) != null && blankToNull(b.uscc()) != null) {
            continue;
          }
          String rule =
              sameCity(a.city(), b.city())
                  ? SAME_NAME_AND_CITY
                  : sameIndustry(a.primaryCode(), b.primaryCode()) ? SAME_NAME_AND_INDUSTRY : null;
          if (rule != null) {
            union(parent, usccOf, ruleOf, block.get(x), block.get(y), rule);
          }
        }
      }
    }
    Map<Integer, List<Integer>> clusters = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      clusters.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(i);
    }
    Map<String, Merged> merged = new HashMap<>();
    Map<String, Company> companies = new HashMap<>();
    Comparator<Integer> newestFirst =
        Comparator.comparing(
                (Integer i) -> sorted.get(i).updatedAt(),
                Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
            .thenComparing(i -> sorted.get(i).id());
    for (List<Integer> members : clusters.values()) {
      if (members.size() < 2) {
        continue;
      }
      members.sort(newestFirst);
      Candidate head = sorted.get(members.get(0));
      List<String> ids = new ArrayList<>();
      LinkedHashSet<String> tags = new LinkedHashSet<>();
      LinkedHashSet<String> signals = new LinkedHashSet<>();
      for (int i : members) {
        Candidate c = sorted.get(i);
        ids.add(c.id());
        tags.addAll(List.of(c.tags() == null ? new String[0] : c.tags()));
        signals.addAll(List.of(c.signals() == null ? new String[0] : c.signals()));
        if (i != members.get(0)) {
          merged.put(c.id(), new Merged(head.id(), ruleOf[i]));
        }
      }
      List<String> rest = new ArrayList<>(ids.subList(1, ids.size()));
      rest.sort(Comparator.naturalOrder());
      List<String> memberIds = new ArrayList<>(List.of(head.id()));
      memberIds.addAll(rest);
      companies.put(
          head.id(),
          new Company(
              List.copyOf(memberIds), tags.toArray(String[]::new), signals.toArray(String[]::new)));
    }
    return new Companies(merged, companies);
  }

  /**
   * Joins the companies of rows a and b unless they hold different USCCs; a row joined for the
   * first time records the rule that joined it.
   */
  private static void union(
      int[] parent, String[] usccOf, String[] ruleOf, int a, int b, String rule) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra == rb) {
      return;
    }
    if (usccOf[ra] != null && usccOf[rb] != null && !usccOf[ra].equals(usccOf[rb])) {
      return;
    }
    int root = Math.min(ra, rb);
    int other = Math.max(ra, rb);
    parent[other] = root;
    usccOf[root] = usccOf[root] != null ? usccOf[root] : usccOf[other];
    if (ruleOf[a] == null) {
      ruleOf[a] = rule;
    }
    if (ruleOf[b] == null) {
      ruleOf[b] = rule;
    }
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static boolean sameCity(String a, String b) {
    String x = cityKey(a);
    return x != null && x.equals(cityKey(b));
  }

  private static String cityKey(String city) {
    if (city == null || city.isBlank()) {
      return null;
    }
    String c = java.text.Normalizer.normalize(city.trim(), java.text.Normalizer.Form.NFKC);
    c = c.toLowerCase(java.util.Locale.ROOT);
    return c.endsWith("市") && c.length() > 2 ? c.substring(0, c.length() - 1) : c;
  }

  /** One primary code the prefix of the other: the same industry at the depth both know. */
  private static boolean sameIndustry(String a, String b) {
    return a != null && b != null && (a.startsWith(b) || b.startsWith(a));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
