package org.oppmatch.validate;

import static org.apache.spark.sql.functions.substring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.oppmatch.JobFailure;
import org.oppmatch.io.CsvRecordReader;

/**
 * GB/T 4754-2017 industry codes: 2 to 4 digits whose 2-digit major class exists (01 to 97), and,
 * when the job is given the full classification table, a class of that table.
 */
public final class IndustryCodes {
  private IndustryCodes() {}

  public static final String PATTERN = "^[0-9]{2,4}$";

  /** The shape check as plain Java, for generators and tests. */
  public static boolean isWellFormed(String code) {
    if (code == null || !code.matches(PATTERN)) {
      return false;
    }
    int major = Integer.parseInt(code.substring(0, 2));
    return major >= 1 && major <= 97;
  }

  /** True when {@code code} is a valid code; {@code known} empty means no table was given. */
  public static Column isValid(Column code, Set<String> known) {
    Column major = substring(code, 1, 2).try_cast(DataTypes.IntegerType);
    Column shape = code.rlike(PATTERN).and(major.between(1, 97));
    if (known.isEmpty()) {
      return shape;
    }
    // more than a few literals become a hash-set lookup (OptimizeIn -> InSet)
    return shape.and(code.isin(known.toArray()));
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
