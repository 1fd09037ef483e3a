package org.oppmatch.feedback;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.oppmatch.io.CsvRecordReader;
import org.oppmatch.schema.Cols;

/**
 * The outcomes input as a CSV file (data-contract.md, {@code outcomes}) that the import appends to:
 * its header and the rows it holds, compared by {@link OutcomeRow#key}, so a row already there is
 * never written twice. Appending keeps every byte already in the file, the file's column order and
 * its line ends (unless the file must gain a column first), and replaces the file in one rename, so
 * the nightly job never reads half a row.
 */
public final class OutcomesFile {
  private final Path path;
  private final byte[] existing;
  private final List<String> header;
  private final Set<String> keys;
  private final String lineEnd;

  private OutcomesFile(
      Path path, byte[] existing, List<String> header, Set<String> keys, String lineEnd) {
    this.path = path;
    this.existing = existing;
    this.header = header;
    this.keys = keys;
    this.lineEnd = lineEnd;
  }

  /** The file is not an outcomes CSV this import can append to. */
  public static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message);
    }
  }

  /** Reads the file at {@code path}; a file that does not exist yet is an empty table. */
  public static OutcomesFile read(Path path) throws IOException, Unusable {
    if (!Files.exists(path)) {
      return new OutcomesFile(path, new byte[0], OutcomeRow.COLUMNS, new HashSet<>(), "\n");
    }
    byte[] bytes = Files.readAllBytes(path);
    String text = new String(bytes, StandardCharsets.UTF_8);
    CsvRecordReader records = new CsvRecordReader(new BufferedReader(new StringReader(text)), -1);
    List<String> header = records.readHeader();
    if (header == null) {
      // an empty file: the header comes with the first rows
      return new OutcomesFile(path, bytes, OutcomeRow.COLUMNS, new HashSet<>(), lineEnd(text));
    }
    List<String> missing = new ArrayList<>();
    for (String c : List.of(Cols.ENTERPRISE_ID, Cols.ZONE_ID, Cols.STAGE, Cols.STAGE_DATE)) {
      if (!header.contains(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      throw new Unusable(
          path
              + ": not an outcomes table: its header "
              + header
              + " lacks "
              + String.join(", ", missing));
    }
    Set<String> keys = new HashSet<>();
    while (records.hasNext()) {
      CsvRecordReader.Record r = records.next();
      // a malformed line is the nightly job's to quarantine; it holds no row to compare with
      if (r.fields() != null) {
        keys.add(
            OutcomeRow.key(
                field(r, header, Cols.ENTERPRISE_ID),
                field(r, header, Cols.ZONE_ID),
                field(r, header, Cols.STAGE),
                field(r, header, Cols.STAGE_DATE),
                field(r, header, Cols.INVESTMENT),
                field(r, header, Cols.NOTE)));
      }
    }
    return new OutcomesFile(path, bytes, List.copyOf(header), keys, lineEnd(text));
  }

  private static String field(CsvRecordReader.Record r, List<String> header, String column) {
    int i = header.indexOf(column);
    return i < 0 ? "" : r.fields().get(i);
  }

  /** CRLF when the file's first line ends so (as Excel writes CSV), else LF. */
  private static String lineEnd(String text) {
    int lf = text.indexOf('\n');
    return lf > 0 && text.charAt(lf - 1) == '\r' ? "\r\n" : "\n";
  }

  /** Whether the file holds this row already. */
  public boolean holds(OutcomeRow row) {
    return keys.contains(row.key());
  }

  /**
   * Appends the rows the file does not hold yet, each once, and returns them. A file without a
   * column that a row fills in (investment_cny, note: a file written by hand, or before notes were
   * imported) gains it first, at its end, every row it holds empty there.
   */
  public List<OutcomeRow> append(List<OutcomeRow> rows) throws IOException {
    List<OutcomeRow> added = new ArrayList<>();
    for (OutcomeRow r : rows) {
      if (keys.add(r.key())) {
        added.add(r);
      }
    }
    if (added.isEmpty()) {
      return added;
    }
    List<String> missing = new ArrayList<>();
    for (String column : List.of(Cols.INVESTMENT, Cols.NOTE)) {
      if (!header.contains(column) && added.stream().anyMatch(r -> !r.value(column).isEmpty())) {
        missing.add(column);
      }
    }
    byte[] before = missing.isEmpty() || existing.length == 0 ? existing : widened(missing);
    List<String> columns = new ArrayList<>(header);
    columns.addAll(missing);
    StringBuilder text = new StringBuilder();
    if (before.length == 0) {
      text.append(String.join(",", columns)).append(lineEnd);
    } else if (before[before.length - 1] != '\n') {
      text.append(lineEnd);
    }
    for (OutcomeRow r : added) {
      List<String> cells = new ArrayList<>();
      for (String column : columns) {
        cells.add(quote(r.value(column)));
      }
      text.append(String.join(",", cells)).append(lineEnd);
    }
    Path dir = path.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp");
    try {
      Files.write(tmp, before);
      Files.writeString(tmp, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
      Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return added;
  }

  /**
   * The file with {@code columns} added at the end of its header, and an empty field for each at
   * the end of every record; a line the job would quarantine as malformed is kept as it is.
   */
  private byte[] widened(List<String> columns) {
    String text = new String(existing, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(text.length() + 16);
    CsvRecordReader records = new CsvRecordReader(new BufferedReader(new StringReader(text)), -1);
    List<String> h = new ArrayList<>(records.readHeader());
    h.addAll(columns);
    out.append(String.join(",", h.stream().map(OutcomesFile::quote).toList())).append(lineEnd);
    String empty = ",".repeat(columns.size());
    while (records.hasNext()) {
      CsvRecordReader.Record r = records.next();
      if (r.fields() == null) {
        out.append(r.text()).append(lineEnd);
      } else {
        List<String> cells = new ArrayList<>();
        r.fields().forEach(f -> cells.add(quote(f)));
        out.append(String.join(",", cells)).append(empty).append(lineEnd);
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** RFC 4180: a value with a comma, quote or line break is quoted. */
  static String quote(String v) {
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      return '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
