package org.oppmatch.sample;

import static org.oppmatch.sample.Draws.flag;
import static org.oppmatch.sample.Draws.gaussian;
import static org.oppmatch.sample.Draws.jitter;
import static org.oppmatch.sample.Draws.logLerp;
import static org.oppmatch.sample.Draws.pick;
import static org.oppmatch.sample.Draws.round;
import static org.oppmatch.sample.Draws.roundSignificant;
import static org.oppmatch.sample.Draws.roundTo;
import static org.oppmatch.sample.Draws.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.oppmatch.validate.Uscc;

/**
 * Deterministic, seeded generator of synthetic enterprise profiles for the sample inputs. The same
 * settings and inputs always give the same rows: every random choice comes from the seed, and dates
 * are anchored on {@link GeneratorSettings#anchorDate()}, never the wall clock.
 *
 * <p>Usage: {@code EnterpriseGenerator --zones FILE --chain-nodes FILE --out FILE [--count N]
 * [--seed S] [--defaults FILE] [--planted FILE] [--planted-truth N --zone-chain FILE [--truth
 * FILE]] [--duplicates N [--entity-truth FILE]]}
 *
 * <p>With {@code --planted-truth N}, N enterprises whose right zone is known (see {@link
 * PlantedTruth}) follow the {@code --count} rows of noise; their truth goes to truth.csv (or {@code
 * --truth FILE}) and the noise firms that fill a gap too to noise-gap-fillers.csv beside it.
 *
 * <p>With {@code --duplicates N}, N rows of noise firms under a second id, and rows that only look
 * like them, follow last (see {@link PlantedDuplicates}); which rows are one company goes to
 * entity_truth.csv beside the output (or {@code --entity-truth FILE}).
 */
public final class EnterpriseGenerator {

  /** The tags data-contract.md allows, in the order they are written. */
  public static final List<String> ALLOWED_TAGS = org.oppmatch.validate.Rules.TAGS;

  /** The signal kinds data-contract.md allows. */
  public static final List<String> SIGNAL_KINDS =
      List.of("hiring", "expansion", "financing", "new_branch", "relocation");

  private static final double[] SIGNAL_WEIGHTS = {0.30, 0.25, 0.20, 0.15, 0.10};
  private static final LocalDate FIRST_UPDATE = LocalDate.of(2025, 1, 1);
  private static final String DEFAULTS_FILE = "data/generator-defaults.json";

  /** Size classes after the 2017 NBS rules for industry: employees and revenue ranges. */
  enum Size {
    MICRO(2, 19, 3e5, 3e6, 1e6, 2005, 1, 1.6),
    SMALL(20, 299, 3e6, 2e7, 5e6, 1998, 8, 1.3),
    MEDIUM(300, 999, 2e7, 4e8, 3e7, 1990, 40, 1.0),
    LARGE(1000, 40000, 4e8, 8e10, 3e8, 1980, 400, 0.8);

    final int minEmployees;
    final int maxEmployees;
    final double minRevenue;
    final double maxRevenue;
    final double medianCapital;
    final int firstYear;
    final double medianPatents;
    final double recencySkew;

    Size(
        int minEmployees,
        int maxEmployees,
        double minRevenue,
        double maxRevenue,
        double medianCapital,
        int firstYear,
        double medianPatents,
        double recencySkew) {
      this.minEmployees = minEmployees;
      this.maxEmployees = maxEmployees;
      this.minRevenue = minRevenue;
      this.maxRevenue = maxRevenue;
      this.medianCapital = medianCapital;
      this.firstYear = firstYear;
      this.medianPatents = medianPatents;
      this.recencySkew = recencySkew;
    }
  }

  /** A planned group of 2-4 firms sharing a brand and a group id. */
  private record Group(String id, String brand, int leader) {}

  /**
   * The industry side of one firm: its codes, the words its texts are built from, and whether its
   * primary code lies on a chain node (only such firms can be chain leaders).
   */
  private record Profile(
      List<String> codes, List<String> keywords, Vocabulary.Industry wording, boolean onChain) {}

  private final GeneratorSettings settings;
  private final List<ZoneRef> zones;
  private final List<ChainNodeRef> nodes;
  private final Set<String> names = new HashSet<>();
  private final Set<String> usccs = new HashSet<>();
  private final double cityWeightTotal;
  private final List<String> otherCodes;

  private EnterpriseGenerator(
      GeneratorSettings settings, List<ZoneRef> zones, List<ChainNodeRef> nodes) {
    this.settings = settings;
    this.zones = List.copyOf(zones);
    this.nodes = List.copyOf(nodes);
    this.cityWeightTotal = Vocabulary.CITIES.stream().mapToDouble(Vocabulary.City::weight).sum();
    Set<String> chainCodes = new HashSet<>();
    nodes.forEach(n -> chainCodes.addAll(n.industryCodes()));
    zones.forEach(z -> chainCodes.addAll(z.leadIndustries()));
    List<String> others =
        Vocabulary.OTHER_CODES.stream().filter(c -> !chainCodes.contains(c)).toList();
    this.otherCodes = others.isEmpty() ? Vocabulary.OTHER_CODES : others;
  }

  /** Generates the sample: {@code settings.count()} data lines, planted bad rows included. */
  public static GeneratedSample generate(
      GeneratorSettings settings, List<ZoneRef> zones, List<ChainNodeRef> nodes) {
    return new EnterpriseGenerator(settings, zones, nodes).run();
  }

