package org.oppmatch.score;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.asin;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.cos;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.log10;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.radians;
import static org.apache.spark.sql.functions.sin;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.oppmatch.config.JobConfig;
import org.oppmatch.match.Features;
import org.oppmatch.schema.Cols;

/**
 * The arithmetic of {@link FactorMath} as built-in Column expressions, so scoring runs in Spark's
 * generated code without UDFs. Each method mirrors the FactorMath method of the same name.
 */
public final class FactorColumns {
  private FactorColumns() {}

  static Column clamp01(Column c) {
    return least(lit(1.0), greatest(lit(0.0), c));
  }

  /** A lookup in one of FactorMath's small tables, as a chain of whens. */
  static <K> Column lookup(Column key, Map<K, Double> table, double otherwise) {
    Column out = lit(otherwise);
    for (Map.Entry<K, Double> e : table.entrySet()) {
      out = when(key.equalTo(lit(e.getKey())), lit(e.getValue())).otherwise(out);
    }
    return out;
  }

  public static Column industryFit(Column depth, Column primary, double secondaryFactor) {
    Column v = lookup(depth, FactorMath.DEPTH_VALUE, 0.0);
    return when(primary, v).otherwise(v.multiply(secondaryFactor));
  }

  public static Column chainRole(Column role, Column priority, Column chainLeader) {
    return chainRole(role, priority, chainLeader, lit(true), 1.0);
  }

  /** As {@link FactorMath#chainRole(String, Integer, boolean, boolean, double)}. */
  public static Column chainRole(
      Column role, Column priority, Column chainLeader, Column primary, double secondaryFactor) {
    Column v = lookup(role, FactorMath.ROLE_VALUE, 0.0);
    Column p =
        when(priority.isNull(), lit(FactorMath.PRIORITY_ABSENT))
            .otherwise(lookup(priority, FactorMath.PRIORITY_FACTOR, FactorMath.PRIORITY_ABSENT));
    Column bonus =
        when(coalesce(chainLeader, lit(false)), lit(FactorMath.CHAIN_LEADER_BONUS)).otherwise(0.0);
    Column value = clamp01(v.multiply(p).plus(bonus));
    return when(v.equalTo(0.0), lit(0.0))
        .when(coalesce(primary, lit(true)), value)
        .otherwise(value.multiply(secondaryFactor));
  }

  public static Column tagValue(Column tags) {
    Column values =
        transform(coalesce(tags, emptyStrings()), t -> lookup(t, FactorMath.TAG_VALUE, -1.0));
    Column known = size(org.apache.spark.sql.functions.filter(values, v -> v.geq(0.0)));
    Column best = coalesce(array_max(values), lit(0.0));
    return when(known.equalTo(0), lit(0.0))
        .otherwise(clamp01(best.plus(known.minus(1).multiply(FactorMath.EXTRA_TAG_VALUE))));
  }

  /** As {@link FactorMath#budgetFit}. */
  public static Column budgetFit(Column budget, Column revenue) {
    Column ratio = budget.divide(revenue);
    return when(budget.isNull().or(revenue.isNull()).or(budget.leq(0)).or(revenue.leq(0)), lit(1.0))
        .when(
            ratio.gt(1),
            greatest(
                lit(FactorMath.BUDGET_FLOOR),
                lit(1.0).divide(lit(1.0).plus(log(ratio).divide(Math.log(2))))))
        .when(ratio.lt(FactorMath.BUDGET_SMALL_SHARE), lit(FactorMath.BUDGET_TOO_SMALL))
        .otherwise(lit(1.0));
  }

  /** As {@link FactorMath#opportunitySimilarity}. */
  public static Column opportunitySimilarity(
      Column codeValue, Column cosine, double textFull, Column budgetFit) {
    Column text = clamp01(cosine.divide(textFull));
    return codeValue
        .multiply(FactorMath.OPP_CODE_SHARE)
        .plus(text.multiply(1 - FactorMath.OPP_CODE_SHARE))
        .multiply(budgetFit);
  }

