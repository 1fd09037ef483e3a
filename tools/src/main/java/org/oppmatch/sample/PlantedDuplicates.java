package org.oppmatch.sample;

import static org.oppmatch.sample.Draws.gaussian;
import static org.oppmatch.sample.Draws.pick;
import static org.oppmatch.sample.Draws.round;
import static org.oppmatch.sample.Draws.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.oppmatch.validate.Uscc;

/**
 * Plants rows of one company under several ids, and rows that only look alike, into an evaluation
 * input, with the truth of which rows are one company (entity_truth.csv). Deterministic: the same
 * rows and seed always give the same planted rows.
 *
 * <p>The originals are noise firms chosen so that the planting measures entity resolution and
 * nothing else: Chinese firms registered in a generator city, not planted-truth firms (their
 * precision and recall stay as they are), whose industry codes are on no chain node and in no
 * zone's lead industries (a duplicate the engine misses then cannot take a place in a zone's list,
 * nor count as a gap-filler), and whose name key no other row shares (an accidental look-alike in
 * the noise would blur which merge the planted row caused). Each original gets one scenario of one
 * or two planted rows, the scenarios in turn ({@link #SCENARIOS}). Every planted row is valid under
 * the data contract, with a new id after the input's ids, so no quarantine share moves.
 */
public final class PlantedDuplicates {
  /** Mixed into the generator's seed, so the planting draws apart from the noise. */
  public static final long SALT = 0x4475_7053_616D_6501L;

  /**
   * What one original gets, in turn: each kind alone, then two three-row companies (a USCC copy and
   * a name variant without USCC; a place variant and a copy in another city).
   */
  static final List<List<DuplicateKind>> SCENARIOS =
      List.of(
          List.of(DuplicateKind.SAME_USCC),
          List.of(DuplicateKind.LEGAL_FORM),
          List.of(DuplicateKind.PLACE),
          List.of(DuplicateKind.WIDTH),
          List.of(DuplicateKind.SPACING),
          List.of(DuplicateKind.OTHER_CITY_SAME_INDUSTRY),
          List.of(DuplicateKind.BRANCH),
          List.of(DuplicateKind.LOOK_ALIKE),
          List.of(DuplicateKind.OTHER_CITY_OTHER_INDUSTRY),
          List.of(DuplicateKind.SAME_USCC, DuplicateKind.LEGAL_FORM),
          List.of(DuplicateKind.PLACE, DuplicateKind.OTHER_CITY_SAME_INDUSTRY));

  /** Legal forms a generated Chinese name ends with, longest first. */
  private static final List<String> FORMS = List.of("股份有限公司", "有限责任公司", "有限公司");

  private static final String GROUP = "集团";

  /** The input with the planted rows appended, and the truth of every enterprise id in it. */
  public record Planted(GeneratedSample sample, List<EntityTruthRow> truth) {
    public Planted {
      truth = List.copyOf(truth);
    }

    /** The planted rows alone, in file order. */
    public List<EnterpriseRecord> plantedRecords() {
      Set<String> planted = new HashSet<>();
      truth.stream()
          .filter(t -> t.duplicateKind().isPresent())
          .forEach(t -> planted.add(t.enterpriseId()));
      return sample.rows().stream()
          .map(SampleRow::record)
          .filter(r -> planted.contains(r.enterpriseId()))
          .toList();
    }
  }

  /** A generated Chinese name cut into its parts: 成都 + 星翼航空 + （成都） + 集团 + 有限公司. */
  record NameParts(String lead, String core, String bracket, String group, String form) {
    String join() {
      return lead + core + bracket + group + form;
    }
  }

  private final GeneratedSample input;
  private final Set<String> chainCodes;
  private final SplittableRandom rng;
  private final Set<String> usccs = new HashSet<>();
  private final Map<String, Integer> keyCounts = new HashMap<>();
  private final Set<String> repeatedIds = new HashSet<>();
  private int nextId;

  private PlantedDuplicates(GeneratedSample input, Set<String> chainCodes, long seed) {
    this.input = input;
    this.chainCodes = chainCodes;
    this.rng = new SplittableRandom(seed);
    Set<String> seen = new HashSet<>();
    int maxId = 0;
    for (SampleRow row : input.rows()) {
      EnterpriseRecord r = row.record();
      if (!seen.add(r.enterpriseId())) {
        repeatedIds.add(r.enterpriseId());
        continue;
      }
      if (r.enterpriseId().matches("E\\d+")) {
        maxId = Math.max(maxId, Integer.parseInt(r.enterpriseId().substring(1)));
      }
      if (r.uscc() != null) {
        usccs.add(r.uscc());
      }
      String key = NameKey.of(r.name());
      if (key != null) {
        keyCounts.merge(key, 1, Integer::sum);
      }
    }
    this.nextId = maxId + 1;
  }

