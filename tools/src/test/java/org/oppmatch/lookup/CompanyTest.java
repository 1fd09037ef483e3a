package org.oppmatch.lookup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.model.Enterprise;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.InputTable;
import org.oppmatch.testing.SharedSpark;
import org.oppmatch.validate.Validation;
import scala.jdk.javaapi.CollectionConverters;

/** The rows of one company as one enterprise, and the entities output read back. */
class CompanyTest {
  static final LocalDate RUN = LocalDate.of(2026, 11, 20);

  /** An accepted validated row with the columns the merge reads. */
  static Row row(
      String id, String city, LocalDate updated, List<String> tags, List<String> signals) {
    StructType schema = Validation.schema(InputTable.ENTERPRISES);
    Object[] v = new Object[schema.size()];
    v[Validation.FILE] = "enterprises.csv";
    v[Validation.LINE] = 2L;
    v[Validation.RULES] = CollectionConverters.asScala(List.<String>of()).toSeq();
    set(v, Cols.ENTERPRISE_ID, id);
    set(v, Cols.NAME, "成都锦博科技有限公司");
    set(v, Cols.COUNTRY, "CN");
    set(v, Cols.CITY, city);
    set(v, Cols.INDUSTRY_CODES, CollectionConverters.asScala(List.of("7310")).toSeq());
    set(v, Cols.TAGS, CollectionConverters.asScala(tags).toSeq());
    set(v, Cols.SIGNALS, CollectionConverters.asScala(signals).toSeq());
    set(v, Cols.UPDATED_AT, updated == null ? null : java.sql.Date.valueOf(updated));
    return new GenericRowWithSchema(v, schema);
  }

  static void set(Object[] v, String column, Object value) {
    v[Validation.FIRST_VALUE + InputTable.ENTERPRISES.indexOf(column)] = value;
  }

  @Test
  void oneRowIsThatRowAsTheScoringPassReadsIt() {
    Row r = row("E1", "成都", RUN, List.of("high_tech"), List.of("hiring:2026-10-01"));
    Enterprise e = Company.asEnterprise(List.of(r), "E1");
    assertEquals("E1", e.id);
    assertArrayEquals(new String[] {"high_tech"}, e.tags);
  }

  @Test
  void severalRowsAreTheListedRowWithEveryRowsTagsAndSignalsNewestFirst() {
    Row older =
        row(
            "E1",
            "德阳",
            RUN.minusDays(30),
            List.of("listed", "high_tech"),
            List.of("financing:2026-01-05"));
    Row newer = row("E2", "成都", RUN, List.of("high_tech"), List.of("expansion:2026-10-01"));
    Enterprise e = Company.asEnterprise(List.of(older, newer), "E2");
    assertEquals("E2", e.id);
    assertEquals("成都", e.city, "the attributes of the row the company is listed under");
    assertArrayEquals(new String[] {"high_tech", "listed"}, e.tags);
    assertArrayEquals(new String[] {"expansion:2026-10-01", "financing:2026-01-05"}, e.signals);
  }

  @Test
  void namesAreComparedWithoutWidthCaseSpacesOrPunctuation() {
    assertEquals(Company.normalise("锦博科技（成都）有限公司"), Company.normalise("锦博 科技(成都)有限公司"));
    assertTrue(Company.normalise("ＡＢＣ Tech Co., Ltd.").contains(Company.normalise("abc tech")));
  }

  @Test
  void theEntitiesOutputGivesTheCompanyOfAMemberAndAllItsMembers(@TempDir Path out) {
    var spark = SharedSpark.get();
    StructType schema =
        new StructType()
            .add("run_date", DataTypes.DateType)
            .add("enterprise_id", DataTypes.StringType)
            .add("company_id", DataTypes.StringType)
            .add("rule", DataTypes.StringType);
    java.sql.Date d = java.sql.Date.valueOf(RUN);
    spark
        .createDataFrame(
            List.of(
                RowFactory.create(d, "E1", "E2", "same_uscc"),
                RowFactory.create(d, "E2", "E2", null),
                RowFactory.create(d, "E3", "E2", "same_name_and_city"),
                RowFactory.create(d, "E4", "E4", null)),
            schema)
        .write()
        .parquet(out.resolve("entities/run_date=" + RUN).toString());

    Entities e = Entities.read(spark, out.toString(), RUN, List.of("E3"));
    assertTrue(e.present());
    assertEquals("E2", e.companyOf("E3"));
    assertEquals(
        List.of(
            new Entities.Member("E2", null),
            new Entities.Member("E1", "same_uscc"),
            new Entities.Member("E3", "same_name_and_city")),
        e.members("E2"));
    Entities none = Entities.read(spark, out.toString(), RUN.minusDays(1), List.of("E3"));
    assertFalse(none.present());
    assertEquals("E3", none.companyOf("E3"));
    assertEquals(List.of(new Entities.Member("E3", null)), none.members("E3"));
  }
}
