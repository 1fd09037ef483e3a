package org.oppmatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.oppmatch.sample.ChainNodeRef;
import org.oppmatch.sample.SampleInputs;
import org.oppmatch.sample.ZoneRef;

/**
 * Writes a national benchmark input directory (a valid {@code --inputs} of the nightly job): {@code
 * enterprises/} as Parquet generated in Spark, the sample's zones and chain maps as CSV, and {@code
 * opportunities/} made from the sample's as templates.
 *
 * <p>Usage: {@code GenerateNational --out DIR --count 1m [--seed 7] [--skew 0.3] [--skew-code C]
 * [--duplicates 0.02] [--opportunities 5000] [--sample data/sample] [--partitions P]}
 */
public final class GenerateNational {
  static final List<String> COPIED = List.of("zones.csv", "chain_nodes.csv", "zone_chain.csv");

  /** Rows per Parquet file of enterprises (at least two files, one per local core). */
  static final long ROWS_PER_FILE = 500_000;

  private GenerateNational() {}

  /** Parsed command line. */
  record Args(
      Path out,
      long count,
      long seed,
      double skew,
      String skewCode,
      double duplicates,
      int opportunities,
      Path sample,
      int partitions) {
    static Args parse(String[] argv) {
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < argv.length; i++) {
        if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
          throw new IllegalArgumentException("expected --flag value, got " + argv[i]);
        }
        m.put(argv[i].substring(2), argv[++i]);
      }
      for (String k : m.keySet()) {
        if (!List.of(
                "out",
                "count",
                "seed",
                "skew",
                "skew-code",
                "duplicates",
                "opportunities",
                "sample",
                "partitions")
            .contains(k)) {
          throw new IllegalArgumentException("unknown flag --" + k);
        }
      }
      if (!m.containsKey("out") || !m.containsKey("count")) {
        throw new IllegalArgumentException("--out and --count are required");
      }
      long count = parseCount(m.get("count"));
      int parts =
          m.containsKey("partitions")
              ? Integer.parseInt(m.get("partitions"))
              : (int) Math.max(2, (count + ROWS_PER_FILE - 1) / ROWS_PER_FILE);
      return new Args(
          Path.of(m.get("out")),
          count,
          Long.parseLong(m.getOrDefault("seed", "7")),
          Double.parseDouble(m.getOrDefault("skew", "0")),
          m.get("skew-code"),
          Double.parseDouble(m.getOrDefault("duplicates", "0.02")),
          Integer.parseInt(m.getOrDefault("opportunities", "5000")),
          Path.of(m.getOrDefault("sample", "data/sample")),
          parts);
    }
  }

  /** 100k, 1m, 10m, 2.5m or a plain number. */
  public static long parseCount(String s) {
    String t = s.trim().toLowerCase(java.util.Locale.ROOT).replace("_", "");
    double mult = 1;
    if (t.endsWith("k")) {
      mult = 1e3;
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("m")) {
      mult = 1e6;
      t = t.substring(0, t.length() - 1);
    }
    long n = Math.round(Double.parseDouble(t) * mult);
    if (n < 1) {
      throw new IllegalArgumentException("count must be positive: " + s);
    }
    return n;
  }

  public static void main(String[] argv) {
    Args args;
    try {
      args = Args.parse(argv);
    } catch (IllegalArgumentException e) {
      System.err.println("generate-national: " + e.getMessage());
      System.err.println(
          "usage: GenerateNational --out DIR --count N [--seed S] [--skew SHARE] [--skew-code CODE]"
              + " [--duplicates SHARE] [--opportunities N] [--sample DIR] [--partitions P]");
      System.exit(2);
      return;
    }
    SparkSession spark = SparkSession.builder().appName("generate-national").getOrCreate();
    int code = 0;
    try {
      System.out.println(run(spark, args));
    } catch (IOException | RuntimeException e) {
      System.err.println("generate-national: failed: " + e);
      e.printStackTrace();
      code = 1;
    } finally {
      spark.stop();
    }
    System.exit(code);
  }

  static String run(SparkSession spark, Args a) throws IOException {
    long t0 = System.nanoTime();
    List<ZoneRef> zones = SampleInputs.readZones(a.sample().resolve("zones.csv"));
    List<ChainNodeRef> nodes = SampleInputs.readChainNodes(a.sample().resolve("chain_nodes.csv"));
    PoolSettings settings =
        PoolSettings.national(a.count(), a.seed()).withDuplicates(a.duplicates());
    if (a.skew() > 0) {
      settings = settings.withSkew(a.skew(), a.skewCode());
    }
    String skewCode = NationalPool.skewCodeOf(settings, zones, nodes);
    Files.createDirectories(a.out());
    spark.sparkContext().setJobDescription("generate " + a.count() + " enterprises");
    NationalPool.enterprises(spark, settings, zones, nodes, a.partitions())
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(a.out().resolve("enterprises").toString());
    for (String f : COPIED) {
      Files.copy(a.sample().resolve(f), a.out().resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    spark.sparkContext().setJobDescription("generate " + a.opportunities() + " opportunities");
    NationalOpportunities.asDataset(
            spark,
            NationalOpportunities.generate(
                NationalOpportunities.readTemplates(a.sample().resolve("opportunities.jsonl")),
                zones,
                nodes,
                a.opportunities(),
                a.seed(),
                settings.anchorDate()))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(a.out().resolve("opportunities").toString());
    double seconds = (System.nanoTime() - t0) / 1e9;
    ObjectNode info = new ObjectMapper().createObjectNode();
    info.put("count", a.count());
    info.put("seed", a.seed());
    info.put("skew", a.skew());
    info.put("skew_code", a.skew() > 0 ? skewCode : null);
    info.put("pool_version", NationalPool.VERSION);
    info.put("duplicate_share", a.duplicates());
    ObjectNode planted = info.putObject("planted");
    NationalPool.plantedCounts(settings, zones, nodes).forEach((k, v) -> planted.put(k.id(), v));
    info.put("opportunities", a.opportunities());
    info.put("zones", zones.size());
    info.put("chain_nodes", nodes.size());
    info.put("partitions", a.partitions());
    info.put("anchor_date", settings.anchorDate().toString());
    info.put("seconds", Math.round(seconds * 10) / 10.0);
    Files.writeString(
        a.out().resolve("_generated.json"),
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(info));
    return String.format(
        java.util.Locale.ROOT,
        "generated %,d enterprises (seed %d%s), %d opportunities, %d zones in %s (%.1f s)",
        a.count(),
        a.seed(),
        a.skew() > 0 ? ", " + Math.round(a.skew() * 100) + "% on " + skewCode : "",
        a.opportunities(),
        zones.size(),
        a.out(),
        seconds);
  }
}
