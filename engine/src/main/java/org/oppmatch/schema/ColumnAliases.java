package org.oppmatch.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Chinese column names a table's files may use (data-contract.md, version 3, "Chinese column
 * names and registry exports"): every enterprises column as registry exports name it, and the
 * outcomes columns as the engine's own lead-list workbooks name them. Alias to contract column.
 */
public final class ColumnAliases {
  private ColumnAliases() {}

  private static final Map<String, String> ENTERPRISES = new LinkedHashMap<>();
  private static final Map<String, String> OUTCOMES = new LinkedHashMap<>();

  static {
    alias(ENTERPRISES, Cols.ENTERPRISE_ID, "企业编号", "企业ID");
    alias(ENTERPRISES, Cols.USCC, "统一社会信用代码");
    alias(ENTERPRISES, Cols.NAME, "企业名称", "公司名称");
    alias(ENTERPRISES, Cols.COUNTRY, "国家/地区", "国别");
    alias(ENTERPRISES, Cols.PROVINCE, "所属省份", "省份");
    alias(ENTERPRISES, Cols.CITY, "所属城市", "城市");
    alias(ENTERPRISES, Cols.INDUSTRY_CODES, "行业代码", "国标行业代码");
    alias(ENTERPRISES, Cols.INDUSTRY_NAMES, "所属行业", "国标行业");
    alias(ENTERPRISES, Cols.BUSINESS_SCOPE, "经营范围");
    alias(ENTERPRISES, Cols.PRODUCTS, "主营产品");
    alias(ENTERPRISES, Cols.REGISTERED_CAPITAL, "注册资本");
    alias(ENTERPRISES, Cols.REVENUE, "营业收入");
    alias(ENTERPRISES, Cols.EMPLOYEES, "参保人数", "员工人数");
    alias(ENTERPRISES, Cols.FOUNDED_YEAR, "成立年份", "成立日期");
    alias(ENTERPRISES, Cols.TAGS, "企业标签");
    alias(ENTERPRISES, Cols.REGISTRATION_STATUS, "登记状态", "经营状态");
    alias(ENTERPRISES, Cols.LEGAL_REPRESENTATIVE, "法定代表人");
    alias(ENTERPRISES, Cols.PHONE, "电话", "联系电话");
    alias(ENTERPRISES, Cols.EMAIL, "邮箱", "电子邮箱");
    alias(ENTERPRISES, Cols.WEBSITE, "网址", "官网");
    alias(ENTERPRISES, Cols.ADDRESS, "企业地址", "注册地址");
    alias(ENTERPRISES, Cols.UPDATED_AT, "更新日期");
    // the lead-list workbook's columns (export/LeadColumn, export/FeedbackColumn) and its facts
    alias(OUTCOMES, Cols.ENTERPRISE_ID, "企业编号");
    alias(OUTCOMES, Cols.ZONE_ID, "园区编号");
    alias(OUTCOMES, Cols.STAGE, "跟进阶段", "本次反馈：跟进阶段");
    alias(OUTCOMES, Cols.STAGE_DATE, "日期", "本次反馈：日期");
    alias(OUTCOMES, Cols.NOTE, "备注", "本次反馈：备注");
  }

  private static void alias(Map<String, String> to, String column, String... names) {
    for (String n : names) {
      to.put(n, column);
    }
  }

  /** A table's aliases, alias to column (empty for a table that has none). */
  public static Map<String, String> of(InputTable table) {
    return switch (table) {
      case ENTERPRISES -> ENTERPRISES;
      case OUTCOMES -> OUTCOMES;
      default -> Map.of();
    };
  }
}
