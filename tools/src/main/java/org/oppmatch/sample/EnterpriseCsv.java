package org.oppmatch.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes enterprises CSV text: UTF-8 without BOM, LF line ends, RFC 4180 quoting. */
public final class EnterpriseCsv {
  /** Columns of planted-bad-rows.csv. */
  public static final List<String> PLANTED_COLUMNS =
      List.of("line", "enterprise_id", "rule", "column", "value");

  private EnterpriseCsv() {}

  /** The whole file: header and every data line of the sample, planted rows included. */
  public static String toCsv(GeneratedSample sample) {
    StringBuilder sb = new StringBuilder(Csv.line(EnterpriseRecord.COLUMNS)).append('\n');
    for (SampleRow row : sample.rows()) {
      sb.append(row.text()).append('\n');
    }
    return sb.toString();
  }

  /** A file of clean records only. */
  public static String toCsv(List<EnterpriseRecord> records) {
    StringBuilder sb = new StringBuilder(Csv.line(EnterpriseRecord.COLUMNS)).append('\n');
    for (EnterpriseRecord r : records) {
      sb.append(Csv.line(r.toCells())).append('\n');
    }
    return sb.toString();
  }

  public static String plantedToCsv(List<PlantedBadRow> planted) {
    StringBuilder sb = new StringBuilder(Csv.line(PLANTED_COLUMNS)).append('\n');
    for (PlantedBadRow p : planted) {
      sb.append(
              Csv.line(
                  List.of(
                      Integer.toString(p.line()),
                      p.enterpriseId(),
                      p.rule(),
                      p.column(),
                      p.value())))
          .append('\n');
    }
    return sb.toString();
  }

  public static void write(GeneratedSample sample, Path out) throws IOException {
    writeText(toCsv(sample), out);
  }

  public static void writePlanted(List<PlantedBadRow> planted, Path out) throws IOException {
    writeText(plantedToCsv(planted), out);
  }

  private static void writeText(String text, Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(out, text, StandardCharsets.UTF_8);
  }
}