  /**
   * Appends {@code count} planted rows to the input.
   *
   * @param keepOut ids never used as originals (the planted-truth firms)
   * @param zones their lead industries are kept out of the originals' codes
   * @param nodes their industry codes are kept out of the originals' codes
   * @throws IllegalArgumentException when the input has too few suitable originals
   */
  public static Planted plant(
      GeneratedSample input,
      Set<String> keepOut,
      List<ZoneRef> zones,
      List<ChainNodeRef> nodes,
      int count,
      long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("a negative number of duplicates: " + count);
    }
    Set<String> chain = new HashSet<>();
    nodes.forEach(n -> chain.addAll(n.industryCodes()));
    zones.forEach(z -> chain.addAll(z.leadIndustries()));
    return new PlantedDuplicates(input, chain, seed).run(keepOut, count);
  }

  private Planted run(Set<String> keepOut, int count) {
    List<EnterpriseRecord> candidates = new ArrayList<>();
    for (SampleRow row : input.rows()) {
      if (isCandidate(row, keepOut)) {
        candidates.add(row.record());
      }
    }
    shuffle(candidates);
    Set<String> used = new HashSet<>();
    List<SampleRow> rows = new ArrayList<>(input.rows());
    Map<String, EntityTruthRow> plantedTruth = new LinkedHashMap<>();
    int planted = 0;
    for (int s = 0; planted < count; s++) {
      List<DuplicateKind> scenario = SCENARIOS.get(s % SCENARIOS.size());
      scenario = scenario.subList(0, Math.min(scenario.size(), count - planted));
      EnterpriseRecord original = null;
      for (EnterpriseRecord c : candidates) {
        if (!used.contains(c.enterpriseId()) && scenario.stream().allMatch(k -> fits(k, c))) {
          original = c;
          break;
        }
      }
      if (original == null) {
        throw new IllegalArgumentException(
            "the input has too few firms to plant "
                + count
                + " duplicates from ("
                + used.size()
                + " originals used, none left for "
                + scenario
                + ")");
      }
      used.add(original.enterpriseId());
      for (DuplicateKind kind : scenario) {
        EnterpriseRecord r = make(kind, original);
        rows.add(new SampleRow(rows.size() + 2, r, r.toCells(), null, null));
        plantedTruth.put(
            r.enterpriseId(),
            new EntityTruthRow(
                r.enterpriseId(),
                kind.sameCompany() ? original.enterpriseId() : r.enterpriseId(),
                kind.id(),
                original.enterpriseId()));
        planted++;
      }
    }
    GeneratedSample out = new GeneratedSample(rows);
    return new Planted(out, truth(out, plantedTruth));
  }

  /** Every distinct id of the output in file order: bad rows, originals, then the planted rows. */
  private static List<EntityTruthRow> truth(
      GeneratedSample sample, Map<String, EntityTruthRow> planted) {
    List<EntityTruthRow> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (SampleRow row : sample.rows()) {
      String id = row.record().enterpriseId();
      if (!seen.add(id)) {
        continue; // the older copy of a duplicate_id bad row: its id is the original's
      }
      if (planted.containsKey(id)) {
        out.add(planted.get(id));
      } else if (row.isPlanted() && row.planted() != PlantedKind.DUPLICATE_ID) {
        out.add(new EntityTruthRow(id, id, EntityTruthRow.BAD_ROW, ""));
      } else {
        out.add(new EntityTruthRow(id, id, EntityTruthRow.ORIGINAL, ""));
      }
    }
    return out;
  }

  // ---- choosing originals ---------------------------------------------------------------

  private boolean isCandidate(SampleRow row, Set<String> keepOut) {
    EnterpriseRecord r = row.record();
    if (row.isPlanted()
        || keepOut.contains(r.enterpriseId())
        || repeatedIds.contains(r.enterpriseId())
        || !"CN".equals(r.country())
        || city(r.city()) == null
        || r.updatedAt() == null
        || r.industryCodes().stream().anyMatch(this::onChain)) {
      return false;
    }
    String key = NameKey.of(r.name());
    return key != null && keyCounts.get(key) == 1 && parts(r) != null;
  }

  private static boolean fits(DuplicateKind kind, EnterpriseRecord r) {
    return switch (kind) {
      case SAME_USCC, LOOK_ALIKE -> r.uscc() != null;
      case WIDTH -> !parts(r).bracket().isEmpty();
      default -> true;
    };
  }

  /** True when the code is related to a chain or lead-industry code (one contains the other). */
  private boolean onChain(String code) {
    return chainCodes.stream().anyMatch(c -> c.startsWith(code) || code.startsWith(c));
  }

  private void shuffle(List<EnterpriseRecord> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      EnterpriseRecord t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  // ---- the planted rows -----------------------------------------------------------------

  private EnterpriseRecord make(DuplicateKind kind, EnterpriseRecord o) {
    NameParts p = parts(o);
    Vocabulary.City home = city(o.city());
    Draft d = new Draft(o, String.format("E%07d", nextId++));
    switch (kind) {
      case SAME_USCC -> {
        d.name =
            switch (rng.nextInt(3)) {
              case 0 -> o.name();
              case 1 -> legalForm(p);
              default -> spacing(p);
            };
        older(d, o);
      }
      case LEGAL_FORM -> {
        d.uscc = null;
        d.name = legalForm(p);
        older(d, o);
      }
      case PLACE -> {
        d.uscc = null;
        d.name = place(p, home);
        older(d, o);
      }
      case WIDTH -> {
        d.uscc = null;
        d.name = o.name().replace('（', '(').replace('）', ')');
        older(d, o);
      }
      case SPACING -> {
        d.uscc = null;
        d.name = spacing(p);
        older(d, o);
      }
      case OTHER_CITY_SAME_INDUSTRY -> {
        d.uscc = null;
        d.name = rng.nextBoolean() ? o.name() : p.core() + p.group() + p.form();
        move(d, otherCity(home));
        String primary = o.industryCodes().get(0);
        // the three-digit group of the primary class agrees on industry too (one a prefix)
        String group = primary.substring(0, Math.min(3, primary.length()));
        if (primary.length() == 4 && rng.nextInt(3) == 0 && !onChain(group)) {
          List<String> codes = new ArrayList<>(o.industryCodes());
          codes.set(0, group);
          d.codes = codes.stream().distinct().toList();
        }
        older(d, o);
      }
      case BRANCH -> {
        // a Chengdu firm's branch goes to another city of the metro area
        Vocabulary.City at =
            home.name().equals("成都")
                ? pick(
                    rng,
                    Vocabulary.CITIES.stream().filter(c -> c.chengduMetro() && c != home).toList())
                : city("成都");
        d.name = o.name() + at.name() + "分公司";
        move(d, at);
        d.uscc = newUscc(at);
        d.tags = List.of();
      }
      case LOOK_ALIKE -> {
        d.uscc = newUscc(home);
        d.groupId = null;
        d.updatedAt = o.updatedAt().minusDays(rng.nextInt(200));
      }
      case OTHER_CITY_OTHER_INDUSTRY -> {
        d.uscc = null;
        d.groupId = null;
        move(d, otherCity(home));
        String code = otherDivisionCode(o.industryCodes().get(0));
        Vocabulary.Industry wording = Vocabulary.industry(code);
        d.codes = List.of(code);
        d.scope =
            "一般项目："
                + wording.subject()
                + (Vocabulary.makesGoods(code) ? "的研发、生产和销售；" : "服务；")
                + Vocabulary.SCOPE_TAIL_ZH;
        d.products = String.join("、", sample(rng, wording.products(), 2));
        d.tags = List.of();
        d.signals = List.of();
        d.updatedAt = o.updatedAt().minusDays(rng.nextInt(200));
      }
    }
    return d.build();
  }

  /** Older than its original (the company is listed under its newest row), its signals too. */
  private void older(Draft d, EnterpriseRecord o) {
    LocalDate at = o.updatedAt().minusDays(30 + rng.nextInt(300));
    d.updatedAt = at;
    d.signals =
        o.signals().stream()
            .filter(s -> !LocalDate.parse(s.substring(s.indexOf(':') + 1)).isAfter(at))
            .toList();
  }

  private void move(Draft d, Vocabulary.City to) {
    d.province = to.province();
    d.city = to.name();
    if (d.latitude != null) {
      d.latitude = round(to.lat() + gaussian(rng) * 0.05, 5);
      d.longitude = round(to.lon() + gaussian(rng) * 0.05, 5);
    }
    if (d.localPresence != null) {
      d.localPresence = to.chengduMetro();
    }
  }

  private Vocabulary.City otherCity(Vocabulary.City home) {
    return pick(rng, Vocabulary.CITIES.stream().filter(c -> c != home).toList());
  }

  /** A non-chain class of another division (first two digits), so no code is a prefix of it. */
  private String otherDivisionCode(String primary) {
    String division = primary.substring(0, 2);
    List<String> codes =
        Vocabulary.OTHER_CODES.stream()
            .filter(c -> !c.startsWith(division) && !onChain(c))
            .toList();
    return pick(rng, codes);
  }

  private String newUscc(Vocabulary.City city) {
    while (true) {
      StringBuilder body = new StringBuilder("91").append(pick(rng, city.divisions())).append("MA");
      for (int i = 0; i < 7; i++) {
        body.append(Uscc.ALPHABET.charAt(rng.nextInt(Uscc.ALPHABET.length())));
      }
      String code = Uscc.withCheckChar(body.toString());
      if (usccs.add(code)) {
        return code;
      }
    }
  }

  // ---- names ----------------------------------------------------------------------------

  /** 有限公司 and 有限责任公司 swapped, 股份 dropped; 集团 dropped half the time. */
  private String legalForm(NameParts p) {
    String form =
        switch (p.form()) {
          case "有限公司" -> "有限责任公司";
          default -> "有限公司";
        };
    String group = !p.group().isEmpty() && rng.nextBoolean() ? "" : p.group();
    return p.lead() + p.core() + p.bracket() + group + form;
  }

  /** The firm's city or province as a leading or bracketed decoration, other than it has. */
  private String place(NameParts p, Vocabulary.City city) {
    String bare = p.core();
    String tail = p.group() + p.form();
    List<String> options =
        List.of(
            city.name() + bare + tail,
            city.province() + bare + tail,
            city.namePrefix() + bare + tail,
            bare + "（" + city.name() + "）" + tail);
    // never the original itself (a city named like its province, 重庆, gives it twice)
    return pick(rng, options.stream().filter(n -> !n.equals(p.join())).distinct().toList());
  }

  /**
   * A space, an ideographic space or a middle dot after the place, in the core, or before the form.
   */
  private String spacing(NameParts p) {
    String sep = pick(rng, List.of(" ", "\u3000", "·"));
    List<String> options = new ArrayList<>();
    if (!p.lead().isEmpty()) {
      options.add(p.lead() + sep + p.core() + p.bracket() + p.group() + p.form());
    }
    if (p.core().length() >= 4) {
      options.add(
          p.lead()
              + p.core().substring(0, 2)
              + sep
              + p.core().substring(2)
              + p.bracket()
              + p.group()
              + p.form());
    }
    options.add(p.lead() + p.core() + p.bracket() + p.group() + sep + p.form());
    return pick(rng, options);
  }

  /** The parts of a generated Chinese name; null when it does not end with a legal form. */
  static NameParts parts(EnterpriseRecord r) {
    String name = r.name();
    String form = FORMS.stream().filter(name::endsWith).findFirst().orElse(null);
    if (form == null) {
      return null;
    }
    String rest = name.substring(0, name.length() - form.length());
    String group = "";
    if (rest.endsWith(GROUP)) {
      group = GROUP;
      rest = rest.substring(0, rest.length() - GROUP.length());
    }
    String bracket = "";
    int open = rest.lastIndexOf('（');
    if (rest.endsWith("）") && open >= 0) {
      bracket = rest.substring(open);
      rest = rest.substring(0, open);
    }
    String lead = "";
    Vocabulary.City home = city(r.city());
    if (home != null) {
      for (String place : List.of(home.province(), home.name(), home.namePrefix())) {
        if (rest.startsWith(place) && rest.length() - place.length() >= 2) {
          lead = place;
          break;
        }
      }
    }
    String core = rest.substring(lead.length());
    return core.length() < 2 ? null : new NameParts(lead, core, bracket, group, form);
  }

  private static Vocabulary.City city(String name) {
    for (Vocabulary.City c : Vocabulary.CITIES) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  // ---- files ----------------------------------------------------------------------------

  public static void write(List<EntityTruthRow> truth, Path out) throws IOException {
    PlantedTruth.write(EntityTruthRow.toCsv(truth), out);
  }

  /** The original's values, changed one by one. */
  private static final class Draft {
    final EnterpriseRecord o;
    final String id;
    String uscc;
    String name;
    String province;
    String city;
    Double latitude;
    Double longitude;
    List<String> codes;
    String scope;
    String products;
    List<String> tags;
    List<String> signals;
    Boolean localPresence;
    String groupId;
    LocalDate updatedAt;

    Draft(EnterpriseRecord o, String id) {
      this.o = o;
      this.id = id;
      uscc = o.uscc();
      name = o.name();
      province = o.province();
      city = o.city();
      latitude = o.latitude();
      longitude = o.longitude();
      codes = o.industryCodes();
      scope = o.businessScope();
      products = o.products();
      tags = o.tags();
      signals = o.signals();
      localPresence = o.localPresence();
      groupId = o.groupId();
      updatedAt = o.updatedAt();
    }

    EnterpriseRecord build() {
      return new EnterpriseRecord(
          id,
          uscc,
          name,
          o.country(),
          province,
          city,
          latitude,
          longitude,
          codes,
          scope,
          products,
          o.registeredCapitalCny(),
          o.revenueCny(),
          o.employees(),
          o.foundedYear(),
          o.patents(),
          o.rdRatio(),
          o.revenueGrowth(),
          tags,
          signals,
          localPresence,
          groupId,
          updatedAt);
    }
  }
}
