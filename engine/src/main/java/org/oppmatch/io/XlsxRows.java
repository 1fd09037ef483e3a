package org.oppmatch.io;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * The rows of an Excel workbook's first sheet, streamed (data-contract.md, version 3): the sheet's
 * XML is pulled one row at a time, never held whole, so a sheet of Excel's 1,048,576 rows reads in
 * the memory of a few rows (and of its shared strings). Each cell is read by its Excel type: a
 * number in a date format is that date ({@code yyyy-MM-dd}), any other number its plain decimal
 * form (1200, not 1200.0), a boolean true or false, text as it is; a row keeps its sheet row
 * number. A file on another file system than the local one is copied to local scratch first: the
 * zip format is read from its end.
 */
final class XlsxRows implements Iterator<XlsxRows.Row>, Closeable {
  /** One non-empty row: its sheet row number and its cells' text by column (null: empty). */
  record Row(long number, List<String> cells) {

    /** The row's cells as text, comma-separated as a CSV line shows them: the quarantine's. */
    String text() {
      List<String> out = new ArrayList<>(cells.size());
      for (String c : cells) {
        if (c == null) {
          out.add("");
        } else if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
          out.add('"' + c.replace("\"", "\"\"") + '"');
        } else {
          out.add(c);
        }
      }
      return String.join(",", out);
    }
  }

  private final OPCPackage pkg;
  private final File scratch;
  private final InputStream sheet;
  private final XMLStreamReader xml;
  private final ReadOnlySharedStringsTable strings;
  private final StylesTable styles;
  private final Map<Integer, Boolean> dateStyles = new HashMap<>();
  private Row next;

  XlsxRows(String file, Map<String, String> hadoopConf) {
    try {
      Configuration conf = new Configuration();
      hadoopConf.forEach(conf::set);
      Path p = new Path(file);
      FileSystem fs = p.getFileSystem(conf);
      File local;
      if (fs instanceof LocalFileSystem l) {
        local = l.pathToFile(p);
        scratch = null;
      } else {
        scratch = File.createTempFile("oppmatch-input-", ".xlsx");
        try (InputStream in = fs.open(p)) {
          Files.copy(in, scratch.toPath(), StandardCopyOption.REPLACE_EXISTING);
        }
        local = scratch;
      }
      pkg = OPCPackage.open(local, PackageAccess.READ);
      XSSFReader reader = new XSSFReader(pkg);
      strings = new ReadOnlySharedStringsTable(pkg);
      styles = reader.getStylesTable();
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new IOException("the workbook has no sheet");
      }
      sheet = sheets.next();
      XMLInputFactory f = XMLInputFactory.newInstance();
      f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      xml = f.createXMLStreamReader(sheet);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the workbook " + file, e);
    } catch (Exception e) {
      throw new UncheckedIOException(
          "cannot read the workbook " + file, new IOException(e.getMessage(), e));
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      next = readRow();
    }
    return next != null;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = next;
    next = null;
    return r;
  }

  /** The next row that holds a value, or null at the end of the sheet. */
  private Row readRow() {
    try {
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
          long number = Long.parseLong(xml.getAttributeValue(null, "r"));
          List<String> cells = readCells();
          if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
            return new Row(number, cells);
          }
        }
      }
      return null;
    } catch (XMLStreamException e) {
      throw new UncheckedIOException(new IOException("the sheet cannot be read: " + e, e));
    }
  }

  /** The cells of the current row, up to its end tag, by column index. */
  private List<String> readCells() throws XMLStreamException {
    List<String> cells = new ArrayList<>();
    String ref = null;
    String type = null;
    String style = null;
    StringBuilder value = null;
    boolean inValue = false;
    while (xml.hasNext()) {
      int e = xml.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        String n = xml.getLocalName();
        if (n.equals("c")) {
          ref = xml.getAttributeValue(null, "r");
          type = xml.getAttributeValue(null, "t");
          style = xml.getAttributeValue(null, "s");
          value = new StringBuilder();
        } else if (n.equals("v") || n.equals("t")) {
          inValue = true;
        }
      } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
        if (inValue && value != null) {
          value.append(xml.getText());
        }
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        String n = xml.getLocalName();
        if (n.equals("v") || n.equals("t")) {
          inValue = false;
        } else if (n.equals("c")) {
          int column = ref == null ? cells.size() : column(ref);
          while (cells.size() <= column) {
            cells.add(null);
          }
          cells.set(column, cellText(type, style, value == null ? "" : value.toString()));
          value = null;
        } else if (n.equals("row")) {
          return cells;
        }
      }
    }
    return cells;
  }

  /** A cell's value as text, by its Excel type. */
  private String cellText(String type, String style, String raw) {
    if (type == null || type.equals("n")) {
      if (raw.isEmpty()) {
        return null;
      }
      double d;
      try {
        d = Double.parseDouble(raw);
      } catch (NumberFormatException e) {
        return raw;
      }
      if (style != null && isDateStyle(Integer.parseInt(style)) && DateUtil.isValidExcelDate(d)) {
        LocalDateTime t = DateUtil.getLocalDateTime(d);
        return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
            ? t.toLocalDate().toString()
            : t.toString();
      }
      return new BigDecimal(raw).stripTrailingZeros().toPlainString();
    }
    return switch (type) {
      case "s" -> strings.getItemAt(Integer.parseInt(raw.trim())).getString();
      case "b" -> raw.equals("1") ? "true" : "false";
      default ->
          raw; // inlineStr, str (a formula's text), e (an error: #N/A, which no column takes)
    };
  }

  private boolean isDateStyle(int index) {
    return dateStyles.computeIfAbsent(
        index,
        i -> {
          XSSFCellStyle s = styles.getStyleAt(i);
          return s != null && DateUtil.isADateFormat(s.getDataFormat(), s.getDataFormatString());
        });
  }

  /** The zero-based column of a cell reference such as AB12. */
  static int column(String ref) {
    int c = 0;
    for (int i = 0; i < ref.length(); i++) {
      char ch = ref.charAt(i);
      if (ch < 'A' || ch > 'Z') {
        break;
      }
      c = c * 26 + (ch - 'A' + 1);
    }
    return c - 1;
  }

  @Override
  public void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // closing the stream below is what matters
    }
    sheet.close();
    pkg.revert();
    if (scratch != null) {
      Files.deleteIfExists(scratch.toPath());
    }
  }
}
