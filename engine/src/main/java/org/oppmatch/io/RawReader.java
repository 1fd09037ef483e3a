package org.oppmatch.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampType;
import org.oppmatch.JobFailure;
import org.oppmatch.schema.Cols;
import org.oppmatch.schema.ColumnSpec;
import org.oppmatch.schema.InputTable;

/**
 * Reads one input table, in any of its formats, into the raw schema of {@link
 * InputTable#rawSchema()}: contract columns as text, with file, line and original record kept.
 * Required columns are checked on the driver before any Spark job runs.
 */
public final class RawReader {
  /** JSON Lines files have no header: the keys of this many first records stand in for one. */
  static final int JSON_HEADER_SAMPLE = 1000;

  private final SparkSession spark;
  private final Map<String, String> hadoopConf;
  private final String encodingSetting;

  public RawReader(SparkSession spark) {
    this(spark, "auto");
  }

  /**
   * @param encodingSetting the configuration's {@code inputs.encoding} (auto, utf-8, gb18030,
   *     utf-16)
   */
  public RawReader(SparkSession spark, String encodingSetting) {
    this.spark = spark;
    this.encodingSetting = encodingSetting;
    this.hadoopConf = new HashMap<>();
    for (Map.Entry<String, String> e : spark.sparkContext().hadoopConfiguration()) {
      hadoopConf.put(e.getKey(), e.getValue());
    }
  }

  /**
   * Detects each text file's encoding, and fails (exit code 3) when a required column is absent,
   * naming file, column and what is there. The source with its files' encodings.
   */
  public InputSource checkColumns(InputSource src) {
    if (src.format() == InputFormat.PARQUET) {
      checkParquetSchema(src, spark.read().parquet(src.files().toArray(new String[0])).schema());
      return src;
    }
    Map<String, TextEncoding.Detected> encodings = new java.util.LinkedHashMap<>();
    for (String file : src.files()) {
      Set<String> present;
      if (src.format() == InputFormat.XLSX) {
        present = xlsxHeader(file);
      } else {
        TextEncoding.Detected encoding = detect(file);
        encodings.put(file, encoding);
        present =
            src.format() == InputFormat.CSV
                ? csvHeader(file, encoding)
                : jsonKeys(file, encoding, JSON_HEADER_SAMPLE);
      }
      // the contract's columns the file's names mean (two names of one column fail here)
      Set<String> columns = new LinkedHashSet<>();
      int[] at = src.table().positions(new ArrayList<>(present), file);
      for (int i = 0; i < at.length; i++) {
        if (at[i] >= 0) {
          columns.add(src.table().columns().get(i).name());
        }
      }
      List<String> missing = src.table().missingColumns(columns);
      if (!missing.isEmpty()) {
        throw JobFailure.inputContract(
            file
                + ": required column "
                + String.join(", ", missing)
                + " of "
                + src.table().tableName()
                + " is missing; columns present: "
                + present);
      }
    }
    return src.withEncodings(encodings);
  }

  /** The table as raw rows; call {@link #checkColumns} first. */
  public Dataset<Row> read(InputSource src) {
    return read(src, true);
  }

  /**
   * The table as raw rows; call {@link #checkColumns} first. A Parquet row's raw text is a JSON of
   * all its columns: {@code withParquetText} false leaves it null, for a pass that needs the text
   * of no row (the quarantine reads it again for the rows it holds).
   */
  public Dataset<Row> read(InputSource src, boolean withParquetText) {
    if (src.format() == InputFormat.PARQUET) {
      return readParquet(src, withParquetText);
    }
    // one partition per file, each streamed by one task; no shuffle
    TextRecordParser parser =
        new TextRecordParser(src.table(), src.format(), hadoopConf, src.encodings());
    org.apache.spark.api.java.JavaRDD<Row> rows =
        org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(src.files(), Math.max(1, src.files().size()))
            .mapPartitions(parser::call);
    return spark.createDataFrame(rows, src.table().rawSchema());
  }

