package org.oppmatch.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * One company, one lead on random rows: names from a few stems in several legal forms and places, a
 * few USCCs, cities and industries, and ids a previous run listed. Whatever the rows, the
 * resolution is a partition of them that never joins two USCCs, keeps a USCC's rows together, keeps
 * a previously listed id, and does not depend on the rows' order.
 */
class CompaniesProperties {
  static final String[] STEMS = {"天府芯谷科技", "锦江航材", "蓉城叶片", "Aelion Retail"};
  static final String[] FORMS = {"有限公司", "股份有限公司", "（成都）有限公司", " Co., Ltd.", "集团"};
  static final String[] CITIES = {"成都", "成都市", "上海", null};
  static final String[] CODES = {"3741", "374", "3973", "6520"};
  static final String[] USCCS = {
    "91510100MA6ABCDE1X", "91510100MA6ABCDE2Y", "91510100MA6ABCDE3Z", null, null, null
  };

  record RowSpec(int stem, int form, int city, int code, int uscc, int day, boolean listed) {}

  @Provide
  Arbitrary<List<RowSpec>> rows() {
    return Combinators.combine(
            Arbitraries.integers().between(0, STEMS.length - 1),
            Arbitraries.integers().between(0, FORMS.length - 1),
            Arbitraries.integers().between(0, CITIES.length - 1),
            Arbitraries.integers().between(0, CODES.length - 1),
            Arbitraries.integers().between(0, USCCS.length - 1),
            Arbitraries.integers().between(0, 30),
            Arbitraries.of(false, true))
        .as(RowSpec::new)
        .list()
        .ofMaxSize(14);
  }

  static List<Companies.Candidate> candidates(List<RowSpec> specs) {
    List<Companies.Candidate> out = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      RowSpec s = specs.get(i);
      out.add(
          new Companies.Candidate(
              String.format("R%02d", i),
              USCCS[s.uscc()],
              STEMS[s.stem()] + FORMS[s.form()],
              CITIES[s.city()],
              CODES[s.code()],
              s.day() == 0 ? null : LocalDate.of(2026, 1, 1).plusDays(s.day()),
              new String[] {"t" + i},
              new String[0]));
    }
    return out;
  }

  static Set<String> listed(List<RowSpec> specs) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).listed()) {
        out.add(String.format("R%02d", i));
      }
    }
    return out;
  }

  /** Every row's company id and every company's ids, as the resolution says. */
  static Map<String, List<String>> partition(Companies c, List<Companies.Candidate> rows) {
    Map<String, List<String>> out = new TreeMap<>();
    for (Companies.Candidate r : rows) {
      Companies.Merged m = c.merged(r.id());
      String company = m == null ? r.id() : m.companyId();
      Companies.Company co = c.company(company);
      out.put(company, co == null ? List.of(company) : co.memberIds());
    }
    return out;
  }

  @Property(tries = 2000)
  void theCompaniesArePartitionOfTheRows(@ForAll("rows") List<RowSpec> specs) {
    List<Companies.Candidate> rows = candidates(specs);
    Set<String> listed = listed(specs);
    Companies c = Companies.resolve(rows, listed);
    Map<String, List<String>> companies = partition(c, rows);
    Map<String, String> companyOf = new HashMap<>();
    companies.forEach(
        (company, ids) -> {
          assertEquals(company, ids.get(0), "the company's own id first");
          ids.forEach(
              id -> assertEquals(null, companyOf.put(id, company), id + " is in two companies"));
        });
    assertEquals(rows.size(), companyOf.size(), "every row in a company");
    assertEquals(rows.size() - companies.size(), c.merges(), "merges = rows - companies");

    Map<String, Companies.Candidate> byId = new HashMap<>();
    rows.forEach(r -> byId.put(r.id(), r));
    Map<String, String> usccCompany = new HashMap<>();
    companies.forEach(
        (company, ids) -> {
          Set<String> usccs = new HashSet<>();
          boolean anyListed = false;
          for (String id : ids) {
            String u = Companies.usccKey(byId.get(id).uscc());
            if (u != null) {
              usccs.add(u);
              String other = usccCompany.put(u, company);
              assertTrue(other == null || other.equals(company), u + " in two companies");
            }
            anyListed |= listed.contains(id);
          }
          assertTrue(usccs.size() <= 1, company + " joins USCCs " + usccs);
          assertTrue(
              !anyListed || listed.contains(company),
              company + " keeps none of the previously listed ids of " + ids);
        });
  }

  @Property(tries = 1000)
  void theRowsOrderChangesNothing(@ForAll("rows") List<RowSpec> specs, @ForAll long seed) {
    List<Companies.Candidate> rows = candidates(specs);
    List<Companies.Candidate> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(seed));
    Set<String> listed = listed(specs);
    Companies a = Companies.resolve(rows, listed);
    Companies b = Companies.resolve(shuffled, listed);
    assertEquals(partition(a, rows), partition(b, rows));
    for (Companies.Candidate r : rows) {
      assertEquals(a.merged(r.id()), b.merged(r.id()), r.id());
    }
  }

  @Property(tries = 1000)
  void aMergedCompanyIsTheUnionOfItsRows(@ForAll("rows") List<RowSpec> specs) {
    List<Companies.Candidate> rows = candidates(specs);
    Companies c = Companies.resolve(rows, listed(specs));
    partition(c, rows)
        .forEach(
            (company, ids) -> {
              if (ids.size() > 1) {
                Companies.Company co = c.company(company);
                assertNotNull(co);
                Set<String> tags = new HashSet<>(List.of(co.tags()));
                for (String id : ids) {
                  assertTrue(tags.contains("t" + Integer.parseInt(id.substring(1))), id);
                }
              }
            });
  }
}
