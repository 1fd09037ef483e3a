package org.oppmatch.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.oppmatch.schema.ColumnSpec;
import org.oppmatch.schema.InputTable;

/**
 * Turns CSV and JSON Lines files into raw rows on the executors, one file streamed at a time, so
 * every record keeps its file, its line number and its original text for the quarantine.
 */
final class TextRecordParser implements MapPartitionsFunction<String, Row> {
  private static final long serialVersionUID = 1L;

  /**
   * Array values in CSV (and in JSON strings) are separated by ';', its full-width form, or '、' (as
   * registries list industries and tags).
   */
  static final Pattern ARRAY_SEPARATOR = Pattern.compile("[;；、]");

  private static final int FIRST = InputTable.RAW_FIRST_COLUMN_AT;

  private final InputTable table;
  private final InputFormat format;
  private final HashMap<String, String> hadoopConf;
  private final HashMap<String, TextEncoding.Detected> encodings;

  /**
   * @param encodings each file's encoding ({@link RawReader#checkColumns}); a file without one is
   *     read as UTF-8
   */
  TextRecordParser(
      InputTable table,
      InputFormat format,
      Map<String, String> hadoopConf,
      Map<String, TextEncoding.Detected> encodings) {
    this.table = table;
    this.format = format;
    this.hadoopConf = new HashMap<>(hadoopConf);
    this.encodings = new HashMap<>(encodings);
  }

  @Override
  public Iterator<Row> call(Iterator<String> files) {
    return new Iterator<>() {
      Iterator<Row> current = java.util.Collections.emptyIterator();
      java.io.Closeable open;

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          close();
          current = java.util.Collections.emptyIterator();
          if (!files.hasNext()) {
            return false;
          }
          String file = files.next();
          if (format == InputFormat.XLSX) {
            XlsxRows sheet = new XlsxRows(file, hadoopConf);
            open = sheet;
            current = sheetRows(file, sheet);
            continue;
          }
          DecodedLines lines =
              openFile(
                  file,
                  hadoopConf,
                  encodings.getOrDefault(file, new TextEncoding.Detected(TextEncoding.UTF_8, 0)));
          open = lines;
          current = format == InputFormat.CSV ? csvRows(file, lines) : jsonRows(file, lines);
        }
        return true;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }

      private void close() {
        if (open != null) {
          try {
            open.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          open = null;
        }
      }
    };
  }

  /** A file's lines in its encoding, decoded strictly ({@link DecodedLines}). */
  static DecodedLines openFile(
      String file, Map<String, String> confEntries, TextEncoding.Detected encoding) {
    try {
      Configuration conf = new Configuration();
      confEntries.forEach(conf::set);
      Path p = new Path(file);
      FileSystem fs = p.getFileSystem(conf);
      return new DecodedLines(fs.open(p), encoding.encoding(), encoding.bom());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }

  private Iterator<Row> csvRows(String file, DecodedLines reader) {
    CsvRecordReader records = new CsvRecordReader(reader, -1);
    List<String> header = records.readHeader();
    int[] index = header == null ? new int[table.columns().size()] : table.positions(header, file);
    if (header == null) {
      java.util.Arrays.fill(index, -1);
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public Row next() {
        CsvRecordReader.Record r = records.next();
        Object[] values = new Object[FIRST + index.length];
        values[InputTable.RAW_FILE_AT] = file;
        values[InputTable.RAW_LINE_AT] = r.line();
        values[InputTable.RAW_TEXT_AT] = r.text();
        values[InputTable.RAW_MALFORMED_AT] = r.malformed();
        values[InputTable.RAW_BAD_ENCODING_AT] = r.badBytes();
        if (r.fields() != null) {
          for (int i = 0; i < index.length; i++) {
            String v = index[i] < 0 ? null : r.fields().get(index[i]);
            values[FIRST + i] = table.columns().get(i).type().isArray() ? splitArray(v) : v;
          }
        }
        return RowFactory.create(values);
      }
    };
  }

  /** A workbook's rows after its header row, each by its sheet row number. */
  private Iterator<Row> sheetRows(String file, XlsxRows sheet) {
    int[] index;
    if (sheet.hasNext()) {
      List<String> header = new ArrayList<>();
      for (String c : sheet.next().cells()) {
        header.add(c == null ? "" : c.trim());
      }
      index = table.positions(header, file);
    } else {
      index = new int[table.columns().size()];
      java.util.Arrays.fill(index, -1);
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return sheet.hasNext();
      }

      @Override
      public Row next() {
        XlsxRows.Row r = sheet.next();
        Object[] values = new Object[FIRST + index.length];
        values[InputTable.RAW_FILE_AT] = file;
        values[InputTable.RAW_LINE_AT] = r.number();
        values[InputTable.RAW_TEXT_AT] = r.text();
        for (int i = 0; i < index.length; i++) {
          String v = index[i] < 0 || index[i] >= r.cells().size() ? null : r.cells().get(index[i]);
          values[FIRST + i] = table.columns().get(i).type().isArray() ? splitArray(v) : v;
        }
        return RowFactory.create(values);
      }
    };
  }

  private Iterator<Row> jsonRows(String file, DecodedLines reader) {
    ObjectMapper mapper = new ObjectMapper();
    List<ColumnSpec> cols = table.columns();
    return new Iterator<>() {
      long lineNo = 0;
      String line;
      String bad;

      @Override
      public boolean hasNext() {
        try {
          while (line == null) {
            String l = reader.readLine();
            if (l == null) {
              return false;
            }
            lineNo++;
            if (lineNo == 1 && !l.isEmpty() && l.charAt(0) == '\uFEFF') {
              l = l.substring(1);
            }
            if (!l.isBlank() || reader.badBytes() != null) {
              line = l;
              bad = reader.badBytes();
            }
          }
          return true;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        String text = line;
        line = null;
        Object[] values = new Object[FIRST + cols.size()];
        values[InputTable.RAW_FILE_AT] = file;
        values[InputTable.RAW_LINE_AT] = lineNo;
        values[InputTable.RAW_TEXT_AT] = text;
        values[InputTable.RAW_BAD_ENCODING_AT] = bad;
        JsonNode node;
        try {
          node = mapper.readTree(text);
        } catch (IOException e) {
          values[InputTable.RAW_MALFORMED_AT] = "not valid JSON: " + firstLine(e.getMessage());
          return RowFactory.create(values);
        }
        if (node == null || !node.isObject()) {
          values[InputTable.RAW_MALFORMED_AT] = "not a JSON object";
          return RowFactory.create(values);
        }
        List<String> typeErrors = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
          ColumnSpec c = cols.get(i);
          JsonNode v = field(node, c.name());
          if (v == null || v.isNull()) {
            continue;
          }
          if (c.type().isArray()) {
            if (v.isArray()) {
              List<String> items = new ArrayList<>();
              for (JsonNode item : v) {
                if (item.isNull()) {
                  continue;
                }
                if (!item.isValueNode()) {
                  typeErrors.add(c.name());
                  items = null;
                  break;
                }
                items.add(scalarText(item).trim());
              }
              values[FIRST + i] = items == null ? null : items.toArray(new String[0]);
            } else if (v.isTextual()) {
              values[FIRST + i] = splitArray(v.asText());
            } else {
              typeErrors.add(c.name());
            }
          } else if (v.isValueNode()) {
            values[FIRST + i] = scalarText(v);
          } else {
            typeErrors.add(c.name());
          }
        }
        values[InputTable.RAW_TYPE_ERRORS_AT] =
            typeErrors.isEmpty() ? null : typeErrors.toArray(new String[0]);
        return RowFactory.create(values);
      }
    };
  }

  /** A record's value of a column, under its own name or one of its aliases. */
  private JsonNode field(JsonNode node, String column) {
    JsonNode v = node.get(column);
    if (v != null) {
      return v;
    }
    for (Map.Entry<String, String> a : org.oppmatch.schema.ColumnAliases.of(table).entrySet()) {
      if (a.getValue().equals(column) && node.has(a.getKey())) {
        return node.get(a.getKey());
      }
    }
    return null;
  }

  /** A JSON scalar as the text a CSV would hold: plain decimal numbers, no exponent. */
  static String scalarText(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.bigIntegerValue().toString();
    }
    if (v.isNumber()) {
      return v.decimalValue().stripTrailingZeros().toPlainString();
    }
    return v.asText();
  }

  static String[] splitArray(String v) {
    if (v == null) {
      return null;
    }
    List<String> items = new ArrayList<>();
    for (String part : ARRAY_SEPARATOR.split(v, -1)) {
      String t = part.trim();
      if (!t.isEmpty()) {
        items.add(t);
      }
    }
    return items.toArray(new String[0]);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