  /** Generates only clean records (no planted bad rows), {@code settings.count()} of them. */
  public static List<EnterpriseRecord> generateClean(
      GeneratorSettings settings, List<ZoneRef> zones, List<ChainNodeRef> nodes) {
    return generate(settings.withPlantedBadRows(0), zones, nodes).cleanRecords();
  }

  /**
   * The sample of {@code settings} (unchanged: the same rows as {@link #generate}) followed by
   * {@code planted} enterprises made for the slots of {@link PlantedTruth#plan}, with their truth.
   * The planted rows draw from their own seeded streams, so the noise does not depend on them.
   */
  public static PlantedTruthSample generateWithTruth(
      GeneratorSettings settings,
      List<ZoneRef> zones,
      List<ChainNodeRef> nodes,
      List<ZoneChainRef> zoneChain,
      int planted) {
    EnterpriseGenerator generator = new EnterpriseGenerator(settings, zones, nodes);
    GeneratedSample noise = generator.run();
    return generator.plantTruth(noise, zoneChain, planted);
  }

  private GeneratedSample run() {
    SplittableRandom master = new SplittableRandom(settings.seed());
    int n = settings.count();
    PlantedKind[] planted = planPlanted(master, n);
    Group[] groups = planGroups(master, n, planted);
    int[] occurrences = new int[PlantedKind.values().length];
    List<SampleRow> rows = new ArrayList<>(n);
    List<Integer> clean = new ArrayList<>();
    int nextId = 1;
    for (int i = 0; i < n; i++) {
      int line = i + 2;
      PlantedKind kind = planted[i];
      if (kind == PlantedKind.DUPLICATE_ID) {
        SampleRow original = rows.get(clean.get(master.nextInt(clean.size())));
        rows.add(duplicateOf(original, line, master));
        continue;
      }
      SplittableRandom rng = new SplittableRandom(rowSeed(settings.seed(), i));
      EnterpriseRecord record = makeRecord(rng, String.format("E%07d", nextId++), groups[i], i);
      if (kind == null) {
        rows.add(new SampleRow(line, record, record.toCells(), null, null));
        clean.add(i);
      } else {
        rows.add(plant(kind, occurrences[kind.ordinal()]++, record, line, rng));
      }
    }
    return new GeneratedSample(rows);
  }

  private static long rowSeed(long seed, int index) {
    return seed * 0x9E3779B97F4A7C15L + (index + 1L) * 0xBF58476D1CE4E5B9L;
  }

  // ---- planning -------------------------------------------------------------------------

  /** Spreads the planted rows over the file (never line 2, so a duplicate has an original). */
  private PlantedKind[] planPlanted(SplittableRandom master, int n) {
    PlantedKind[] planted = new PlantedKind[n];
    PlantedKind[] kinds = PlantedKind.values();
    int[] positions = new int[n - 1];
    for (int i = 0; i < positions.length; i++) {
      positions[i] = i + 1;
    }
    for (int k = 0; k < settings.plantedBadRows(); k++) {
      int j = k + master.nextInt(positions.length - k);
      int tmp = positions[k];
      positions[k] = positions[j];
      positions[j] = tmp;
      planted[positions[k]] = kinds[k % kinds.length];
    }
    return planted;
  }

  private Group[] planGroups(SplittableRandom master, int n, PlantedKind[] planted) {
    Group[] groups = new Group[n];
    boolean[] taken = new boolean[n];
    int target = (int) Math.round(n * settings.groupShare());
    List<int[]> members = new ArrayList<>();
    int covered = 0;
    int attempts = 0;
    while (covered + 2 <= target && attempts++ < 10 * n) {
      int size = Math.min(2 + master.nextInt(3), target - covered);
      int[] picked = new int[size];
      int got = 0;
      for (int tries = 0; got < size && tries < 50 * size; tries++) {
        int i = master.nextInt(n);
        if (planted[i] == null && !taken[i] && !contains(picked, got, i)) {
          picked[got++] = i;
        }
      }
      if (got < 2) {
        break;
      }
      int[] group = Arrays.copyOf(picked, got);
      Arrays.sort(group);
      for (int i : group) {
        taken[i] = true;
      }
      members.add(group);
      covered += got;
    }
    members.sort((a, b) -> Integer.compare(a[0], b[0]));
    for (int g = 0; g < members.size(); g++) {
      int[] group = members.get(g);
      Group info = new Group(String.format("G%04d", g + 1), brand(master), group[0]);
      for (int i : group) {
        groups[i] = info;
      }
    }
    return groups;
  }

