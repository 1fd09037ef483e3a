package org.oppmatch.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Minimal RFC 4180 CSV encoding and single-line parsing for the sample files (no newlines in
 * fields).
 */
public final class Csv {
  private Csv() {}

  /**
   * Quotes a field when it holds a comma, quote, line break or edge whitespace; doubles inner
   * quotes.
   */
  public static String quote(String field) {
    if (field == null || field.isEmpty()) {
      return "";
    }
    boolean needs =
        field.indexOf(',') >= 0
            || field.indexOf('"') >= 0
            || field.indexOf('\n') >= 0
            || field.indexOf('\r') >= 0
            || Character.isWhitespace(field.charAt(0))
            || Character.isWhitespace(field.charAt(field.length() - 1));
    return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
  }

  /** Joins fields into one CSV line (without the line end). */
  public static String line(List<String> fields) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(quote(fields.get(i)));
    }
    return sb.toString();
  }

  /**
   * Parses one CSV line into fields.
   *
   * @throws IllegalArgumentException when a quoted field is not terminated or a closing quote is
   *     followed by something other than a comma
   */
  public static List<String> parseLine(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new IllegalArgumentException("unterminated quoted field in: " + line);
          }
          char c = line.charAt(i);
          if (c == '"') {
            if (i + 1 < n && line.charAt(i + 1) == '"') {
              cur.append('"');
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            cur.append(c);
            i++;
          }
        }
        if (i < n && line.charAt(i) != ',') {
          throw new IllegalArgumentException("text after a closing quote in: " + line);
        }
      } else {
        while (i < n && line.charAt(i) != ',') {
          cur.append(line.charAt(i));
          i++;
        }
      }
      out.add(cur.toString());
      cur.setLength(0);
      if (i >= n) {
        return out;
      }
      i++; // the comma
    }
  }

  /**
   * Reads a small header-row CSV file into one map per row (column name to value), accepting a
   * UTF-8 byte-order mark and CRLF line ends; blank lines are skipped.
   */
  public static List<Map<String, String>> readRows(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    List<String> header = null;
    int lineNo = 0;
    for (String raw : text.split("\n", -1)) {
      lineNo++;
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      if (line.isBlank()) {
        continue;
      }
      List<String> fields = parseLine(line);
      if (header == null) {
        header = fields;
        continue;
      }
      if (fields.size() != header.size()) {
        throw new IllegalArgumentException(
            file
                + " line "
                + lineNo
                + ": "
                + fields.size()
                + " fields, header has "
                + header.size());
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c), fields.get(c));
      }
      rows.add(row);
    }
    return rows;
  }
}
