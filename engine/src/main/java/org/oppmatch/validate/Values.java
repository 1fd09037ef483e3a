package org.oppmatch.validate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a text value of an input becomes its contract type: the parsing rules of a SQL cast that
 * yields null instead of failing (a value that does not parse is the {@code bad_type} rule's
 * business). Numbers as Java reads them, finite only (NaN and infinities are no value); booleans as
 * true, t, yes, y, 1 and false, f, no, n, 0 (and 是, 有, 否, 无, as Chinese spreadsheets say it); dates
 * as ISO {@code yyyy-MM-dd} (or a year, or a year and month) and the slashed form Excel writes.
 */
public final class Values {
  private Values() {}

  /** Removes leading and trailing spaces (U+0020 only: a tab or an ideographic space stays). */
  public static String trimSpaces(String s) {
    if (s == null) {
      return null;
    }
    int from = 0;
    int to = s.length();
    while (from < to && s.charAt(from) == ' ') {
      from++;
    }
    while (to > from && s.charAt(to - 1) == ' ') {
      to--;
    }
    return s.substring(from, to);
  }

  /** The trimmed text, or null when it is absent or blank. */
  public static String text(String raw) {
    String t = trimSpaces(raw);
    return t == null || t.isEmpty() ? null : t;
  }

  /** A finite number, or null: NaN and the infinities are no amount (data-contract.md, v3). */
  public static Double toDouble(String text) {
    if (text == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(text);
      return Double.isFinite(d) ? d : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static Integer toInt(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static final List<String> TRUE = List.of("t", "true", "y", "yes", "1");
  private static final List<String> FALSE = List.of("f", "false", "n", "no", "0");

  public static Boolean toBoolean(String text) {
    if (text == null) {
      return null;
    }
    if (text.equals("是") || text.equals("有")) {
      return true;
    }
    if (text.equals("否") || text.equals("无")) {
      return false;
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    return TRUE.contains(t) ? Boolean.TRUE : FALSE.contains(t) ? Boolean.FALSE : null;
  }

  private static final Pattern ISO_DATE =
      Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2})(?:[ T].*)?)?)?", Pattern.DOTALL);
  private static final Pattern SLASHED_DATE = Pattern.compile("(\\d{4})/(\\d{1,2})/(\\d{1,2})");

  public static LocalDate toDate(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    Matcher m = ISO_DATE.matcher(t);
    if (m.matches()) {
      return date(m.group(1), m.group(2), m.group(3));
    }
    m = SLASHED_DATE.matcher(t);
    return m.matches() ? date(m.group(1), m.group(2), m.group(3)) : null;
  }

  private static LocalDate date(String y, String m, String d) {
    try {
      return LocalDate.of(
          Integer.parseInt(y),
          m == null ? 1 : Integer.parseInt(m),
          d == null ? 1 : Integer.parseInt(d));
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** A plain decimal form of a number for messages: 2026, not 2026.0. */
  public static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
