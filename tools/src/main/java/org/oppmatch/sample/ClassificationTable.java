package org.oppmatch.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the GB/T 4754-2017 classification the engine ships in its jar (divisions, groups and
 * classes: code and Chinese name) from the reference table of ../shared/data/gbt4754.csv, so that a
 * registry export's industry names map to codes and every lead list names its class. Usage: {@code
 * ClassificationTable SHARED_TABLE OUT}; the test {@code ClassificationTableTest} keeps the
 * committed resource equal to what this writes.
 */
public final class ClassificationTable {
  /** Where the engine reads it (engine/src/main/resources). */
  public static final String RESOURCE =
      "engine/src/main/resources/org/oppmatch/model/gbt4754-2017.csv";

  private ClassificationTable() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: ClassificationTable SHARED_GBT4754_CSV OUT_CSV");
      System.exit(2);
    }
    Files.writeString(Path.of(args[1]), text(Path.of(args[0])), StandardCharsets.UTF_8);
  }

  /**
   * The resource's text: a header, then every division, group and class (levels 2 to 4) in code
   * order, as {@code code,name_zh}; sections (letters) are no industry codes and are left out.
   */
  public static String text(Path shared) throws IOException {
    StringBuilder b = new StringBuilder("code,name_zh\n");
    List<Map<String, String>> rows = Csv.readRows(shared);
    rows.stream()
        .filter(r -> r.getOrDefault("code", "").matches("[0-9]{2,4}"))
        .sorted(java.util.Comparator.comparing(r -> r.get("code")))
        .forEach(
            r ->
                b.append(r.get("code"))
                    .append(',')
                    .append(Csv.quote(r.get("name_zh")))
                    .append('\n'));
    return b.toString();
  }
}
