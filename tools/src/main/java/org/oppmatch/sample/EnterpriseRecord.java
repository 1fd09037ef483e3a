package org.oppmatch.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One enterprise profile with exactly the data-contract columns; optional values are null. {@link
 * #toCells()} renders it as the CSV cells of {@link #COLUMNS}.
 */
public record EnterpriseRecord(
    String enterpriseId,
    String uscc,
    String name,
    String country,
    String province,
    String city,
    Double latitude,
    Double longitude,
    List<String> industryCodes,
    String businessScope,
    String products,
    Double registeredCapitalCny,
    Double revenueCny,
    Integer employees,
    Integer foundedYear,
    Integer patents,
    Double rdRatio,
    Double revenueGrowth,
    List<String> tags,
    List<String> signals,
    Boolean localPresence,
    String groupId,
    LocalDate updatedAt) {

  /** The enterprises columns of data-contract.md, in file order. */
  public static final List<String> COLUMNS =
      List.of(
          "enterprise_id",
          "uscc",
          "name",
          "country",
          "province",
          "city",
          "latitude",
          "longitude",
          "industry_codes",
          "business_scope",
          "products",
          "registered_capital_cny",
          "revenue_cny",
          "employees",
          "founded_year",
          "patents",
          "rd_ratio",
          "revenue_growth",
          "tags",
          "signals",
          "local_presence",
          "group_id",
          "updated_at");

  public EnterpriseRecord {
    industryCodes = List.copyOf(industryCodes);
    tags = List.copyOf(tags);
    signals = List.copyOf(signals);
  }

  /** Index of a column in {@link #COLUMNS}. */
  public static int column(String name) {
    int i = COLUMNS.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no enterprises column " + name);
    }
    return i;
  }

  /** The CSV cells, in {@link #COLUMNS} order: arrays `;`-joined, nulls empty. */
  public List<String> toCells() {
    List<String> c = new ArrayList<>(COLUMNS.size());
    c.add(enterpriseId);
    c.add(text(uscc));
    c.add(text(name));
    c.add(text(country));
    c.add(text(province));
    c.add(text(city));
    c.add(number(latitude));
    c.add(number(longitude));
    c.add(String.join(";", industryCodes));
    c.add(text(businessScope));
    c.add(text(products));
    c.add(number(registeredCapitalCny));
    c.add(number(revenueCny));
    c.add(employees == null ? "" : employees.toString());
    c.add(foundedYear == null ? "" : foundedYear.toString());
    c.add(patents == null ? "" : patents.toString());
    c.add(number(rdRatio));
    c.add(number(revenueGrowth));
    c.add(String.join(";", tags));
    c.add(String.join(";", signals));
    c.add(localPresence == null ? "" : localPresence.toString());
    c.add(text(groupId));
    c.add(updatedAt == null ? "" : updatedAt.toString());
    return c;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }

  /** Plain decimal text without exponent or trailing zeros (25000000, 0.0523), locale-free. */
  static String number(Double d) {
    if (d == null) {
      return "";
    }
    String s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    return s.equals("-0") ? "0" : s;
  }
}
