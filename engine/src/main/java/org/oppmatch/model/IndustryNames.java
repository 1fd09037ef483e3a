package org.oppmatch.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The Chinese names of GB/T 4754-2017 industry codes: for people reading a lead list, and for the
 * industry names a registry export gives instead of codes. The classification the engine ships
 * (divisions, groups and classes, written from the reference table by the tools'
 * ClassificationTable) names every code; a configured {@code classification_table} replaces it.
 */
public final class IndustryNames {
  /** The shipped classification: code to name, divisions, groups and classes. */
  private static final Map<String, String> SHIPPED = load("gbt4754-2017.csv");

  private static final String[] LEVEL_ZH = {"", "", "大类", "中类", "小类"};

  private IndustryNames() {}

  /** The division (大类) name of a code's first two digits, or null. */
  public static String division(String code) {
    return code == null || code.length() < 2 ? null : SHIPPED.get(code.substring(0, 2));
  }

  /** The shipped classification, code to Chinese name (divisions, groups, classes). */
  public static Map<String, String> shipped() {
    return SHIPPED;
  }

  /**
   * The code each Chinese industry name of {@code table} (code to name) means: the name of a
   * division, group or class. A group whose only class has its name (中成药生产, 274 and 2740) means the
   * class: a name is ambiguous only between two industries, neither a part of the other, and then
   * means none ({@link Lookup#problem}). Built once, read per row.
   */
  public static Map<String, Lookup> byName(Map<String, String> table) {
    Map<String, Lookup> out = new HashMap<>();
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(table).entrySet()) {
      String name = e.getValue() == null ? "" : e.getValue().trim();
      if (name.isEmpty()) {
        continue;
      }
      String c = e.getKey();
      Lookup before = out.get(name);
      if (before == null) {
        out.put(name, new Lookup(c, null));
      } else if (before.code() != null && c.startsWith(before.code())) {
        out.put(name, new Lookup(c, null));
      } else if (before.code() != null && !before.code().startsWith(c)) {
        out.put(name, new Lookup(null, "'" + name + "' names " + before.code() + " and " + c));
      }
    }
    return out;
  }

  /** A name's code, or why it has none. */
  public record Lookup(String code, String problem) implements java.io.Serializable {}

  /**
   * The code's own name from {@code table}; else the name of its nearest parent level that {@code
   * table} or the bundled divisions name, marked with that level, e.g. {@code
   * 铁路、船舶、航空航天和其他运输设备制造业（大类）} for 3741 without a table; null for a null code or one without a known
   * division.
   */
  public static String label(String code, Map<String, String> table) {
    if (code == null || code.isBlank()) {
      return null;
    }
    if (table == null || table.isEmpty()) {
      table = SHIPPED;
    }
    String c = code.trim();
    String own = named(table, c);
    if (own != null) {
      return own;
    }
    if (c.length() == 2) {
      return division(c);
    }
    for (int len = Math.min(c.length() - 1, LEVEL_ZH.length - 1); len >= 2; len--) {
      String parent = named(table, c.substring(0, len));
      if (parent == null && len == 2) {
        parent = division(c);
      }
      if (parent != null) {
        return parent + "（" + LEVEL_ZH[len] + "）";
      }
    }
    return null;
  }

  private static String named(Map<String, String> table, String code) {
    String n = table == null ? null : table.get(code);
    return n == null || n.isBlank() ? null : n;
  }

  private static Map<String, String> load(String resource) {
    Map<String, String> out = new HashMap<>();
    try (InputStream in = IndustryNames.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      r.readLine(); // header: code,name_zh
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int comma = line.indexOf(',');
        if (comma > 0) {
          out.put(line.substring(0, comma).trim(), line.substring(comma + 1).trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(out);
  }
}