  public static Column rndValue(Column patents, Column rdRatio) {
    Column p =
        when(patents.isNull().or(patents.leq(0)), lit(0.0))
            .otherwise(clamp01(log10(patents.plus(1)).divide(3)));
    Column r = when(rdRatio.isNull(), lit(0.0)).otherwise(clamp01(rdRatio.divide(0.1)));
    return p.multiply(0.5).plus(r.multiply(0.5));
  }

  public static Column strength(Column tagValue, Column sizeValue, Column rndValue) {
    return tagValue
        .multiply(FactorMath.STRENGTH_TAGS)
        .plus(sizeValue.multiply(FactorMath.STRENGTH_SIZE))
        .plus(rndValue.multiply(FactorMath.STRENGTH_RND));
  }

  private static Column signalKind(Column s) {
    return try_element_at(split(s, ":"), lit(1));
  }

  private static Column signalAge(Column s, LocalDate runDate) {
    return datediff(
        lit(java.sql.Date.valueOf(runDate)),
        try_element_at(split(s, ":"), lit(2)).cast(DataTypes.DateType));
  }

  /** Weight of one signal on the run date; see {@link FactorMath#signalWeight}. */
  public static Column signalWeight(Column s, LocalDate runDate, double halfLifeDays) {
    Column age = signalAge(s, runDate);
    return when(age.lt(0), lit(0.0))
        .otherwise(
            lookup(signalKind(s), FactorMath.SIGNAL_VALUE, 0.0)
                .multiply(pow(lit(0.5), age.divide(halfLifeDays))));
  }

  public static Column signalSum(Column signals, LocalDate runDate, double halfLifeDays) {
    return aggregate(
        coalesce(signals, emptyStrings()),
        lit(0.0),
        (acc, s) -> acc.plus(signalWeight(s, runDate, halfLifeDays)));
  }

  /** The signal that weighs most on the run date (null when none counts). */
  public static Column bestSignal(Column signals, LocalDate runDate, double halfLifeDays) {
    Column best =
        array_max(
            transform(
                coalesce(signals, emptyStrings()),
                s -> struct(signalWeight(s, runDate, halfLifeDays).as("w"), s.as("s"))));
    return when(best.getField("w").gt(0), best.getField("s"));
  }

  public static Column momentum(Column signalSum, Column revenueGrowth) {
    Column g =
        when(revenueGrowth.isNull(), lit(0.0))
            .otherwise(clamp01(revenueGrowth.divide(FactorMath.GROWTH_FULL)));
    return clamp01(signalSum)
        .multiply(FactorMath.MOMENTUM_SIGNALS)
        .plus(g.multiply(FactorMath.MOMENTUM_GROWTH));
  }

  /** In the Chengdu metro area by city, or already present there. */
  public static Column inMetro(Column city, Column localPresence) {
    Column c = lower(coalesce(city, lit("")));
    Column byCity = lit(false);
    String[] pinyin = {"chengdu", "deyang", "meishan", "ziyang"};
    for (int i = 0; i < FactorMath.METRO_CITIES.size(); i++) {
      byCity = byCity.or(c.contains(FactorMath.METRO_CITIES.get(i))).or(c.contains(pinyin[i]));
    }
    return byCity.or(coalesce(localPresence, lit(false)));
  }

  /** Great-circle distance in km by the haversine formula, as {@link FactorMath#haversineKm}. */
  public static Column haversineKm(Column lat1, Column lon1, Column lat2, Column lon2) {
    Column dLat = radians(lat2.minus(lat1));
    Column dLon = radians(lon2.minus(lon1));
    Column a =
        pow(sin(dLat.divide(2)), 2)
            .plus(
                cos(radians(lat1))
                    .multiply(cos(radians(lat2)))
                    .multiply(pow(sin(dLon.divide(2)), 2)));
    return asin(least(lit(1.0), sqrt(a))).multiply(2 * 6371.0088);
  }

