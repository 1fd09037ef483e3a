package org.oppmatch.validate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.oppmatch.JobFailure;
import org.oppmatch.io.CsvRecordReader;

/**
 * GB/T 4754-2017 industry codes: 2 to 4 digits whose 2-digit major class exists (01 to 97), and,
 * when the job is given the full classification table, a class of that table.
 */
public final class IndustryCodes {
  private IndustryCodes() {}

  public static final String PATTERN = "^[0-9]{2,4}$";

  private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile(PATTERN);

  /** A code of 2-4 digits whose 2-digit major class exists (01 to 97). */
  public static boolean isWellFormed(String code) {
    return isValid(code, java.util.Set.of());
  }

  /**
   * A well-formed code that, when the job is given the full classification table ({@code known} not
   * empty), is a class of it.
   */
  public static boolean isValid(String code, java.util.Set<String> known) {
    if (code == null || !SHAPE.matcher(code).find()) {
      return false;
    }
    int major = Integer.parseInt(code.substring(0, 2));
    return major >= 1 && major <= 97 && (known.isEmpty() || known.contains(code));
  }

  /**
   * Code to Chinese name of a classification table: a CSV with a header naming `code` and `name_zh`
   * columns (../shared/data/gbt4754.csv has that shape). Small and read on the driver.
   */
  public static Map<String, String> loadTable(String location, Configuration conf) {
    Map<String, String> names = new LinkedHashMap<>();
    Path p = new Path(location);
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(p.getFileSystem(conf).open(p), StandardCharsets.UTF_8))) {
      CsvRecordReader records = new CsvRecordReader(r, -1);
      List<String> header = records.readHeader();
      int code = header == null ? -1 : header.indexOf("code");
      int name = header == null ? -1 : header.indexOf("name_zh");
      if (code < 0) {
        throw JobFailure.badArguments(
            "classification_table " + location + ": no `code` column in its header");
      }
      while (records.hasNext()) {
        CsvRecordReader.Record rec = records.next();
        if (rec.fields() != null && rec.fields().get(code) != null) {
          String c = rec.fields().get(code).trim();
          if (c.matches(PATTERN)) {
            names.put(c, name < 0 ? "" : String.valueOf(rec.fields().get(name)).trim());
          }
        }
      }
    } catch (IOException e) {
      throw JobFailure.badArguments(
          "classification_table " + location + ": cannot be read: " + e.getMessage());
    }
    if (names.isEmpty()) {
      throw JobFailure.badArguments("classification_table " + location + ": holds no codes");
    }
    return names;
  }
}
