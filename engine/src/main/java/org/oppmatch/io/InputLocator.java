package org.oppmatch.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.oppmatch.JobFailure;
import org.oppmatch.schema.InputTable;

/**
 * Finds each input table under the inputs directory: a file NAME.csv, NAME.jsonl or NAME.parquet,
 * or a directory NAME/ of data files (Parquet unless the configuration names another format).
 */
public final class InputLocator {
  private final FileSystem fs;
  private final Path root;
  private final Map<String, InputFormat> configuredFormats;

  public InputLocator(Configuration conf, String inputsDir, Map<String, InputFormat> formats)
      throws IOException {
    this.root = new Path(inputsDir);
    this.fs = root.getFileSystem(conf);
    this.configuredFormats = formats;
    if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
      throw JobFailure.inputContract("inputs directory " + inputsDir + " does not exist");
    }
  }

  /** The table's source, or empty when the table is absent. */
  public Optional<InputSource> locate(InputTable table) throws IOException {
    InputFormat configured = configuredFormats.get(table.tableName());
    List<InputSource> found = new ArrayList<>();
    for (InputFormat f : InputFormat.values()) {
      Path file = new Path(root, table.tableName() + f.extension());
      if (fs.isFile(file) && (configured == null || configured == f)) {
        found.add(new InputSource(table, f, file.toString(), List.of(file.toString())));
      }
    }
    Path dir = new Path(root, table.tableName());
    if (fs.exists(dir) && fs.getFileStatus(dir).isDirectory()) {
      found.add(directorySource(table, dir, configured));
    }
    if (configured != null) {
      // an entry of another name pointed at by the configured format, e.g. enterprises.txt as CSV
      for (FileStatus st : fs.listStatus(root)) {
        String n = st.getPath().getName();
        if (st.isFile()
            && n.startsWith(table.tableName() + ".")
            && InputFormat.fromFileName(n).isEmpty()) {
          found.add(
              new InputSource(
                  table, configured, st.getPath().toString(), List.of(st.getPath().toString())));
        }
      }
    }
    if (found.size() > 1) {
      throw JobFailure.inputContract(
          "input table "
              + table.tableName()
              + " is ambiguous: found "
              + found.stream().map(InputSource::location).toList()
              + "; keep one entry per table");
    }
    return found.stream().findFirst();
  }

  private InputSource directorySource(InputTable table, Path dir, InputFormat configured)
      throws IOException {
    List<FileStatus> files = new ArrayList<>();
    for (FileStatus st : fs.listStatus(dir)) {
      String n = st.getPath().getName();
      if (st.isFile() && !n.startsWith("_") && !n.startsWith(".")) {
        files.add(st);
      }
    }
    files.sort(Comparator.comparing(st -> st.getPath().getName()));
    InputFormat format = configured;
    if (format == null) {
      format =
          files.stream()
              .map(st -> InputFormat.fromFileName(st.getPath().getName()))
              .flatMap(Optional::stream)
              .findFirst()
              .orElse(InputFormat.PARQUET);
    }
    List<String> paths = files.stream().map(st -> st.getPath().toString()).toList();
    if (paths.isEmpty()) {
      throw JobFailure.inputContract("input directory " + dir + " holds no data files");
    }
    return new InputSource(table, format, dir.toString(), paths);
  }
}