  /**
   * A small table's raw rows, on the driver: a CSV or JSON Lines file is parsed here, with no Spark
   * job; Parquet is read by one small job. For the reference tables (thousands of rows).
   */
  public List<Row> readOnDriver(InputSource src) {
    if (src.format() == InputFormat.PARQUET) {
      return readParquet(src).collectAsList();
    }
    List<Row> rows = new ArrayList<>();
    new TextRecordParser(src.table(), src.format(), hadoopConf, src.encodings())
        .call(src.files().iterator())
        .forEachRemaining(rows::add);
    return rows;
  }

  /** A text file's encoding, from its first bytes and {@code inputs.encoding}. */
  private TextEncoding.Detected detect(String file) {
    byte[] head = new byte[TextEncoding.SAMPLE_BYTES];
    int n = 0;
    boolean whole = false;
    try (java.io.InputStream in = open(file)) {
      int r;
      while (n < head.length && (r = in.read(head, n, head.length - n)) > 0) {
        n += r;
      }
      whole = n < head.length || in.read() < 0;
    } catch (IOException e) {
      throw JobFailure.inputContract(file + ": unreadable: " + e.getMessage());
    }
    return TextEncoding.detect(encodingSetting, head, n, whole);
  }

  private java.io.InputStream open(String file) throws IOException {
    org.apache.hadoop.conf.Configuration conf = new org.apache.hadoop.conf.Configuration();
    hadoopConf.forEach(conf::set);
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
    return p.getFileSystem(conf).open(p);
  }

  /** The names in row 1 of a workbook's first sheet (its first row that holds a value). */
  private Set<String> xlsxHeader(String file) {
    try (XlsxRows rows = new XlsxRows(file, hadoopConf)) {
      if (!rows.hasNext()) {
        throw JobFailure.inputContract(file + ": the first sheet is empty, no header row");
      }
      Set<String> names = new LinkedHashSet<>();
      for (String c : rows.next().cells()) {
        names.add(c == null ? "" : c.trim());
      }
      return names;
    } catch (IOException | java.io.UncheckedIOException e) {
      throw JobFailure.inputContract(file + ": unreadable: " + e.getMessage());
    }
  }

  private Set<String> csvHeader(String file, TextEncoding.Detected encoding) {
    try (DecodedLines r = TextRecordParser.openFile(file, hadoopConf, encoding)) {
      List<String> header = new CsvRecordReader(r, -1).readHeader();
      if (header == null) {
        throw JobFailure.inputContract(file + ": empty file, no header row");
      }
      return new LinkedHashSet<>(header);
    } catch (IOException e) {
      throw JobFailure.inputContract(file + ": unreadable: " + e.getMessage());
    }
  }

