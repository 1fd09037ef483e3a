package org.oppmatch.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.InputTable;
import org.oppmatch.validate.Validation;

/**
 * One accepted enterprise profile, typed, as the scoring reads it: built from a validated row
 * ({@link Validation#schema}) inside the scoring pass, one at a time.
 */
public final class Enterprise {
  public String id;
  public String name;
  public String country;
  public String province;
  public String city;
  public Double latitude;
  public Double longitude;
  public String[] industryCodes;
  public String businessScope;
  public String products;
  public Double registeredCapital;
  public Double revenue;
  public Integer employees;
  public Integer patents;
  public Double rdRatio;
  public Double revenueGrowth;
  public String[] tags;
  public String[] signals;
  public Boolean localPresence;
  public String groupId;
  public LocalDate updatedAt;
  public Integer foundedYear;
  // version 3: a registry's status and the contacts a team calls
  public String registrationStatus;
  public String legalRepresentative;
  public String phone;
  public String email;
  public String website;
  public String address;

  private static int at(String column) {
    return Validation.FIRST_VALUE + InputTable.ENTERPRISES.indexOf(column);
  }

  private static final int ID = at(Cols.ENTERPRISE_ID);
  private static final int NAME = at(Cols.NAME);
  private static final int COUNTRY = at(Cols.COUNTRY);
  private static final int PROVINCE = at(Cols.PROVINCE);
  private static final int CITY = at(Cols.CITY);
  private static final int LATITUDE = at(Cols.LATITUDE);
  private static final int LONGITUDE = at(Cols.LONGITUDE);
  private static final int CODES = at(Cols.INDUSTRY_CODES);
  private static final int SCOPE = at(Cols.BUSINESS_SCOPE);
  private static final int PRODUCTS = at(Cols.PRODUCTS);
  private static final int CAPITAL = at(Cols.REGISTERED_CAPITAL);
  private static final int REVENUE = at(Cols.REVENUE);
  private static final int EMPLOYEES = at(Cols.EMPLOYEES);
  private static final int PATENTS = at(Cols.PATENTS);
  private static final int RD_RATIO = at(Cols.RD_RATIO);
  private static final int GROWTH = at(Cols.REVENUE_GROWTH);
  private static final int TAGS = at(Cols.TAGS);
  private static final int SIGNALS = at(Cols.SIGNALS);
  private static final int LOCAL = at(Cols.LOCAL_PRESENCE);
  private static final int GROUP = at(Cols.GROUP_ID);
  private static final int UPDATED = at(Cols.UPDATED_AT);
  private static final int FOUNDED = at(Cols.FOUNDED_YEAR);
  private static final int STATUS = at(Cols.REGISTRATION_STATUS);
  private static final int LEGAL_REP = at(Cols.LEGAL_REPRESENTATIVE);
  private static final int PHONE = at(Cols.PHONE);
  private static final int EMAIL = at(Cols.EMAIL);
  private static final int WEBSITE = at(Cols.WEBSITE);
  private static final int ADDRESS = at(Cols.ADDRESS);

  /** The enterprise of an accepted validated row. */
  public static Enterprise of(Row r) {
    Enterprise e = new Enterprise();
    e.id = r.getString(ID);
    e.name = r.getString(NAME);
    e.country = r.getString(COUNTRY);
    e.province = r.getString(PROVINCE);
    e.city = r.getString(CITY);
    e.latitude = doubleAt(r, LATITUDE);
    e.longitude = doubleAt(r, LONGITUDE);
    e.industryCodes = strings(r, CODES);
    e.businessScope = r.getString(SCOPE);
    e.products = r.getString(PRODUCTS);
    e.registeredCapital = doubleAt(r, CAPITAL);
    e.revenue = doubleAt(r, REVENUE);
    e.employees = r.isNullAt(EMPLOYEES) ? null : r.getInt(EMPLOYEES);
    e.patents = r.isNullAt(PATENTS) ? null : r.getInt(PATENTS);
    e.rdRatio = doubleAt(r, RD_RATIO);
    e.revenueGrowth = doubleAt(r, GROWTH);
    e.tags = strings(r, TAGS);
    e.signals = strings(r, SIGNALS);
    e.localPresence = r.isNullAt(LOCAL) ? null : r.getBoolean(LOCAL);
    e.groupId = r.getString(GROUP);
    e.updatedAt = r.isNullAt(UPDATED) ? null : r.getDate(UPDATED).toLocalDate();
    e.foundedYear = r.isNullAt(FOUNDED) ? null : r.getInt(FOUNDED);
    e.registrationStatus = r.getString(STATUS);
    e.legalRepresentative = r.getString(LEGAL_REP);
    e.phone = r.getString(PHONE);
    e.email = r.getString(EMAIL);
    e.website = r.getString(WEBSITE);
    e.address = r.getString(ADDRESS);
    return e;
  }

  /**
   * Whether the firm is deregistered, revoked or otherwise closed (data-contract.md, version 3):
   * accepted and counted, scored for nobody, on no list.
   */
  public boolean inactive() {
    return org.oppmatch.validate.RegistrationStatus.of(registrationStatus)
        == org.oppmatch.validate.RegistrationStatus.INACTIVE;
  }

  /** Whether the row of a validated enterprise is an inactive firm's, without reading the rest. */
  public static boolean inactive(Row r) {
    return org.oppmatch.validate.RegistrationStatus.of(r.getString(STATUS))
        == org.oppmatch.validate.RegistrationStatus.INACTIVE;
  }

  /** The enterprise's id in a validated row, without reading the rest. */
  public static String idOf(Row r) {
    return r.getString(ID);
  }

  /** The primary industry code's division (two digits), whose firms its size is measured among. */
  public String division() {
    return industryCodes.length == 0 || industryCodes[0].length() < 2
        ? null
        : industryCodes[0].substring(0, 2);
  }

  /** Name, business scope and products, lower case: the text the opportunity match reads. */
  public String text() {
    return text(name, businessScope, products);
  }

  /** Name, business scope and products joined by spaces (absent ones left out), lower case. */
  public static String text(String name, String businessScope, String products) {
    StringBuilder b = new StringBuilder();
    for (String s : new String[] {name, businessScope, products}) {
      if (s != null) {
        if (!b.isEmpty()) {
          b.append(' ');
        }
        b.append(s);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  public boolean hasTag(String tag) {
    for (String t : tags) {
      if (t.equals(tag)) {
        return true;
      }
    }
    return false;
  }

  private static Double doubleAt(Row r, int i) {
    return r.isNullAt(i) ? null : r.getDouble(i);
  }

  private static String[] strings(Row r, int i) {
    if (r.isNullAt(i)) {
      return new String[0];
    }
    List<String> l = r.getList(i);
    return l.toArray(new String[0]);
  }
}
