package org.oppmatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.oppmatch.sample.ChainNodeRef;
import org.oppmatch.sample.ZoneRef;
import org.oppmatch.schema.Cols;

/**
 * Scenario opportunities for the benchmark, made from the sample's as templates: new ids, other
 * zones of the same ecosystem, codes and keywords of the ecosystem's chain nodes added or dropped,
 * new dates (about one in ten already expired on the anchor date). A few thousand rows: built on
 * the driver from a seeded generator, so the same seed gives the same rows.
 */
public final class NationalOpportunities {
  private NationalOpportunities() {}

  /** One sample opportunity, the template of many. */
  record Template(
      String title,
      String publisher,
      String zoneId,
      String ecosystem,
      List<String> codes,
      String description,
      List<String> keywords,
      String mode,
      Double budget) {}

  static final StructType SCHEMA =
      new StructType()
          .add(Cols.OPPORTUNITY_ID, DataTypes.StringType, false)
          .add(Cols.TITLE, DataTypes.StringType, false)
          .add(Cols.PUBLISHER, DataTypes.StringType)
          .add(Cols.ZONE_ID, DataTypes.StringType)
          .add(Cols.ECOSYSTEM, DataTypes.StringType)
          .add(Cols.INDUSTRY_CODES, DataTypes.createArrayType(DataTypes.StringType))
          .add(Cols.DESCRIPTION, DataTypes.StringType, false)
          .add(Cols.KEYWORDS, DataTypes.createArrayType(DataTypes.StringType))
          .add(Cols.COOPERATION_MODE, DataTypes.StringType)
          .add(Cols.BUDGET, DataTypes.DoubleType)
          .add(Cols.PUBLISHED_DATE, DataTypes.DateType)
          .add(Cols.DEADLINE, DataTypes.DateType);

  static List<Template> readTemplates(Path jsonl) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    List<Template> out = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = mapper.readTree(line);
      out.add(
          new Template(
              n.path("title").asText(),
              text(n, "publisher"),
              text(n, "zone_id"),
              text(n, "ecosystem"),
              list(n.path("industry_codes")),
              n.path("description").asText(),
              list(n.path("keywords")),
              text(n, "cooperation_mode"),
              n.hasNonNull("budget_cny") ? n.get("budget_cny").asDouble() : null));
    }
    return out;
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) && !n.get(field).asText().isBlank() ? n.get(field).asText() : null;
  }

  private static List<String> list(JsonNode arr) {
    List<String> out = new ArrayList<>();
    arr.forEach(x -> out.add(x.asText()));
    return out;
  }

  /** {@code count} opportunities as rows of {@link #SCHEMA}. */
  static List<Row> generate(
      List<Template> templates,
      List<ZoneRef> zones,
      List<ChainNodeRef> nodes,
      int count,
      long seed,
      LocalDate anchor) {
    Map<String, List<ZoneRef>> zonesOf =
        zones.stream()
            .collect(Collectors.groupingBy(ZoneRef::ecosystem, TreeMap::new, Collectors.toList()));
    Map<String, List<ChainNodeRef>> nodesOf =
        nodes.stream()
            .collect(
                Collectors.groupingBy(ChainNodeRef::ecosystem, TreeMap::new, Collectors.toList()));
    Map<String, String> ecoOfZone =
        zones.stream().collect(Collectors.toMap(ZoneRef::zoneId, ZoneRef::ecosystem));
    List<Row> rows = new ArrayList<>(count);
    for (int g = 0; g < count; g++) {
      Template t = templates.get(g % templates.size());
      SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + g);
      String eco = t.ecosystem() != null ? t.ecosystem() : ecoOfZone.get(t.zoneId());
      String zone = t.zoneId();
      List<ZoneRef> sameEco = eco == null ? List.of() : zonesOf.getOrDefault(eco, List.of());
      if (zone != null && !sameEco.isEmpty() && rng.nextDouble() < 0.6) {
        zone = sameEco.get(rng.nextInt(sameEco.size())).zoneId();
      }
      List<ChainNodeRef> ecoNodes = eco == null ? List.of() : nodesOf.getOrDefault(eco, List.of());
      LinkedHashSet<String> codes = new LinkedHashSet<>(t.codes());
      if (codes.size() > 1 && rng.nextDouble() < 0.3) {
        codes.remove(new ArrayList<>(codes).get(rng.nextInt(codes.size())));
      }
      LinkedHashSet<String> keywords = new LinkedHashSet<>(t.keywords());
      if (keywords.size() > 2 && rng.nextDouble() < 0.5) {
        keywords.remove(new ArrayList<>(keywords).get(rng.nextInt(keywords.size())));
      }
      if (!ecoNodes.isEmpty()) {
        ChainNodeRef node = ecoNodes.get(rng.nextInt(ecoNodes.size()));
        if (!codes.isEmpty() && rng.nextDouble() < 0.4) {
          codes.add(node.industryCodes().get(rng.nextInt(node.industryCodes().size())));
        }
        if (!node.keywords().isEmpty() && rng.nextDouble() < 0.5) {
          keywords.add(node.keywords().get(rng.nextInt(node.keywords().size())));
        }
      }
      LocalDate deadline =
          rng.nextDouble() < 0.1
              ? anchor.minusDays(1 + rng.nextInt(90))
              : anchor.plusDays(1 + rng.nextInt(450));
      LocalDate published = anchor.minusDays(5 + rng.nextInt(360));
      if (!published.isBefore(deadline)) {
        published = deadline.minusDays(30);
      }
      Double budget =
          t.budget() == null
              ? null
              : Math.max(1e4, Math.round(t.budget() * (0.5 + 1.5 * rng.nextDouble()) / 1e4) * 1e4);
      rows.add(
          RowFactory.create(
              String.format("OPP_N_%05d", g + 1),
              t.title() + "（第" + (g / templates.size() + 1) + "批）",
              t.publisher(),
              zone,
              t.ecosystem(),
              List.copyOf(codes),
              t.description(),
              List.copyOf(keywords),
              t.mode(),
              budget,
              java.sql.Date.valueOf(published),
              java.sql.Date.valueOf(deadline)));
    }
    return rows;
  }

  /** The rows as a one-partition Dataset (scala Seq of the arrays is what Spark's Row holds). */
  static Dataset<Row> asDataset(SparkSession spark, List<Row> rows) {
    List<Row> converted = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Object[] v = new Object[r.length()];
      for (int i = 0; i < v.length; i++) {
        Object x = r.get(i);
        v[i] =
            x instanceof List<?> l ? scala.jdk.javaapi.CollectionConverters.asScala(l).toSeq() : x;
      }
      converted.add(RowFactory.create(v));
    }
    return spark.createDataFrame(converted, SCHEMA).coalesce(1);
  }
}
