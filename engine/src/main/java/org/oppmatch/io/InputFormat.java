package org.oppmatch.io;

import java.util.Locale;
import java.util.Optional;

/** The file formats an input table may arrive in. */
public enum InputFormat {
  CSV(".csv"),
  JSONL(".jsonl"),
  PARQUET(".parquet"),
  /** An Excel workbook: its first sheet, row 1 the header (version 3). */
  XLSX(".xlsx");

  private final String extension;

  InputFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** The format a file name's extension declares (.json and .ndjson count as JSON Lines). */
  public static Optional<InputFormat> fromFileName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".csv")) {
      return Optional.of(CSV);
    }
    if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json")) {
      return Optional.of(JSONL);
    }
    if (n.endsWith(".parquet")) {
      return Optional.of(PARQUET);
    }
    if (n.endsWith(".xlsx")) {
      return Optional.of(XLSX);
    }
    return Optional.empty();
  }

  public static InputFormat parse(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "csv" -> CSV;
      case "jsonl", "json", "ndjson" -> JSONL;
      case "parquet" -> PARQUET;
      case "xlsx" -> XLSX;
      default -> throw new IllegalArgumentException("unknown input format '" + name + "'");
    };
  }
}
