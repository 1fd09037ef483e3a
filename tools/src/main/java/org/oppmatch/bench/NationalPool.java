package org.oppmatch.bench;

import static org.oppmatch.sample.Draws.flag;
import static org.oppmatch.sample.Draws.gaussian;
import static org.oppmatch.sample.Draws.jitter;
import static org.oppmatch.sample.Draws.logLerp;
import static org.oppmatch.sample.Draws.pick;
import static org.oppmatch.sample.Draws.round;
import static org.oppmatch.sample.Draws.roundSignificant;
import static org.oppmatch.sample.Draws.roundTo;
import static org.oppmatch.sample.Draws.sample;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.oppmatch.sample.ChainNodeRef;
import org.oppmatch.sample.DuplicateKind;
import org.oppmatch.sample.EnterpriseGenerator;
import org.oppmatch.sample.Vocabulary;
import org.oppmatch.sample.ZoneRef;
import org.oppmatch.schema.Cols;
import org.oppmatch.validate.Uscc;

/**
 * A national enterprise pool generated in Spark: {@code spark.range(n)} mapped partition by
 * partition, each row drawn from its own random stream seeded by (seed, row index), so the rows are
 * the same on every run and every partitioning and nothing is generated on the driver. Vocabulary
 * (cities, wording, name parts) is that of the sample generator {@link EnterpriseGenerator}.
 *
 * <p>A first version built every value as a Column expression over xxhash64 of (seed, draw, id);
 * the vocabulary tables inlined as literals made a 0.5 MB plan that took 69 s to analyse and 60 s
 * to run for 20k rows, so each row is now built by this plain-Java function instead.
 */