  private Set<String> jsonKeys(String file, TextEncoding.Detected encoding, int sample) {
    ObjectMapper mapper = new ObjectMapper();
    Set<String> keys = new LinkedHashSet<>();
    try (DecodedLines r = TextRecordParser.openFile(file, hadoopConf, encoding)) {
      String line;
      int seen = 0;
      while (seen < sample && (line = r.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        seen++;
        try {
          JsonNode n = mapper.readTree(line.replace("\uFEFF", ""));
          if (n != null && n.isObject()) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
              keys.add(it.next());
            }
          }
        } catch (IOException malformed) {
          // a malformed record is the quarantine's business, not the header check's
        }
      }
    } catch (IOException e) {
      throw JobFailure.inputContract(file + ": unreadable: " + e.getMessage());
    }
    return keys;
  }

  private static void checkParquetSchema(InputSource src, StructType schema) {
    Map<String, DataType> present = parquetColumns(src, schema);
    List<String> missing = src.table().missingColumns(present.keySet());
    if (!missing.isEmpty()) {
      throw JobFailure.inputContract(
          src.location()
              + ": required column "
              + String.join(", ", missing)
              + " of "
              + src.table().tableName()
              + " is missing; columns present: "
              + List.of(schema.fieldNames()));
    }
    for (ColumnSpec c : src.table().columns()) {
      DataType found = present.get(c.name());
      if (found == null) {
        continue;
      }
      if (!convertible(found, c)) {
        throw JobFailure.inputContract(
            src.location()
                + ": column "
                + c.name()
                + " has type "
                + found.simpleString()
                + ", expected "
                + c.type().contractName());
      }
    }
  }

  /**
   * The contract columns of a Parquet schema, by their own names or aliases, with their types (two
   * names of one column fail the run).
   */
  private static Map<String, DataType> parquetColumns(InputSource src, StructType schema) {
    int[] at = src.table().positions(List.of(schema.fieldNames()), src.location());
    Map<String, DataType> out = new HashMap<>();
    for (int i = 0; i < at.length; i++) {
      if (at[i] >= 0) {
        out.put(src.table().columns().get(i).name(), schema.fields()[at[i]].dataType());
      }
    }
    return out;
  }

  /** The file's column that holds a contract column (its name or an alias), or null. */
  private static String parquetName(InputSource src, StructType schema, String column) {
    int[] at = src.table().positions(List.of(schema.fieldNames()), src.location());
    int k = at[src.table().indexOf(column)];
    return k < 0 ? null : schema.fieldNames()[k];
  }

  private static boolean convertible(DataType found, ColumnSpec c) {
    if (c.type().isArray()) {
      return found instanceof ArrayType a && isScalar(a.elementType())
          || found.equals(DataTypes.StringType);
    }
    return isScalar(found);
  }

  private static boolean isScalar(DataType t) {
    return !(t instanceof ArrayType
        || t instanceof StructType
        || t instanceof MapType
        || t instanceof BinaryType);
  }

  private Dataset<Row> readParquet(InputSource src) {
    return readParquet(src, true);
  }

  private Dataset<Row> readParquet(InputSource src, boolean withText) {
    Dataset<Row> df = spark.read().parquet(src.files().toArray(new String[0]));
    Set<String> present = new LinkedHashSet<>(List.of(df.columns()));
    List<Column> cols = new ArrayList<>();
    cols.add(col("_metadata.file_path").as(Cols.RAW_FILE));
    cols.add(col("_metadata.row_index").plus(1).as(Cols.RAW_LINE));
    Column[] all = present.stream().map(n -> col("`" + n + "`")).toArray(Column[]::new);
    cols.add(
        withText
            ? to_json(struct(all)).as(Cols.RAW_TEXT)
            : lit(null).cast(DataTypes.StringType).as(Cols.RAW_TEXT));
    cols.add(lit(null).cast(DataTypes.StringType).as(Cols.RAW_MALFORMED));
    cols.add(
        lit(null)
            .cast(DataTypes.createArrayType(DataTypes.StringType, false))
            .as(Cols.RAW_TYPE_ERRORS));
    cols.add(lit(null).cast(DataTypes.StringType).as(Cols.RAW_BAD_ENCODING));
    Map<String, DataType> types = parquetColumns(src, df.schema());
    for (ColumnSpec c : src.table().columns()) {
      DataType t = types.get(c.name());
      Column out;
      Column in = t == null ? null : col("`" + parquetName(src, df.schema(), c.name()) + "`");
      if (t == null) {
        out = lit(null).cast(c.type().rawType());
      } else if (c.type().isArray() && t instanceof ArrayType) {
        out = transform(in, x -> asText(x, ((ArrayType) t).elementType()));
      } else if (c.type().isArray()) {
        out = org.apache.spark.sql.functions.split(in, TextRecordParser.ARRAY_SEPARATOR.pattern());
      } else {
        out = asText(in, t);
      }
      cols.add(out.cast(c.type().rawType()).as(c.name()));
    }
    return df.select(cols.toArray(Column[]::new));
  }

  private static Column asText(Column c, DataType t) {
    if (t instanceof DateType || t instanceof TimestampType) {
      return date_format(c, "yyyy-MM-dd");
    }
    return c.cast(DataTypes.StringType);
  }
}
