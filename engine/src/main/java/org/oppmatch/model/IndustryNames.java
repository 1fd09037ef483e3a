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
 * The Chinese name of a GB/T 4754-2017 industry code for people reading a lead list. The run's
 * classification table ({@code classification_table}) names every class when it is configured;
 * without it, the 97 divisions (大类, two digits) bundled here still name every valid code at its
 * division's level, so a lead list never shows a bare code.
 */
public final class IndustryNames {
  /** The division names of the 2017 classification, code to name (a small CSV in the jar). */
  private static final Map<String, String> DIVISIONS = load("gbt4754-divisions.csv");

  private static final String[] LEVEL_ZH = {"", "", "大类", "中类", "小类"};

  private IndustryNames() {}

  /** The division (大类) name of a code's first two digits, or null. */
  public static String division(String code) {
    return code == null || code.length() < 2 ? null : DIVISIONS.get(code.substring(0, 2));
  }

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
