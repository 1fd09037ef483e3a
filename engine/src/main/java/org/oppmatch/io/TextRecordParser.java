package org.oppmatch.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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

  /** Array values in CSV (and in JSON strings) are separated by ';' (or its full-width form). */
  static final Pattern ARRAY_SEPARATOR = Pattern.compile("[;；]");

  private final InputTable table;
  private final InputFormat format;
  private final HashMap<String, String> hadoopConf;

  TextRecordParser(InputTable table, InputFormat format, Map<String, String> hadoopConf) {
    this.table = table;
    this.format = format;
    this.hadoopConf = new HashMap<>(hadoopConf);
  }

  @Override
  public Iterator<Row> call(Iterator<String> files) {
    return new Iterator<>() {
      Iterator<Row> current = java.util.Collections.emptyIterator();
      BufferedReader open;

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          close();
          current = java.util.Collections.emptyIterator();
          if (!files.hasNext()) {
            return false;
          }
          String file = files.next();
          open = openFile(file, hadoopConf);
          current = format == InputFormat.CSV ? csvRows(file, open) : jsonRows(file, open);
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

  static BufferedReader openFile(String file, Map<String, String> confEntries) {
    try {
      Configuration conf = new Configuration();
      confEntries.forEach(conf::set);
      Path p = new Path(file);
      FileSystem fs = p.getFileSystem(conf);
      var decoder =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPLACE)
              .onUnmappableCharacter(CodingErrorAction.REPLACE);
      return new BufferedReader(new InputStreamReader(fs.open(p), decoder), 1 << 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + file, e);
    }
  }

  private Iterator<Row> csvRows(String file, BufferedReader reader) {
    CsvRecordReader records = new CsvRecordReader(reader, -1);
    List<String> header = records.readHeader();
    int[] index = new int[table.columns().size()];
    for (int i = 0; i < index.length; i++) {
      index[i] = header == null ? -1 : header.indexOf(table.columns().get(i).name());
    }
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public Row next() {
        CsvRecordReader.Record r = records.next();
        Object[] values = new Object[5 + index.length];
        values[0] = file;
        values[1] = r.line();
        values[2] = r.text();
        values[3] = r.malformed();
        values[4] = null;
        if (r.fields() != null) {
          for (int i = 0; i < index.length; i++) {
            String v = index[i] < 0 ? null : r.fields().get(index[i]);
            values[5 + i] = table.columns().get(i).type().isArray() ? splitArray(v) : v;
          }
        }
        return RowFactory.create(values);
      }
    };
  }

  private Iterator<Row> jsonRows(String file, BufferedReader reader) {
    ObjectMapper mapper = new ObjectMapper();
    List<ColumnSpec> cols = table.columns();
    return new Iterator<>() {
      long lineNo = 0;
      String line;

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
            if (!l.isBlank()) {
              line = l;
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
        Object[] values = new Object[5 + cols.size()];
        values[0] = file;
        values[1] = lineNo;
        values[2] = text;
        JsonNode node;
        try {
          node = mapper.readTree(text);
        } catch (IOException e) {
          values[3] = "not valid JSON: " + firstLine(e.getMessage());
          return RowFactory.create(values);
        }
        if (node == null || !node.isObject()) {
          values[3] = "not a JSON object";
          return RowFactory.create(values);
        }
        List<String> typeErrors = new ArrayList<>();
        for (int i = 0; i < cols.size(); i++) {
          ColumnSpec c = cols.get(i);
          JsonNode v = node.get(c.name());
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
              values[5 + i] = items == null ? null : items.toArray(new String[0]);
            } else if (v.isTextual()) {
              values[5 + i] = splitArray(v.asText());
            } else {
              typeErrors.add(c.name());
            }
          } else if (v.isValueNode()) {
            values[5 + i] = scalarText(v);
          } else {
            typeErrors.add(c.name());
          }
        }
        values[4] = typeErrors.isEmpty() ? null : typeErrors.toArray(new String[0]);
        return RowFactory.create(values);
      }
    };
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
