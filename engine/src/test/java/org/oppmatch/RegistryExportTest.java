package org.oppmatch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oppmatch.config.JobConfig;
import org.oppmatch.model.Enterprise;
import org.oppmatch.stage.EnterpriseInput;
import org.oppmatch.stage.ReferenceData;
import org.oppmatch.stage.RunInputs;
import org.oppmatch.stage.RunResources;
import org.oppmatch.testing.Fixtures;
import org.oppmatch.testing.SharedSpark;
import org.oppmatch.validate.Money;
import org.oppmatch.validate.RegistrationStatus;
import org.oppmatch.validate.Uscc;
import org.oppmatch.validate.Validation;

/**
 * An enterprises file as a registry exports it (data-contract.md, version 3): Chinese headers, no
 * enterprise_id, no country, industries by name, money with units and currencies, empty markers,
 * Chinese tags separated by 、, a founding date, registration statuses and contacts. Validated as
 * the job validates; each row's typed values and rules checked.
 */
class RegistryExportTest {
  static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 20);
  static final String HEADER =
      "统一社会信用代码,企业名称,登记状态,法定代表人,注册资本,成立日期,所属行业,经营范围,参保人数,电话,邮箱," + "企业地址,企业标签,所属城市,营业收入\n";

  static final String USCC_1 = Uscc.withCheckChar("91510100MA6CREG10");
  static final String USCC_2 = Uscc.withCheckChar("91510100MA6CREG20");
  static final String USCC_3 = Uscc.withCheckChar("91510100MA6CREG30");
  static final String USCC_4 = Uscc.withCheckChar("91510100MA6CREG40");
  static final String USCC_5 = Uscc.withCheckChar("91510100MA6CREG50");
  static final String USCC_6 = Uscc.withCheckChar("91510100MA6CREG60");
  static final String USCC_7 = Uscc.withCheckChar("91510100MA6CREG70");

  @TempDir static Path dir;
  static final Map<String, Enterprise> ACCEPTED = new HashMap<>();
  static final Map<String, String> RULE_OF = new HashMap<>();

  static String line(String... cells) {
    List<String> quoted = new java.util.ArrayList<>();
    for (String c : cells) {
      quoted.add(Fixtures.quote(c));
    }
    return String.join(",", quoted) + "\n";
  }

  @BeforeAll
  static void validateARegistryExport() {
    NightlyJobEndToEndTest.writeInputs(dir);
    String csv =
        HEADER
            + line(
                USCC_1,
                "成都芯材科技有限公司",
                "存续（在营、开业、在册）",
                "张三",
                "5000万元人民币",
                "2015-03-18",
                "电子专用材料制造",
                "光刻胶、电子气体、靶材",
                "120",
                "028-88886666",
                "hr@xincai.cn",
                "成都市高新区天府大道1号",
                "高新技术企业、专精特新\"小巨人\"",
                "成都",
                "1.2亿元")
            + line(
                USCC_2,
                "成都外资电子有限公司",
                "在业",
                "-",
                "300万美元",
                "2019-01-01",
                "计算机、通信和其他电子设备制造业",
                "电子元件",
                "暂无",
                "/",
                "--",
                "—",
                "上市企业",
                "成都",
                "未公开")
            + line(
                USCC_3,
                "注销的公司",
                "注销",
                "李四",
                "100万",
                "2001-06-01",
                "电子专用材料制造",
                "",
                "",
                "",
                "",
                "",
                "",
                "成都",
                "")
            + line(USCC_4, "行业不明公司", "存续", "", "", "", "火箭炼丹", "", "", "", "", "", "", "成都", "")
            + line(USCC_5, "状态不明公司", "失联", "", "", "", "电子专用材料制造", "", "", "", "", "", "", "成都", "")
            + line(
                USCC_6, "资本不明公司", "存续", "", "五千万", "", "电子专用材料制造", "", "", "", "", "", "", "成都", "")
            + line(
                USCC_7,
                "外币不明公司",
                "存续",
                "",
                "300万卢布",
                "",
                "电子专用材料制造",
                "",
                "",
                "",
                "",
                "",
                "",
                "成都",
                "")
            + line("", "无代码公司", "存续", "", "", "", "电子专用材料制造", "", "", "", "", "", "", "成都", "");
    Fixtures.write(dir, "enterprises.csv", csv);
    SparkSession spark = SharedSpark.get();
    JobConfig config = new JobConfig();
    RunInputs inputs = RunInputs.locate(spark, dir.toString(), config);
    ReferenceData reference = ReferenceData.read(spark, inputs, config, RUN_DATE);
    try (RunResources resources = new RunResources(spark)) {
      EnterpriseInput enterprises =
          EnterpriseInput.read(spark, inputs, reference, RUN_DATE, resources);
      for (Row r : enterprises.validated().collectAsList()) {
        if (Validation.accepted(r)) {
          Enterprise e = Enterprise.of(r);
          ACCEPTED.put(e.name, e);
        }
      }
      org.oppmatch.stage.PoolStatistics.compute(enterprises, reference, config);
      for (Row q : enterprises.quarantine().collectAsList()) {
        RULE_OF.put(String.valueOf(q.getString(6)), q.getString(3));
      }
    }
  }

  @Test
  void aRegistryRowIsReadWithItsDefaultsAndUnits() {
    Enterprise e = ACCEPTED.get("成都芯材科技有限公司");
    assertEquals(USCC_1, e.id, "the id is the USCC");
    assertEquals("CN", e.country);
    assertArrayEquals(new String[] {"3985"}, e.industryCodes, "电子专用材料制造 is class 3985");
    assertEquals(5.0e7, e.registeredCapital);
    assertEquals(1.2e8, e.revenue);
    assertEquals(120, e.employees);
    assertArrayEquals(new String[] {"high_tech", "little_giant"}, e.tags);
    assertEquals("光刻胶、电子气体、靶材", e.businessScope, "free text is not split");
    assertEquals("张三", e.legalRepresentative);
    assertEquals("028-88886666", e.phone);
    assertEquals("hr@xincai.cn", e.email);
    assertEquals("成都市高新区天府大道1号", e.address);
    assertEquals(2015, e.foundedYear);
  }

  @Test
  void markersAreEmptyForeignMoneyIsConvertedAndANameWithACommaOfItsOwnIsOneName() {
    Enterprise e = ACCEPTED.get("成都外资电子有限公司");
    assertEquals(3.0e6 * 7.10, e.registeredCapital, 1e-6, "300万美元 at inputs.fx_to_cny.USD");
    assertNull(e.revenue, "未公开");
    assertNull(e.employees, "暂无");
    assertNull(e.legalRepresentative, "-");
    assertNull(e.phone, "/");
    assertNull(e.email, "--");
    assertNull(e.address, "—");
    assertArrayEquals(new String[] {"39"}, e.industryCodes, "计算机、通信和其他电子设备制造业 is division 39");
    assertArrayEquals(new String[] {"listed"}, e.tags, "上市企业");
  }

  @Test
  void anInactiveFirmIsAcceptedAndSaysSo() {
    Enterprise e = ACCEPTED.get("注销的公司");
    assertEquals(1.0e6, e.registeredCapital, "100万: 万元 of 人民币");
    assertTrue(e.inactive(), "注销");
    assertTrue(!ACCEPTED.get("成都芯材科技有限公司").inactive(), "存续 with a bracketed note");
  }

  @Test
  void whatARegistryRowCannotSayIsQuarantinedByItsRule() {
    assertTrue(RULE_OF.get(USCC_4).startsWith("unknown_industry_name: "), RULE_OF.toString());
    assertTrue(RULE_OF.get(USCC_5).startsWith("unknown_status: "), RULE_OF.toString());
    assertTrue(RULE_OF.get(USCC_6).startsWith("bad_type: "), RULE_OF.toString());
    assertTrue(RULE_OF.get(USCC_7).startsWith("bad_type: "), "a currency of no rate");
    assertTrue(
        RULE_OF.values().stream()
            .anyMatch(v -> v.equals("missing_required: enterprise_id or uscc is required")),
        RULE_OF.toString());
  }

  @Test
  void twoColumnsOfOneMeaningFailTheRunNamingBoth() {
    Path twice = dir.resolveSibling(dir.getFileName() + "-twice");
    NightlyJobEndToEndTest.writeInputs(twice);
    Fixtures.write(
        twice,
        "enterprises.csv",
        "enterprise_id,企业名称,name,country,industry_codes\nE1,甲,甲,CN,3741\n");
    JobFailure f =
        assertThrows(
            JobFailure.class,
            () -> RunInputs.locate(SharedSpark.get(), twice.toString(), new JobConfig()));
    assertEquals(3, f.kind().exitCode());
    assertTrue(f.getMessage().contains("the columns 企业名称 and name both mean name"), f.getMessage());
  }

  @Test
  void moneyStatusAndTagsAsRegistriesWriteThem() {
    Map<String, Double> fx = JobConfig.Inputs.defaultRates();
    assertEquals(5.0e7, Money.toCny("5000万元人民币", fx));
    assertEquals(8.0e5, Money.toCny("人民币 80 万元", fx));
    assertEquals(1.5e8, Money.toCny("1.5亿", fx));
    assertEquals(1234567.0, Money.toCny("1,234,567元", fx));
    assertEquals(1.0e4 * 0.91, Money.toCny("1万港币", fx), 1e-9);
    assertNull(Money.toCny("300万卢布", fx));
    assertNull(Money.toCny("5000万元美元人民币", fx));
    assertNull(Money.toCny("约5000万", fx));
    assertEquals(RegistrationStatus.INACTIVE, RegistrationStatus.of("吊销，未注销"));
    assertEquals(RegistrationStatus.ACTIVE, RegistrationStatus.of(" "));
    assertNull(RegistrationStatus.of("失联"));
    assertEquals("little_giant", org.oppmatch.model.Tag.keyOf("专精特新“小巨人”"));
    assertEquals("little_giant", org.oppmatch.model.Tag.keyOf("专精特新小巨人"));
    assertEquals("sector_leader", org.oppmatch.model.Tag.keyOf("行业龙头"));
    assertEquals("vip", org.oppmatch.model.Tag.keyOf("vip"));
  }

  @Test
  void aGroupWhoseOnlyClassHasItsNameMeansTheClass() {
    var byName =
        org.oppmatch.model.IndustryNames.byName(org.oppmatch.model.IndustryNames.shipped());
    assertEquals("2740", byName.get("中成药生产").code());
    assertEquals("3985", byName.get("电子专用材料制造").code());
    assertNull(
        org.oppmatch.model.IndustryNames.byName(Map.of("11", "甲", "21", "甲")).get("甲").code(),
        "two industries of one name");
  }
}