  private static boolean contains(int[] values, int count, int value) {
    for (int i = 0; i < count; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  // ---- one record -----------------------------------------------------------------------

  private EnterpriseRecord makeRecord(SplittableRandom rng, String id, Group group, int index) {
    boolean leader = group != null && group.leader() == index;
    boolean foreign = group == null && rng.nextDouble() < settings.foreignShare();
    Size size = leader ? (rng.nextDouble() < 0.7 ? Size.LARGE : Size.MEDIUM) : size(rng);
    Profile profile = profile(rng);
    String primary = profile.codes().get(0);
    boolean tech = isTech(primary);
    int founded = foundedYear(rng, size);

    String country;
    String province;
    String cityName;
    double lat;
    double lon;
    Vocabulary.City city = null;
    if (foreign) {
      Vocabulary.ForeignCity fc = pick(rng, Vocabulary.FOREIGN_CITIES);
      country = fc.country();
      province = fc.province().isEmpty() ? null : fc.province();
      cityName = fc.city();
      lat = fc.lat() + gaussian(rng) * 0.04;
      lon = fc.lon() + gaussian(rng) * 0.04;
    } else {
      city = city(rng);
      country = "CN";
      province = city.province();
      cityName = city.name();
      lat = city.lat() + gaussian(rng) * 0.05;
      lon = city.lon() + gaussian(rng) * 0.05;
    }
    boolean hasCoords = rng.nextDouble() >= 0.04;

    List<String> tags = tags(rng, size, foreign, tech, profile.onChain(), founded);
    String name =
        foreign
            ? foreignName(rng, country, primary)
            : chineseName(rng, city, profile, size, tags.contains("listed"), group, leader);
    String uscc =
        !foreign && rng.nextDouble() >= settings.missingUsccShare() ? uscc(rng, city) : null;

    double t = Math.pow(rng.nextDouble(), 1.5);
    int employees =
        (int)
            Math.round(
                logLerp(size.minEmployees, size.maxEmployees, jitter(t, gaussian(rng) * 0.08)));
    double revenue =
        roundTo(logLerp(size.minRevenue, size.maxRevenue, jitter(t, gaussian(rng) * 0.12)), 1e4);
    double capital =
        Math.max(1e4, roundSignificant(size.medianCapital * Math.exp(gaussian(rng) * 0.9), 2));
    boolean highTech = tags.contains("high_tech");
    double patentScale =
        (highTech ? 2.5 : 1.0) * (Vocabulary.makesGoods(primary) || tech ? 1.0 : 0.3);
    int patents =
        size == Size.MICRO && rng.nextDouble() < 0.4
            ? 0
            : (int)
                Math.min(
                    12000, Math.round(size.medianPatents * patentScale * Math.exp(gaussian(rng))));
    double rd =
        Math.min(
            0.3, (tech ? 0.07 : 0.025) * (highTech ? 1.4 : 1.0) * Math.exp(gaussian(rng) * 0.6));
    double growthSigma = size == Size.MICRO || size == Size.SMALL ? 0.2 : 0.12;
    double growth = Math.max(-0.3, Math.min(0.8, 0.08 + gaussian(rng) * growthSigma));

    Boolean local;
    double localDraw = rng.nextDouble();
    if (localDraw < 0.03) {
      local = null;
    } else if (foreign) {
      local = rng.nextDouble() < 0.15;
    } else {
      local = rng.nextDouble() < (city.chengduMetro() ? 0.92 : 0.12);
    }
    LocalDate updated =
        FIRST_UPDATE.plusDays(
            rng.nextInt((int) (settings.anchorDate().toEpochDay() - FIRST_UPDATE.toEpochDay())));

    return new EnterpriseRecord(
        id,
        uscc,
        name,
        country,
        province,
        cityName,
        hasCoords ? round(lat, 5) : null,
        hasCoords ? round(lon, 5) : null,
        profile.codes(),
        rng.nextDouble() < 0.03 ? null : scope(rng, profile, foreign, primary),
        rng.nextDouble() < 0.10 ? null : products(rng, profile, foreign, primary),
        rng.nextDouble() < (foreign ? 0.5 : 0.03) ? null : capital,
        rng.nextDouble() < 0.08 ? null : revenue,
        rng.nextDouble() < 0.05 ? null : employees,
        founded,
        rng.nextDouble() < 0.10 ? null : patents,
        rng.nextDouble() < 0.15 ? null : round(rd, 4),
        rng.nextDouble() < 0.20 ? null : round(growth, 3),
        tags,
        signals(rng),
        local,
        group == null ? null : group.id(),
        updated);
  }

  private Size size(SplittableRandom rng) {
    double u = rng.nextDouble();
    if (u < settings.sizeMicro()) {
      return Size.MICRO;
    }
    if (u < settings.sizeMicro() + settings.sizeSmall()) {
      return Size.SMALL;
    }
    if (u < settings.sizeMicro() + settings.sizeSmall() + settings.sizeMedium()) {
      return Size.MEDIUM;
    }
    return Size.LARGE;
  }

  private Vocabulary.City city(SplittableRandom rng) {
    double u = rng.nextDouble() * cityWeightTotal;
    for (Vocabulary.City c : Vocabulary.CITIES) {
      u -= c.weight();
      if (u < 0) {
        return c;
      }
    }
    return Vocabulary.CITIES.get(0);
  }

  private static int foundedYear(SplittableRandom rng, Size size) {
    int last = size == Size.LARGE ? 2020 : 2025;
    int span = last - size.firstYear + 1;
    return last - (int) Math.floor(Math.pow(rng.nextDouble(), size.recencySkew) * span);
  }

  // ---- industry -------------------------------------------------------------------------

  private Profile profile(SplittableRandom rng) {
    boolean chain =
        (!nodes.isEmpty() || !zones.isEmpty()) && rng.nextDouble() < settings.chainCodeShare();
    ChainNodeRef node = null;
    String primary;
    if (chain && !nodes.isEmpty() && (zones.isEmpty() || rng.nextDouble() < 0.7)) {
      node = pick(rng, nodes);
      primary = pick(rng, node.industryCodes());
    } else if (chain) {
      primary = pick(rng, pick(rng, zones).leadIndustries());
      node = nodeWithCode(primary);
    } else {
      primary = pick(rng, otherCodes);
    }
    Vocabulary.Industry wording = Vocabulary.industry(primary);
    List<String> keywords =
        node != null && !node.keywords().isEmpty() ? node.keywords() : wording.products();

    LinkedHashSet<String> codes = new LinkedHashSet<>();
    codes.add(primary);
    double u = rng.nextDouble();
    int extra = u < 0.45 ? 0 : u < 0.80 ? 1 : 2;
    for (int tries = 0; codes.size() < 1 + extra && tries < 20; tries++) {
      codes.add(secondaryCode(rng, node));
    }
    List<String> out = new ArrayList<>();
    for (String code : codes) {
      boolean middle = code.length() == 4 && rng.nextDouble() < 0.03;
      String c = middle ? code.substring(0, 3) : code;
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return new Profile(List.copyOf(out), keywords, wording, chain && node != null);
  }

  private String secondaryCode(SplittableRandom rng, ChainNodeRef node) {
    double u = rng.nextDouble();
    if (node != null && node.industryCodes().size() > 1 && u < 0.6) {
      return pick(rng, node.industryCodes());
    }
    if (node != null && u < 0.9) {
      List<ChainNodeRef> same =
          nodes.stream().filter(x -> x.ecosystem().equals(node.ecosystem())).toList();
      return pick(rng, pick(rng, same).industryCodes());
    }
    return pick(rng, otherCodes);
  }

  private ChainNodeRef nodeWithCode(String code) {
    for (ChainNodeRef node : nodes) {
      if (node.industryCodes().contains(code)) {
        return node;
      }
    }
    return null;
  }

  private static boolean isTech(String code) {
    for (String p :
        List.of("27", "39", "65", "73", "358", "374", "3962", "3985", "3491", "6520", "6450")) {
      if (code.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  // ---- tags and signals -----------------------------------------------------------------

  private static List<String> tags(
      SplittableRandom rng, Size size, boolean foreign, boolean tech, boolean chain, int founded) {
    Set<String> t = new HashSet<>();
    boolean young = founded >= 2012;
    if (foreign) {
      if (size == Size.LARGE) {
        flag(t, rng, 0.30, "fortune_global_500");
        flag(t, rng, 0.60, "listed");
        flag(t, rng, 0.20, "sector_leader");
      } else if (size == Size.MEDIUM) {
        flag(t, rng, 0.15, "listed");
      }
    } else {
      switch (size) {
        case LARGE -> {
          flag(t, rng, 0.06, "fortune_global_500");
          if (t.contains("fortune_global_500") || rng.nextDouble() < 0.18) {
            t.add("china_top_500");
          }
          flag(t, rng, 0.45, "listed");
          flag(t, rng, 0.18, "sector_leader");
          if (chain) {
            flag(t, rng, 0.20, "chain_leader");
          }
          if (young && !t.contains("listed")) {
            flag(t, rng, 0.10, "unicorn");
          }
        }
        case MEDIUM -> {
          flag(t, rng, 0.12, "listed");
          if (young && !t.contains("listed")) {
            flag(t, rng, 0.04, "unicorn");
          }
          flag(t, rng, 0.18, "specialized_sme");
          flag(t, rng, 0.07, "little_giant");
          flag(t, rng, 0.03, "sector_leader");
        }
        case SMALL -> {
          flag(t, rng, 0.08, "specialized_sme");
          flag(t, rng, 0.025, "little_giant");
        }
        case MICRO -> {}
      }
      if (t.contains("little_giant")) {
        t.add("specialized_sme"); // every national little giant is on the specialised-SME list
      }
      double sizeFactor =
          switch (size) {
            case MICRO -> 0.55;
            case SMALL -> 1.1;
            case MEDIUM, LARGE -> 1.5;
          };
      flag(t, rng, Math.min(0.9, (tech ? 0.36 : 0.15) * sizeFactor), "high_tech");
    }
    return ALLOWED_TAGS.stream().filter(t::contains).toList();
  }

  private List<String> signals(SplittableRandom rng) {
    if (rng.nextDouble() >= settings.signalShare()) {
      return List.of();
    }
    double u = rng.nextDouble();
    int count = u < 0.65 ? 1 : u < 0.90 ? 2 : 3;
    Set<String> out = new java.util.TreeSet<>();
    for (int i = 0; i < count; i++) {
      String kind = SIGNAL_KINDS.get(weighted(rng, SIGNAL_WEIGHTS));
      LocalDate date = settings.anchorDate().minusDays(1 + rng.nextInt(365));
      out.add(date + "|" + kind);
    }
    return out.stream()
        .map(
            s -> {
              String[] p = s.split("\\|");
              return p[1] + ":" + p[0];
            })
        .toList();
  }

  // ---- names, codes and texts -----------------------------------------------------------

  private String chineseName(
      SplittableRandom rng,
      Vocabulary.City city,
      Profile profile,
      Size size,
      boolean listed,
      Group group,
      boolean leader) {
    for (int attempt = 0; ; attempt++) {
      String brand = group != null && attempt < 10 ? group.brand() : brand(rng);
      String word = pick(rng, profile.wording().words());
      String suffix = leader ? pick(rng, List.of("集团有限公司", "集团股份有限公司")) : suffix(rng, size, listed);
      int style = rng.nextInt(100);
      String place = rng.nextDouble() < 0.25 ? city.namePrefix() : city.name();
      String name;
      boolean national = size == Size.MEDIUM || size == Size.LARGE;
      if (style < 72 || attempt >= 20 || (style >= 88 && !national)) {
        name = place + brand + word + suffix;
      } else if (style < 88) {
        name = brand + word + "（" + city.name() + "）" + suffix;
      } else {
        name = brand + word + suffix;
      }
      if (names.add(name)) {
        return name;
      }
    }
  }

  private static String suffix(SplittableRandom rng, Size size, boolean listed) {
    if (listed) {
      return "股份有限公司";
    }
    double u = rng.nextDouble();
    return switch (size) {
      case MICRO, SMALL -> u < 0.85 ? "有限公司" : "有限责任公司";
      case MEDIUM -> u < 0.65 ? "有限公司" : "股份有限公司";
      case LARGE -> u < 0.3 ? "有限公司" : u < 0.7 ? "股份有限公司" : "集团有限公司";
    };
  }

  private static String brand(SplittableRandom rng) {
    String chars = Vocabulary.BRAND_CHARS;
    while (true) {
      char a = chars.charAt(rng.nextInt(chars.length()));
      char b = chars.charAt(rng.nextInt(chars.length()));
      String brand = "" + a + b;
      if (a != b && !Vocabulary.BLOCKED_BRANDS.contains(brand)) {
        return brand;
      }
    }
  }

  private String foreignName(SplittableRandom rng, String country, String primary) {
    String sector = Vocabulary.english(primary).sector();
    while (true) {
      String brand = pick(rng, Vocabulary.LATIN_HEADS) + pick(rng, Vocabulary.LATIN_TAILS);
      String name = brand + " " + sector + " " + pick(rng, Vocabulary.legalForms(country));
      if (names.add(name)) {
        return name;
      }
    }
  }

  private String uscc(SplittableRandom rng, Vocabulary.City city) {
    String alphabet = Uscc.ALPHABET;
    while (true) {
      StringBuilder body = new StringBuilder("91").append(pick(rng, city.divisions()));
      if (rng.nextDouble() < 0.55) {
        body.append("MA");
        for (int i = 0; i < 7; i++) {
          body.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        }
      } else {
        for (int i = 0; i < 8; i++) {
          body.append((char) ('0' + rng.nextInt(10)));
        }
        body.append(rng.nextDouble() < 0.1 ? 'X' : (char) ('0' + rng.nextInt(10)));
      }
      String code = Uscc.withCheckChar(body.toString());
      if (usccs.add(code)) {
        return code;
      }
    }
  }

  private static String scope(
      SplittableRandom rng, Profile profile, boolean foreign, String primary) {
    List<String> chinese =
        profile.keywords().stream().filter(k -> k.codePoints().anyMatch(c -> c >= 0x4e00)).toList();
    List<String> kw = sample(rng, chinese.isEmpty() ? profile.keywords() : chinese, 2);
    if (foreign) {
      Vocabulary.EnglishSector e = Vocabulary.english(primary);
      return "Design, development, manufacture and sale of "
          + String.join(", ", e.items())
          + "; engineering services, technical support and after-sales service";
    }
    String subject = profile.wording().subject();
    String head =
        Vocabulary.makesGoods(primary)
            ? subject + "的研发、生产和销售；" + String.join("、", kw) + "相关产品的设计与制造；"
            : subject
                + (subject.endsWith("服务") ? "；" : "服务；")
                + String.join("、", kw)
                + "相关技术咨询与解决方案；";
    return "一般项目：" + head + Vocabulary.SCOPE_TAIL_ZH;
  }

  private static String products(
      SplittableRandom rng, Profile profile, boolean foreign, String primary) {
    if (foreign) {
      return String.join(", ", Vocabulary.english(primary).items());
    }
    List<String> items = new ArrayList<>(sample(rng, profile.keywords(), 2 + rng.nextInt(2)));
    for (String p : sample(rng, profile.wording().products(), 1)) {
      if (!items.contains(p)) {
        items.add(p);
      }
    }
    return String.join("、", items);
  }

  // ---- planted truth --------------------------------------------------------------------

  /** Mixed into the seed of the planted-truth streams, so they differ from the noise rows'. */
  private static final long TRUTH_SALT = 0x7452_6F75_7468_0001L;

  /** Where planted firms sit: the Chengdu metro area, mostly Chengdu itself. */
  private static final List<String> TRUTH_CITIES = List.of("成都", "德阳", "眉山", "资阳");

  private static final double[] TRUTH_CITY_WEIGHTS = {0.75, 0.10, 0.08, 0.07};

  /** Signals that say "now" for a firm looking for a site. */
  private static final List<String> TRUTH_SIGNALS =
      List.of("expansion", "new_branch", "relocation", "financing");

  private static final double[] TRUTH_SIGNAL_WEIGHTS = {0.4, 0.25, 0.15, 0.2};

  private PlantedTruthSample plantTruth(
      GeneratedSample noise, List<ZoneChainRef> zoneChain, int count) {
    List<TruthSlot> slots = PlantedTruth.slots(nodes, zoneChain);
    List<TruthSlot> plan = PlantedTruth.plan(slots, count);
    int nextId = 1;
    for (SampleRow row : noise.rows()) {
      nextId = Math.max(nextId, Integer.parseInt(row.record().enterpriseId().substring(1)) + 1);
    }
    List<SampleRow> rows = new ArrayList<>(noise.rows());
    List<TruthRow> truth = new ArrayList<>(count);
    long seed = settings.seed() ^ TRUTH_SALT;
    for (int i = 0; i < plan.size(); i++) {
      TruthSlot slot = plan.get(i);
      ChainNodeRef node =
          nodes.stream().filter(n -> n.nodeId().equals(slot.nodeId())).findFirst().orElseThrow();
      SplittableRandom rng = new SplittableRandom(rowSeed(seed, i));
      String id = String.format("E%07d", nextId + i);
      EnterpriseRecord record =
          truthRecord(rng, id, slot, node, PlantedTruth.siblingCodes(slot, slots));
      rows.add(new SampleRow(rows.size() + 2, record, record.toCells(), null, null));
      truth.add(
          new TruthRow(
              id,
              slot.zoneId(),
              slot.nodeId(),
              slot.code(),
              PlantedTruth.GAP_FILLER,
              slot.otherZones(),
              slot.contested()));
    }
    return new PlantedTruthSample(
        new GeneratedSample(rows),
        truth,
        PlantedTruth.noiseGapFillers(noise.cleanRecords(), nodes, zoneChain));
  }

  /**
   * A strong candidate for the slot: the node's code as primary industry (and at most one more code
   * of the same node and zone), a business scope and products in the node's keywords, a medium or
   * large firm with real tags, a signal in the last 60 days, registered in the Chengdu metro area.
   */
  private EnterpriseRecord truthRecord(
      SplittableRandom rng, String id, TruthSlot slot, ChainNodeRef node, List<String> siblings) {
    Size size = rng.nextDouble() < 0.5 ? Size.LARGE : Size.MEDIUM;
    String cityName = TRUTH_CITIES.get(weighted(rng, TRUTH_CITY_WEIGHTS));
    Vocabulary.City city =
        Vocabulary.CITIES.stream().filter(c -> c.name().equals(cityName)).findFirst().orElseThrow();
    List<String> codes = new ArrayList<>(List.of(slot.code()));
    if (!siblings.isEmpty() && rng.nextDouble() < 0.5) {
      codes.add(pick(rng, siblings));
    }
    Vocabulary.Industry wording = Vocabulary.industry(slot.code());
    List<String> keywords = node.keywords().isEmpty() ? wording.products() : node.keywords();
    Profile profile = new Profile(List.copyOf(codes), keywords, wording, true);
    List<String> tags = truthTags(rng, size);
    String name = chineseName(rng, city, profile, size, tags.contains("listed"), null, false);
    double t = 0.5 + 0.5 * rng.nextDouble();
    int employees = (int) Math.round(logLerp(size.minEmployees, size.maxEmployees, t));
    double revenue = roundTo(logLerp(size.minRevenue, size.maxRevenue, t), 1e4);
    double capital = roundSignificant(size.medianCapital * Math.exp(gaussian(rng) * 0.5), 2);
    int patents = (int) Math.round(size.medianPatents * 2 * Math.exp(gaussian(rng) * 0.5));
    double rd = 0.04 + 0.08 * rng.nextDouble();
    double growth = 0.10 + 0.25 * rng.nextDouble();
    return new EnterpriseRecord(
        id,
        uscc(rng, city),
        name,
        "CN",
        city.province(),
        city.name(),
        round(city.lat() + gaussian(rng) * 0.05, 5),
        round(city.lon() + gaussian(rng) * 0.05, 5),
        profile.codes(),
        truthScope(rng, profile, slot.code()),
        String.join("、", sample(rng, keywordsZh(keywords), 3)),
        capital,
        revenue,
        employees,
        foundedYear(rng, size),
        patents,
        round(rd, 4),
        round(growth, 3),
        tags,
        truthSignals(rng),
        true,
        null,
        settings.anchorDate().minusDays(1 + rng.nextInt(90)));
  }

  /** Tags of a strong firm, within the generator's rules (500强 only on large firms, ...). */
  private static List<String> truthTags(SplittableRandom rng, Size size) {
    Set<String> t = new HashSet<>();
    if (size == Size.LARGE) {
      flag(t, rng, 0.25, "china_top_500");
      flag(t, rng, 0.6, "listed");
      flag(t, rng, 0.4, "sector_leader");
      if (t.isEmpty()) {
        t.add("sector_leader");
      }
    } else {
      flag(t, rng, 0.35, "little_giant");
      flag(t, rng, 0.6, "specialized_sme");
      flag(t, rng, 0.2, "listed");
      if (t.contains("little_giant") || t.isEmpty()) {
        t.add("specialized_sme");
      }
    }
    flag(t, rng, 0.7, "high_tech");
    return ALLOWED_TAGS.stream().filter(t::contains).toList();
  }

  /** One signal of intent within the last 60 days, sometimes hiring as well. */
  private List<String> truthSignals(SplittableRandom rng) {
    Set<String> out = new java.util.TreeSet<>();
    String kind = TRUTH_SIGNALS.get(weighted(rng, TRUTH_SIGNAL_WEIGHTS));
    out.add(settings.anchorDate().minusDays(1 + rng.nextInt(60)) + "|" + kind);
    if (rng.nextDouble() < 0.4) {
      out.add(settings.anchorDate().minusDays(1 + rng.nextInt(120)) + "|hiring");
    }
    return out.stream()
        .map(
            s -> {
              String[] p = s.split("\\|");
              return p[1] + ":" + p[0];
            })
        .toList();
  }

  /** A Chinese business scope built on three of the node's keywords. */
  private static String truthScope(SplittableRandom rng, Profile profile, String primary) {
    List<String> kw = sample(rng, keywordsZh(profile.keywords()), 3);
    String subject = profile.wording().subject();
    String head =
        Vocabulary.makesGoods(primary)
            ? String.join("、", kw) + "的研发、生产和销售；" + subject + "的设计与制造；"
            : String.join("、", kw)
                + "相关技术服务与解决方案；"
                + subject
                + (subject.endsWith("服务") ? "；" : "服务；");
    return "一般项目：" + head + Vocabulary.SCOPE_TAIL_ZH;
  }

  private static List<String> keywordsZh(List<String> keywords) {
    List<String> zh =
        keywords.stream().filter(k -> k.codePoints().anyMatch(c -> c >= 0x4e00)).toList();
    return zh.isEmpty() ? keywords : zh;
  }

  // ---- planted bad rows -----------------------------------------------------------------

  private SampleRow plant(
      PlantedKind kind, int occurrence, EnterpriseRecord rec, int line, SplittableRandom rng) {
    List<String> cells = new ArrayList<>(rec.toCells());
    String raw = null;
    switch (kind) {
      case INVALID_USCC -> {
        String valid = rec.uscc() != null ? rec.uscc() : uscc(rng, Vocabulary.CITIES.get(0));
        int check = Uscc.ALPHABET.indexOf(valid.charAt(17));
        char wrong = Uscc.ALPHABET.charAt((check + 1 + rng.nextInt(30)) % 31);
        set(cells, "uscc", valid.substring(0, 17) + wrong);
      }
      case UNKNOWN_TAG -> {
        List<String> tags = new ArrayList<>(rec.tags());
        tags.add(occurrence % 2 == 0 ? "gazelle" : "top_employer");
        set(cells, "tags", String.join(";", tags));
      }
      case INVALID_COUNTRY -> set(cells, "country", occurrence % 2 == 0 ? "XX" : "China");
      case LAT_WITHOUT_LON -> {
        set(
            cells,
            "latitude",
            EnterpriseRecord.number(rec.latitude() != null ? rec.latitude() : 30.65712));
        set(cells, "longitude", "");
      }
      case LAT_OUT_OF_RANGE -> {
        double lat = rec.latitude() != null ? rec.latitude() : 30.65712;
        double lon = rec.longitude() != null ? rec.longitude() : 104.06531;
        if (occurrence % 2 == 0 && Math.abs(lon) > 90) {
          set(cells, "latitude", EnterpriseRecord.number(lon)); // swapped columns
          set(cells, "longitude", EnterpriseRecord.number(lat));
        } else {
          set(cells, "latitude", EnterpriseRecord.number(round(lat + Math.copySign(90, lat), 5)));
          set(cells, "longitude", EnterpriseRecord.number(lon));
        }
      }
      case INVALID_INDUSTRY_CODE -> {
        List<String> codes = new ArrayList<>(rec.industryCodes());
        codes.set(0, List.of("9999", "ABCD", "981").get(occurrence % 3));
        set(cells, "industry_codes", String.join(";", codes));
      }
      case EMPTY_INDUSTRY_CODES -> set(cells, "industry_codes", "");
      case NEGATIVE_REVENUE ->
          set(
              cells,
              "revenue_cny",
              "-" + EnterpriseRecord.number(rec.revenueCny() != null ? rec.revenueCny() : 2.5e6));
      case RD_RATIO_OUT_OF_RANGE -> set(cells, "rd_ratio", "1.7");
      case FUTURE_FOUNDED_YEAR -> set(cells, "founded_year", "2099");
      case MALFORMED_SIGNAL -> {
        List<String> signals = new ArrayList<>(rec.signals());
        signals.add(occurrence % 2 == 0 ? "expansion:2026/13/40" : "hiring:2026-02-30");
        set(cells, "signals", String.join(";", signals));
      }
      case BLANK_NAME -> set(cells, "name", occurrence % 2 == 0 ? "" : "   ");
      case NON_NUMBER_EMPLOYEES ->
          set(cells, "employees", occurrence % 2 == 0 ? "about 50" : "约200人");
      case UNTERMINATED_QUOTE -> raw = unterminatedQuote(cells);
      case TOO_MANY_FIELDS -> raw = tooManyFields(cells, rec);
      case DUPLICATE_ID -> throw new IllegalStateException("duplicates are made from an original");
    }
    return new SampleRow(line, rec, cells, raw, kind);
  }

  /** The business scope opens a quote that never closes before the line ends. */
  private static String unterminatedQuote(List<String> cells) {
    int scope = EnterpriseRecord.column("business_scope");
    List<String> head = cells.subList(0, scope);
    StringBuilder sb = new StringBuilder(Csv.line(head)).append(",\"");
    sb.append(cells.get(scope).isEmpty() ? "一般项目：技术服务" : cells.get(scope).replace("\"", ""));
    for (String rest : cells.subList(scope + 1, cells.size())) {
      sb.append(',').append(rest.replace("\"", ""));
    }
    return sb.toString();
  }

  /** The products list is written with bare commas, so the line has too many fields. */
  private static String tooManyFields(List<String> cells, EnterpriseRecord rec) {
    int products = EnterpriseRecord.column("products");
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        sb.append(',');
      }
      if (c == products) {
        String text = rec.products() != null ? rec.products() : "零部件、总成";
        sb.append(text.replace("、", ",").replace(", ", ",").replace("\"", ""));
      } else {
        sb.append(Csv.quote(cells.get(c)));
      }
    }
    return sb.toString();
  }

  /** A second, older copy of a clean row: same id, earlier updated_at, an older revenue. */
  private static SampleRow duplicateOf(SampleRow original, int line, SplittableRandom rng) {
    EnterpriseRecord rec = original.record();
    List<String> cells = new ArrayList<>(original.cells());
    set(cells, "updated_at", rec.updatedAt().minusDays(30 + rng.nextInt(300)).toString());
    if (rec.revenueCny() != null) {
      set(cells, "revenue_cny", EnterpriseRecord.number(roundTo(rec.revenueCny() * 0.9, 1e4)));
    }
    return new SampleRow(line, rec, cells, null, PlantedKind.DUPLICATE_ID);
  }

  private static void set(List<String> cells, String column, String value) {
    cells.set(EnterpriseRecord.column(column), value);
  }

  // ---- small numeric helpers ------------------------------------------------------------

  private static int weighted(SplittableRandom rng, double[] weights) {
    double u = rng.nextDouble();
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  // ---- command line ---------------------------------------------------------------------

  public static void main(String[] args) {
    try {
      System.out.println(run(args));
    } catch (IllegalArgumentException e) {
      System.err.println("enterprise generator: " + e.getMessage());
      System.err.println(
          "usage: EnterpriseGenerator --zones FILE --chain-nodes FILE --out FILE"
              + " [--count N] [--seed S] [--defaults FILE] [--planted FILE]"
              + " [--planted-truth N --zone-chain FILE [--truth FILE]]"
              + " [--duplicates N [--entity-truth FILE]]");
      System.exit(2);
    } catch (IOException e) {
      System.err.println("enterprise generator: " + e);
      System.exit(1);
    }
  }

  /** Runs the command line and returns a one-line summary. */
  static String run(String[] args) throws IOException {
    String zones = null;
    String chainNodes = null;
    String out = null;
    String planted = null;
    String defaults = null;
    String zoneChain = null;
    String truth = null;
    Integer plantedTruth = null;
    Integer duplicates = null;
    String entityTruth = null;
    Integer count = null;
    Long seed = null;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--zones" -> zones = value;
        case "--chain-nodes" -> chainNodes = value;
        case "--out" -> out = value;
        case "--planted" -> planted = value;
        case "--defaults" -> defaults = value;
        case "--count" -> count = Integer.valueOf(value);
        case "--seed" -> seed = Long.valueOf(value);
        case "--planted-truth" -> plantedTruth = Integer.valueOf(value);
        case "--zone-chain" -> zoneChain = value;
        case "--truth" -> truth = value;
        case "--duplicates" -> duplicates = Integer.valueOf(value);
        case "--entity-truth" -> entityTruth = value;
        default -> throw new IllegalArgumentException("unknown flag " + flag);
      }
    }
    if (zones == null || chainNodes == null || out == null) {
      throw new IllegalArgumentException("--zones, --chain-nodes and --out are required");
    }
    if (plantedTruth != null && (plantedTruth < 1 || zoneChain == null)) {
      throw new IllegalArgumentException("--planted-truth needs a positive N and --zone-chain");
    }
    if (plantedTruth == null && (zoneChain != null || truth != null)) {
      throw new IllegalArgumentException("--zone-chain and --truth go with --planted-truth");
    }
    if (duplicates != null && duplicates < 0) {
      throw new IllegalArgumentException("--duplicates needs a number of rows, 0 or more");
    }
    if (entityTruth != null && (duplicates == null || duplicates == 0)) {
      throw new IllegalArgumentException("--entity-truth goes with --duplicates N");
    }
    GeneratorSettings settings;
    if (defaults != null) {
      settings = GeneratorSettings.load(Path.of(defaults));
    } else if (Files.exists(Path.of(DEFAULTS_FILE))) {
      settings = GeneratorSettings.load(Path.of(DEFAULTS_FILE));
    } else {
      settings = GeneratorSettings.defaults();
    }
    if (count != null) {
      settings = settings.withCount(count);
    }
    if (seed != null) {
      settings = settings.withSeed(seed);
    }
    Path outPath = Path.of(out);
    Path plantedPath =
        planted != null ? Path.of(planted) : outPath.resolveSibling("planted-bad-rows.csv");
    List<ZoneRef> zoneRefs = SampleInputs.readZones(Path.of(zones));
    List<ChainNodeRef> nodeRefs = SampleInputs.readChainNodes(Path.of(chainNodes));
    GeneratedSample sample;
    String truthNote = "";
    Set<String> truthIds = new HashSet<>();
    if (plantedTruth != null) {
      Path truthPath = truth != null ? Path.of(truth) : outPath.resolveSibling("truth.csv");
      PlantedTruthSample withTruth =
          generateWithTruth(
              settings,
              zoneRefs,
              nodeRefs,
              SampleInputs.readZoneChain(Path.of(zoneChain)),
              plantedTruth);
      sample = withTruth.sample();
      withTruth.truth().forEach(t -> truthIds.add(t.enterpriseId()));
      PlantedTruth.write(PlantedTruth.toCsv(withTruth.truth()), truthPath);
      Path noisePath = truthPath.resolveSibling("noise-gap-fillers.csv");
      PlantedTruth.write(PlantedTruth.noiseToCsv(withTruth.noiseGapFillers()), noisePath);
      truthNote =
          String.format(
              ", %d planted-truth enterprises after them (truth in %s, noise gap-fillers in %s)",
              withTruth.truth().size(), truthPath, noisePath);
    } else {
      sample = generate(settings, zoneRefs, nodeRefs);
    }
    if (duplicates != null && duplicates > 0) {
      Path entityTruthPath =
          entityTruth != null ? Path.of(entityTruth) : outPath.resolveSibling("entity_truth.csv");
      PlantedDuplicates.Planted withDuplicates =
          PlantedDuplicates.plant(
              sample,
              truthIds,
              zoneRefs,
              nodeRefs,
              duplicates,
              settings.seed() ^ PlantedDuplicates.SALT);
      sample = withDuplicates.sample();
      PlantedDuplicates.write(withDuplicates.truth(), entityTruthPath);
      truthNote +=
          String.format(", %d planted duplicates last (truth in %s)", duplicates, entityTruthPath);
    }
    EnterpriseCsv.write(sample, outPath);
    EnterpriseCsv.writePlanted(sample.planted(), plantedPath);
    return String.format(
        "wrote %d rows (%d planted bad rows%s) to %s, planted list to %s (seed %d)",
        sample.rows().size(),
        sample.planted().size(),
        truthNote,
        outPath,
        plantedPath,
        settings.seed());
  }
}