  public static Column geography(
      Column inMetro, Column distanceKm, Column country, double radiusKm, Column supplier) {
    Column within = distanceKm.isNotNull().and(distanceKm.leq(radiusKm));
    return when(inMetro, lit(FactorMath.GEO_METRO))
        .when(within.and(coalesce(supplier, lit(false))), lit(FactorMath.GEO_LOCAL_SUPPLY))
        .when(within, lit(FactorMath.GEO_RADIUS))
        .when(country.isNull(), lit(FactorMath.GEO_UNKNOWN))
        .when(country.equalTo("CN"), lit(FactorMath.GEO_DOMESTIC))
        .otherwise(lit(FactorMath.GEO_ABROAD));
  }

  /** GB/T 4754 section C, as {@link FactorMath#isManufacturing}. */
  public static Column isManufacturing(Column code) {
    Column major = code.substr(1, 2).try_cast(DataTypes.IntegerType);
    return coalesce(major.between(13, 43), lit(false));
  }

  /** Zone capacity, as {@link FactorMath#capacity}. */
  public static Column capacity(
      Column manufacturing, Column employees, Column factoryM2, Column landHa, Column officeM2) {
    Column staff =
        greatest(coalesce(employees, lit(0)), when(manufacturing, lit(10)).otherwise(lit(5)));
    Column factorySpace =
        coalesce(factoryM2, lit(0.0))
            .plus(coalesce(landHa, lit(0.0)).multiply(FactorMath.FACTORY_M2_PER_HA));
    Column factory =
        when(factoryM2.isNull().and(landHa.isNull()), lit(FactorMath.CAPACITY_UNKNOWN))
            .otherwise(
                clamp01(factorySpace.divide(staff.multiply(FactorMath.FACTORY_M2_PER_EMPLOYEE))));
    Column office =
        when(officeM2.isNull(), lit(FactorMath.CAPACITY_UNKNOWN))
            .otherwise(clamp01(officeM2.divide(staff.multiply(FactorMath.OFFICE_M2_PER_EMPLOYEE))));
    return when(manufacturing, factory).otherwise(office);
  }

  /**
   * The value (0..1) of a factor on a scored pair row, from the feature columns the matching stages
   * put there.
   */
  public static Column value(Factor f, JobConfig config) {
    return switch (f) {
      case INDUSTRY_FIT -> col(Features.INDUSTRY_VALUE);
      case CHAIN_ROLE ->
          chainRole(
              col(Cols.CHAIN_ROLE),
              col(Features.PRIORITY_BEST),
              exists(coalesce(col(Cols.TAGS), emptyStrings()), t -> t.equalTo("chain_leader")),
              col(Features.NODE_PRIMARY),
              config.scoring.secondaryCodeFactor);
      case OPPORTUNITY_FIT ->
          coalesce(try_element_at(col(Features.OPPS), lit(1)).getField("similarity"), lit(0.0));
      case STRENGTH ->
          strength(col(Features.TAG_VALUE), col(Features.SIZE_VALUE), col(Features.RND_VALUE));
      case MOMENTUM -> momentum(col(Features.SIGNAL_SUM), col(Cols.REVENUE_GROWTH));
      case GEOGRAPHY ->
          geography(
              col(Features.IN_METRO),
              col(Features.DISTANCE_KM),
              col(Cols.COUNTRY),
              config.scoring.cooperationRadiusKm,
              col(Features.SUPPLIER));
      case CAPACITY ->
          capacity(
              col(Features.MANUFACTURING),
              col(Cols.EMPLOYEES),
              col(Features.ZONE_FACTORY_M2),
              col(Features.ZONE_LAND_HA),
              col(Features.ZONE_OFFICE_M2));
    };
  }

  /** An empty array<string>, for coalescing absent optional arrays. */
  public static Column emptyStrings() {
    return org.apache
        .spark
        .sql
        .functions
        .array()
        .cast(DataTypes.createArrayType(DataTypes.StringType));
  }
}