public final class NationalPool implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * The version of the rows a seed gives; {@code jobs/bench} regenerates inputs of another. 2: a 字号
   * of its own per row and planted duplicates.
   */
  public static final int VERSION = 2;

  /** Size class (0 micro .. 3 large), in {@link #DRAFT_SCHEMA} only, for the tests. */
  public static final String SIZE_CLASS = "_size";

  /** The enterprises columns of data-contract.md with their contract types. */
  public static final StructType SCHEMA =
      new StructType()
          .add(Cols.ENTERPRISE_ID, DataTypes.StringType, false)
          .add(Cols.USCC, DataTypes.StringType)
          .add(Cols.NAME, DataTypes.StringType, false)
          .add(Cols.COUNTRY, DataTypes.StringType, false)
          .add(Cols.PROVINCE, DataTypes.StringType)
          .add(Cols.CITY, DataTypes.StringType)
          .add(Cols.LATITUDE, DataTypes.DoubleType)
          .add(Cols.LONGITUDE, DataTypes.DoubleType)
          .add(Cols.INDUSTRY_CODES, DataTypes.createArrayType(DataTypes.StringType, false), false)
          .add(Cols.BUSINESS_SCOPE, DataTypes.StringType)
          .add(Cols.PRODUCTS, DataTypes.StringType)
          .add(Cols.REGISTERED_CAPITAL, DataTypes.DoubleType)
          .add(Cols.REVENUE, DataTypes.DoubleType)
          .add(Cols.EMPLOYEES, DataTypes.IntegerType)
          .add(Cols.FOUNDED_YEAR, DataTypes.IntegerType)
          .add(Cols.PATENTS, DataTypes.IntegerType)
          .add(Cols.RD_RATIO, DataTypes.DoubleType)
          .add(Cols.REVENUE_GROWTH, DataTypes.DoubleType)
          .add(Cols.TAGS, DataTypes.createArrayType(DataTypes.StringType, false))
          .add(Cols.SIGNALS, DataTypes.createArrayType(DataTypes.StringType, false))
          .add(Cols.LOCAL_PRESENCE, DataTypes.BooleanType)
          .add(Cols.GROUP_ID, DataTypes.StringType)
          .add(Cols.UPDATED_AT, DataTypes.DateType);

  public static final StructType DRAFT_SCHEMA = SCHEMA.add(SIZE_CLASS, DataTypes.IntegerType);

  /**
   * Everyday classes of the long tail (wholesale, retail, business services, construction, light
   * manufacturing): most firms of a national pool fit no zone. All real GB/T 4754-2017 classes.
   */
  static final List<String> GENERAL_CODES =
      List.of(
          "5111", "5131", "5137", "5141", "5162", "5174", "5176", "5179", "5184", "5191", "5199",
          "5221", "5231", "5243", "5264", "5271", "5299", "7212", "7221", "7231", "7299", "4812",
          "4710", "5411", "5436", "6190", "7010", "7111", "8010", "4910", "1713", "2011", "3032",
          "3399", "3489", "3599");

  /** Code prefixes of research-intensive industries (more patents, R&D, high-tech tags). */
  private static final List<String> TECH_PREFIXES =
      List.of("27", "39", "65", "73", "358", "374", "3962", "3985", "3491", "6520", "6450");

  private static final double[] SIGNAL_WEIGHTS = {0.30, 0.25, 0.20, 0.15, 0.10};
  private static final LocalDate FIRST_UPDATE = LocalDate.of(2025, 1, 1);

  // size classes: micro, small, medium, large (the sample generator's Size)
  private static final double[] MIN_EMPLOYEES = {2, 20, 300, 1000};
  private static final double[] MAX_EMPLOYEES = {19, 299, 999, 40000};
  private static final double[] MIN_REVENUE = {3e5, 3e6, 2e7, 4e8};
  private static final double[] MAX_REVENUE = {3e6, 2e7, 4e8, 8e10};
  private static final double[] MEDIAN_CAPITAL = {1e6, 5e6, 3e7, 3e8};
  private static final int[] FIRST_YEAR = {2005, 1998, 1990, 1980};
  private static final double[] MEDIAN_PATENTS = {1, 8, 40, 400};
  private static final double[] RECENCY_SKEW = {1.6, 1.3, 1.0, 0.8};
  private static final double[] HIGH_TECH_RATE = {0.003, 0.025, 0.12, 0.25};

  private static final long GROUP_SALT = 0x5DEECE66DL;
  private static final long PLANT_SALT = 0x2545F4914F6CDD1DL;

  /**
   * A prime below 2^31: coprime with every brand space, and its products with indexes fit a long.
   */
  private static final long BRAND_MULTIPLIER = 2_147_483_629L;

  private static final char BRAND_SPLITTER = '之';
  private static final int MAX_BRAND_LENGTH = 5;

  /**
   * The kinds planted beside an earlier row, with their weights: four ways of the same company
   * (contract rules same_uscc and same_name_and_city), two firms that only look like another.
   */
  private static final DuplicateKind[] PLANTED_KINDS = {
    DuplicateKind.SAME_USCC,
    DuplicateKind.LEGAL_FORM,
    DuplicateKind.PLACE,
    DuplicateKind.SPACING,
    DuplicateKind.LOOK_ALIKE,
    DuplicateKind.BRANCH
  };

  private static final double[] PLANTED_WEIGHTS = {0.35, 0.15, 0.15, 0.10, 0.15, 0.10};

  private final PoolSettings settings;
  private final String[][] nodeCodes;
  private final String[][] nodeKeywords;
  private final int[][] sameEcosystem;
  private final String[] leadCodes;
  private final String[] otherCodes;
  private final String[] generalCodes;
  private final String skewCode;
  private final Map<String, Integer> nodeOfCode = new HashMap<>();
  private final double[] cityCumulative;
  private final long updateDays;
  private final int brandLength;
  private final long brandSpace;
  private final long brandOffset;

  NationalPool(PoolSettings settings, List<ZoneRef> zones, List<ChainNodeRef> nodes) {
    this.settings = settings;
    this.nodeCodes =
        nodes.stream().map(n -> n.industryCodes().toArray(String[]::new)).toArray(String[][]::new);
    this.nodeKeywords =
        nodes.stream().map(n -> n.keywords().toArray(String[]::new)).toArray(String[][]::new);
    this.sameEcosystem = new int[nodes.size()][];
    for (int i = 0; i < nodes.size(); i++) {
      String eco = nodes.get(i).ecosystem();
      sameEcosystem[i] =
          java.util.stream.IntStream.range(0, nodes.size())
              .filter(j -> nodes.get(j).ecosystem().equals(eco))
              .toArray();
      for (String c : nodes.get(i).industryCodes()) {
        nodeOfCode.putIfAbsent(c, i);
      }
    }
    this.leadCodes =
        zones.stream().flatMap(z -> z.leadIndustries().stream()).toArray(String[]::new);
    Set<String> targeted = new LinkedHashSet<>(Arrays.asList(leadCodes));
    nodes.forEach(n -> targeted.addAll(n.industryCodes()));
    this.otherCodes =
        Vocabulary.OTHER_CODES.stream().filter(c -> !targeted.contains(c)).toArray(String[]::new);
    this.generalCodes =
        GENERAL_CODES.stream().filter(c -> !targeted.contains(c)).toArray(String[]::new);
    this.skewCode =
        settings.skewCode() != null ? settings.skewCode() : mostTargetedCode(zones, nodes);
    this.cityCumulative = cumulative(cityWeights(settings.metroShare()));
    this.updateDays = settings.anchorDate().toEpochDay() - FIRST_UPDATE.toEpochDay();
    int length = 3;
    long space = pow(Vocabulary.BRAND_CHARS.length(), length);
    while (space < settings.count()) {
      length++;
      space *= Vocabulary.BRAND_CHARS.length();
    }
    if (length > MAX_BRAND_LENGTH) {
      throw new IllegalArgumentException("too many enterprises for distinct brands: " + settings);
    }
    this.brandLength = length;
    this.brandSpace = space;
    this.brandOffset = Math.floorMod(mix(settings.seed(), -2), space);
  }

  private static long pow(long base, int exponent) {
    long r = 1;
    for (int i = 0; i < exponent; i++) {
      r *= base;
    }
    return r;
  }

  /** The enterprises table with exactly the data-contract columns. */
  public static Dataset<Row> enterprises(
      SparkSession spark,
      PoolSettings settings,
      List<ZoneRef> zones,
      List<ChainNodeRef> nodes,
      int partitions) {
    return build(spark, settings, zones, nodes, partitions, false);
  }

  /** The enterprises plus {@link #SIZE_CLASS}, for checking the distributions. */
  public static Dataset<Row> draft(
      SparkSession spark,
      PoolSettings settings,
      List<ZoneRef> zones,
      List<ChainNodeRef> nodes,
      int partitions) {
    return build(spark, settings, zones, nodes, partitions, true);
  }

  private static Dataset<Row> build(
      SparkSession spark,
      PoolSettings settings,
      List<ZoneRef> zones,
      List<ChainNodeRef> nodes,
      int partitions,
      boolean draft) {
    NationalPool pool = new NationalPool(settings, zones, nodes);
    StructType schema = draft ? DRAFT_SCHEMA : SCHEMA;
    MapPartitionsFunction<Long, Row> rows =
        ids ->
            new Iterator<>() {
              @Override
              public boolean hasNext() {
                return ids.hasNext();
              }

              @Override
              public Row next() {
                return pool.row(ids.next(), draft);
              }
            };
    return spark
        .range(0, settings.count(), 1, partitions)
        .mapPartitions(rows, Encoders.row(schema));
  }

  /** The code that the most zone targets (lead industries and chain-map node codes) name. */
  public static String mostTargetedCode(List<ZoneRef> zones, List<ChainNodeRef> nodes) {
    Map<String, Integer> count = new TreeMap<>();
    zones.forEach(z -> z.leadIndustries().forEach(c -> count.merge(c, 1, Integer::sum)));
    nodes.forEach(n -> n.industryCodes().forEach(c -> count.merge(c, 1, Integer::sum)));
    return count.entrySet().stream()
        .max(
            Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
        .orElseThrow()
        .getKey();
  }

  /** The skew code of these settings (the configured one, or the most targeted code). */
  public static String skewCodeOf(
      PoolSettings settings, List<ZoneRef> zones, List<ChainNodeRef> nodes) {
    return new NationalPool(settings, zones, nodes).skewCode;
  }

  /**
   * City weights: the Chengdu metro cities share {@code metroShare} by their sample weights; the
   * others split East/Centre/West as the 2018 census (58.8 / 22.6 / 18.6).
   */
  static double[] cityWeights(double metroShare) {
    List<Vocabulary.City> cities = Vocabulary.CITIES;
    Set<String> west = Set.of("绵阳", "宜宾", "重庆", "西安", "贵阳");
    Set<String> centre = Set.of("武汉", "合肥", "长沙");
    Map<String, Double> share =
        Map.of("metro", metroShare, "west", 0.186 - metroShare, "centre", 0.226, "east", 0.588);
    Map<String, Double> total = new LinkedHashMap<>();
    String[] region = new String[cities.size()];
    for (int i = 0; i < cities.size(); i++) {
      Vocabulary.City c = cities.get(i);
      region[i] =
          c.chengduMetro()
              ? "metro"
              : west.contains(c.name()) ? "west" : centre.contains(c.name()) ? "centre" : "east";
      total.merge(region[i], c.weight(), Double::sum);
    }
    double[] w = new double[cities.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = share.get(region[i]) * cities.get(i).weight() / total.get(region[i]);
    }
    return w;
  }

  // ---- one row ----------------------------------------------------------------------------------

  /** The row of enterprise {@code index} (0-based): a function of the seed and the index only. */
  Row row(long index, boolean draft) {
    Plant plant = plant(index, draft);
    return RowFactory.create(
        plant == null ? drawn(index, draft).values() : planted(index, plant, draft));
  }

  /** A row as drawn, with the parts of its Chinese name and its city (both null when foreign). */
  private record Drawn(Object[] values, Name name, Vocabulary.City city) {}

  /** A row drawn from its own random stream, before any planting. */
  private Drawn drawn(long index, boolean draft) {
    SplittableRandom rng = new SplittableRandom(mix(settings.seed(), index));
    int size = weighted(rng, cumulative(settings.sizeMix()));
    boolean foreign = rng.nextDouble() < settings.foreignShare();
    Vocabulary.City city = Vocabulary.CITIES.get(weighted(rng, cityCumulative));
    Vocabulary.ForeignCity fcity = pick(rng, Vocabulary.FOREIGN_CITIES);

    // industry: skewed code, a chain node's or zone lead's code, or an unrelated class
    boolean chain = rng.nextDouble() < settings.chainShare();
    boolean skewed = rng.nextDouble() < settings.skew();
    String primary;
    Integer node;
    if (skewed) {
      primary = skewCode;
      node = nodeOfCode.get(skewCode);
    } else if (chain && rng.nextDouble() < 0.7) {
      node = rng.nextInt(nodeCodes.length);
      primary = pick(rng, nodeCodes[node]);
    } else if (chain) {
      primary = pick(rng, leadCodes);
      node = nodeOfCode.get(primary);
    } else {
      primary = rng.nextDouble() < 0.4 ? pick(rng, otherCodes) : pick(rng, generalCodes);
      node = null;
    }
    List<String> codes = codes(rng, primary, node);
    boolean tech = TECH_PREFIXES.stream().anyMatch(primary::startsWith);
    Vocabulary.Industry wording = Vocabulary.industry(primary);
    boolean goods = Vocabulary.makesGoods(primary);

    int last = size == 3 ? 2020 : 2025;
    int founded =
        last
            - (int)
                Math.floor(
                    Math.pow(rng.nextDouble(), RECENCY_SKEW[size]) * (last - FIRST_YEAR[size] + 1));
    List<String> tags = tags(rng, size, foreign, tech, node != null, founded);
    String country = foreign ? fcity.country() : "CN";
    Name chinese =
        foreign ? null : chineseName(rng, index, city, wording, size, tags.contains("listed"));
    String name = foreign ? foreignName(rng, index, fcity.country(), primary) : chinese.join();
    String uscc = !foreign && rng.nextDouble() >= 0.10 ? uscc(rng, city) : null;

    double t = Math.pow(rng.nextDouble(), 1.5);
    int employees =
        (int)
            Math.round(
                logLerp(MIN_EMPLOYEES[size], MAX_EMPLOYEES[size], jitter(t, gaussian(rng) * 0.08)));
    double revenue =
        roundTo(
            logLerp(MIN_REVENUE[size], MAX_REVENUE[size], jitter(t, gaussian(rng) * 0.12)), 1e4);
    double capital =
        Math.max(1e4, roundSignificant(MEDIAN_CAPITAL[size] * Math.exp(gaussian(rng) * 0.9), 2));
    boolean highTech = tags.contains("high_tech");
    double patentScale = (highTech ? 2.5 : 1.0) * (goods || tech ? 1.0 : 0.3);
    int patents =
        size == 0 && rng.nextDouble() < 0.4
            ? 0
            : (int)
                Math.min(
                    12000,
                    Math.round(MEDIAN_PATENTS[size] * patentScale * Math.exp(gaussian(rng))));
    double rd =
        Math.min(
            0.3, (tech ? 0.07 : 0.025) * (highTech ? 1.4 : 1.0) * Math.exp(gaussian(rng) * 0.6));
    double growthSigma = size <= 1 ? 0.2 : 0.12;
    double growth = Math.max(-0.3, Math.min(0.8, 0.08 + gaussian(rng) * growthSigma));

    boolean hasCoords = rng.nextDouble() >= 0.04;
    double lat = (foreign ? fcity.lat() : city.lat()) + gaussian(rng) * 0.05;
    double lon = (foreign ? fcity.lon() : city.lon()) + gaussian(rng) * 0.05;
    Boolean local;
    if (rng.nextDouble() < 0.03) {
      local = null;
    } else if (foreign) {
      local = rng.nextDouble() < 0.05;
    } else {
      local = rng.nextDouble() < (city.chengduMetro() ? 0.92 : 0.03);
    }
    long block = index / 4;
    boolean grouped =
        new SplittableRandom(mix(settings.seed() ^ GROUP_SALT, block)).nextDouble()
                < settings.groupShare()
            && rng.nextDouble() < 0.75;
    LocalDate updated = FIRST_UPDATE.plusDays(rng.nextLong(updateDays));
    List<String> keywords =
        node != null && nodeKeywords[node].length > 0
            ? Arrays.asList(nodeKeywords[node])
            : wording.products();
    String province = foreign ? fcity.province() : city.province();

    Object[] v = new Object[draft ? 24 : 23];
    v[0] = enterpriseId(index);
    v[1] = uscc;
    v[2] = name;
    v[3] = country;
    v[4] = province.isEmpty() ? null : province;
    v[5] = foreign ? fcity.city() : city.name();
    v[6] = hasCoords ? round(lat, 5) : null;
    v[7] = hasCoords ? round(lon, 5) : null;
    v[8] = codes.toArray(String[]::new);
    v[9] = rng.nextDouble() < 0.03 ? null : scope(rng, keywords, wording, foreign, goods, primary);
    v[10] = rng.nextDouble() < 0.10 ? null : products(rng, keywords, wording, foreign, primary);
    v[11] = rng.nextDouble() < (foreign ? 0.5 : 0.03) ? null : capital;
    v[12] = rng.nextDouble() < 0.08 ? null : revenue;
    v[13] = rng.nextDouble() < 0.05 ? null : employees;
    v[14] = founded;
    v[15] = rng.nextDouble() < 0.10 ? null : patents;
    v[16] = rng.nextDouble() < 0.15 ? null : round(rd, 4);
    v[17] = rng.nextDouble() < 0.20 ? null : round(growth, 3);
    v[18] = tags.toArray(String[]::new);
    v[19] = signals(rng).toArray(String[]::new);
    v[20] = local;
    v[21] = grouped ? String.format("G%08d", block) : null;
    v[22] = java.sql.Date.valueOf(updated);
    if (draft) {
      v[23] = size;
    }
    return new Drawn(v, chinese, foreign ? null : city);
  }

  /**
   * The name of a firm registered abroad, of its own as the 字号 are: the permuted index written in
   * syllables (a Latin head and tail each), Vantecbriara and the like.
   */
  String latinBrand(long index) {
    List<String> heads = Vocabulary.LATIN_HEADS;
    List<String> tails = Vocabulary.LATIN_TAILS;
    int base = heads.size() * tails.size();
    long p = permuted(index);
    StringBuilder b = new StringBuilder();
    do {
      int d = (int) (p % base);
      p /= base;
      String head = heads.get(d / tails.size());
      b.append(b.length() == 0 ? head : head.toLowerCase(java.util.Locale.ROOT))
          .append(tails.get(d % tails.size()));
    } while (p > 0);
    return b.toString();
  }

  private long permuted(long index) {
    return Math.floorMod(BRAND_MULTIPLIER * index + brandOffset, brandSpace);
  }

  // ---- planted rows -----------------------------------------------------------------------------

  /** What a planted row copies: its kind, the earlier row, and that row as drawn. */
  record Plant(DuplicateKind kind, long original, Drawn drawn, SplittableRandom rng) {}

  /**
   * The plant of row {@code index}, null for an ordinary row. A planted row copies an earlier
   * ordinary Chinese row, so every company of the pool has one original; the kinds that need the
   * original's USCC (the same USCC, a look-alike under another) go to originals that have one.
   */
  Plant plant(long index, boolean draft) {
    if (!drawsPlant(index)) {
      return null;
    }
    SplittableRandom rng = new SplittableRandom(mix(settings.seed() ^ PLANT_SALT, index));
    rng.nextDouble(); // the draw of drawsPlant
    long original = rng.nextLong(index);
    while (drawsPlant(original)) {
      original--; // row 0 is never planted
    }
    Drawn o = drawn(original, draft);
    if (o.name() == null) {
      return null; // a foreign original: its row is drawn as any other
    }
    DuplicateKind kind = PLANTED_KINDS[weighted(rng, cumulative(PLANTED_WEIGHTS))];
    if (o.values()[1] == null) {
      kind =
          switch (kind) {
            case SAME_USCC -> DuplicateKind.LEGAL_FORM;
            case LOOK_ALIKE -> DuplicateKind.BRANCH;
            default -> kind;
          };
    }
    return new Plant(kind, original, o, rng);
  }

  private boolean drawsPlant(long index) {
    return index > 0
        && settings.duplicateShare() > 0
        && new SplittableRandom(mix(settings.seed() ^ PLANT_SALT, index)).nextDouble()
            < settings.duplicateShare();
  }

  /**
   * The planted rows of the pool by kind, counted on the driver from the same draws as the rows.
   */
  public static Map<DuplicateKind, Long> plantedCounts(
      PoolSettings settings, List<ZoneRef> zones, List<ChainNodeRef> nodes) {
    NationalPool pool = new NationalPool(settings, zones, nodes);
    Map<DuplicateKind, Long> counts = new java.util.EnumMap<>(DuplicateKind.class);
    for (long i = 1; i < settings.count(); i++) {
      Plant p = pool.plant(i, false);
      if (p != null) {
        counts.merge(p.kind(), 1L, Long::sum);
      }
    }
    return counts;
  }

  /**
   * The values of a planted row. The same company's copies keep the original's attributes under an
   * older {@code updated_at} (so the original is the row a merge keeps); a look-alike or a branch
   * is another firm with the original's name, place and industries and figures of its own.
   */
  private Object[] planted(long index, Plant p, boolean draft) {
    Object[] v = p.drawn().values().clone();
    SplittableRandom rng = p.rng();
    Name name = p.drawn().name();
    v[0] = enterpriseId(index);
    switch (p.kind()) {
      case SAME_USCC -> {
        v[2] = rng.nextBoolean() ? name.join() : otherForm(name).join();
        older(v, rng);
      }
      case LEGAL_FORM -> {
        v[1] = null;
        v[2] = otherForm(name).join();
        older(v, rng);
      }
      case PLACE -> {
        v[1] = null;
        v[2] = otherPlace(name, p.drawn().city()).join();
        older(v, rng);
      }
      case SPACING -> {
        v[1] = null;
        String sep = pick(rng, List.of(" ", "\u3000", "·"));
        v[2] = rng.nextBoolean() ? name.join(sep, "") : name.join("", sep);
        older(v, rng);
      }
      case LOOK_ALIKE, BRANCH -> {
        Object[] own = drawn(index, draft).values();
        // figures, tags, signals and dates of its own; never in the original's group
        for (int c = 11; c <= 19; c++) {
          v[c] = own[c];
        }
        v[21] = null;
        v[22] = own[22];
        Vocabulary.City city = p.drawn().city();
        if (p.kind() == DuplicateKind.BRANCH) {
          Vocabulary.City at =
              pick(rng, Vocabulary.CITIES.stream().filter(c -> c != city).toList());
          v[2] = name.join() + at.name() + "分公司";
          v[4] = at.province();
          v[5] = at.name();
          if (v[6] != null) {
            v[6] = round(at.lat() + gaussian(rng) * 0.05, 5);
            v[7] = round(at.lon() + gaussian(rng) * 0.05, 5);
          }
          v[18] = new String[0];
          v[1] = uscc(rng, at);
        } else {
          v[1] = uscc(rng, city);
        }
      }
      default -> throw new IllegalStateException("not planted here: " + p.kind());
    }
    return v;
  }

  /** 有限公司 and 有限责任公司 swapped; 股份 and 集团 dropped. */
  private static Name otherForm(Name n) {
    return n.withForm(n.form().equals("有限公司") ? "有限责任公司" : "有限公司");
  }

  /** The place decoration dropped, moved into or out of brackets, or added. */
  private static Name otherPlace(Name n, Vocabulary.City city) {
    if (!n.place().isEmpty()) {
      return n.withPlace("", "");
    } else if (!n.bracket().isEmpty()) {
      return n.withPlace(n.bracket(), "");
    }
    return n.withPlace(city.name(), "");
  }

  /** An older copy: updated 30 to 330 days before the original, without the signals after that. */
  private static void older(Object[] v, SplittableRandom rng) {
    LocalDate updated = ((java.sql.Date) v[22]).toLocalDate().minusDays(30 + rng.nextInt(300));
    v[22] = java.sql.Date.valueOf(updated);
    v[19] =
        Arrays.stream((String[]) v[19])
            .filter(s -> !LocalDate.parse(s.substring(s.indexOf(':') + 1)).isAfter(updated))
            .toArray(String[]::new);
  }

  private static String enterpriseId(long index) {
    return String.format("E%08d", index + 1);
  }

  static long mix(long seed, long index) {
    return seed * 0x9E3779B97F4A7C15L + (index + 1L) * 0xBF58476D1CE4E5B9L;
  }

  /** The primary code, 0-2 secondary codes, and now and then a code cut to its 3-digit class. */
  private List<String> codes(SplittableRandom rng, String primary, Integer node) {
    LinkedHashSet<String> codes = new LinkedHashSet<>();
    codes.add(primary);
    double u = rng.nextDouble();
    int extra = u < 0.45 ? 0 : u < 0.80 ? 1 : 2;
    for (int tries = 0; codes.size() < 1 + extra && tries < 20; tries++) {
      double v = rng.nextDouble();
      if (node != null && nodeCodes[node].length > 1 && v < 0.6) {
        codes.add(pick(rng, nodeCodes[node]));
      } else if (node != null && v < 0.9) {
        codes.add(
            pick(rng, nodeCodes[sameEcosystem[node][rng.nextInt(sameEcosystem[node].length)]]));
      } else {
        codes.add(pick(rng, otherCodes));
      }
    }
    List<String> out = new ArrayList<>(codes.size());
    for (String code : codes) {
      String c = code.length() == 4 && rng.nextDouble() < 0.03 ? code.substring(0, 3) : code;
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Tags at national rates (facts.md: 高企 ~0.8%, 专精特新 ~0.25%, 小巨人 ~0.025% of enterprises; ~5,300
   * listed firms, ~340 unicorns), concentrated in the larger size classes.
   */
  private static List<String> tags(
      SplittableRandom rng, int size, boolean foreign, boolean tech, boolean chain, int founded) {
    Set<String> t = new java.util.HashSet<>();
    boolean large = size == 3;
    boolean medium = size == 2;
    if (foreign) {
      if (large) {
        flag(t, rng, 0.10, "fortune_global_500");
        flag(t, rng, 0.30, "listed");
        flag(t, rng, 0.08, "sector_leader");
      } else if (medium) {
        flag(t, rng, 0.05, "listed");
      }
    } else {
      if (large) {
        flag(t, rng, 0.015, "fortune_global_500");
        if (t.contains("fortune_global_500") || rng.nextDouble() < 0.05) {
          t.add("china_top_500");
        }
        flag(t, rng, 0.05, "listed");
        flag(t, rng, 0.08, "sector_leader");
        if (chain) {
          flag(t, rng, 0.05, "chain_leader");
        }
        if (founded >= 2012 && !t.contains("listed")) {
          flag(t, rng, 0.02, "unicorn");
        }
      } else if (medium) {
        flag(t, rng, 0.002, "listed");
        if (founded >= 2012 && !t.contains("listed")) {
          flag(t, rng, 0.002, "unicorn");
        }
        flag(t, rng, 0.04, "specialized_sme");
        flag(t, rng, 0.008, "little_giant");
        flag(t, rng, 0.005, "sector_leader");
      } else if (size == 1) {
        flag(t, rng, 0.008, "specialized_sme");
        flag(t, rng, 0.0006, "little_giant");
      } else {
        flag(t, rng, 0.0005, "specialized_sme");
      }
      if (t.contains("little_giant")) {
        t.add("specialized_sme"); // every national little giant is on the specialised-SME list
      }
      flag(t, rng, HIGH_TECH_RATE[size] * (tech ? 2 : 1), "high_tech");
    }
    if (t.isEmpty()) {
      return List.of();
    }
    return EnterpriseGenerator.ALLOWED_TAGS.stream().filter(t::contains).toList();
  }

  private List<String> signals(SplittableRandom rng) {
    if (rng.nextDouble() >= settings.signalShare()) {
      return List.of();
    }
    double u = rng.nextDouble();
    int count = u < 0.65 ? 1 : u < 0.90 ? 2 : 3;
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (int i = 0; i < count; i++) {
      String kind = EnterpriseGenerator.SIGNAL_KINDS.get(weighted(rng, cumulative(SIGNAL_WEIGHTS)));
      out.add(kind + ":" + settings.anchorDate().minusDays(1 + rng.nextInt(365)));
    }
    return List.copyOf(out);
  }

  // ---- names and texts --------------------------------------------------------------------------

  /** The parts of a generated Chinese name: [place] 字号 industry word [（city）] legal form. */
  record Name(String place, String brand, String word, String bracket, String form) {
    String join() {
      return join("", "");
    }

    /** The name with {@code afterBrand} between 字号 and word, {@code beforeForm} before the form. */
    String join(String afterBrand, String beforeForm) {
      return place
          + brand
          + afterBrand
          + word
          + (bracket.isEmpty() ? "" : "（" + bracket + "）")
          + beforeForm
          + form;
    }

    Name withPlace(String p, String b) {
      return new Name(p, brand, word, b, form);
    }

    Name withForm(String f) {
      return new Name(place, brand, word, bracket, f);
    }
  }

  private Name chineseName(
      SplittableRandom rng,
      long index,
      Vocabulary.City city,
      Vocabulary.Industry wording,
      int size,
      boolean listed) {
    String brand = brand(index);
    String word = pick(rng, wording.words());
    String suffix = suffix(rng, size, listed);
    int style = rng.nextInt(100);
    String place = rng.nextDouble() < 0.25 ? city.namePrefix() : city.name();
    boolean national = size >= 2;
    if (style < 72 || (style >= 88 && !national)) {
      return new Name(place, brand, word, "", suffix);
    } else if (style < 88) {
      return new Name("", brand, word, city.name(), suffix);
    }
    return new Name("", brand, word, "", suffix);
  }

  /**
   * The 字号 of row {@code index}: the index under a fixed permutation of the brand space, written in
   * brand characters, so no two rows share one (registered names repeat within a city only as the
   * planted copies do). Three characters while the pool fits in 70^3, else four or five.
   */
  String brand(long index) {
    String chars = Vocabulary.BRAND_CHARS;
    long p = permuted(index);
    StringBuilder b = new StringBuilder(brandLength + 2);
    for (int i = 0; i < brandLength; i++) {
      b.append(chars.charAt((int) (p % chars.length())));
      p /= chars.length();
    }
    // a pair close to a well-known firm's brand is split by a character no brand has, which keeps
    // the brands distinct
    for (int i = b.length() - 1; i > 0; i--) {
      if (Vocabulary.BLOCKED_BRANDS.contains(b.substring(i - 1, i + 1))) {
        b.insert(i, BRAND_SPLITTER);
      }
    }
    return b.toString();
  }

  private static String suffix(SplittableRandom rng, int size, boolean listed) {
    if (listed) {
      return "股份有限公司";
    }
    double u = rng.nextDouble();
    return switch (size) {
      case 0, 1 -> u < 0.85 ? "有限公司" : "有限责任公司";
      case 2 -> u < 0.65 ? "有限公司" : "股份有限公司";
      default -> u < 0.3 ? "有限公司" : u < 0.7 ? "股份有限公司" : "集团有限公司";
    };
  }

  private String foreignName(SplittableRandom rng, long index, String country, String primary) {
    return latinBrand(index)
        + " "
        + Vocabulary.english(primary).sector()
        + " "
        + pick(rng, Vocabulary.legalForms(country));
  }

  private static String uscc(SplittableRandom rng, Vocabulary.City city) {
    String alphabet = Uscc.ALPHABET;
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
    return Uscc.withCheckChar(body.toString());
  }

  private static String scope(
      SplittableRandom rng,
      List<String> keywords,
      Vocabulary.Industry wording,
      boolean foreign,
      boolean goods,
      String primary) {
    if (foreign) {
      return "Design, development, manufacture and sale of "
          + String.join(", ", Vocabulary.english(primary).items())
          + "; engineering services, technical support and after-sales service";
    }
    List<String> chinese =
        keywords.stream().filter(k -> k.codePoints().anyMatch(c -> c >= 0x4e00)).toList();
    List<String> kw = sample(rng, chinese.isEmpty() ? keywords : chinese, 2);
    String subject = wording.subject();
    String head =
        goods
            ? subject + "的研发、生产和销售；" + String.join("、", kw) + "相关产品的设计与制造；"
            : subject
                + (subject.endsWith("服务") ? "；" : "服务；")
                + String.join("、", kw)
                + "相关技术咨询与解决方案；";
    return "一般项目：" + head + Vocabulary.SCOPE_TAIL_ZH;
  }

  private static String products(
      SplittableRandom rng,
      List<String> keywords,
      Vocabulary.Industry wording,
      boolean foreign,
      String primary) {
    if (foreign) {
      return String.join(", ", Vocabulary.english(primary).items());
    }
    List<String> items = new ArrayList<>(sample(rng, keywords, 2 + rng.nextInt(2)));
    for (String p : sample(rng, wording.products(), 1)) {
      if (!items.contains(p)) {
        items.add(p);
      }
    }
    return String.join("、", items);
  }

  // ---- small helpers ----------------------------------------------------------------------------

  private static double[] cumulative(double[] weights) {
    double total = Arrays.stream(weights).sum();
    double[] c = new double[weights.length];
    double run = 0;
    for (int i = 0; i < weights.length; i++) {
      run += weights[i] / total;
      c[i] = run;
    }
    return c;
  }

  private static int weighted(SplittableRandom rng, double[] cumulative) {
    double u = rng.nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (u < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }
}
