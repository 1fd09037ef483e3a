package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterTry;
import org.oppmatch.schema.InputTable;
import org.oppmatch.testing.Duck;
import org.oppmatch.testing.Fixtures;
import org.oppmatch.validate.Uscc;

/**
 * Where the features meet, on random pools through the whole job (Spark): companies under several
 * ids (one USCC, or name variants without one), outcomes on random member ids and stages, list
 * sizes and zones per enterprise, and a previous run whose input changed since (rows gone, newer
 * rows of known companies). Each try runs two nights, and in a third of them the second night
 * again; every run must hold:
 *
 * <ul>
 *   <li>the job never fails on valid input;
 *   <li>a company is on at most {@code allocation.max_zones_per_enterprise} lists, and its ids are
 *       one lead's, never two companies';
 *   <li>rows read = accepted + quarantined, for every input;
 *   <li>the previous night's leads = this night's leads of the same company in the same zone +
 *       dropped, each exactly once;
 *   <li>score components sum to the score;
 *   <li>a rerun publishes the same lists.
 * </ul>
 */
class SeamProperties {
  static final String NIGHT_1 = "2026-11-20";
  static final String NIGHT_2 = "2026-11-21";

  static final String[] CODES = {"3741", "3744", "3973", "6520", "3911"};
  static final String[] CITIES = {"成都", "上海", "德阳"};
  static final String[] STEMS = {
    "天府", "锦江", "蓉城", "青羊", "武侯", "金牛", "龙泉", "双流", "郫都", "温江", "新都", "崇州"
  };
  static final String[] TRADES = {"航空", "芯片", "叶片", "导航", "晶圆"};
  static final String[] LEGAL_FORMS = {"有限公司", "股份有限公司", "有限责任公司", "集团有限公司"};
  static final String[] STAGES = {
    "contacted", "visited", "negotiating", "signed", "landed", "lost"
  };
  static final String[] ZONES = {"Z_AERO", "Z_CHIP"};

  /** How the rows of one company say they are one. */
  enum Identity {
    USCC,
    NAME
  }

  /**
   * One company: its identity, rows, industry, city, age of its rows, whether a newer row arrives
   * for the second night and how many of its rows are gone by then.
   */
  record CompanySpec(
      Identity identity,
      int rows,
      String code,
      String city,
      int daysOld,
      boolean newRow,
      int rowsGone,
      boolean tagged) {}

  /** An outcome on the second night: a company and one of its ids, a zone, a stage, a date. */
  record OutcomeSpec(int company, int row, String zone, String stage, int daysBefore) {}

  record Pool(
      List<CompanySpec> companies,
      List<OutcomeSpec> outcomes,
      int topN,
      int maxZones,
      boolean rerun) {}

  @Provide
  Arbitrary<Pool> pools() {
    Arbitrary<CompanySpec> company =
        Combinators.combine(
                Arbitraries.of(Identity.values()),
                Arbitraries.integers().between(1, 3),
                Arbitraries.of(CODES),
                Arbitraries.of(CITIES),
                Arbitraries.integers().between(0, 400),
                Arbitraries.of(false, true),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(false, true))
            .as(CompanySpec::new);
    Arbitrary<OutcomeSpec> outcome =
        Combinators.combine(
                Arbitraries.integers().between(0, STEMS.length - 1),
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(ZONES),
                Arbitraries.of(STAGES),
                Arbitraries.integers().between(0, 400))
            .as(OutcomeSpec::new);
    return Combinators.combine(
            company.list().ofMinSize(2).ofMaxSize(STEMS.length),
            outcome.list().ofMaxSize(6),
            Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(1, 2),
            // a third run (the second night again) in about a third of the tries
            Arbitraries.integers().between(0, 2).map(n -> n == 0))
        .as(Pool::new);
  }

  /** The ids of each company's rows on each night, in the order they are written. */
  record Written(Map<Integer, List<String>> night1, Map<Integer, List<String>> night2) {}

