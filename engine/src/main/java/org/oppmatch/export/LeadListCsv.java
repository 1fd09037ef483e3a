package org.oppmatch.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A zone's lead list as CSV for Excel and other tools: the workbook's lead rows and headers, UTF-8
 * with a byte-order mark (without it Excel reads the Chinese as the local code page), RFC 4180
 * quoting and CRLF line ends. A text that a spreadsheet would evaluate (it begins with = + - @, a
 * tab or CR) is prefixed with a single quote; the numbers rank, score and previous rank are written
 * as they are.
 */
public final class LeadListCsv {
  private static final String CRLF = "\r\n";

  private LeadListCsv() {}

  /** Writes the CSV of one zone's leads; the stream is flushed and left open. */
  public static void write(ZoneExport zone, OutputStream out) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.write('\uFEFF');
    List<String> header = new ArrayList<>();
    for (LeadColumn c : LeadColumn.values()) {
      header.add(field(c.header()));
    }
    w.write(String.join(",", header));
    w.write(CRLF);
    for (LeadRow lead : zone.leads()) {
      List<String> cells = new ArrayList<>();
      for (LeadColumn c : LeadColumn.values()) {
        cells.add(field(c.value(lead, zone.names())));
      }
      w.write(String.join(",", cells));
      w.write(CRLF);
    }
    w.flush();
  }

  /** One field: numbers plain, text neutralised then quoted where RFC 4180 requires it. */
  static String field(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return Labels.points(d);
    }
    if (v instanceof Number n) {
      return n.toString();
    }
    return quote(SafeText.neutraliseFormula(v.toString()));
  }

  static String quote(String s) {
    boolean needs =
        s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
