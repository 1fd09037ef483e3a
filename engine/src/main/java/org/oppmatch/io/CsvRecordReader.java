package org.oppmatch.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads RFC 4180 CSV records from a text stream with their line numbers. A quoted field may span
 * lines; a record that cannot be read (an unterminated quote, stray text after a closing quote, or
 * a field count other than the header's) is returned as malformed for its first line only, and
 * reading resumes on the next line, so one bad line never takes its neighbours with it.
 */
public final class CsvRecordReader implements Iterator<CsvRecordReader.Record> {
  /** A quoted field may span at most this many lines before the record is judged malformed. */
  static final int MAX_RECORD_LINES = 50;

  /**
   * One record: its first line number (1-based, counting the header), its text, its fields (null
   * when malformed), why it is malformed, and which of its bytes did not decode (null: none).
   */
  public record Record(
      long line, String text, List<String> fields, String malformed, String badBytes) {}

  /** A line as read, with its bad bytes (null: none). */
  private record Line(String text, String badBytes) {}

  private final LineSource in;
  private final Deque<Line> pushedBack = new ArrayDeque<>();
  private String badBytes;
  private int expectedFields;
  private long nextLineNumber = 1;
  private Record next;
  private boolean first = true;
  private boolean eof;

  /** A reader expecting {@code expectedFields} fields a record; -1 until the header is read. */
  public CsvRecordReader(BufferedReader in, int expectedFields) {
    this(LineSource.of(in), expectedFields);
  }

  CsvRecordReader(LineSource in, int expectedFields) {
    this.in = in;
    this.expectedFields = expectedFields;
  }

  /** Reads the header record (the first non-blank line) and expects its field count from now on. */
  public List<String> readHeader() {
    Record h = hasNext() ? next() : null;
    if (h == null || h.fields() == null) {
      return null;
    }
    expectedFields = h.fields().size();
    List<String> names = new ArrayList<>();
    for (String f : h.fields()) {
      names.add(f == null ? "" : f.trim());
    }
    return names;
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = readRecord();
    }
    return next != null;
  }

  @Override
  public Record next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Record r = next;
    next = null;
    return r;
  }

  /** The next line; its bad bytes, if any, are the current record's ({@link #badBytes}). */
  private String readLine() {
    if (eof && pushedBack.isEmpty()) {
      return null;
    }
    try {
      String l;
      String bad;
      if (pushedBack.isEmpty()) {
        l = in.readLine();
        bad = in.badBytes();
      } else {
        Line back = pushedBack.pop();
        l = back.text();
        bad = back.badBytes();
      }
      if (l == null) {
        eof = true;
      }
      lastBad = bad;
      if (bad != null && badBytes == null) {
        badBytes = bad;
      }
      if (l != null && first) {
        first = false;
        if (!l.isEmpty() && l.charAt(0) == '\uFEFF') {
          l = l.substring(1); // Excel's UTF-8 byte-order mark
        }
      }
      return l;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Record readRecord() {
    String line;
    long lineNo;
    do {
      badBytes = null;
      line = readLine();
      lineNo = nextLineNumber++;
      if (line == null) {
        return null;
      }
    } while (line.isBlank() && badBytes == null);
    String firstBad = badBytes;

    List<Line> consumed = new ArrayList<>();
    StringBuilder text = new StringBuilder(line);
    while (true) {
      Parse p = parse(text);
      if (p.fields != null) {
        if (expectedFields < 0 || p.fields.size() == expectedFields) {
          return new Record(lineNo, text.toString(), p.fields, null, badBytes);
        }
        String why = "expected " + expectedFields + " fields, found " + p.fields.size();
        return malformedFirstLine(lineNo, line, firstBad, consumed, why);
      }
      if (p.error != null) {
        return malformedFirstLine(lineNo, line, firstBad, consumed, p.error);
      }
      // inside a quoted field at the end of the line: the field goes on on the next line
      String more = consumed.size() + 1 < MAX_RECORD_LINES ? readLine() : null;
      if (more == null) {
        return malformedFirstLine(lineNo, line, firstBad, consumed, "unterminated quoted field");
      }
      consumed.add(new Line(more, lastBad));
      nextLineNumber++;
      text.append('\n').append(more);
    }
  }

  private String lastBad;

  private Record malformedFirstLine(
      long lineNo, String line, String firstBad, List<Line> consumed, String why) {
    for (int i = consumed.size() - 1; i >= 0; i--) {
      pushedBack.push(consumed.get(i));
    }
    nextLineNumber -= consumed.size();
    return new Record(lineNo, line, null, why, firstBad);
  }

  private record Parse(List<String> fields, String error) {}

  private static final Parse NEED_MORE = new Parse(null, null);

  /** Parses one record's text; returns NEED_MORE when it ends inside a quoted field. */
  static Parse parse(CharSequence s) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean inQuotes = false;
    boolean quoted = false;
    boolean closed = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inQuotes) {
        if (c == '"') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            inQuotes = false;
            closed = true;
          }
        } else {
          field.append(c);
        }
      } else if (c == ',') {
        fields.add(value(field, quoted));
        field.setLength(0);
        quoted = false;
        closed = false;
      } else if (closed) {
        if (c != ' ' && c != '\t') {
          return new Parse(null, "unexpected text after a closing quote at column " + (i + 1));
        }
      } else if (c == '"' && field.toString().isBlank()) {
        field.setLength(0);
        inQuotes = true;
        quoted = true;
      } else {
        field.append(c);
      }
    }
    if (inQuotes) {
      return NEED_MORE;
    }
    fields.add(value(field, quoted));
    return new Parse(fields, null);
  }

  private static String value(StringBuilder field, boolean quoted) {
    if (!quoted && field.length() == 0) {
      return null;
    }
    return field.toString();
  }
}