  static Written write(Pool pool, Path night1, Path night2) {
    List<Map<String, String>> rows1 = new ArrayList<>();
    List<Map<String, String>> rows2 = new ArrayList<>();
    Map<Integer, List<String>> ids1 = new TreeMap<>();
    Map<Integer, List<String>> ids2 = new TreeMap<>();
    for (int c = 0; c < pool.companies().size(); c++) {
      CompanySpec s = pool.companies().get(c);
      String stem = STEMS[c] + TRADES[c % TRADES.length];
      String uscc =
          s.identity() == Identity.USCC
              ? Uscc.withCheckChar(String.format(Locale.ROOT, "915101007%08d", c + 1))
              : "";
      List<Map<String, String>> rows = new ArrayList<>();
      for (int r = 0; r < s.rows(); r++) {
        rows.add(row(c, r, s, stem, uscc, "2025-06-01", r));
      }
      List<String> first = rows.stream().map(m -> m.get("enterprise_id")).toList();
      ids1.put(c, first);
      rows1.addAll(rows);
      List<Map<String, String>> later =
          new ArrayList<>(rows.subList(Math.min(s.rowsGone(), rows.size()), rows.size()));
      if (s.newRow()) {
        later.add(row(c, s.rows(), s, stem, uscc, "2026-11-15", s.rows()));
      }
      ids2.put(c, later.stream().map(m -> m.get("enterprise_id")).toList());
      rows2.addAll(later);
    }
    NightlyJobEndToEndTest.writeInputs(night1);
    NightlyJobEndToEndTest.writeInputs(night2);
    Fixtures.write(night1, "enterprises.csv", Fixtures.csv(InputTable.ENTERPRISES, rows1));
    Fixtures.write(night2, "enterprises.csv", Fixtures.csv(InputTable.ENTERPRISES, rows2));
    List<Map<String, String>> outcomes = new ArrayList<>();
    for (OutcomeSpec o : pool.outcomes()) {
      List<String> ids = ids1.get(o.company() % pool.companies().size());
      outcomes.add(
          Fixtures.row(
              "enterprise_id",
              ids.get(o.row() % ids.size()),
              "zone_id",
              o.zone(),
              "stage",
              o.stage(),
              "stage_date",
              java.time.LocalDate.parse(NIGHT_2).minusDays(o.daysBefore()).toString()));
    }
    Fixtures.write(night2, "outcomes.csv", Fixtures.csv(InputTable.OUTCOMES, outcomes));
    return new Written(ids1, ids2);
  }

  /** A row of company {@code c}: its name a variant of the company's, by legal form. */
  static Map<String, String> row(
      int c, int r, CompanySpec s, String stem, String uscc, String baseDate, int variant) {
    java.time.LocalDate updated =
        java.time.LocalDate.parse(baseDate).minusDays(s.daysOld()).plusDays(r);
    return Fixtures.with(
        NightlyJobEndToEndTest.BASE,
        "enterprise_id",
        "C" + c + "_" + r,
        "uscc",
        uscc,
        "name",
        stem + LEGAL_FORMS[variant % LEGAL_FORMS.length],
        "city",
        s.city(),
        "industry_codes",
        s.code(),
        "business_scope",
        TRADES[c % TRADES.length] + "零部件 涡轮 晶圆",
        "tags",
        s.tagged() && r == 0 ? "listed" : "",
        "updated_at",
        updated.toString());
  }

  Path tmp;

  @AfterTry
  void cleanUp() throws IOException {
    if (tmp != null) {
      try (var files = Files.walk(tmp)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /**
   * Tries: {@code jqwik.tries.default} (junit-platform.properties: a few in the build; CI runs a
   * few dozen more, {@code -Djqwik.tries.default=N}).
   */
  @Property(shrinking = ShrinkingMode.BOUNDED)
  void invariantsHoldAcrossTwoNights(@ForAll("pools") Pool pool) throws IOException {
    tmp = Files.createTempDirectory("seams");
    Path night1 = tmp.resolve("night1");
    Path night2 = tmp.resolve("night2");
    Written written = write(pool, night1, night2);
    Path config =
        Fixtures.write(
            tmp,
            "config.json",
            String.format(
                Locale.ROOT,
                "{\"quarantine_limit\": 0.5, \"exports\": {\"enabled\": false},"
                    + " \"lists\": {\"top_n\": %d},"
                    + " \"allocation\": {\"max_zones_per_enterprise\": %d}}",
                pool.topN(),
                pool.maxZones()));
    Path out = tmp.resolve("out");

    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(night1, out, NIGHT_1, config)),
        NightlyJobEndToEndTest.lastErr);
    List<Map<String, Object>> before = NightlyJobEndToEndTest.targets(out, NIGHT_1);
    checkNight(out, NIGHT_1, before, pool, written.night1());

    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(night2, out, NIGHT_2, config)),
        NightlyJobEndToEndTest.lastErr);
    List<Map<String, Object>> after = NightlyJobEndToEndTest.targets(out, NIGHT_2);
    checkNight(out, NIGHT_2, after, pool, written.night2());
    List<Map<String, Object>> dropped = dropped(out);
    yesterdaysLeadsAreListedOrDropped(before, after, dropped);
    for (Map<String, Object> l : before) {
      assertEquals(List.of(), l.get("rank_history"), "the first night has no history: " + l);
    }
    for (Map<String, Object> l : after) {
      // one earlier run: its rank there is the previous rank, its score there the score then
      assertEquals(
          java.util.Arrays.asList(l.get("previous_rank")),
          l.get("rank_history"),
          "the history ends with the previous run: " + l);
    }

    if (!pool.rerun()) {
      return;
    }
    // the second night again: the same lists, the same change since the first
    assertEquals(
        0,
        NightlyJobEndToEndTest.run(NightlyJobEndToEndTest.args(night2, out, NIGHT_2, config)),
        NightlyJobEndToEndTest.lastErr);
    assertEquals(after, NightlyJobEndToEndTest.targets(out, NIGHT_2), "a rerun is identical");
    assertEquals(dropped, dropped(out), "a rerun drops the same leads");
  }

  static List<Map<String, Object>> dropped(Path out) {
    return Duck.query(
        "select zone_id, enterprise_id, previous_rank, reason, now_zone_id, company_id from "
            + Duck.parquet(out.resolve("dropped/run_date=" + NIGHT_2))
            + " order by zone_id, previous_rank, enterprise_id");
  }

  /** The invariants of one night's publication. */
  static void checkNight(
      Path out,
      String date,
      List<Map<String, Object>> leads,
      Pool pool,
      Map<Integer, List<String>> idsOfCompany)
      throws IOException {
    JsonNode manifest = NightlyJobEndToEndTest.manifest(out, date);
    manifest
        .path("inputs")
        .forEach(
            in ->
                assertEquals(
                    in.path("rows_read").asLong(),
                    in.path("accepted").asLong() + in.path("quarantined").asLong(),
                    "rows read = accepted + quarantined: " + in));
    assertEquals(
        0,
        manifest.at("/inputs/enterprises/quarantined").asLong(),
        "every generated row is valid: " + manifest.at("/inputs/enterprises"));

    Map<String, Set<String>> zonesOf = new HashMap<>();
    Map<String, String> leadOfId = new HashMap<>();
    for (Map<String, Object> l : leads) {
      String id = (String) l.get("enterprise_id");
      zonesOf.computeIfAbsent(id, k -> new HashSet<>()).add((String) l.get("zone_id"));
      @SuppressWarnings("unchecked")
      List<String> members = (List<String>) l.get("member_enterprise_ids");
      assertEquals(id, members.get(0), "its own id first: " + l);
      for (String m : members) {
        String other = leadOfId.putIfAbsent(m, id);
        assertTrue(
            other == null || other.equals(id), m + " is in two companies: " + other + ", " + id);
      }
      double sum = 0;
      for (Object v : ((Map<?, ?>) l.get("score_components")).values()) {
        sum += ((Number) v).doubleValue();
      }
      assertEquals(((Number) l.get("score")).doubleValue(), sum, 0.005, "components: " + l);
    }
    zonesOf.forEach(
        (id, zones) ->
            assertTrue(
                zones.size() <= pool.maxZones(),
                id + " is on " + zones + ", max " + pool.maxZones()));
    // rows of one USCC are one company: their ids are one lead's, when it is listed
    for (Map.Entry<Integer, List<String>> c : idsOfCompany.entrySet()) {
      if (pool.companies().get(c.getKey()).identity() != Identity.USCC) {
        continue;
      }
      Set<String> leadsOfRows = new HashSet<>();
      for (String id : c.getValue()) {
        if (leadOfId.containsKey(id)) {
          leadsOfRows.add(leadOfId.get(id));
        }
      }
      assertTrue(
          leadsOfRows.isEmpty()
              || (leadsOfRows.size() == 1 && leadOfId.keySet().containsAll(c.getValue())),
          "company " + c + " listed as " + leadsOfRows);
    }
  }

  /**
   * Every lead of the first night is listed again (same company, same zone) or dropped, not both.
   */
  static void yesterdaysLeadsAreListedOrDropped(
      List<Map<String, Object>> before,
      List<Map<String, Object>> after,
      List<Map<String, Object>> dropped) {
    Set<String> droppedKeys = new HashSet<>();
    for (Map<String, Object> d : dropped) {
      assertTrue(
          droppedKeys.add(d.get("zone_id") + "/" + d.get("enterprise_id")), "dropped once: " + d);
    }
    for (Map<String, Object> p : before) {
      String zone = (String) p.get("zone_id");
      List<?> ids = (List<?>) p.get("member_enterprise_ids");
      boolean listed =
          after.stream()
              .anyMatch(
                  l ->
                      zone.equals(l.get("zone_id"))
                          && ((List<?>) l.get("member_enterprise_ids"))
                              .stream().anyMatch(ids::contains));
      boolean gone = droppedKeys.contains(zone + "/" + p.get("enterprise_id"));
      assertTrue(
          listed != gone,
          p.get("enterprise_id") + " in " + zone + ": listed " + listed + ", dropped " + gone);
    }
    assertEquals(droppedKeys.size(), dropped.size());
    for (Map<String, Object> d : dropped) {
      assertTrue(
          before.stream()
              .anyMatch(
                  p ->
                      p.get("zone_id").equals(d.get("zone_id"))
                          && p.get("enterprise_id").equals(d.get("enterprise_id"))),
          "a dropped lead was a lead: " + d);
    }
  }
}
